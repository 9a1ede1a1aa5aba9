/** The baseline: three days of an activity averaged, and a starting level a little below that average. */
import { formatNumber, readNumber, tidy } from './numbers';

/** No one manages more than this of anything in a day, whether minutes, repetitions or metres. */
export const dayLimit = 10_000;

export interface StartRange {
  low: number;
  high: number;
}

export interface Baseline {
  ok: true;
  days: number[];
  total: number;
  average: number;
  start: StartRange;
  /** Whether every day was a whole number: then the start is too. */
  wholeUnits: boolean;
}

export type BaselineResult = Baseline | { ok: false; errors: [string | undefined, string | undefined, string | undefined] };

/** The three days' amounts as typed; each must be a positive number. */
export function baselineFromDays(days: readonly [string, string, string]): BaselineResult {
  const readings = days.map((raw, i) =>
    readNumber(raw, {
      label: `the amount for day ${i + 1}`,
      max: dayLimit,
      zeroHint: 'If nothing was possible that day, try a smaller amount on another day and record that.',
    }),
  );
  const values = readings.flatMap((r) => (r.ok ? [r.value] : []));
  if (values.length < 3) {
    const [a, b, c] = readings.map((r) => (r.ok ? undefined : r.message));
    return { ok: false, errors: [a, b, c] };
  }
  const total = tidy(values.reduce((sum, v) => sum + v, 0));
  const average = total / 3;
  const wholeUnits = values.every(Number.isInteger);
  return { ok: true, days: values, total, average, start: suggestedStart(average, wholeUnits), wholeUnits };
}

/**
 * Where to start: 70 to 80% of the average, rounded down, as the workbook's example has it (an average of 10
 * minutes gives 7 to 8). Rounded to whole units when the days were whole numbers, else to tenths; never below
 * one unit, and never above the average itself.
 */
export function suggestedStart(average: number, wholeUnits: boolean): StartRange {
  const unit = wholeUnits ? 1 : 0.1;
  // Tenths of the average, in whole numbers of units, avoid float error: 30 x 0.7 is 20.999…96 in floating point.
  const part = (tenths: number) => {
    const units = Math.floor((average * tenths) / 10 / unit + 1e-9);
    return Math.min(tidy(average), tidy(Math.max(1, units) * unit));
  };
  return { low: part(7), high: part(8) };
}

/** "7 to 8 minutes", or "1 minute" when the range is a single amount. */
export function formatStart(start: StartRange, unit: string): string {
  const amount = start.low === start.high ? formatNumber(start.low) : `${formatNumber(start.low)} to ${formatNumber(start.high)}`;
  return unit ? `${amount} ${unit}` : amount;
}
