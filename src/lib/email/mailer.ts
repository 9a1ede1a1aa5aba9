import { createTransport } from 'nodemailer';
import type { Db } from '../../../db/client';
import { insertOutboxMessage } from '../../../db/email';
import { config } from '../../config';
import { randomId } from '../auth/hash';
import type { EmailContent } from './messages';

let transport: ReturnType<typeof createTransport> | undefined;

/**
 * Sends an email through SMTP_URL; with no SMTP_URL it is kept in the outbox table (read at /admin/outbox) and
 * printed to the log, so a laptop install works without a mail server. Never throws: a failure is logged and
 * reported as false, since no page should break because mail is down.
 */
export async function sendEmail(db: Db, to: string, content: EmailContent): Promise<boolean> {
  try {
    if (config.smtpUrl) {
      // Short timeouts: a page that sends mail should not hang for nodemailer's default two minutes.
      transport ??= createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
      await transport.sendMail({ from: config.mailFrom, to, subject: content.subject, text: content.text, html: content.html });
    } else {
      insertOutboxMessage(db, { id: randomId(), toAddress: to, subject: content.subject, textBody: content.text, htmlBody: content.html, createdAt: new Date() });
      console.log(`Email kept in the outbox (no SMTP_URL set), to ${to}: ${content.subject}\n${content.text}\n`);
    }
    return true;
  } catch (error) {
    console.error(`Could not send "${content.subject}" to ${to}: ${(error as Error).message}`);
    return false;
  }
}

/** An address on this site for a link in an email, from PUBLIC_URL. */
export function linkTo(path: string): string {
  return new URL(path, config.publicUrl).toString();
}
