/**
 * The people and data the access matrix (access-matrix.test.ts) is tried with: a built server on its own
 * database, six kinds of person, and learner-owned records (comments, a bookmark, a report, a notification, a test
 * attempt, a media position, a reflection, certificates, an organisation, email links) made through the real
 * forms where a form exists, and on the database where only an admin or the certificate rule would make them.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { checkSymbol, formatCertificateNumber } from '../../src/lib/certificates/number';
import { learner, startServer, type RunningServer } from '../support/server';

export const people = ['anonymous', 'learnerA', 'learnerB', 'otherEducator', 'educator', 'admin'] as const;
export type Who = (typeof people)[number];
/** Everyone but the anonymous visitor: they have all joined fixture-basics. */
export type Someone = Exclude<Who, 'anonymous'>;

export const password = 'a long enough password';
export const emailOf = (who: Someone | 'spare'): string => `${who.toLowerCase()}@example.org`;
const names: Record<Someone, string> = {
  learnerA: 'Learner A',
  learnerB: 'Learner B',
  otherEducator: 'Other Educator',
  educator: 'Course Educator',
  admin: 'Site Admin',
};

/** Texts that only some people may read: each is checked to appear for them and for nobody else. */
export const secrets = {
  commentOfA: 'A comment by learner A.',
  commentOfB: 'A comment by learner B.',
  hiddenOfB: 'A comment by learner B that an educator hid.',
  replyOfB: 'A reply by learner B to learner A.',
  reportByA: 'Reported privately by learner A.',
  reflectionOfA: 'Kept private by learner A.',
  organisation: 'Organisation managed by learner A',
  /** The practice test's feedback for the right answer: it reaches only the person who answered. */
  feedback: 'Yes, blue.',
  mediaOfA: '"positionSeconds":2.75',
};

/** Ids and tokens the rows put into their paths and bodies as {name}. */
export interface Ids {
  [name: string]: string;
  commentOfA: string;
  commentToDelete: string;
  commentOfB: string;
  hiddenOfB: string;
  commentToModerate: string;
  replyOfB: string;
  notificationOfA: string;
  attemptOfA: string;
  certificateOfA: string;
  certificateOfAFormatted: string;
  revokedOfB: string;
  revokedOfBFormatted: string;
  certificateOfEducator: string;
  unknownCertificate: string;
  organisation: string;
  spare: string;
  idOfA: string;
  idOfB: string;
  verifyTokenOfA: string;
  resetTokenOfA: string;
  setupToken: string;
}

export interface World {
  server: RunningServer;
  cookies: Record<Someone, string>;
  ids: Ids;
  /** One value from the database, read afresh (the server writes to the same file). */
  value: (sql: string, ...params: unknown[]) => unknown;
  /** Every row a query returns, read afresh. */
  rows: (sql: string, ...params: unknown[]) => unknown[];
  /** A write on the database, as an admin or the certificate rule would make it. */
  run: (sql: string, ...params: unknown[]) => void;
  idOf: (who: Someone | 'spare') => string;
  /** A new session for the person (signing in again), for rows that end one. */
  signIn: (who: Someone) => Promise<string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function certificateNumber(body: string): string {
  return body + checkSymbol(body);
}

export async function startWorld(port: number, dir: string): Promise<World> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startServer({ port, databasePath: `${dir}/platform.db` });
  try {
    return await populate(server, dir);
  } catch (error) {
    // The test file's afterAll has no server to stop when setting up fails: stop it here.
    server.process.kill('SIGKILL');
    throw error;
  }
}

