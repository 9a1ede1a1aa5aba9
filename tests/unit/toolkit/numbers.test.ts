import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, readNumber, tidy } from '../../../src/lib/toolkit/numbers';

const rules = { label: 'the amount for day 1', max: 10_000 };

describe('reading a typed number', () => {
  it('accepts plain numbers, decimals and thousands separators', () => {
    expect(readNumber('10', rules)).toEqual({ ok: true, value: 10 });
    expect(readNumber(' 7.5 ', rules)).toEqual({ ok: true, value: 7.5 });
    expect(readNumber('.5', rules)).toEqual({ ok: true, value: 0.5 });
    expect(readNumber('+3', rules)).toEqual({ ok: true, value: 3 });
    expect(readNumber('1,000', rules)).toEqual({ ok: true, value: 1000 });
  });

  it.each([
    ['', 'Enter the amount for day 1.'],
    ['   ', 'Enter the amount for day 1.'],
    ['abc', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['10 minutes', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['1e3', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['Infinity', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['NaN', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['7,5', 'The amount for day 1 must be a number, like 10 or 7.5.'],
    ['-5', 'The amount for day 1 cannot be negative.'],
    ['\u22125', 'The amount for day 1 cannot be negative.'],
    ['0', 'The amount for day 1 must be more than 0.'],
    ['0.00', 'The amount for day 1 must be more than 0.'],
    ['10001', 'The amount for day 1 must be 10,000 or less.'],
    ['9'.repeat(400), 'The amount for day 1 must be 10,000 or less.'],
  ])('refuses %j with a message that says what to do', (raw, message) => {
    expect(readNumber(raw, rules)).toEqual({ ok: false, message });
  });

  it('refuses fractions where only whole numbers make sense, and adds the hint for zero', () => {
    expect(readNumber('2.5', { label: 'the sets', max: 10, whole: true })).toEqual({ ok: false, message: 'The sets must be a whole number, like 10.' });
    expect(readNumber('x', { label: 'the sets', max: 10, whole: true })).toEqual({ ok: false, message: 'The sets must be a number, like 10.' });
    expect(readNumber('0', { label: 'the rest', max: 10, zeroHint: 'Rest matters.' })).toEqual({ ok: false, message: 'The rest must be more than 0. Rest matters.' });
  });

  it('never yields a value that is not a finite positive number within the limit', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const reading = readNumber(raw, rules);
        if (reading.ok) expect(Number.isFinite(reading.value) && reading.value > 0 && reading.value <= rules.max).toBe(true);
        else expect(reading.message).not.toMatch(/NaN|undefined|Infinity/);
      }),
    );
  });
});

describe('formatting', () => {
  it('writes numbers as a British reader expects, to one decimal place', () => {
    expect(formatNumber(1440)).toBe('1,440');
    expect(formatNumber(28 / 3)).toBe('9.3');
    expect(formatNumber(7)).toBe('7');
  });

  it('tidies sums of tenths', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
  });
});
