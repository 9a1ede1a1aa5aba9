/** Which email addresses belong to NHS staff. Pure. */
import { checkEmail } from '../auth/validation';

/** Always NHS: nhs.net itself and any domain under nhs.uk (a trust's own, like exeter.nhs.uk). */
export const builtInNhsDomains = ['nhs.net', '*.nhs.uk'] as const;

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** An admin-added domain counts for itself and any domain under it. */
export function isNhsDomain(domain: string, extraDomains: readonly string[]): boolean {
  const d = domain.toLowerCase();
  if (d === 'nhs.net' || d.endsWith('.nhs.uk')) return true;
  return extraDomains.some((extra) => d === extra || d.endsWith(`.${extra}`));
}

/** An NHS address offered for free access: a valid email at an NHS domain, or a message saying what is wrong. */
export function checkNhsEmail(raw: unknown, extraDomains: readonly string[]): { email?: string; error?: string } {
  if (typeof raw !== 'string' || !raw.trim()) return { error: 'Enter your NHS email address.' };
  const checked = checkEmail(raw);
  if (!checked.email) return { error: checked.error };
  if (!isNhsDomain(emailDomain(checked.email), extraDomains)) {
    return {
      error: `${checked.email} is not an NHS address. Use your work address ending in nhs.net or nhs.uk; if your organisation uses another domain, ask us to add it.`,
    };
  }
  return { email: checked.email };
}

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A domain an admin adds: lower-cased, without a leading "@" or "*."; at least two labels. */
export function checkDomain(raw: unknown): { domain?: string; error?: string } {
  const domain = (typeof raw === 'string' ? raw : '').trim().toLowerCase().replace(/^@/, '').replace(/^\*\./, '').replace(/\.$/, '');
  if (!domain) return { error: 'Enter a domain, like example-trust.org.' };
  const labels = domain.split('.');
  if (domain.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l))) {
    return { error: `"${domain}" is not a domain. Enter just the part after the @, like example-trust.org.` };
  }
  if (isNhsDomain(domain, [])) return { error: `${domain} is already an NHS domain: nhs.net and every domain under nhs.uk always count.` };
  return { domain };
}
