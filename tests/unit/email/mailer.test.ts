import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../db/client';
import { listOutbox } from '../../../db/email';
import { parseMail, startSmtpServer } from '../../e2e/smtp';

const content = { subject: 'Confirm your email address for BeST CPD', text: 'Dear Jo,\n\nhttps://cpd.example.org/verify-email/abc', html: '<p>Dear Jo,</p>' };

/** The mailer as the server would load it with this environment. */
async function loadMailer(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return import('../../../src/lib/email/mailer');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the mailer', () => {
  it('sends through SMTP_URL with a text and an HTML part, from the platform’s name', async () => {
    const received: string[] = [];
    const server = await startSmtpServer(0, (raw) => received.push(raw));
    try {
      const { sendEmail } = await loadMailer({ SMTP_URL: `smtp://127.0.0.1:${server.port}`, PUBLIC_URL: 'https://cpd.example.org' });
      const { db } = openDatabase(':memory:');
      expect(await sendEmail(db, 'jo@example.org', content)).toBe(true);
      expect(received).toHaveLength(1);
      const mail = parseMail(received[0]!);
      expect(mail).toMatchObject({ subject: content.subject, to: 'jo@example.org', text: content.text, html: content.html });
      expect(mail.from).toBe('BeST CPD <no-reply@cpd.example.org>');
      // Sent, so not kept.
      expect(listOutbox(db)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('keeps each message in the outbox and prints it when no SMTP_URL is set', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { sendEmail } = await loadMailer({ SMTP_URL: '' });
    const { db } = openDatabase(':memory:');
    expect(await sendEmail(db, 'jo@example.org', content)).toBe(true);
    expect(listOutbox(db)).toEqual([expect.objectContaining({ toAddress: 'jo@example.org', subject: content.subject, textBody: content.text, htmlBody: content.html })]);
    expect(log.mock.calls.join('\n')).toContain('https://cpd.example.org/verify-email/abc');
  });

  it('reports a failure instead of throwing when the mail server is down', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { sendEmail } = await loadMailer({ SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(await sendEmail(openDatabase(':memory:').db, 'jo@example.org', content)).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Could not send "Confirm your email address for BeST CPD" to jo@example.org'));
  });
});
