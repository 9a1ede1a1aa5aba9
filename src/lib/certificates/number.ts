import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 15;

/**
 * The check symbol is sum(weight[i] * value[i]) mod 32 over the 15 body symbols, with weight[i] = 2i + 1.
 * Every weight is odd, so a unit mod 32: any change to one symbol (body or check) changes the sum and is
 * caught. Adjacent weights differ by 2, so swapping two neighbouring body symbols is caught unless their
 * values differ by exactly 16 (e.g. 0 and G). Nothing more is promised.
 */
export function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < BODY_LENGTH; i++) sum += (2 * i + 1) * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % 32]!;
}

/** A new certificate number in canonical form: 15 random symbols (75 bits) and a check symbol. */
export function generateCertificateNumber(): string {
  // 256 is a multiple of 32, so masking each byte keeps every symbol equally likely.
  const body = Array.from(randomBytes(BODY_LENGTH), (byte) => ALPHABET[byte & 31]).join('');
  return body + checkSymbol(body);
}

/** XXXX-XXXX-XXXX-XXXX, for print and display. */
export function formatCertificateNumber(canonical: string): string {
  return canonical.match(/.{1,4}/g)!.join('-');
}

/** The canonical form of a number as a person typed it, or null if it is not a valid number. */
export function parseCertificateNumber(input: string): string | null {
  const symbols = input
    .replace(/[\s\p{Pd}]/gu, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (symbols.length !== BODY_LENGTH + 1) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  const body = symbols.slice(0, BODY_LENGTH);
  return checkSymbol(body) === symbols[BODY_LENGTH] ? symbols : null;
}
