/** Rules for what people type into the account forms. Pure: each returns a value or messages per field. */

export const professions = [
  { value: 'physiotherapist', label: 'Physiotherapist' },
  { value: 'nurse', label: 'Nurse' },
  { value: 'occupational-therapist', label: 'Occupational therapist' },
  { value: 'psychological-therapist', label: 'Psychological therapist' },
  { value: 'doctor', label: 'Doctor' },
  { value: 'student', label: 'Student' },
  { value: 'other', label: 'Other' },
] as const;
export type Profession = (typeof professions)[number]['value'];

export const passwordLimits = { min: 10, max: 256 } as const;
export const nameMaxLength = 100;

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
export type Checked<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function professionLabel(value: string): string {
  return professions.find((p) => p.value === value)?.label ?? 'Other';
}

export function checkEmail(raw: unknown): { email?: string; error?: string } {
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!email) return { error: 'Enter your email address.' };
  if (email.length > 254 || !emailPattern.test(email)) {
    return { error: 'Enter an email address in the right format, like name@example.nhs.uk.' };
  }
  return { email };
}

/** Passwords are never trimmed and have no composition rules: only a length. */
export function checkPassword(raw: unknown): { password?: string; error?: string } {
  const password = typeof raw === 'string' ? raw : '';
  const length = [...password].length;
  if (length === 0) return { error: 'Enter a password.' };
  if (length < passwordLimits.min) return { error: `Your password must be at least ${passwordLimits.min} characters long.` };
  if (length > passwordLimits.max) return { error: `Your password must be at most ${passwordLimits.max} characters long.` };
  return { password };
}

/**
 * The name printed on certificates: trimmed, single-spaced, Unicode-normalised.
 * `unprintable` lists characters the certificate font lacks, so a name that would not print is refused here.
 */
export function checkName(raw: unknown, unprintable: (text: string) => string[] = () => []): { name?: string; error?: string } {
  const name = typeof raw === 'string' ? raw.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  if (!name) return { error: 'Enter your full name as it should appear on your certificate.' };
  if ([...name].length > nameMaxLength) return { error: `Your name must be at most ${nameMaxLength} characters long.` };
  if (/[\p{Cc}\p{Cf}]/u.test(name)) return { error: 'Your name contains characters that cannot be printed.' };
  const missing = unprintable(name);
  if (missing.length > 0) {
    return { error: `Your certificate cannot print these characters: ${missing.join(' ')}. Please write your name in Latin, Greek or Cyrillic letters.` };
  }
  return { name };
}

export function checkProfession(raw: unknown): { profession?: Profession; error?: string } {
  const found = professions.find((p) => p.value === raw);
  return found ? { profession: found.value } : { error: 'Choose your profession.' };
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  profession: Profession;
}

export function checkSignup(
  form: Record<string, unknown>,
  unprintable?: (text: string) => string[],
): Checked<SignupInput, keyof SignupInput> {
  const email = checkEmail(form.email);
  const password = checkPassword(form.password);
  const name = checkName(form.name, unprintable);
  const profession = checkProfession(form.profession);
  const errors: FieldErrors<keyof SignupInput> = {
    ...(email.error && { email: email.error }),
    ...(password.error && { password: password.error }),
    ...(name.error && { name: name.error }),
    ...(profession.error && { profession: profession.error }),
  };
  if (email.email && password.password && name.name && profession.profession) {
    return { ok: true, value: { email: email.email, password: password.password, name: name.name, profession: profession.profession } };
  }
  return { ok: false, errors };
}
