/**
 * The access matrix: every route of the platform (each file under src/pages, GET and the POST forms and endpoints),
 * asked by six kinds of person, with the exact answer each must get and, for a POST, whether stored data may change.
 * Ids of other people's records go into the paths and bodies, so changing an id in the URL or in the form (IDOR)
 * is tried on every learner-owned record: progress, test attempts, media positions, reflections, the CPD record,
 * certificates, comments, bookmarks, reports and notifications.
 *
 * The people (tests/security/access-fixture.ts): anonymous; learner A and learner B; an educator of another course
 * (BeST); the educator of fixture-basics; an admin. All but the anonymous visitor have joined fixture-basics;
 * nobody has joined fixture-tiered; learner A has joined BeST and manages an organisation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, emailOf, password, people, secrets, startWorld, type Someone, type Who, type World } from './access-fixture';

const dir = 'tests/.tmp/security-matrix';
let w: World;

beforeAll(async () => {
  w = await startWorld(4485, dir);
});
afterAll(() => w?.server.process.kill('SIGKILL'));

/**
 * What one person must get: a status, or a redirect as "303 /where" (the Location's path must be /where exactly;
 * a query written after it must begin the Location's query).
 */
type Answer = number | string;
/** One answer per person, in the order of `people`: anonymous, learner A, learner B, other educator, educator, admin. */
type Answers = [Answer, Answer, Answer, Answer, Answer, Answer];

interface Row {
  method: 'GET' | 'POST';
  /** The address; {name} is replaced by the fixture's id of that name (tests/security/access-fixture.ts). */
  path: string;
  expect: Answers;
  /** A form body ({name} replaced as in path), or a JSON body for the islands' endpoints. */
  form?: (who: Who) => Record<string, string>;
  json?: (who: Who) => unknown;
  /** Text ({name} replaced) that must be in the answer for exactly these people, and in nobody else's. */
  shows?: { text: string; to: Who[] }[];
  /** POST: what the request must leave unchanged, except when one of `writes` sends it (then it must change). */
  stored?: () => unknown;
  writes?: Who[];
  /** POST: puts the stored data back before each person tries, so each attempt is judged on its own. */
  reset?: () => void;
  /** POST: use a new session (signing in again), for a request that ends the session it is sent with. */
  freshSession?: true;
}

const all = (answer: Answer): Answers => [answer, answer, answer, answer, answer, answer];
const signedIn = (answer: Answer, anonymous: Answer = SIGN_IN): Answers => [anonymous, answer, answer, answer, answer, answer];
const adminOnly = (answer: Answer): Answers => [404, 404, 404, 404, 404, answer];
const SIGN_IN = '303 /signin';
const BASICS = '/courses/fixture-basics';
const TIERED = '/courses/fixture-tiered';
const HELLO = `${BASICS}/steps/hello`;
const COMMENTS = `${HELLO}/comments`;
const EVERYONE_SIGNED_IN: Who[] = ['learnerA', 'learnerB', 'otherEducator', 'educator', 'admin'];
const ALL_BUT_A: Who[] = ['learnerB', 'otherEducator', 'educator', 'admin'];
const MODERATORS: Who[] = ['educator', 'admin'];

/** How many rows match, as a row's `stored`; {name} in a parameter is replaced when it is read. */
const count =
  (sql: string, ...params: string[]) =>
  () =>
    w.value(`SELECT count(*) FROM ${sql}`, ...params.map(fill));
const ofA = () => w.ids.idOfA;
const newAccount = (who: Who, email: string) => ({ name: `New account by ${who}`, email, password, profession: 'nurse' });

