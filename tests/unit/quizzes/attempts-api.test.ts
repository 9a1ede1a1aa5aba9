import { readFileSync } from 'node:fs';
import type { APIContext } from 'astro';
import type { User } from 'lucia';
import { count } from 'drizzle-orm';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../db/client';
import { quizAttempts, stepCompletions, users } from '../../../db/schema';
import type { Course } from '../../../src/lib/courses/catalog';
import type { LearnerAccess } from '../../../src/lib/courses/learner-access';
import { buildOutline } from '../../../src/lib/courses/outline';
import { courseSchema, quizBankSchema, stepSchema } from '../../../src/lib/courses/schema';
import { makeLayout, type Scored } from '../../../src/lib/quizzes/scoring';

const state = vi.hoisted(() => ({ db: undefined as unknown as Db, access: undefined as unknown as LearnerAccess }));
vi.mock('../../../db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
vi.mock('../../../src/lib/courses/learner-access', () => ({ learnerAccess: async () => state.access, joinedTier: () => ({ tier: 'full' }) }));

const { POST } = await import('../../../src/pages/api/courses/[course]/quizzes/[quiz]/attempts');

const fixture = 'tests/fixtures/courses/fixture-basics';
const readYaml = (file: string): unknown => parse(readFileSync(`${fixture}/${file}`, 'utf8'));
const final = quizBankSchema.parse(readYaml('quizzes/fixture-final.yaml'));
const data = courseSchema.parse(readYaml('course.yaml'));
const step = stepSchema.parse({ id: 'final-assessment', title: 'Final assessment', type: 'assessment', activity: 'Finishing up', minutes: 10, quiz: 'fixture-final' });
const course: Course = {
  slug: 'fixture-basics',
  title: data.title,
  data,
  outline: buildOutline(data, [{ data: step, filePath: 'week-2/02-final.mdx' }]),
  entries: new Map(),
  quizzes: new Map([[final.id, final]]),
  filePath: `${fixture}/course.yaml`,
};
const user = { id: 'learner-1' } as User;
const right = { 'two-plus-two': ['a'], 'even-numbers': ['a', 'c'], capital: ['a'] };

async function post(body: string, options: { quiz?: string; signedIn?: boolean } = {}) {
  const { quiz = 'fixture-final', signedIn = true } = options;
  const request = new Request(`http://localhost/api/courses/fixture-basics/quizzes/${quiz}/attempts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  const context = { params: { course: 'fixture-basics', quiz }, locals: { user: signedIn ? user : null, session: null }, request };
  const response = await POST(context as unknown as APIContext);
  return { status: response.status, body: (await response.json()) as { error?: string; problems?: string[]; scored?: Scored; nextLayout?: unknown } };
}

const stored = () => ({
  attempts: state.db.select({ n: count() }).from(quizAttempts).get()?.n,
  completions: state.db.select({ n: count() }).from(stepCompletions).get()?.n,
});

beforeEach(() => {
  state.db = openDatabase(':memory:').db;
  state.db.insert(users).values({ id: user.id, email: 'l@example.org', passwordHash: 'x', name: 'L', profession: 'nurse', createdAt: new Date() }).run();
  state.access = { kind: 'joined', course, user, enrolment: { userId: user.id, courseSlug: course.slug, joinedAt: new Date(), lastActiveAt: new Date() } };
});

describe('POST /api/courses/:course/quizzes/:quiz/attempts', () => {
  it('scores and stores an attempt, completes its step and offers a fresh order', async () => {
    const layout = makeLayout(final);
    const reply = await post(JSON.stringify({ answers: right, layout }));
    expect(reply.status).toBe(201);
    expect(reply.body.scored).toMatchObject({ score: 100, passed: true, correctCount: 3 });
    // Feedback comes back in the order the learner saw.
    expect(reply.body.scored?.results.map((r) => r.questionId)).toEqual(layout.map(([q]) => q));
    expect(reply.body.nextLayout).toHaveLength(3);
    expect(stored()).toEqual({ attempts: 1, completions: 1 });
  });

  it.each([
    ['an answer to a question not in the test', { answers: { ...right, ghost: ['a'] } }, 'There is no question "ghost" in this test.'],
    ['an option that does not exist', { answers: { ...right, capital: ['z'] } }, 'has an answer that is not one of its options'],
    ['an empty submission', { answers: {} }, 'Choose an answer to each question before you submit.'],
    ['answers that are not lists of option ids', { answers: { capital: 'a' } }, 'The answers could not be read'],
    ['no answers at all', {}, 'The answers could not be read'],
    ['a layout that is not the test', { answers: right, layout: [['capital', ['a', 'b']]] }, 'This test has changed since the page was opened'],
  ])('refuses %s with a 400 and stores nothing', async (_, fields, message) => {
    const reply = await post(JSON.stringify({ layout: makeLayout(final), ...fields }));
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain(message);
    expect(stored()).toEqual({ attempts: 0, completions: 0 });
  });

  it('refuses a malformed body', async () => {
    const reply = await post('{"answers": {');
    expect(reply).toEqual({ status: 400, body: { error: 'The answers could not be read. Reload the page and try again.' } });
    expect(stored().attempts).toBe(0);
  });

  it('refuses a test that is not in this course', async () => {
    // week-1-test belongs to the BeST course.
    const reply = await post(JSON.stringify({ answers: right, layout: makeLayout(final) }), { quiz: 'week-1-test' });
    expect(reply).toEqual({ status: 400, body: { error: 'There is no test "week-1-test" in this course.' } });
    expect(stored().attempts).toBe(0);
  });

  it('answers 401 to someone signed out, and 404 to a learner who has not joined', async () => {
    const body = JSON.stringify({ answers: right, layout: makeLayout(final) });
    expect((await post(body, { signedIn: false })).status).toBe(401);
    state.access = { kind: 'not-joined', course };
    expect((await post(body)).status).toBe(404);
    expect(stored().attempts).toBe(0);
  });
});
