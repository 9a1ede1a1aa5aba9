import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSymbol, formatCertificateNumber, generateCertificateNumber, parseCertificateNumber } from '../../../src/lib/certificates/number';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const value = (symbol: string) => ALPHABET.indexOf(symbol);

const symbol = fc.constantFrom(...ALPHABET);
const canonical = fc
  .array(symbol, { minLength: 15, maxLength: 15 })
  .map((symbols) => symbols.join(''))
  .map((body) => body + checkSymbol(body));

const replaceAt = (s: string, index: number, replacement: string) => s.slice(0, index) + replacement + s.slice(index + 1);

describe('generateCertificateNumber', () => {
  it('gives 16 symbols of the Crockford alphabet that parse back to themselves', () => {
    for (let i = 0; i < 1000; i++) {
      const number = generateCertificateNumber();
      expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(parseCertificateNumber(number)).toBe(number);
    }
  });

  it('never repeats itself over many numbers and uses every symbol', () => {
    const numbers = Array.from({ length: 20_000 }, generateCertificateNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(numbers.map((n) => n.slice(0, 15)).join('')).size).toBe(32);
  });
});

describe('formatCertificateNumber', () => {
  it('groups the symbols in fours', () => {
    expect(formatCertificateNumber('0123456789ABCDEF')).toBe('0123-4567-89AB-CDEF');
  });
});

describe('the check symbol', () => {
  it('survives formatting and parsing, in any case and spacing', () => {
    fc.assert(
      fc.property(canonical, (number) => {
        const formatted = formatCertificateNumber(number);
        expect(parseCertificateNumber(formatted)).toBe(number);
        expect(parseCertificateNumber(formatted.toLowerCase())).toBe(number);
        expect(parseCertificateNumber(` ${formatted.replace(/-/g, ' ')} `)).toBe(number);
      }),
    );
  });

  it('rejects every change of a single symbol, the check symbol included', () => {
    fc.assert(
      fc.property(canonical, fc.integer({ min: 0, max: 15 }), symbol, (number, index, replacement) => {
        fc.pre(replacement !== number[index]);
        expect(parseCertificateNumber(replaceAt(number, index, replacement))).toBeNull();
      }),
    );
  });

  it('rejects all 16 x 31 single-symbol changes of one number', () => {
    const number = generateCertificateNumber();
    for (let index = 0; index < 16; index++) {
      for (const replacement of ALPHABET) {
        if (replacement === number[index]) continue;
        expect(parseCertificateNumber(replaceAt(number, index, replacement))).toBeNull();
      }
    }
  });

  it('rejects a swap of neighbouring body symbols exactly when their values do not differ by 16', () => {
    fc.assert(
      fc.property(canonical, fc.integer({ min: 0, max: 13 }), (number, index) => {
        const [a, b] = [number[index]!, number[index + 1]!];
        fc.pre(a !== b);
        const swapped = number.slice(0, index) + b + a + number.slice(index + 2);
        const blindSpot = Math.abs(value(a) - value(b)) === 16;
        expect(parseCertificateNumber(swapped)).toBe(blindSpot ? swapped : null);
      }),
    );
  });
});

describe('parseCertificateNumber', () => {
  const body = '0123456789ABCDE';
  const number = body + checkSymbol(body);
  const formatted = formatCertificateNumber(number);

  it('reads I and L as 1 and O as 0, in either case', () => {
    expect(parseCertificateNumber(formatted.replace('0', 'O').replace('1', 'I'))).toBe(number);
    expect(parseCertificateNumber(formatted.replace('0', 'o').replace('1', 'l'))).toBe(number);
    expect(parseCertificateNumber(formatted.replace('1', 'L'))).toBe(number);
  });

  it('accepts dashes and spaces anywhere', () => {
    expect(parseCertificateNumber(number.split('').join(' - '))).toBe(number);
    expect(parseCertificateNumber(`\t${formatted}\n`)).toBe(number);
  });

  it('rejects U and other symbols outside the alphabet', () => {
    for (const bad of ['U', 'u', '*', '#', '.', 'é']) {
      expect(parseCertificateNumber(replaceAt(number, 4, bad))).toBeNull();
    }
  });

  it('rejects the wrong number of symbols', () => {
    expect(parseCertificateNumber('')).toBeNull();
    expect(parseCertificateNumber(number.slice(0, 15))).toBeNull();
    expect(parseCertificateNumber(number + '0')).toBeNull();
    expect(parseCertificateNumber(`${formatted}-0000`)).toBeNull();
  });

  it('rejects a wrong check symbol', () => {
    const wrong = ALPHABET[(value(number[15]!) + 1) % 32]!;
    expect(parseCertificateNumber(number.slice(0, 15) + wrong)).toBeNull();
  });
});
