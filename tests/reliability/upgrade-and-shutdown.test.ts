import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/reliability-upgrade';
let server: RunningServer | undefined;

afterEach(() => server?.process.kill('SIGKILL'));

describe('upgrades', () => {
  it('migrates a database made by the first release without losing its learners or progress', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const databasePath = `${dir}/platform.db`;
    copyFileSync('tests/fixtures/databases/release-0.1.db', databasePath);

    server = await startServer({ port: 4474, databasePath });
    const signin = await fetch(`${server.url}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url },
      body: new URLSearchParams({ email: 'upgraded@example.org', password: 'a long enough password' }),
    });
    expect(signin.status).toBe(303);
    const cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0]!;
    const progress = await (await fetch(`${server.url}/courses/best/progress`, { headers: { Cookie: cookie } })).text();
    expect(progress).toContain('You have completed 3 of');
    expect(progress).toContain('80%');

    const db = new Database(databasePath, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(['users', 'step_completions', 'certificates', 'reflections']));
  });
});

describe('shutting down on SIGTERM', () => {
  it('finishes requests in flight, then closes the database cleanly', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const databasePath = `${dir}/shutdown.db`;
    server = await startServer({ port: 4475, databasePath });
    const session = await learner(server, 'best', 'shutdown@example.org');
    const steps = ['w1-welcome', 'w1-how-this-course-works', 'w1-what-is-best', 'w1-what-is-chronic-low-back-pain'];
    const inFlight = Promise.all(steps.map((step) => session.markComplete(step)));
    await new Promise((r) => setTimeout(r, 5));
    server.process.kill('SIGTERM');
    // One that arrives just after the signal is answered too, and told to close its connection.
    await new Promise((r) => setTimeout(r, 50));
    const late = await fetch(`${server.url}/courses/best/steps/w1-why-pain-persists`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'intent=complete',
    });
    expect(late.status).toBe(303);
    expect(late.headers.get('connection')).toBe('close');
    expect(await inFlight).toEqual([200, 200, 200, 200]);
    expect(await server.exited).toBe(0);
    // A clean close checkpoints the write-ahead log and removes it.
    expect(existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0).toBe(0);
    const db = new Database(databasePath, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM step_completions').get()).toEqual({ n: 5 });
    db.close();
  });
});
