import { describe, expect, it } from 'vitest';
import { accountVerificationEmail, nhsVerificationEmail, passwordResetEmail } from '../../../src/lib/email/messages';

const url = 'https://cpd.example.org/reset-password/abc_DEF-123';

describe('email messages', () => {
  it('carry the link in both parts, say how long it works, and sign off with the platform name', () => {
    for (const message of [
      accountVerificationEmail('BeST CPD', 'Jo Bloggs', url, '3 days'),
      nhsVerificationEmail('BeST CPD', 'Jo Bloggs', url, '3 days'),
      passwordResetEmail('BeST CPD', 'Jo Bloggs', url, 'one hour'),
    ]) {
      expect(message.text).toContain(url);
      expect(message.html).toContain(`href="${url}"`);
      expect(message.text).toContain('Dear Jo Bloggs,');
      expect(message.text).toMatch(/works once, for (3 days|one hour)/);
      expect(message.text.trim().endsWith('BeST CPD')).toBe(true);
    }
    expect(passwordResetEmail('BeST CPD', 'Jo', url, 'one hour').subject).toBe('Reset your BeST CPD password');
  });

  it('escape what a person typed, so a name cannot add HTML to the message', () => {
    const message = accountVerificationEmail('BeST CPD', '<a href="https://evil.example">Jo</a> & co', url, '3 days');
    expect(message.html).not.toContain('<a href="https://evil.example">');
    expect(message.html).toContain('&lt;a href=&quot;https://evil.example&quot;&gt;Jo&lt;/a&gt; &amp; co');
    expect(message.text).toContain('<a href="https://evil.example">Jo</a> & co');
  });
});
