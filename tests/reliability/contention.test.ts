import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/reliability-contention';
let server: RunningServer | undefined;

afterAll(() => server?.process.kill('SIGKILL'));

describe('another process holding the write lock', () => {
  it('makes a write wait and then succeed, not fail with SQLITE_BUSY', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const databasePath = `${dir}/platform.db`;
    server = await startServer({ port: 4472, databasePath });
    const session = await learner(server, 'best', 'contention@example.org');

    const other = new Database(databasePath);
    other.pragma('busy_timeout = 5000');
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const pending = session.markComplete('w1-welcome');
    await new Promise((r) => setTimeout(r, 3000));
    other.exec('COMMIT');
    other.close();

    expect(await pending).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    const db = new Database(databasePath, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM step_completions WHERE step_id = 'w1-welcome'").get()).toEqual({ n: 1 });
    db.close();
  });
});
