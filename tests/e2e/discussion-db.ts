import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { baseURL } from '../playwright.config';
import { setRole } from './database';

/**
 * Makes a user an educator of a course, which no page can do yet: the role, and the course_educators row, written
 * to the end-to-end database while the server has it open (WAL mode allows it).
 */
export function makeEducator(email: string, courseSlug: string): void {
  setRole(email, 'educator');
  const db = new Database(fileURLToPath(new URL(`../.tmp/e2e-${new URL(baseURL).port}.db`, import.meta.url)));
  try {
    db.pragma('busy_timeout = 10000');
    const added = db
      .prepare('INSERT OR IGNORE INTO course_educators (user_id, course_slug) SELECT id, ? FROM users WHERE email = ?')
      .run(courseSlug, email.toLowerCase()).changes;
    if (added !== 1) throw new Error(`Could not make ${email} an educator of ${courseSlug}`);
  } finally {
    db.close();
  }
}
