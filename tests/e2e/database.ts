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

/** Marks the account's email address as confirmed, as its confirmation link would, for tests about other things. */
export function confirmEmail(email: string): void {
  const db = e2eDatabase();
  try {
    const changed = db
      .prepare("INSERT INTO verified_emails (user_id, kind, email, verified_at) SELECT id, 'account', email, ? FROM users WHERE email = ?")
      .run(Date.now(), email.toLowerCase()).changes;
    if (changed !== 1) throw new Error(`No user ${email} to confirm`);
  } finally {
    db.close();
  }
}

/** A learner made straight in the database, with a known place in a course, for the console's tests. */
export interface SeededLearner {
  name: string;
  email: string;
  profession: string;
  joinedAt: Date;
  /** Step ids completed, an hour apart after joining. */
  completed: string[];
  attempts?: { quizId: string; score: number; passed: boolean; answers: Record<string, string[]> }[];
  /** Days after joining that a certificate was issued. */
  certificateAfterDays?: number;
}

/** Adds learners to a course as if they had joined and studied, in one transaction. */
export function addLearners(courseSlug: string, learners: SeededLearner[]): void {
  const db = e2eDatabase();
  const id = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  try {
    db.transaction(() => {
      for (const l of learners) {
        const userId = id();
        const joined = l.joinedAt.getTime();
        db.prepare("INSERT INTO users (id, email, password_hash, name, profession, role, created_at) VALUES (?, ?, 'not a hash', ?, ?, 'learner', ?)").run(
          userId,
          l.email.toLowerCase(),
          l.name,
          l.profession,
          joined,
        );
        const last = joined + l.completed.length * 3_600_000;
        db.prepare('INSERT INTO enrolments (user_id, course_slug, joined_at, last_active_at) VALUES (?, ?, ?, ?)').run(userId, courseSlug, joined, last);
        l.completed.forEach((step, i) =>
          db.prepare('INSERT INTO step_completions (user_id, course_slug, step_id, completed_at) VALUES (?, ?, ?, ?)').run(userId, courseSlug, step, joined + (i + 1) * 3_600_000),
        );
        for (const a of l.attempts ?? []) {
          db.prepare("INSERT INTO quiz_attempts (id, user_id, course_slug, quiz_id, kind, score, passed, answers, layout, submitted_at) VALUES (?, ?, ?, ?, 'assessment', ?, ?, ?, '[]', ?)").run(
            id(),
            userId,
            courseSlug,
            a.quizId,
            a.score,
            a.passed ? 1 : 0,
            JSON.stringify(a.answers),
            last,
          );
        }
        if (l.certificateAfterDays !== undefined) {
          const issued = joined + l.certificateAfterDays * 86_400_000;
          db.prepare(
            "INSERT INTO certificates (number, user_id, course_slug, learner_name, course_title, provider, cpd_hours, approval_statement, outcomes, lead_educator, completed_at, issued_at) VALUES (?, ?, ?, ?, 'Course', 'Provider', 2, 'Statement', '[]', '{}', ?, ?)",
          ).run(id().toUpperCase().slice(0, 16).padEnd(16, '0'), userId, courseSlug, l.name, issued, issued);
        }
      }
    })();
  } finally {
    db.close();
  }
}
