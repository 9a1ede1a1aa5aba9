import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';
import { stepIds } from '../support/course-steps';

// A small tmpfs of our own stands in for a full disk (CI runs as root, as this machine does).
const mountPoint = path.resolve('tests/.tmp/reliability-disk');
const databasePath = path.join(mountPoint, 'platform.db');
const steps = stepIds('content/courses/best');
// The immutable flag makes a file read-only even for root; tmpfs has no such flag, so this one lives in tests/.tmp.
const readOnlyDir = path.resolve('tests/.tmp/reliability-read-only');
const readOnlyPath = path.join(readOnlyDir, 'platform.db');
// A database that turns read-only under a running server: the file and its WAL and shared-memory files.
const liveDir = path.resolve('tests/.tmp/reliability-read-only-live');
const livePath = path.join(liveDir, 'platform.db');
const liveFiles = ['', '-wal', '-shm'].map((suffix) => `${livePath}${suffix}`);
let server: RunningServer | undefined;

/** Sets or clears the immutable flag, which holds even for root, on the files that exist. */
const immutable = (on: boolean, files: string[]) => {
  const present = files.filter((file) => existsSync(file));
  if (present.length) execFileSync('chattr', [on ? '+i' : '-i', ...present]);
};

/** The plain form's Mark as complete, which must be refused with the 503 message while the database cannot be written. */
async function expectPlainFormRefused(running: RunningServer, cookie: string, step: string): Promise<Response> {
  const refused = await fetch(`${running.url}/courses/best/steps/${step}`, {
    method: 'POST',
    headers: { Origin: running.url, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'intent=complete',
    redirect: 'manual',
  });
  expect(refused.status).toBe(503);
  expect(await refused.clone().text()).toContain('The service cannot save changes at the moment. Nothing you sent was stored.');
  return refused;
}

/** The steps stored as completed, once the file passes SQLite's integrity check. */
function completionsStored(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT step_id FROM step_completions ORDER BY step_id').all() as { step_id: string }[]).map((r) => r.step_id);
  } finally {
    db.close();
  }
}

const mount = (options: string) => execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint]);

beforeAll(() => {
  immutable(false, [readOnlyPath, ...liveFiles]);
  for (const dir of [readOnlyDir, liveDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  rmSync(mountPoint, { recursive: true, force: true });
  mkdirSync(mountPoint, { recursive: true });
  mount('size=4m');
});

afterAll(() => {
  server?.process.kill('SIGKILL');
  // Never leave an undeletable file behind in tests/.tmp.
  immutable(false, [readOnlyPath, ...liveFiles]);
  try {
    execFileSync('umount', ['-l', mountPoint]);
  } catch {
    // already unmounted
  }
});

describe('a full disk', () => {
  it('answers 503 with a clear message, and recovers with nothing acknowledged lost', async () => {
    server = await startServer({ port: 4473, databasePath });
    const session = await learner(server, 'best', 'disk@example.org');
    const acknowledged: string[] = [];
    const mark = async (step: string) => {
      const status = await session.markComplete(step);
      if (status === 200) acknowledged.push(step);
      return status;
    };
    expect(await mark(steps[0]!)).toBe(200);

    // Fill the disk: writes fail with 503, the server stays up.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${path.join(mountPoint, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {
      // dd stops with an error when the disk is full, which is the point
    }
    // SQLite may still fit a page or two: keep writing until the disk says no, as a browser form would.
    let refused: Response | undefined;
    for (let i = 1; !refused && i < steps.length - 1; i++) {
      const response = await fetch(`${server.url}/courses/best/steps/${steps[i]}`, {
        method: 'POST',
        headers: { Origin: server.url, Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'intent=complete',
        redirect: 'manual',
      });
      if (response.status === 303) acknowledged.push(steps[i]!);
      else refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('60');
    expect(await refused?.text()).toContain('The service cannot save changes at the moment. Nothing you sent was stored.');
    expect((await fetch(`${server.url}/`)).status).toBe(200);

    rmSync(path.join(mountPoint, 'filler'));
    expect(await mark(steps[steps.length - 1]!)).toBe(200);

    server.process.kill('SIGTERM');
    await server.exited;
    const stored = new Set(completionsStored(databasePath));
    expect(acknowledged.filter((s) => !stored.has(s))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a read-only database', () => {
  it('serves what only reads, refuses changes with 503, and takes them again once the file can be written', async () => {
    server = await startServer({ port: 4478, databasePath: readOnlyPath });
    const session = await learner(server, 'best', 'read-only@example.org');
    expect(await session.markComplete(steps[0]!)).toBe(200);
    server.process.kill('SIGTERM');
    await server.exited;

    // The file turns read-only while the server is down: it starts anyway and says so.
    execFileSync('chattr', ['+i', readOnlyPath]);
    server = await startServer({ port: 4478, databasePath: readOnlyPath });
    expect(server.output()).toContain('The database is read-only');
    const step = `${server.url}/courses/best/steps/${steps[0]}`;
    const page = await fetch(step, { headers: { Cookie: session.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Mark as incomplete');

    const refused = await expectPlainFormRefused(server, session.cookie, steps[1]!);
    expect(refused.headers.get('retry-after')).toBe('60');
    const refusedJson = await fetch(`${server.url}/courses/best/steps/${steps[1]}`, {
      method: 'POST',
      headers: { Origin: server.url, Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'intent=complete',
    });
    expect(refusedJson.status).toBe(503);
    expect(((await refusedJson.json()) as { error: string }).error).toContain('Nothing you sent was stored.');

    // The condition clears with the server still running: the next change (a second on) is taken.
    execFileSync('chattr', ['-i', readOnlyPath]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await session.markComplete(steps[2]!)).toBe(200);

    server.process.kill('SIGTERM');
    await server.exited;
    expect(completionsStored(readOnlyPath)).toEqual([steps[0]!, steps[2]!].sort());
  });
});

describe('a database that turns read-only while the server runs', () => {
  it('refuses changes with 503 while reads go on, and takes them again once it clears, losing nothing acknowledged', async () => {
    server = await startServer({ port: 4479, databasePath: livePath });
    const session = await learner(server, 'best', 'read-only-live@example.org');
    expect(await session.markComplete(steps[0]!)).toBe(200);

    immutable(true, liveFiles);
    expect(await session.markComplete(steps[1]!)).toBe(503);
    await expectPlainFormRefused(server, session.cookie, steps[1]!);
    const progress = await fetch(`${server.url}/courses/best/progress`, { headers: { Cookie: session.cookie } });
    expect(progress.status).toBe(200);
    expect(await progress.text()).toContain('You have completed 1 of');

    immutable(false, liveFiles);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await session.markComplete(steps[2]!)).toBe(200);
    expect(server.output()).toContain('Storage unavailable for POST');

    server.process.kill('SIGTERM');
    await server.exited;
    expect(completionsStored(livePath)).toEqual([steps[0]!, steps[2]!].sort());
  });
});