// The rows run in this order, each asked by the six people; `expect` lists their answers in the order of `people`:
// anonymous, learner A, learner B, other educator, educator, admin.
const matrix: Row[] = [
  // Public pages and the account.
  { method: 'GET', path: '/', expect: all(200) },
  { method: 'GET', path: '/404', expect: all(404) },
  { method: 'GET', path: '/account', expect: signedIn(200, '303 /signin?next=/account'), shows: [{ text: 'Your organisation’s learners', to: ['learnerA'] }] },
  { method: 'GET', path: '/account/confirm-email', expect: signedIn('303 /account') },
  { method: 'GET', path: '/account/upgrade', expect: signedIn(200, '303 /signin?next=%2Faccount%2Fupgrade') },
  { method: 'GET', path: '/bookmarks', expect: signedIn(200, '303 /signin?next=/bookmarks'), shows: [{ text: secrets.commentOfB, to: ['learnerA'] }] },
  { method: 'GET', path: '/notifications', expect: signedIn(200, '303 /signin?next=/notifications'), shows: [{ text: secrets.replyOfB, to: ['learnerA'] }] },
  { method: 'GET', path: '/forgot-password', expect: all(200) },
  { method: 'GET', path: '/signin', expect: signedIn('303 /', 200) },
  { method: 'GET', path: '/signup', expect: signedIn('303 /', 200) },
  { method: 'GET', path: '/signout', expect: all('303 /account') },
  { method: 'GET', path: '/reset-password/not-a-real-token', expect: all(404) },
  // An emailed link is the credential: whoever holds it sees its form, and opening it changes nothing.
  { method: 'GET', path: '/reset-password/{resetTokenOfA}', expect: all(200) },
  { method: 'GET', path: '/verify-email/not-a-real-token', expect: all(404) },
  { method: 'GET', path: '/verify-email/{verifyTokenOfA}', expect: all(200) },
  // The first-run link dies once an admin exists.
  { method: 'GET', path: '/setup/{setupToken}', expect: all(404) },
  { method: 'GET', path: '/setup/not-a-real-token', expect: all(404) },
  { method: 'GET', path: '/toolkit', expect: all(200) },
  { method: 'GET', path: '/toolkit/smart-goal', expect: all(200) },
  { method: 'GET', path: '/toolkit/no-such-tool', expect: all(404) },

  // Certificates: the PDF for its owner only; verification for anyone.
  { method: 'GET', path: '/certificates/{certificateOfA}.pdf', expect: [404, 200, 404, 404, 404, 404], shows: [{ text: 'Learner A', to: ['learnerA'] }] },
  { method: 'GET', path: '/certificates/{revokedOfB}.pdf', expect: [404, 404, 410, 404, 404, 404] },
  { method: 'GET', path: '/certificates/{unknownCertificate}.pdf', expect: all(404) },
  { method: 'GET', path: '/certificates/{certificateOfA}', expect: all(404) },
  { method: 'GET', path: '/verify', expect: all(200) },
  { method: 'GET', path: '/verify?number={certificateOfAFormatted}', expect: all('303 /verify/{certificateOfAFormatted}') },
  { method: 'GET', path: '/verify/{certificateOfAFormatted}', expect: all(200), shows: [{ text: 'Learner A', to: [...people] }] },
  { method: 'GET', path: '/verify/{revokedOfB}', expect: all(200), shows: [{ text: 'Revoked', to: [...people] }] },
  { method: 'GET', path: '/verify/{unknownCertificate}', expect: all(404) },

  // A course and a learner's own pages: a signed-out visitor is asked to sign in; someone who has not joined, to join.
  { method: 'GET', path: BASICS, expect: all(200) },
  { method: 'GET', path: '/courses/no-such-course', expect: all(404) },
  { method: 'GET', path: `${BASICS}/todo`, expect: signedIn(200) },
  { method: 'GET', path: `${TIERED}/todo`, expect: signedIn(`303 ${TIERED}`) },
  {
    method: 'GET',
    path: `${BASICS}/progress`,
    expect: signedIn(200),
    shows: [
      { text: '{certificateOfAFormatted}', to: ['learnerA'] },
      { text: '{revokedOfBFormatted}', to: ['learnerB'] },
    ],
  },
  // The page has no form: a POST is shown the page as a GET would be, and changes nothing.
  { method: 'POST', path: `${BASICS}/progress`, form: () => ({ intent: 'certificate' }), expect: signedIn(200), stored: count('certificates'), writes: [] },
  { method: 'GET', path: `${TIERED}/progress`, expect: signedIn(`303 ${TIERED}`) },
  { method: 'GET', path: '/courses/no-such-course/progress', expect: all(404) },
  { method: 'GET', path: `${BASICS}/reflections`, expect: signedIn(200), shows: [{ text: secrets.reflectionOfA, to: ['learnerA'] }] },
  { method: 'GET', path: `${TIERED}/reflections`, expect: signedIn(`303 ${TIERED}`) },
  { method: 'GET', path: `${BASICS}/cpd-record.pdf`, expect: signedIn(200), shows: [{ text: secrets.reflectionOfA, to: ['learnerA'] }] },
  // A download takes GETs only: anything else is told so (405), whoever sends it.
  { method: 'POST', path: `${BASICS}/cpd-record.pdf`, expect: all(405), stored: count('reflections'), writes: [] },
  { method: 'GET', path: `${TIERED}/cpd-record.pdf`, expect: signedIn(`303 ${TIERED}`) },
  { method: 'GET', path: `${BASICS}/certificate`, expect: all(`303 ${BASICS}/progress`) },
  { method: 'GET', path: `${BASICS}/downloads/missing.pdf`, expect: all(404) },
  { method: 'GET', path: '/courses/best/downloads/flare-up-plan.pdf', expect: [404, 200, 404, 404, 404, 404] },
  { method: 'GET', path: `${BASICS}/media/fixture-clip.webm`, expect: signedIn(200, 404) },
  { method: 'GET', path: `${TIERED}/media/fixture-clip.webm`, expect: all(404) },

  // Steps. A step's public face for someone signed out or not joined is its course page.
  { method: 'GET', path: HELLO, expect: signedIn(200, `303 ${BASICS}`), shows: [{ text: secrets.hiddenOfB, to: MODERATORS }] },
  { method: 'GET', path: `${BASICS}/steps/no-such-step`, expect: all(404) },
  { method: 'GET', path: `${TIERED}/steps/tiered-welcome`, expect: all(`303 ${TIERED}`) },
  // Learner A's attempt named in the address: its feedback is shown to A only.
  { method: 'GET', path: `${BASICS}/steps/practice-test?attempt={attemptOfA}`, expect: signedIn(200, `303 ${BASICS}`), shows: [{ text: secrets.feedback, to: ['learnerA'] }] },
  { method: 'GET', path: '/api/courses/fixture-basics/steps/short-clip/media-progress', expect: signedIn(200, 401), shows: [{ text: secrets.mediaOfA, to: ['learnerA'] }] },
  { method: 'GET', path: '/api/courses/fixture-basics/steps/hello/media-progress', expect: signedIn(404, 401) },
  { method: 'GET', path: '/api/courses/fixture-tiered/steps/tiered-welcome/media-progress', expect: signedIn(404, 401) },
  // The endpoint takes POSTs only.
  { method: 'GET', path: '/api/courses/fixture-basics/quizzes/practice/attempts', expect: all(405) },

  // Discussion: members and the course's moderators; only the author edits or deletes, nobody reports their own.
  { method: 'GET', path: COMMENTS, expect: signedIn(`303 ${HELLO}`) },
  { method: 'GET', path: `${COMMENTS}/thread`, expect: signedIn(200, 401), shows: [{ text: secrets.hiddenOfB, to: MODERATORS }] },
  { method: 'GET', path: `${TIERED}/steps/tiered-welcome/comments/thread`, expect: [401, 404, 404, 404, 404, 200] },
  { method: 'GET', path: `${COMMENTS}/mentions`, expect: signedIn(200, 401), shows: [{ text: 'Learner B', to: ['learnerA', 'otherEducator', 'educator', 'admin'] }] },
  { method: 'GET', path: `${TIERED}/steps/tiered-welcome/comments/mentions`, expect: [401, 404, 404, 404, 404, 200] },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/edit`, expect: [SIGN_IN, 200, 403, 403, 403, 403], shows: [{ text: secrets.commentOfA, to: ['learnerA'] }] },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/delete`, expect: [SIGN_IN, 200, 403, 403, 403, 403] },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/reply`, expect: signedIn(200) },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/report`, expect: [SIGN_IN, 403, 200, 200, 200, 200] },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/like`, expect: signedIn(`303 ${HELLO}`) },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/moderate`, expect: signedIn(`303 ${HELLO}`) },
  { method: 'GET', path: `${COMMENTS}/{commentOfA}/no-such-action`, expect: all(404) },
  // A comment named under a step it is not on, or one that does not exist, is not found.
  { method: 'GET', path: `${BASICS}/steps/second-step/comments/{commentOfA}/edit`, expect: signedIn(404) },
  { method: 'GET', path: `${COMMENTS}/no-such-comment/edit`, expect: signedIn(404) },
  // A hidden comment exists only for the course's moderators (who still cannot edit it).
  { method: 'GET', path: `${COMMENTS}/{hiddenOfB}/edit`, expect: [SIGN_IN, 404, 404, 404, 403, 403] },
  { method: 'GET', path: `${COMMENTS}/{hiddenOfB}/reply`, expect: [SIGN_IN, 404, 404, 404, 200, 200] },

  // The educator's console: their own courses only; an admin sees every course.
  { method: 'GET', path: '/educator', expect: [404, 404, 404, 200, 200, 200] },
  { method: 'GET', path: '/educator/moderation', expect: [404, 404, 404, 200, 200, 200], shows: [{ text: secrets.reportByA, to: MODERATORS }] },
  { method: 'GET', path: '/educator/courses/fixture-basics', expect: [404, 404, 404, 404, 200, 200] },
  { method: 'GET', path: '/educator/courses/fixture-basics/learners', expect: [404, 404, 404, 404, 200, 200], shows: [{ text: emailOf('learnerA'), to: MODERATORS }] },
  { method: 'GET', path: '/educator/courses/fixture-basics/learners.csv', expect: [404, 404, 404, 404, 200, 200], shows: [{ text: emailOf('learnerA'), to: MODERATORS }] },
  { method: 'GET', path: '/educator/courses/fixture-basics/steps', expect: [404, 404, 404, 404, 200, 200] },
  { method: 'GET', path: '/educator/courses/fixture-basics/assessments', expect: [404, 404, 404, 404, 200, 200] },
  { method: 'GET', path: '/educator/courses/fixture-basics/assessments?quiz=practice', expect: [404, 404, 404, 404, 200, 200] },
  { method: 'GET', path: '/educator/courses/best', expect: [404, 404, 404, 200, 404, 200] },
  { method: 'GET', path: '/educator/courses/no-such-course', expect: all(404) },

  // The admin's pages.
  ...['/admin', '/admin/users', '/admin/certificates', '/admin/outbox', '/admin/access-codes', '/admin/organisations', '/admin/nhs-domains'].map(
    (path): Row => ({ method: 'GET', path, expect: adminOnly(200) }),
  ),
  { method: 'GET', path: '/admin/users?user={idOfA}', expect: adminOnly(200), shows: [{ text: emailOf('learnerA'), to: ['admin'] }] },
  { method: 'GET', path: '/admin/users?user=no-such-user', expect: all(404) },
  { method: 'GET', path: '/admin/certificates?q={certificateOfA}', expect: adminOnly(200), shows: [{ text: '{certificateOfAFormatted}', to: ['admin'] }] },

  // An organisation's report: its managers (learner A) and admins.
  { method: 'GET', path: '/organisation', expect: [404, '302 /organisation/{organisation}', 404, 404, 404, '302 /organisation/{organisation}'] },
  { method: 'GET', path: '/organisation/{organisation}', expect: [404, 200, 404, 404, 404, 200], shows: [{ text: secrets.organisation, to: ['learnerA', 'admin'] }] },
  { method: 'GET', path: '/organisation/{organisation}/learners.csv', expect: [404, 200, 404, 404, 404, 200] },
  { method: 'GET', path: '/organisation/no-such-organisation', expect: all(404) },

  // ---- POSTs. Everyone else tries before learner A, so A's own change cannot hide a refusal that came before it.
  // The account: each form acts on the person signed in, whatever id the body names.
  {
    method: 'POST',
    path: '/account',
    form: (who) => ({ action: 'details', name: `Renamed by ${who}`, profession: 'nurse', user: '{idOfA}', userId: '{idOfA}' }),
    expect: signedIn('303 /account'),
    stored: () => w.value('SELECT name FROM users WHERE id = ?', ofA()),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: '/account/confirm-email',
    expect: signedIn('303 /account'),
    stored: count('email_outbox WHERE to_address = ?', emailOf('learnerA')),
    writes: ['learnerA'],
  },
  { method: 'POST', path: '/account/upgrade', form: () => ({ action: 'redeem', code: 'ABCD-EFGH-JKMN' }), expect: signedIn(400), stored: count('course_access_grants'), writes: [] },
  {
    method: 'POST',
    path: '/signup',
    form: (who) => newAccount(who, `new-${who.toLowerCase()}@example.org`),
    expect: all('303 /'),
    stored: count('users'),
    writes: ['anonymous'],
  },
  {
    method: 'POST',
    path: '/signin',
    form: (who) => ({ email: `nobody-${who.toLowerCase()}@example.org`, password: 'not the right password' }),
    expect: all(400),
    stored: count('sessions'),
    writes: [],
  },
  { method: 'POST', path: '/signout', freshSession: true, expect: all('303 /'), stored: count('sessions WHERE user_id = ?', '{idOfA}'), writes: ['learnerA'] },
  { method: 'POST', path: '/forgot-password', form: () => ({ email: 'nobody@example.org' }), expect: all('303 /forgot-password?sent=1'), stored: count('email_tokens'), writes: [] },
  { method: 'POST', path: '/reset-password/not-a-real-token', form: () => ({ password: 'another long password' }), expect: all(404), stored: count('sessions'), writes: [] },
  { method: 'POST', path: '/verify-email/not-a-real-token', expect: all(404), stored: count('verified_emails'), writes: [] },
  {
    method: 'POST',
    path: '/setup/{setupToken}',
    form: (who) => newAccount(who, `admin-by-${who.toLowerCase()}@example.org`),
    expect: all(404),
    stored: count("users WHERE role = 'admin'"),
    writes: [],
  },

  // Joining, completing, answering, reflecting, claiming a certificate: always the sender's own, never A's by id.
  { method: 'POST', path: BASICS, form: () => ({ userId: '{idOfB}' }), expect: signedIn(`303 ${BASICS}/todo`, '303 /signup?next=%2Fcourses%2Ffixture-basics'), stored: count('enrolments'), writes: [] },
  {
    method: 'POST',
    path: `${BASICS}/steps/second-step`,
    form: () => ({ intent: 'complete', userId: '{idOfA}', user: '{idOfA}' }),
    expect: signedIn(`303 ${BASICS}/steps/second-step`, '303 /signin?next=%2Fcourses%2Ffixture-basics%2Fsteps%2Fsecond-step'),
    stored: count("step_completions WHERE user_id = ? AND step_id = 'second-step'", '{idOfA}'),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: `${BASICS}/steps/practice-test`,
    form: () => ({ intent: 'answers', 'q.colour': 'b', layout: 'colour:a,b', userId: '{idOfA}' }),
    expect: signedIn(`303 ${BASICS}/steps/practice-test`),
    stored: count('quiz_attempts WHERE user_id = ?', '{idOfA}'),
    writes: ['learnerA'],
  },
  { method: 'POST', path: `${TIERED}/steps/tiered-welcome`, form: () => ({ intent: 'complete' }), expect: signedIn(`303 ${TIERED}`), stored: count("step_completions WHERE course_slug = 'fixture-tiered'"), writes: [] },
  {
    method: 'POST',
    path: '/api/courses/fixture-basics/quizzes/practice/attempts',
    json: () => ({ answers: { colour: ['b'] }, layout: [['colour', ['a', 'b']]], userId: w.ids.idOfA }),
    expect: signedIn(201, 401),
    stored: count('quiz_attempts WHERE user_id = ?', '{idOfA}'),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: '/api/courses/fixture-tiered/quizzes/tiered-practice/attempts',
    json: () => ({ answers: {}, layout: [] }),
    expect: signedIn(404, 401),
    stored: count("quiz_attempts WHERE course_slug = 'fixture-tiered'"),
    writes: [],
  },
  {
    method: 'POST',
    path: '/api/courses/fixture-basics/steps/short-clip/media-progress',
    json: () => ({ positionSeconds: 1.5, playedSeconds: 3, userId: w.ids.idOfA }),
    expect: signedIn(204, 401),
    stored: () => w.rows('SELECT position_seconds, played_seconds FROM media_progress WHERE user_id = ?', ofA()),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: '/api/courses/fixture-tiered/steps/tiered-welcome/media-progress',
    json: () => ({ positionSeconds: 1, playedSeconds: 1 }),
    expect: signedIn(404, 401),
    stored: count('media_progress'),
    writes: [],
  },
  {
    method: 'POST',
    path: `${BASICS}/reflections`,
    form: (who) => ({ week: '1', learned: `Rewritten by ${who}`, userId: '{idOfA}' }),
    expect: signedIn(`303 ${BASICS}/reflections`),
    stored: () => w.rows('SELECT week, learned FROM reflections WHERE user_id = ?', ofA()),
    writes: ['learnerA'],
  },
  { method: 'POST', path: `${TIERED}/reflections`, form: () => ({ week: '1', learned: 'Not joined.' }), expect: signedIn(`303 ${TIERED}`), stored: count('reflections'), writes: [] },
  // Nobody here is eligible: those holding a certificate are shown it, the others are refused, nothing is issued.
  {
    method: 'POST',
    path: `${BASICS}/certificate`,
    form: () => ({ userId: '{idOfA}' }),
    expect: [SIGN_IN, `303 ${BASICS}/progress`, `303 ${BASICS}/progress`, 403, `303 ${BASICS}/progress`, 403],
    stored: count('certificates'),
    writes: [],
  },
  { method: 'POST', path: `${TIERED}/certificate`, expect: signedIn(`303 ${TIERED}`), stored: count('certificates'), writes: [] },

  // Discussion.
  {
    method: 'POST',
    path: COMMENTS,
    form: (who) => ({ text: `A new comment by ${who}.`, userId: '{idOfA}' }),
    expect: signedIn(`303 ${HELLO}`),
    stored: count('comments WHERE user_id = ?', '{idOfA}'),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: `${TIERED}/steps/tiered-welcome/comments`,
    form: (who) => ({ text: `A comment by ${who} on a course nobody joined.` }),
    expect: [SIGN_IN, 403, 403, 403, 403, `303 ${TIERED}/steps/tiered-welcome`],
    stored: count("comments WHERE course_slug = 'fixture-tiered'"),
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentOfA}/reply`,
    form: (who) => ({ text: `A reply by ${who}.` }),
    expect: signedIn(`303 ${HELLO}`),
    stored: count('comments WHERE parent_id = ?', '{commentOfA}'),
    writes: EVERYONE_SIGNED_IN,
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentOfA}/edit`,
    form: (who) => ({ text: `Rewritten by ${who}.`, userId: '{idOfA}' }),
    expect: [SIGN_IN, `303 ${HELLO}`, 403, 403, 403, 403],
    stored: () => w.value('SELECT body FROM comments WHERE id = ?', w.ids.commentOfA),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentToDelete}/delete`,
    expect: [SIGN_IN, `303 ${HELLO}`, 403, 403, 403, 403],
    stored: count('comments WHERE id = ?', '{commentToDelete}'),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentOfA}/report`,
    form: (who) => ({ reason: 'other', details: `Reported by ${who}.` }),
    expect: [SIGN_IN, 403, `303 ${HELLO}`, `303 ${HELLO}`, `303 ${HELLO}`, `303 ${HELLO}`],
    stored: count('comment_reports WHERE comment_id = ?', '{commentOfA}'),
    writes: ALL_BUT_A,
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentOfA}/like`,
    expect: [SIGN_IN, 403, `303 ${HELLO}`, `303 ${HELLO}`, `303 ${HELLO}`, `303 ${HELLO}`],
    stored: count('comment_likes WHERE comment_id = ?', '{commentOfA}'),
    writes: ALL_BUT_A,
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentOfA}/bookmark`,
    expect: signedIn(`303 ${HELLO}`),
    stored: count('bookmarks WHERE user_id = ?', '{idOfA}'),
    writes: ['learnerA'],
  },
  // Taking a bookmark off B's comment takes off only the sender's own: A's stays until A takes it off.
  {
    method: 'POST',
    path: `${COMMENTS}/{commentOfB}/bookmark`,
    form: () => ({ bookmark: 'no', userId: '{idOfA}' }),
    expect: signedIn(`303 ${HELLO}`),
    stored: count('bookmarks WHERE user_id = ? AND comment_id = ?', '{idOfA}', '{commentOfB}'),
    writes: ['learnerA'],
  },
  {
    method: 'POST',
    path: `${COMMENTS}/{commentToModerate}/moderate`,
    form: () => ({ action: 'hide' }),
    expect: [SIGN_IN, 403, 403, 403, `303 ${HELLO}`, `303 ${HELLO}`],
    reset: () => w.run('UPDATE comments SET hidden_at = NULL WHERE id = ?', w.ids.commentToModerate),
    stored: () => w.value('SELECT hidden_at IS NOT NULL FROM comments WHERE id = ?', w.ids.commentToModerate),
    writes: MODERATORS,
  },
  // A hidden comment cannot be acted on by those who cannot see it.
  {
    method: 'POST',
    path: `${COMMENTS}/{hiddenOfB}/like`,
    expect: [SIGN_IN, 404, 404, 404, `303 ${HELLO}`, `303 ${HELLO}`],
    stored: count('comment_likes WHERE comment_id = ?', '{hiddenOfB}'),
    writes: MODERATORS,
  },
  // A comment named under another course's step (BeST, which the other educator teaches and learner A has joined) is not
  // found there; those who have not joined BeST are told to join, whatever the comment.
  {
    method: 'POST',
    path: '/courses/best/steps/w1-welcome/comments/{commentToModerate}/moderate',
    form: () => ({ action: 'hide' }),
    expect: [SIGN_IN, 404, 403, 404, 403, 404],
    stored: () => w.value('SELECT hidden_at IS NOT NULL FROM comments WHERE id = ?', w.ids.commentToModerate),
    reset: () => w.run('UPDATE comments SET hidden_at = NULL WHERE id = ?', w.ids.commentToModerate),
    writes: [],
  },
  { method: 'POST', path: `${COMMENTS}/{commentOfA}/no-such-action`, expect: all(404), stored: count('comments'), writes: [] },
  // Notifications: marking one read, by id or all at once, touches only the sender's.
  ...['{notificationOfA}', 'all'].map(
    (read): Row => ({
      method: 'POST',
      path: '/notifications',
      form: () => ({ read }),
      expect: signedIn('303 /notifications'),
      reset: () => w.run('UPDATE notifications SET read_at = NULL WHERE id = ?', w.ids.notificationOfA),
      stored: () => w.value('SELECT read_at IS NOT NULL FROM notifications WHERE id = ?', w.ids.notificationOfA),
      writes: ['learnerA'],
    }),
  ),

  // The admin's forms, each acting on someone who is none of the six.
  {
    method: 'POST',
    path: '/admin/users',
    form: () => ({ action: 'role', user: '{spare}', role: 'educator', courses: 'fixture-basics' }),
    expect: adminOnly('303 /admin/users'),
    reset: () => {
      w.run("UPDATE users SET role = 'learner' WHERE id = ?", w.ids.spare);
      w.run('DELETE FROM course_educators WHERE user_id = ?', w.ids.spare);
    },
    stored: () => [w.value('SELECT role FROM users WHERE id = ?', w.ids.spare), w.rows('SELECT course_slug FROM course_educators WHERE user_id = ?', w.ids.spare)],
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: '/admin/users',
    form: () => ({ action: 'disable', user: '{spare}' }),
    expect: adminOnly('303 /admin/users'),
    reset: () => w.run('UPDATE users SET disabled_at = NULL WHERE id = ?', w.ids.spare),
    stored: () => w.value('SELECT disabled_at IS NOT NULL FROM users WHERE id = ?', w.ids.spare),
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: '/admin/certificates',
    form: (who) => ({ action: 'revoke', number: '{certificateOfEducator}', reason: `Revoked by ${who}.` }),
    expect: adminOnly('303 /admin/certificates'),
    reset: () => w.run('UPDATE certificates SET revoked_at = NULL, revoked_reason = NULL WHERE number = ?', w.ids.certificateOfEducator),
    stored: () => w.value('SELECT revoked_at IS NOT NULL FROM certificates WHERE number = ?', w.ids.certificateOfEducator),
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: '/admin/access-codes',
    form: (who) => ({ course: 'fixture-tiered', count: '2', expires: '31/12/2099', note: `Made by ${who}` }),
    expect: adminOnly(200),
    stored: count('access_codes'),
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: '/admin/organisations',
    form: (who) => ({ action: 'create', name: `An organisation made by ${who}` }),
    expect: adminOnly('303 /admin/organisations'),
    stored: count('organisations'),
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: '/admin/organisations',
    form: () => ({ action: 'add-manager', organisation: '{organisation}', email: emailOf('spare') }),
    expect: adminOnly('303 /admin/organisations'),
    reset: () => w.run('DELETE FROM organisation_managers WHERE user_id = ?', w.ids.spare),
    stored: count('organisation_managers WHERE user_id = ?', '{spare}'),
    writes: ['admin'],
  },
  {
    method: 'POST',
    path: '/admin/nhs-domains',
    form: () => ({ domain: 'example-trust.org' }),
    expect: adminOnly('303 /admin/nhs-domains'),
    reset: () => w.run("DELETE FROM nhs_domains WHERE domain = 'example-trust.org'"),
    stored: count('nhs_domains'),
    writes: ['admin'],
  },
];

