import { describe, expect, it } from 'vitest';
import { checkDomain, checkNhsEmail, isNhsDomain } from '../../../src/lib/access/nhs';

describe('NHS addresses', () => {
  it('accepts nhs.net and any domain under nhs.uk, in any case', () => {
    expect(checkNhsEmail('Jo.Bloggs@NHS.net', [])).toEqual({ email: 'jo.bloggs@nhs.net' });
    expect(checkNhsEmail(' jo@exeter.nhs.uk ', [])).toEqual({ email: 'jo@exeter.nhs.uk' });
    expect(checkNhsEmail('jo@ward.rde.nhs.uk', []).email).toBe('jo@ward.rde.nhs.uk');
  });

  it('refuses look-alikes and other domains with a message naming the address', () => {
    for (const email of ['jo@gmail.com', 'jo@nhs.net.example.com', 'jo@fakenhs.net', 'jo@notnhs.uk', 'jo@nhs.uk.evil.org', 'jo@nhs.uk']) {
      const result = checkNhsEmail(email, []);
      expect(result.email, email).toBeUndefined();
      expect(result.error).toContain(`${email} is not an NHS address`);
    }
  });

  it('asks for an address when none is given, and for the right format otherwise', () => {
    expect(checkNhsEmail('', []).error).toBe('Enter your NHS email address.');
    expect(checkNhsEmail('jo at nhs.net', []).error).toContain('right format');
  });

  it('counts an admin-added domain and the domains under it, and nothing else', () => {
    expect(isNhsDomain('example-trust.org', ['example-trust.org'])).toBe(true);
    expect(isNhsDomain('mail.example-trust.org', ['example-trust.org'])).toBe(true);
    expect(isNhsDomain('badexample-trust.org', ['example-trust.org'])).toBe(false);
    expect(checkNhsEmail('jo@example-trust.org', ['example-trust.org'])).toEqual({ email: 'jo@example-trust.org' });
  });

  it('tidies a domain an admin types, and refuses what is not one', () => {
    expect(checkDomain(' @Example-Trust.ORG ')).toEqual({ domain: 'example-trust.org' });
    expect(checkDomain('*.example.org')).toEqual({ domain: 'example.org' });
    expect(checkDomain('').error).toContain('Enter a domain');
    expect(checkDomain('localhost').error).toContain('is not a domain');
    expect(checkDomain('bad_domain.org').error).toContain('is not a domain');
    expect(checkDomain('https://example.org/').error).toContain('is not a domain');
    expect(checkDomain('trust.nhs.uk').error).toContain('already an NHS domain');
  });
});
