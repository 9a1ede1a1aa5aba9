/** The console's filters, read from the address so every view can be bookmarked and shared. Pure. */
import { professions, type Profession } from '../auth/validation';

export interface ConsoleFilter {
  /** Joined on or after this moment (midnight UTC of the first day). */
  joinedFrom?: Date;
  /** Joined before this moment (midnight UTC after the last day). */
  joinedBefore?: Date;
  profession?: Profession;
}

/** What the form shows back: the text as typed. */
export interface FilterValues {
  from: string;
  to: string;
  profession: string;
}

export type FilterErrors = Partial<Record<'from' | 'to' | 'profession', string>>;

const dayMs = 86_400_000;

/**
 * A calendar date as a date input sends it (2025-03-01) or as people type it where there is none (1/3/2025, day
 * first); null when it is not a real date.
 */
export function parseDay(text: string): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const typed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : typed ? [typed[3], typed[2], typed[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 31 April over to 1 May: a date that changed was not a real one.
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? date : null;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function readFilter(params: URLSearchParams): { filter: ConsoleFilter; values: FilterValues; errors: FilterErrors } {
  const values = { from: params.get('from')?.trim() ?? '', to: params.get('to')?.trim() ?? '', profession: params.get('profession') ?? '' };
  const errors: FilterErrors = {};
  const filter: ConsoleFilter = {};
  const from = values.from ? parseDay(values.from) : null;
  const to = values.to ? parseDay(values.to) : null;
  if (values.from && !from) errors.from = 'Enter the first date as a real date, like 2025-03-01.';
  if (values.to && !to) errors.to = 'Enter the last date as a real date, like 2025-03-31.';
  if (from && to && to < from) errors.to = 'The last date must be the same as or after the first date.';
  if (values.profession && !professions.some((p) => p.value === values.profession)) errors.profession = 'Choose a profession from the list.';
  // Shown back as the date input expects.
  if (from) values.from = isoDay(from);
  if (to) values.to = isoDay(to);
  if (Object.keys(errors).length === 0) {
    if (from) filter.joinedFrom = from;
    if (to) filter.joinedBefore = new Date(to.getTime() + dayMs);
    if (values.profession) filter.profession = values.profession as Profession;
  }
  return { filter, values, errors };
}

/** The filter as a query string ("?from=…"), or "" when none is set, to carry it between console views. */
export function filterQuery(values: FilterValues): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'profession'] as const) if (values[key]) params.set(key, values[key]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter narrows the learners counted. */
export function isFiltered(filter: ConsoleFilter): boolean {
  return filter.joinedFrom !== undefined || filter.joinedBefore !== undefined || filter.profession !== undefined;
}
