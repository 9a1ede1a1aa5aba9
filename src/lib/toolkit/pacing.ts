/** Pacing: a task split into spells of activity no longer than the tolerance level, with rests between them. */
import { readNumber } from './numbers';

/** The four ideas the workbook builds pacing on, each with a question to ask. */
export const pacingIdeas = [
  { key: 'prioritise', label: 'Prioritise', question: 'What matters most today, and what can wait for another day?' },
  { key: 'plan', label: 'Plan', question: 'What order works best? Could a part be done another way, shared, or spread over days?' },
  { key: 'tolerance', label: 'Tolerance level', question: 'How long can each spell of activity last without overdoing it, on a good day or a bad one?' },
  { key: 'evaluate', label: 'Evaluate', question: 'After a few days of keeping to the plan, what would you change?' },
] as const;

/** A task longer than this in a day is not one task to pace but several days' work. */
export const maxTaskMinutes = 16 * 60;
export const maxParts = 8;

export interface PacingInput {
  task: string;
  /** In order of priority: what to do first. */
  parts: { name: string; minutes: string }[];
  /** The tolerance level: the longest spell of activity, in minutes. */
  spell: string;
  /** The rest between spells, in minutes. */
  rest: string;
  /** When the first spell starts, "HH:MM" as a time input gives it. */
  start: string;
}

export interface Period {
  kind: 'activity' | 'rest';
  /** Minutes after midnight. */
  from: number;
  to: number;
  label: string;
}

export interface PacingPlan {
  ok: true;
  periods: Period[];
  /** The tolerance level and the rest, in minutes. */
  spell: number;
  rest: number;
  activityMinutes: number;
  spells: number;
}

export type PacingResult = PacingPlan | { ok: false; errors: Record<string, string> };

/**
 * Errors are keyed by field: "task", "spell", "rest", "start", "part-<n>-name" and "part-<n>-minutes" (from 1); and
 * "parts" when the parts together are too long, "day" when the plan would run past midnight.
 */
export function pacingPlan(input: PacingInput): PacingResult {
  const errors: Record<string, string> = {};
  if (!input.task.trim()) errors.task = 'Enter the task to pace, such as “cleaning the house”.';
  const spell = readNumber(input.spell, { label: 'the longest spell of activity', max: 240, whole: true });
  const rest = readNumber(input.rest, {
    label: 'the rest between spells',
    max: 240,
    whole: true,
    zeroHint: 'Pacing needs a rest between spells, even a short one.',
  });
  if (!spell.ok) errors.spell = spell.message;
  if (!rest.ok) errors.rest = rest.message;
  const start = parseClock(input.start);
  if (start === undefined) errors.start = 'Enter the time to start, like 09:30.';

  const parts: { name: string; minutes: number }[] = [];
  input.parts.forEach((part, i) => {
    const name = part.name.trim();
    if (!name && !part.minutes.trim()) return;
    const n = i + 1;
    if (!name) errors[`part-${n}-name`] = `Say what part ${n} of the task is.`;
    const minutes = readNumber(part.minutes, { label: `the minutes for part ${n}`, max: maxTaskMinutes, whole: true });
    if (!minutes.ok) errors[`part-${n}-minutes`] = minutes.message;
    else if (name) parts.push({ name, minutes: minutes.value });
  });
  if (input.parts.every((p) => !p.name.trim() && !p.minutes.trim())) {
    errors['part-1-name'] = 'Add at least one part of the task, with its minutes.';
  }
  const activityMinutes = parts.reduce((sum, p) => sum + p.minutes, 0);
  if (activityMinutes > maxTaskMinutes) {
    errors.parts = 'The parts add up to more than 16 hours: spread the task over more than one day.';
  }
  if (Object.keys(errors).length > 0 || !spell.ok || !rest.ok || start === undefined) return { ok: false, errors };

  const periods: Period[] = [];
  let clock = start;
  for (const part of parts) {
    const pieces = evenPieces(part.minutes, spell.value);
    pieces.forEach((minutes, i) => {
      if (periods.length > 0) {
        periods.push({ kind: 'rest', from: clock, to: clock + rest.value, label: 'Rest' });
        clock += rest.value;
      }
      const label = pieces.length > 1 ? `${part.name} (${i + 1} of ${pieces.length})` : part.name;
      periods.push({ kind: 'activity', from: clock, to: clock + minutes, label });
      clock += minutes;
    });
  }
  if (clock > 24 * 60) {
    return {
      ok: false,
      errors: { day: `This plan would end after midnight (${formatClock(clock)}): start earlier, shorten the rests, or spread the task over two days.` },
    };
  }
  return { ok: true, periods, spell: spell.value, rest: rest.value, activityMinutes, spells: periods.filter((p) => p.kind === 'activity').length };
}

/** Minutes shared into as few spells as the tolerance allows, as evenly as whole minutes can be: 25 in spells of 10 is 9, 8, 8. */
export function evenPieces(minutes: number, longest: number): number[] {
  const count = Math.ceil(minutes / longest);
  const base = Math.floor(minutes / count);
  return Array.from({ length: count }, (_, i) => base + (i < minutes % count ? 1 : 0));
}

/** "09:30" or "9:30" as minutes after midnight; undefined when it is not a time of day. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

/** Minutes after midnight as "09:30"; 24:00 and later read as the next day's clock would show them. */
export function formatClock(minutes: number): string {
  const inDay = minutes % (24 * 60);
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}
