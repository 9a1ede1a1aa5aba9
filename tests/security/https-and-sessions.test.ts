import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/security-sessions';
let server: RunningServer;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4482, databasePath: `${dir}/platform.db` });
});
afterAll(() => server?.process.kill('SIGKILL'));

const signedIn = async (cookie: string) => (await fetch(`${server.url}/account`, { headers: { Cookie: cookie }, redirect: 'manual' })).status === 200;

describe('sessions', () => {
  it('are not fixed: a session id set before signing in is not kept after it', async () => {
    const { cookie: first } = await learner(server, 'fixture-basics', 'fixation@example.org');
    const signin = await fetch(`${server.url}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: first },
      body: new URLSearchParams({ email: 'fixation@example.org', password: 'a long enough password' }),
    });
    const second = (signin.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(second).toMatch(/^session=.+/);
    expect(second).not.toBe(first);
    expect(await signedIn(second)).toBe(true);
    expect(await signedIn(first)).toBe(false);
  });

  it('are refused once expired, and the table holds only hashes', async () => {
    const { cookie } = await learner(server, 'fixture-basics', 'expiry@example.org');
    const token = cookie.slice('session='.length);
    const db = new Database(`${dir}/platform.db`);
    db.pragma('busy_timeout = 5000');
    const rows = db.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
    // A stored row used as a cookie opens nothing.
    expect(await signedIn(`session=${rows[0]!.id_hash}`)).toBe(false);
    expect(await signedIn(cookie)).toBe(true);
    db.prepare('UPDATE sessions SET expires_at = ?').run(Date.now() - 1000);
    db.close();
    expect(await signedIn(cookie)).toBe(false);
  });
});

describe('served over https', () => {
  it('sends HSTS and Secure cookies', async () => {
    const https = await startServer({ port: 4483, databasePath: `${dir}/https.db`, env: { PUBLIC_URL: 'https://cpd.example.org' } });
    try {
      const page = await fetch(`${https.url}/`);
      expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const signup = await fetch(`${https.url}/signup`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: 'https://cpd.example.org' },
        body: new URLSearchParams({ name: 'Sec Ure', email: 'secure@example.org', password: 'a long enough password', profession: 'nurse' }),
      });
      expect(signup.status).toBe(303);
      expect(signup.headers.get('set-cookie')).toMatch(/; Secure/i);
    } finally {
      https.process.kill('SIGKILL');
    }
  });
});
