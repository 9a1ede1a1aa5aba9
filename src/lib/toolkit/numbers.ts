/** Reading numbers typed into the tools: a value to work with, or a message that says what to change. */

export type Reading = { ok: true; value: number } | { ok: false; message: string };

export interface NumberRules {
  /** The field as a sentence names it, starting in lower case: "the amount for day 1". */
  label: string;
  /** The largest believable value: anything above is a slip of the keyboard. */
  max: number;
  /** Only whole numbers make sense (sets, repetitions, minutes on a clock). */
  whole?: boolean;
  /** What to write when 0 is typed; 0 is refused for every number the tools ask for. */
  zeroHint?: string;
}

const plain = /^\+?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\+?\.\d+$/;
const negative = /^[-\u2212]\s*(?:\d+(?:[.,]\d+)*|\.\d+)$/;
const grouping = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Checks one typed number. Blank, text, negative, zero, fractional (when whole) and absurdly large are refused. */
export function readNumber(raw: string, rules: NumberRules): Reading {
  const text = raw.trim();
  const name = sentence(rules.label);
  if (text === '') return { ok: false, message: `Enter ${rules.label}.` };
  if (negative.test(text)) return { ok: false, message: `${name} cannot be negative.` };
  if (!plain.test(text)) return { ok: false, message: `${name} must be a number, like ${rules.whole ? '10' : '10 or 7.5'}.` };
  const value = Number(text.replace(/[+,]/g, ''));
  if (value === 0) return { ok: false, message: `${name} must be more than 0.${rules.zeroHint ? ` ${rules.zeroHint}` : ''}` };
  if (rules.whole && !Number.isInteger(value)) return { ok: false, message: `${name} must be a whole number, like 10.` };
  if (value > rules.max) return { ok: false, message: `${name} must be ${formatNumber(rules.max)} or less.` };
  return { ok: true, value };
}

/** A number as a British reader writes it, with at most one decimal place: 1,440 and 9.3. */
export function formatNumber(value: number): string {
  return grouping.format(value);
}

/** A value rounded to hundredths, so sums of tenths print as typed (0.1 + 0.2 is 0.3, not 0.30000000000000004). */
export function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}
