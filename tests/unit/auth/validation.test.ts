import { describe, expect, it } from 'vitest';
import { checkName, checkPassword, checkSignup } from '../../../src/lib/auth/validation';

const good = { email: ' Nurse@Example.NHS.uk ', password: 'ten chars!', name: '  Siobhán   Ní Bhriain ', profession: 'nurse' };

describe('sign-up rules', () => {
  it('accepts a good form, normalising the email and name but never the password', () => {
    const result = checkSignup({ ...good, password: '  spaced password  ' });
    expect(result).toEqual({
      ok: true,
      value: { email: 'nurse@example.nhs.uk', password: '  spaced password  ', name: 'Siobhán Ní Bhriain', profession: 'nurse' },
    });
  });

  it('names every field that is wrong', () => {
    const result = checkSignup({ email: 'not-an-email', password: 'short', name: ' ', profession: 'wizard' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['email', 'name', 'password', 'profession']);
    expect(result.errors.password).toBe('Your password must be at least 10 characters long.');
  });

  it('allows passwords of 10 to 256 characters with no composition rules', () => {
    expect(checkPassword('a'.repeat(9)).error).toMatch(/at least 10/);
    expect(checkPassword('a'.repeat(10)).password).toBe('a'.repeat(10));
    expect(checkPassword('a'.repeat(128)).password).toHaveLength(128);
    expect(checkPassword('a'.repeat(256)).password).toHaveLength(256);
    expect(checkPassword('a'.repeat(257)).error).toMatch(/at most 256/);
    // Counted in characters, not UTF-16 units: ten emoji are ten characters.
    expect(checkPassword('🙂'.repeat(10)).password).toBeDefined();
  });

  it('refuses a name the certificate cannot print, naming the characters', () => {
    const unprintable = (text: string) => [...text].filter((c) => c === '漢');
    expect(checkName('漢 Smith', unprintable).error).toContain('漢');
    expect(checkName("Mary-Kate O'Brien", unprintable).name).toBe("Mary-Kate O'Brien");
    expect(checkName('Bad\u0000Name').error).toMatch(/cannot be printed/);
    expect(checkName('x'.repeat(101)).error).toMatch(/at most 100/);
  });
});
