/**
 * A real SMTP server for the tests, from the smtp-server package. As Playwright's globalSetup (the default export)
 * it listens on E2E_PORT + 1000, which tests/playwright.config.ts gives the platform as SMTP_URL, and writes each
 * message it receives to a folder that the tests, in their own worker processes, read with waitForMail().
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export const smtpPort = Number(process.env.E2E_PORT ?? 4399) + 1000;
const mailDir = `tests/.tmp/mail-${process.env.E2E_PORT ?? 4399}`;

export interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Starts an SMTP server that hands every message to `onMessage`; plain SMTP on localhost, no TLS or login. */
export async function startSmtpServer(port: number, onMessage: (raw: string) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        onMessage(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Splits a MIME entity into its (unfolded, lower-cased) headers and body. */
function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** Decodes =?UTF-8?Q?…?= and =?UTF-8?B?…?= words in a header. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeBody(text.replaceAll('_', ' '), 'quoted-printable'),
  );
}

/** Reads what the tests need from a message: the sender, recipient, subject, and its text and HTML parts. */
export function parseMail(raw: string): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  const mail: ReceivedMail = {
    from: decodeHeader(headers.get('from') ?? ''),
    to: decodeHeader(headers.get('to') ?? ''),
    subject: decodeHeader(headers.get('subject') ?? ''),
    text: '',
    html: '',
  };
  const visit = (entityHeaders: Map<string, string>, entityBody: string) => {
    const type = entityHeaders.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const part of entityBody.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break;
        // The line break before a boundary belongs to the boundary, not to the part.
        const inner = splitEntity(part.replace(/^\r?\n/, '').replace(/\r?\n$/, ''));
        visit(inner.headers, inner.body);
      }
      return;
    }
    const decoded = decodeBody(entityBody, entityHeaders.get('content-transfer-encoding')).replace(/\r\n/g, '\n');
    if (type.toLowerCase().startsWith('text/html')) mail.html ||= decoded;
    else if (type.toLowerCase().startsWith('text/plain')) mail.text ||= decoded;
  };
  visit(headers, body);
  return mail;
}

/** The first address in a message's text that starts with `prefix` (an absolute URL or a path after the host). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const found = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix) || new URL(url).pathname.startsWith(prefix));
  if (!found) throw new Error(`No link to ${prefix} in the email "${mail.subject}":\n${mail.text}`);
  return found;
}

/** Waits for the newest message to `to` that the global SMTP server has received (and matches `subject`, if given). */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = readdirSync(mailDir).sort().reverse();
    for (const file of files) {
      const mail = parseMail(readFileSync(path.join(mailDir, file), 'utf8'));
      if (mail.to.toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(mail.subject))) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to}${subject ? ` matching ${subject}` : ''} arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Playwright's globalSetup: the SMTP server for the whole run; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  let count = 0;
  const server = await startSmtpServer(smtpPort, (raw) => {
    count += 1;
    writeFileSync(path.join(mailDir, `${Date.now()}-${String(count).padStart(5, '0')}.eml`), raw);
  });
  return server.close;
}
