/** Building up from the baseline: small increases, each held for one or two weeks, up to a target. */
import { dayLimit } from './baseline';
import { formatNumber, readNumber, tidy } from './numbers';

/** A plan longer than this many increases is a sign the steps are too small or the target too far. */
export const maxIncreases = 52;

export interface ProgressionInput {
  start: string;
  target: string;
  increase: string;
  /** How long to hold each level before the next increase: "1" or "2" weeks. */
  weeksPerLevel: string;
}

export interface Level {
  /** The week this level begins, counting the first week as 1. */
  week: number;
  amount: number;
}

type Field = keyof ProgressionInput;

export interface Progression {
  ok: true;
  levels: Level[];
  increase: number;
  weeksPerLevel: 1 | 2;
  weeksToTarget: number;
}

export type ProgressionResult = Progression | { ok: false; errors: Partial<Record<Field, string>> };

export function progressionPlan(input: ProgressionInput): ProgressionResult {
  const errors: Partial<Record<Field, string>> = {};
  const start = readNumber(input.start, { label: 'the starting level', max: dayLimit });
  const target = readNumber(input.target, { label: 'the target', max: dayLimit });
  const increase = readNumber(input.increase, { label: 'the size of each increase', max: dayLimit });
  if (!start.ok) errors.start = start.message;
  if (!target.ok) errors.target = target.message;
  if (!increase.ok) errors.increase = increase.message;
  const weeks = input.weeksPerLevel === '1' ? 1 : input.weeksPerLevel === '2' ? 2 : undefined;
  if (!weeks) errors.weeksPerLevel = 'Choose how long to stay at each level: 1 week or 2 weeks.';
  if (!start.ok || !target.ok || !increase.ok || !weeks) return { ok: false, errors };

  if (target.value <= start.value) {
    return { ok: false, errors: { target: `The target must be more than the starting level (${formatNumber(start.value)}).` } };
  }
  const increases = Math.ceil(tidy((target.value - start.value) / increase.value));
  if (increases > maxIncreases) {
    return {
      ok: false,
      errors: {
        increase: `That takes ${formatNumber(increases)} increases, more than a year of steady steps. Choose a larger increase or a nearer target, and set a new target once this one is reached.`,
      },
    };
  }
  const levels: Level[] = [];
  for (let i = 0; i <= increases; i++) {
    levels.push({ week: 1 + i * weeks, amount: tidy(Math.min(target.value, start.value + i * increase.value)) });
  }
  return { ok: true, levels, increase: increase.value, weeksPerLevel: weeks, weeksToTarget: levels.at(-1)!.week };
}

/** A small first increase to offer: about a tenth of the starting level (8 minutes gives 1), never less than one unit. */
export function suggestedIncrease(start: number, wholeUnits: boolean): number {
  return wholeUnits ? Math.max(1, Math.round(start / 10)) : Math.max(0.1, tidy(Math.round(start) / 10));
}

/** What a patient can do if pain goes up after an increase; the choice is theirs. */
export const ifPainRises: readonly string[] = [
  'Drop back to the level before, hold it for longer, then try the increase again.',
  'Drop back part of the way, so that the step up is smaller.',
  'Hold the new level a little longer and see whether the pain settles, if you think the extra pain had another cause.',
];

export interface Staircase {
  /** Corners of the staircase line, x in weeks from 0, y as amounts. */
  points: { x: number; y: number }[];
  /** The week the chart ends: one level's hold after the last increase. */
  weeks: number;
  top: number;
}

/** The staircase drawn for a plan: flat at each level for its weeks, then straight up to the next. */
export function staircase(levels: readonly Level[]): Staircase {
  const hold = levels.length > 1 ? levels[1]!.week - levels[0]!.week : 1;
  const weeks = (levels.at(-1)?.week ?? 1) - 1 + hold;
  const points: { x: number; y: number }[] = [];
  levels.forEach((level, i) => {
    const end = levels[i + 1]?.week ?? weeks + 1;
    points.push({ x: level.week - 1, y: level.amount }, { x: end - 1, y: level.amount });
  });
  return { points, weeks, top: Math.max(0, ...levels.map((l) => l.amount)) };
}