/** Replaces each {name} with the fixture's id of that name. */
function fill(text: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const id = w.ids[name];
    if (id === undefined) throw new Error(`No fixture id called ${whole}`);
    return id;
  });
}

function fillAll(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, fill(value)]));
}

/** What the person got, in the form the rows expect it. */
function describeAnswer(response: Response): { status: number; location: string } {
  const location = (response.headers.get('location') ?? '').replace(w.server.url, '');
  return { status: response.status, location };
}

/** Whether the answer is the one expected; a redirect is written "303 /path?query-prefix". */
function matches(got: { status: number; location: string }, expected: Answer): boolean {
  if (typeof expected === 'number') return got.status === expected;
  const [status = '', where = ''] = fill(expected).split(' ');
  const path = (s: string) => s.split(/[?#]/)[0];
  return got.status === Number(status) && path(got.location) === path(where) && got.location.startsWith(where);
}

async function ask(row: Row, who: Who, cookie: string | undefined): Promise<Response> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  let body: string | URLSearchParams | undefined;
  if (row.method === 'POST') {
    headers.Origin = w.server.url;
    if (row.json) {
      headers['Content-Type'] = 'application/json';
      headers.Accept = 'application/json';
      body = JSON.stringify(row.json(who));
    } else {
      body = new URLSearchParams(fillAll(row.form?.(who) ?? {}));
    }
  }
  return fetch(w.server.url + fill(row.path), { method: row.method, headers, body, redirect: 'manual' });
}

/** Learner A goes last for a POST: see the comment above the POST rows. */
const postOrder: Who[] = ['anonymous', 'learnerB', 'otherEducator', 'educator', 'admin', 'learnerA'];

const label = (row: Row) => `${row.method} ${row.path}${row.form ? ` ${Object.values(row.form('learnerA')).slice(0, 2).join(' ')}` : ''}`;

describe('the access matrix', () => {
  for (const row of matrix) {
    it(label(row), async () => {
      const wrong: string[] = [];
      for (const who of row.method === 'POST' ? postOrder : people) {
        const cookie = who === 'anonymous' ? undefined : row.freshSession ? await w.signIn(who) : w.cookies[who];
        row.reset?.();
        const before = JSON.stringify(row.stored?.());
        const response = await ask(row, who, cookie);
        const got = describeAnswer(response);
        const expected = row.expect[people.indexOf(who)]!;
        const text = row.shows ? await bodyText(response, dir) : (await response.arrayBuffer(), '');
        if (!matches(got, expected)) wrong.push(`${who}: got ${got.status}${got.location ? ` ${got.location}` : ''}, expected ${expected}`);
        for (const shown of row.shows ?? []) {
          const seen = text.includes(fill(shown.text));
          if (seen !== shown.to.includes(who)) wrong.push(`${who}: ${seen ? 'sees' : 'does not see'} "${fill(shown.text)}"`);
        }
        if (row.stored) {
          const after = JSON.stringify(row.stored());
          const writes = row.writes?.includes(who) ?? false;
          if ((before !== after) !== writes) wrong.push(`${who}: stored data ${writes ? 'unchanged' : `changed from ${before} to ${after}`}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('the matrix covers the platform', () => {
  interface Route {
    file: string;
    pattern: RegExp;
    /** Per segment, 0 for a fixed name and 1 for a parameter: Astro prefers fixed names, so the lowest wins. */
    rank: number[];
    methods: Set<string>;
  }

  function routes(folder = 'src/pages', prefix: string[] = []): Route[] {
    return readdirSync(folder)
      .sort()
      .flatMap((name): Route[] => {
        const file = path.join(folder, name);
        if (statSync(file).isDirectory()) return routes(file, [...prefix, name]);
        const base = name.replace(/\.(astro|ts)$/, '');
        const segments = base === 'index' ? prefix : [...prefix, base];
        const source = readFileSync(file, 'utf8');
        const methods = name.endsWith('.ts')
          ? new Set([...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!))
          : new Set(['GET', ...(/request\.method/.test(source) ? ['POST'] : [])]);
        const pattern = new RegExp(`^/${segments.map((s) => (/^\[.+\]$/.test(s) ? '[^/]+' : s.replace(/\./g, '\\.'))).join('/')}$`);
        return [{ file, pattern, rank: segments.map((s) => (s.startsWith('[') ? 1 : 0)), methods }];
      });
  }

  const lower = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return false;
  };

  it('has a row for every page and endpoint, with each method it answers (GET, and POST for forms)', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(50);
    const reached = new Set<string>();
    for (const row of matrix) {
      const address = row.path.split('?')[0]!.replace(/\{\w+\}/g, 'id');
      const route = all.filter((r) => r.pattern.test(address)).reduce<Route | undefined>((best, r) => (!best || lower(r.rank, best.rank) ? r : best), undefined);
      if (route) reached.add(`${row.method} ${route.file}`);
    }
    const missing = all.flatMap((r) => [...r.methods].map((m) => `${m} ${r.file}`)).filter((key) => !reached.has(key));
    expect(missing).toEqual([]);
  });
});

describe('changing an id in a form', () => {
  it('makes no learner an admin or an educator through the admin’s form, not even themselves', async () => {
    for (const who of ['learnerA', 'learnerB', 'otherEducator', 'educator'] satisfies Someone[]) {
      const response = await fetch(`${w.server.url}/admin/users`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: w.server.url, Cookie: w.cookies[who] },
        body: new URLSearchParams({ action: 'role', user: w.ids.idOfA, role: 'admin', courses: 'fixture-basics' }),
      });
      expect(response.status, who).toBe(404);
    }
    expect(w.value('SELECT role FROM users WHERE id = ?', w.ids.idOfA)).toBe('learner');
    expect(w.value('SELECT count(*) FROM course_educators WHERE user_id = ?', w.ids.idOfA)).toBe(0);
  });

  it('stores what learner B sends naming learner A as B’s own, and leaves A’s records as they were', async () => {
    const send = (path: string, body: string, type: string) =>
      fetch(w.server.url + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: w.server.url, Cookie: w.cookies.learnerB, 'Content-Type': type, Accept: type },
        body,
      });
    const a = w.ids.idOfA;
    const b = w.ids.idOfB;
    const snapshot = (user: string) => [
      w.value("SELECT count(*) FROM step_completions WHERE user_id = ? AND step_id = 'third-step'", user),
      w.value('SELECT count(*) FROM quiz_attempts WHERE user_id = ?', user),
      w.rows('SELECT position_seconds FROM media_progress WHERE user_id = ?', user),
    ];
    const beforeA = JSON.stringify(snapshot(a));
    const beforeB = JSON.stringify(snapshot(b));
    expect((await send(`${BASICS}/steps/third-step`, new URLSearchParams({ intent: 'complete', userId: a, user_id: a }).toString(), 'application/x-www-form-urlencoded')).status).toBe(303);
    const attempt = { answers: { colour: ['a'] }, layout: [['colour', ['a', 'b']]], userId: a, user_id: a };
    expect((await send('/api/courses/fixture-basics/quizzes/practice/attempts', JSON.stringify(attempt), 'application/json')).status).toBe(201);
    const position = { positionSeconds: 3.25, playedSeconds: 3.25, userId: a, user_id: a };
    expect((await send('/api/courses/fixture-basics/steps/short-clip/media-progress', JSON.stringify(position), 'application/json')).status).toBe(204);
    expect(JSON.stringify(snapshot(a))).toBe(beforeA);
    expect(JSON.stringify(snapshot(b))).not.toBe(beforeB);
    expect(w.rows('SELECT position_seconds FROM media_progress WHERE user_id = ?', b)).toEqual([{ position_seconds: 3.25 }]);
  });
});