async function populate(server: RunningServer, dir: string): Promise<World> {
  const databasePath = `${dir}/platform.db`;
  const withDb = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(databasePath);
    db.pragma('busy_timeout = 5000');
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  const value = (sql: string, ...params: unknown[]) => withDb((db) => db.prepare(sql).pluck().get(...params));
  const rows = (sql: string, ...params: unknown[]) => withDb((db) => db.prepare(sql).all(...params));
  const run = (sql: string, ...params: unknown[]) => void withDb((db) => db.prepare(sql).run(...params));
  const idOf = (who: Someone | 'spare') => String(value('SELECT id FROM users WHERE email = ?', emailOf(who)));

  const cookies = {} as Record<Someone, string>;
  for (const who of people.slice(1) as Someone[]) cookies[who] = (await learner(server, 'fixture-basics', emailOf(who))).cookie;
  // Someone none of the six, whom the admin's forms act on (role, disabling, managing an organisation).
  await learner(server, 'fixture-basics', emailOf('spare'));
  for (const who of people.slice(1) as Someone[]) run('UPDATE users SET name = ? WHERE email = ?', names[who], emailOf(who));
  run("UPDATE users SET role = 'educator' WHERE email IN (?, ?)", emailOf('otherEducator'), emailOf('educator'));
  run("UPDATE users SET role = 'admin' WHERE email = ?", emailOf('admin'));
  run("INSERT INTO course_educators (user_id, course_slug) VALUES (?, 'best'), (?, 'fixture-basics')", idOf('otherEducator'), idOf('educator'));

  /** A form (answered with JSON when `wantsJson`), or a JSON body for an island's endpoint. */
  const post = async (who: Someone, path: string, body: Record<string, string> | { json: unknown }, wantsJson = false) => {
    const isJson = 'json' in body;
    const response = await fetch(server.url + path, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Origin: server.url,
        Cookie: cookies[who],
        ...(wantsJson || isJson ? { Accept: 'application/json' } : {}),
        ...(isJson ? { 'Content-Type': 'application/json' } : {}),
      },
      body: isJson ? JSON.stringify(body.json) : new URLSearchParams(body),
    });
    if (response.status >= 400) throw new Error(`Setting up, POST ${path} as ${who} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  const comment = async (who: Someone, text: string) =>
    ((await (await post(who, '/courses/fixture-basics/steps/hello/comments', { text }, true)).json()) as { id: string }).id;
  const step = '/courses/fixture-basics/steps/hello/comments';

  // Learner A has joined the BeST course too, so one person may open its downloads.
  await post('learnerA', '/courses/best', {});
  const commentOfA = await comment('learnerA', secrets.commentOfA);
  const commentToDelete = await comment('learnerA', 'A comment learner A will delete.');
  const commentOfB = await comment('learnerB', secrets.commentOfB);
  const hiddenOfB = await comment('learnerB', secrets.hiddenOfB);
  const commentToModerate = await comment('learnerB', 'A comment by learner B for educators to hide.');
  await post('learnerB', `${step}/${commentOfA}/reply`, { text: secrets.replyOfB });
  await post('learnerA', `${step}/${commentOfB}/bookmark`, {});
  await post('learnerA', `${step}/${commentOfB}/report`, { reason: 'other', details: secrets.reportByA });
  await post('educator', `${step}/${hiddenOfB}/moderate`, { action: 'hide' });
  const attempt = await post('learnerA', '/api/courses/fixture-basics/quizzes/practice/attempts', { json: { answers: { colour: ['a'] }, layout: [['colour', ['a', 'b']]] } });
  const attemptOfA = ((await attempt.json()) as { attemptId: string }).attemptId;
  await post('learnerA', '/api/courses/fixture-basics/steps/short-clip/media-progress', { json: { positionSeconds: 2.75, playedSeconds: 2.75 } });
  await post('learnerA', '/courses/fixture-basics/reflections', { week: '1', learned: secrets.reflectionOfA });

  // Certificates, as the rule would issue them: A's, B's (revoked), and the educator's (for the admin to revoke).
  const certificateOfA = certificateNumber('0123456789ABCDE');
  const revokedOfB = certificateNumber('1123456789ABCDE');
  const certificateOfEducator = certificateNumber('2123456789ABCDE');
  const issue = (number: string, who: Someone, revoked: boolean) =>
    run(
      `INSERT INTO certificates (number, user_id, course_slug, learner_name, course_title, provider, cpd_hours, approval_statement, outcomes, lead_educator, completed_at, issued_at, revoked_at, revoked_reason)
       VALUES (?, ?, 'fixture-basics', ?, 'Fixture Course in Basic Skills', 'Test Provider', 2, 'Approved by nobody.', '[]', '{"role":"Lead educator"}', ?, ?, ?, ?)`,
      number,
      idOf(who),
      names[who],
      Date.now(),
      Date.now(),
      revoked ? Date.now() : null,
      revoked ? 'Issued in error.' : null,
    );
  issue(certificateOfA, 'learnerA', false);
  issue(revokedOfB, 'learnerB', true);
  issue(certificateOfEducator, 'educator', false);

  // An organisation that learner A manages (an admin's form would add them).
  run("INSERT INTO organisations (id, name, created_at) VALUES ('org-of-a', ?, ?)", secrets.organisation, Date.now());
  run("INSERT INTO organisation_managers (organisation_id, user_id, added_at) VALUES ('org-of-a', ?, ?)", idOf('learnerA'), Date.now());

  // Links emailed to learner A; only their SHA-256 is stored, so the test makes its own.
  const verifyTokenOfA = 'verify-link-of-learner-a-0123456789';
  const resetTokenOfA = 'reset-link-of-learner-a-0123456789';
  const later = Date.now() + 60 * 60 * 1000;
  for (const [token, purpose] of [
    [verifyTokenOfA, 'verify-email'],
    [resetTokenOfA, 'reset-password'],
  ] as const) {
    run('INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', sha256(token), idOf('learnerA'), purpose, emailOf('learnerA'), Date.now(), later);
  }
  // The first-run link the server printed before an admin existed.
  const setupToken = /\/setup\/([\w-]+)/.exec(server.output())?.[1];
  if (!setupToken) throw new Error(`The server printed no first-run link:\n${server.output()}`);

  const ids: Ids = {
    commentOfA,
    commentToDelete,
    commentOfB,
    hiddenOfB,
    commentToModerate,
    replyOfB: String(value('SELECT id FROM comments WHERE parent_id = ?', commentOfA)),
    notificationOfA: String(value('SELECT id FROM notifications WHERE user_id = ?', idOf('learnerA'))),
    attemptOfA,
    certificateOfA,
    certificateOfAFormatted: formatCertificateNumber(certificateOfA),
    revokedOfB,
    revokedOfBFormatted: formatCertificateNumber(revokedOfB),
    certificateOfEducator,
    unknownCertificate: certificateNumber('3123456789ABCDE'),
    organisation: 'org-of-a',
    spare: idOf('spare'),
    idOfA: idOf('learnerA'),
    idOfB: idOf('learnerB'),
    verifyTokenOfA,
    resetTokenOfA,
    setupToken,
  };

  const signIn = async (who: Someone) => {
    const response = await fetch(`${server.url}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url },
      body: new URLSearchParams({ email: emailOf(who), password }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (!cookie.startsWith('session=')) throw new Error(`Signing in as ${who} answered ${response.status}`);
    return cookie;
  };
  return { server, cookies, ids, value, rows, run, idOf, signIn };
}

/** The text of an answer: the words of a PDF (through pdftotext), or the body as it came. */
export async function bodyText(response: Response, dir: string): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/pdf')) return response.text();
  const file = `${dir}/answer.pdf`;
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8' });
}
