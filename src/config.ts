/** Settings from the environment, with defaults that work on a laptop (documented in README.md). */

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const publicUrl = new URL(process.env.PUBLIC_URL ?? `http://localhost:${port}`);
const siteName = 'BeST CPD';

const isLocalhost = (hostname: string) =>
  hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

export const config = {
  port,
  host,
  /** The address printed on certificates and in links we send. */
  publicUrl,
  /** Cookies are Secure everywhere except plain http on this machine. */
  secureCookies: !(publicUrl.protocol === 'http:' && isLocalhost(publicUrl.hostname)),
  siteName,
  /** Outgoing mail goes through this SMTP server (smtp://user:pass@host:587); unset, it is kept in the outbox table. */
  smtpUrl: process.env.SMTP_URL || undefined,
  /** The sender of every email: the platform's name at MAIL_FROM. */
  mailFrom: { name: siteName, address: process.env.MAIL_FROM ?? `no-reply@${publicUrl.hostname}` },
};

/** Origins a browser may legitimately post from: the public address and this machine's own. */
export function allowedOrigins(requestUrl: URL): Set<string> {
  return new Set([
    publicUrl.origin,
    requestUrl.origin,
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
  ]);
}
