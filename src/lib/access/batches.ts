/** What an admin types to make a batch of access codes, and to name an organisation. Pure. */
import type { Checked, FieldErrors } from '../auth/validation';

export const maxCodesPerBatch = 1000;
export const maxNoteLength = 200;
export const maxOrganisationNameLength = 120;

export interface BatchInput {
  courseSlug: string;
  count: number;
  /** The last moment the codes work: the end of the chosen day (UTC, as certificates date things). */
  expiresAt: Date;
  note: string;
  organisationId: string | null;
}

type BatchField = 'course' | 'count' | 'expires' | 'note' | 'organisation';

/** The end of a day written as 31/3/2027 or 2027-03-31, or null when it is not a real date. */
export function parseDay(raw: string): Date | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : british
      ? [Number(british[3]), Number(british[2]), Number(british[1])]
      : [NaN, NaN, NaN];
  const start = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March: a real date reads back unchanged.
  if (Number.isNaN(start.getTime()) || start.getUTCDate() !== day || start.getUTCMonth() !== month - 1) return null;
  return new Date(start.getTime() + 24 * 60 * 60 * 1000 - 1);
}

export function checkBatch(
  form: Record<string, string | undefined>,
  options: { courses: readonly string[]; organisations: readonly string[]; now: Date },
): Checked<BatchInput, BatchField> {
  const errors: FieldErrors<BatchField> = {};
  const courseSlug = form.course ?? '';
  if (!options.courses.includes(courseSlug)) errors.course = 'Choose the course the codes are for.';

  const countText = (form.count ?? '').trim();
  const count = /^\d+$/.test(countText) ? Number(countText) : NaN;
  if (!(count >= 1 && count <= maxCodesPerBatch)) errors.count = `Enter how many codes to make, a whole number from 1 to ${maxCodesPerBatch}.`;

  const expiresAt = parseDay(form.expires ?? '');
  if (!expiresAt) errors.expires = 'Enter the last day the codes work, like 31/3/2027.';
  else if (expiresAt.getTime() <= options.now.getTime()) errors.expires = 'The last day the codes work must be today or later.';

  const note = (form.note ?? '').replace(/\s+/g, ' ').trim();
  if (note.length > maxNoteLength) errors.note = `Keep the note to ${maxNoteLength} characters.`;

  const organisationId = form.organisation || null;
  if (organisationId && !options.organisations.includes(organisationId)) errors.organisation = 'Choose an organisation from the list, or none.';

  if (Object.keys(errors).length > 0 || !expiresAt) return { ok: false, errors };
  return { ok: true, value: { courseSlug, count, expiresAt, note, organisationId } };
}

/** An organisation's name: single-spaced, and not blank or too long. */
export function checkOrganisationName(raw: unknown): { name?: string; error?: string } {
  const name = typeof raw === 'string' ? raw.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  if (!name) return { error: 'Enter the organisation’s name, like Royal Devon University Healthcare NHS Foundation Trust.' };
  if ([...name].length > maxOrganisationNameLength) return { error: `Keep the name to ${maxOrganisationNameLength} characters.` };
  return { name };
}
