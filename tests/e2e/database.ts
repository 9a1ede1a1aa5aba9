import Database from 'better-sqlite3';
import type { Role } from '../../db/schema';

/**
 * Test set-up the UI cannot do yet: change a user's role on the end-to-end database, which the server has open
 * in WAL mode alongside. The path matches tests/playwright.config.ts.
 */
function e2eDatabase(): Database.Database {
  const db = new Database(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 4399}.db`);
  db.pragma('busy_timeout = 10000');
  return db;
}

export function setRole(email: string, role: Role): void {
  const db = e2eDatabase();
  try {
    const changed = db.prepare('UPDATE users SET role = ? WHERE email = ?').run(role, email.toLowerCase()).changes;
    if (changed !== 1) throw new Error(`No user ${email} to make ${role}`);
  } finally {
    db.close();
  }
}
