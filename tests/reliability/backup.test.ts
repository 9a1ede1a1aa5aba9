import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';
import { stepIds } from '../support/course-steps';

const dir = 'tests/.tmp/reliability-backup';
const databasePath = `${dir}/platform.db`;
const backupPath = `${dir}/backups/platform-backup.db`;
const restoredPath = `${dir}/restored.db`;
const steps = stepIds('content/courses/best');
const servers: RunningServer[] = [];

afterAll(() => servers.forEach((s) => s.process.kill('SIGKILL')));

/** Runs `npm run db:backup -- <file>` as an operator would, against the live database. */
function backup(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', file], { env: { ...process.env, DATABASE_PATH: databasePath } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

function completions(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT u.email, c.step_id FROM step_completions c JOIN users u ON u.id = c.user_id').all() as { email: string; step_id: string }[];
    return new Set(rows.map((r) => `${r.email} ${r.step_id}`));
  } finally {
    db.close();
  }
}

describe('a backup taken while the server runs', () => {
  it('is consistent, restores, and holds every write acknowledged before it began', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const live = await startServer({ port: 4476, databasePath });
    servers.push(live);
    const learners = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const email = `backup-${i}@example.org`;
        return { email, session: await learner(live, 'best', email) };
      }),
    );

    // Learners keep marking steps complete throughout: the backup must not wait for quiet.
    const acknowledged: { email: string; step: string; at: number }[] = [];
    let stop = false;
    const load = learners.map(async ({ email, session }) => {
      // Round and round the course until told to stop, so the load outlasts the backup however fast the machine.
      for (let i = 0; !stop; i++) {
        const step = steps[i % steps.length]!;
        if ((await session.markComplete(step)) === 200) acknowledged.push({ email, step, at: Date.now() });
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const began = Date.now();
    const before = acknowledged.filter((a) => a.at < began);
    const result = await backup(backupPath);
    const ended = Date.now();
    stop = true;
    await Promise.all(load);
    expect(result.output).toContain('Backed up');
    expect(result.code).toBe(0);
    // Writes went on while the copy was made.
    expect(acknowledged.some((a) => a.at > began && a.at < ended)).toBe(true);
    expect(before.length).toBeGreaterThan(10);

    // The backup is one self-contained file: no -wal beside it is needed.
    expect(existsSync(`${backupPath}-wal`)).toBe(false);
    const saved = completions(backupPath);
    expect(before.filter((a) => !saved.has(`${a.email} ${a.step}`))).toEqual([]);

    // A second backup to the same name is refused rather than overwriting the first.
    const again = await backup(backupPath);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already exists');

    // Restoring (docs/operations.md): stop the server, put the backup in place, start again.
    live.process.kill('SIGTERM');
    await live.exited;
    copyFileSync(backupPath, restoredPath);
    const restored = await startServer({ port: 4477, databasePath: restoredPath });
    servers.push(restored);
    // A learner's session survives in the restored data, and their progress with it.
    const first = learners[0]!;
    const mine = new Set(before.filter((a) => a.email === first.email).map((a) => a.step)).size;
    const progress = await fetch(`${restored.url}/courses/best/progress`, { headers: { Cookie: first.session.cookie } });
    expect(progress.status).toBe(200);
    const done = Number(/You have completed (\d+) of/.exec(await progress.text())?.[1]);
    expect(done).toBeGreaterThanOrEqual(mine);
    restored.process.kill('SIGTERM');
    await restored.exited;
  });
});
