import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accessCodeHash, codeProblem, codeProblemMessage, formatAccessCode, generateAccessCode, parseAccessCode } from '../../../src/lib/access/codes';

describe('access codes', () => {
  it('are 16 symbols shown in groups of four, and read back however they are typed', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const code = generateAccessCode();
        const shown = formatAccessCode(code);
        expect(shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        expect(parseAccessCode(shown)).toBe(code);
        // Spaces instead of dashes, lower case, and no separators at all are all accepted.
        expect(parseAccessCode(` ${shown.replaceAll('-', ' ').toLowerCase()} `)).toBe(code);
        expect(parseAccessCode(code.toLowerCase())).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  it('catches a mistyped symbol before the database is asked', () => {
    const code = generateAccessCode();
    const wrong = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
    expect(parseAccessCode(wrong)).toBeNull();
    expect(parseAccessCode('not a code')).toBeNull();
    expect(parseAccessCode(code.slice(0, 15))).toBeNull();
  });

  it('are stored as a hash that does not contain the code', () => {
    const code = generateAccessCode();
    expect(accessCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(accessCodeHash(code)).not.toContain(code.toLowerCase());
    expect(accessCodeHash(code)).toBe(accessCodeHash(code));
  });

  it('cannot be redeemed when unknown, used or past their last day, and each reason has its message', () => {
    const lastMoment = new Date('2026-03-31T23:59:59.999Z');
    expect(codeProblem(undefined, new Date())).toBe('unknown');
    expect(codeProblem({ usedAt: new Date('2026-01-01'), expiresAt: lastMoment }, new Date('2026-02-01'))).toBe('used');
    expect(codeProblem({ usedAt: null, expiresAt: lastMoment }, new Date('2026-03-31T23:00:00Z'))).toBeUndefined();
    expect(codeProblem({ usedAt: null, expiresAt: lastMoment }, new Date('2026-04-01T00:00:00Z'))).toBe('expired');
    expect(codeProblemMessage('expired', lastMoment)).toBe('That access code expired on 31 March 2026. Ask whoever gave it to you for a new one.');
    expect(codeProblemMessage('used')).toContain('already been used');
    expect(codeProblemMessage('unknown')).toContain('not recognised');
    expect(codeProblemMessage('malformed')).toContain('16 letters and digits');
  });
});
