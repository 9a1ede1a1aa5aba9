import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';
import { routePaths } from './pages';

const dir = 'tests/.tmp/security-input';
const databasePath = `${dir}/platform.db`;
const password = 'a long enough password';
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4484, databasePath });
  cookie = (await learner(server, 'fixture-basics', 'fuzz@example.org')).cookie;
});
afterAll(() => server?.process.kill('SIGKILL'));

/** Everything a learner's actions store, minus counters that every request may touch (sessions, rate limits). */
function snapshot(): string {
  const db = new Database(databasePath, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sessions', 'rate_limits') AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}

const stackTrace = /\n\s+at \S+ \(|node_modules|SqliteError|SQLITE_|SELECT .* FROM/;

describe('hostile input', () => {
  it('ignores fields a client should not set', async () => {
    const email = 'sneaky@example.org';
    const signup = await fetch(`${server.url}/signup`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url },
      body: new URLSearchParams({ name: 'Sneaky', email, password, profession: 'nurse', role: 'admin', userId: 'u-admin', id: 'chosen-id' }),
    });
    expect(signup.status).toBe(303);
    const sneaky = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
    await fetch(`${server.url}/courses/fixture-basics`, { method: 'POST', headers: { Origin: server.url, Cookie: sneaky }, redirect: 'manual' });
    await fetch(`${server.url}/courses/fixture-basics/steps/hello`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: sneaky },
      body: new URLSearchParams({ intent: 'complete', userId: 'someone-else', completedAt: '0', score: '100' }),
    });
    const db = new Database(databasePath, { readonly: true });
    const user = db.prepare('SELECT id, role FROM users WHERE email = ?').get(email) as { id: string; role: string };
    const completion = db.prepare("SELECT user_id, completed_at FROM step_completions WHERE step_id = 'hello' AND user_id = ?").get(user.id) as { user_id: string; completed_at: number };
    db.close();
    expect(user.role).toBe('learner');
    expect(user.id).not.toBe('chosen-id');
    expect(completion.completed_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it('crawling every page with GET changes nothing', async () => {
    const before = snapshot();
    for (const route of routePaths()) {
      for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
        const response = await fetch(server.url + route, { headers, redirect: 'manual' });
        expect(response.status, route).toBeLessThan(500);
        await response.arrayBuffer();
      }
    }
    expect(snapshot()).toBe(before);
  });

  it('never logs passwords or session tokens', async () => {
    const { cookie: session } = await learner(server, 'fixture-basics', 'logged@example.org');
    await fetch(`${server.url}/signin`, { method: 'POST', redirect: 'manual', headers: { Origin: server.url }, body: new URLSearchParams({ email: 'logged@example.org', password: 'a wrong password here' }) });
    const log = server.output();
    expect(log).not.toContain(password);
    expect(log).not.toContain('a wrong password here');
    expect(log).not.toContain(session.slice('session='.length));
    expect(log).not.toContain(cookie.slice('session='.length));
  });
  // Last, since it posts everything at every route as the shared learner.
  it('never gets a 500, a stack trace or SQL, and never changes stored data (property)', async () => {
    // A POST to these is the whole request (sign out; send the confirmation email again): any body is a valid one.
    // They are covered by their own tests, so the property is about routes whose posts carry fields.
    const actionsWithoutFields = new Set(['/signout', '/account/confirm-email']);
    const routes = routePaths().filter((route) => !actionsWithoutFields.has(route));
    expect(routes.length).toBeGreaterThan(40);
    const before = snapshot();
    const body = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 200 })).map((fields) => ({ type: 'application/x-www-form-urlencoded', text: new URLSearchParams(fields).toString() })),
      fc.jsonValue().map((value) => ({ type: 'application/json', text: JSON.stringify(value) })),
      fc.string({ maxLength: 300 }).map((text) => ({ type: 'multipart/form-data; boundary=xyz', text })),
      fc.string({ maxLength: 300 }).map((text) => ({ type: 'text/plain', text })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, fc.boolean(), async (route, { type, text }, signedIn) => {
        const response = await fetch(server.url + route, {
          method: 'POST',
          redirect: 'manual',
          headers: { Origin: server.url, 'Content-Type': type, Accept: type === 'application/json' ? 'application/json' : 'text/html', ...(signedIn && { Cookie: cookie }) },
          body: text,
        });
        const answer = await response.text();
        expect(response.status, `${route} ${type} ${text.slice(0, 80)}`).toBeLessThan(500);
        expect(answer).not.toMatch(stackTrace);
      }),
      { numRuns: 300 },
    );
    expect(snapshot()).toBe(before);
  });
});
