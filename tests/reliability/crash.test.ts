import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';
import { stepIds } from '../support/course-steps';

const dir = 'tests/.tmp/reliability-crash';
const databasePath = `${dir}/platform.db`;
const steps = stepIds('content/courses/best');
let server: RunningServer | undefined;

afterAll(() => server?.process.kill('SIGKILL'));

describe('a crash under write load', () => {
  it('keeps every acknowledged write and an intact database, round after round', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const acknowledged: { email: string; step: string }[] = [];

    for (let round = 0; round < 3; round++) {
      server = await startServer({ port: 4471, databasePath });
      const learners = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const email = `crash-${round}-${i}@example.org`;
          return { email, session: await learner(server!, 'best', email) };
        }),
      );
      let stop = false;
      const load = learners.map(async ({ email, session }) => {
        // Round and round the course, so the kill always lands mid-load however fast the machine.
        for (let i = 0; !stop; i++) {
          const step = steps[i % steps.length]!;
          try {
            const status = await session.markComplete(step);
            if (status === 200) acknowledged.push({ email, step });
          } catch {
            return; // the connection died with the server: that write was never acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 700 + round * 300));
      server.process.kill('SIGKILL');
      stop = true;
      await Promise.all(load);
      await server.exited;

      // The restart runs recovery and migrations; then the data is checked from outside.
      server = await startServer({ port: 4471, databasePath });
      server.process.kill('SIGTERM');
      await server.exited;
      const db = new Database(databasePath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = new Set(
          (db.prepare('SELECT u.email, c.step_id FROM step_completions c JOIN users u ON u.id = c.user_id').all() as { email: string; step_id: string }[]).map(
            (r) => `${r.email} ${r.step_id}`,
          ),
        );
        const lost = acknowledged.filter((a) => !stored.has(`${a.email} ${a.step}`));
        expect(lost).toEqual([]);
      } finally {
        db.close();
      }
    }
    // The load really ran: many writes were acknowledged before the kills.
    expect(acknowledged.length).toBeGreaterThan(50);
  });
});
