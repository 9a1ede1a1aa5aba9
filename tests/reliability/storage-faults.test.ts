import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';
import { stepIds } from '../support/course-steps';

// A small tmpfs of our own stands in for a full disk (CI runs as root, as this machine does).
const mountPoint = path.resolve('tests/.tmp/reliability-disk');
const databasePath = path.join(mountPoint, 'platform.db');
const steps = stepIds('content/courses/best');
let server: RunningServer | undefined;

const mount = (options: string) => execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint]);

beforeAll(() => {
  rmSync(mountPoint, { recursive: true, force: true });
  mkdirSync(mountPoint, { recursive: true });
  mount('size=4m');
});

afterAll(() => {
  server?.process.kill('SIGKILL');
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
    const db = new Database(databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT step_id FROM step_completions').all() as { step_id: string }[]).map((r) => r.step_id));
    db.close();
    expect(acknowledged.filter((s) => !stored.has(s))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(2);
  });
});
