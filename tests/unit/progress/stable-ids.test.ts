import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { completedStepIds, setStepComplete } from '../../../db/progress';
import { insertAttempt, passedQuizIds } from '../../../db/quiz-attempts';
import { insertUser } from '../../../db/users';
import type { Outline } from '../../../src/lib/courses/outline';
import { summariseProgress } from '../../../src/lib/progress/summary';
import { courseFromDisk } from '../../support/course-steps';

/** The outline of a course folder as the site builds it: course.yaml and each week's step files, from disk. */
const readOutline = (dir: string): Outline => courseFromDisk(dir).outline;

const fileOf = (dir: string, week: number, stepId: string) => {
  const folder = path.join(dir, `week-${week}`);
  const name = readdirSync(folder).find((n) => readFileSync(path.join(folder, n), 'utf8').includes(`\nid: ${stepId}\n`));
  if (!name) throw new Error(`No file for step ${stepId} in week ${week}`);
  return path.join(folder, name);
};

describe('renaming or moving step files keeps a learner’s progress', () => {
  // A copy of the real BeST course, so the files can be renamed and moved as an author would.
  const dir = mkdtempSync(path.join(tmpdir(), 'stable-ids-'));
  cpSync('content/courses/best', dir, { recursive: true, filter: (src) => !/\.(webm|mp3|pdf)$/.test(src) });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const { db } = openDatabase(':memory:');
  const threshold = 0.9;
  const before = readOutline(dir);

  /** A learner who has done the first `count` steps and, if asked, passed every assessment. */
  function learner(id: string, count: number, passedAssessments: boolean) {
    insertUser(db, { id, email: `${id}@example.org`, passwordHash: 'x', name: id, profession: 'nurse' });
    for (const step of before.steps.slice(0, count)) setStepComplete(db, id, 'best', step.id, true);
    if (passedAssessments) {
      for (const a of before.assessments) {
        insertAttempt(db, {
          id: `${id}-${a.quizId}`,
          userId: id,
          courseSlug: 'best',
          quizId: a.quizId,
          kind: 'assessment',
          score: 80,
          passed: true,
          answers: '{}',
          layout: '[]',
          submittedAt: new Date(),
        });
      }
    }
    return id;
  }

  const eligibleLearner = learner('eligible', Math.ceil(threshold * before.steps.length), true);
  const partway = learner('partway', 5, false);
  const summarise = (outline: Outline, userId: string) =>
    summariseProgress(outline, threshold, completedStepIds(db, userId, 'best'), passedQuizIds(db, userId, 'best'));

  it('before the change: one learner is eligible, the other has 5 steps done', () => {
    expect(before.steps.length).toBeGreaterThanOrEqual(50);
    expect(summarise(before, eligibleLearner).eligibility.eligible).toBe(true);
    expect(summarise(before, partway).eligibility.completedSteps).toBe(5);
  });

  it('after renaming, reordering and moving files to another week, counts and eligibility are unchanged', () => {
    const learners = [eligibleLearner, partway];
    const was = learners.map((id) => summarise(before, id).eligibility);
    const [first, , third] = before.steps;
    // Rename a completed step and put it last in its week; move another completed one to the start of week 2.
    renameSync(fileOf(dir, 1, first!.id), path.join(dir, 'week-1', '99-renamed-first-step.mdx'));
    renameSync(fileOf(dir, 1, third!.id), path.join(dir, 'week-2', '00-moved-from-week-1.mdx'));
    const after = readOutline(dir);

    // The change is real: the steps' numbers moved.
    const numberOf = (outline: Outline, id: string) => outline.steps.find((s) => s.id === id)?.number;
    expect([numberOf(before, first!.id), numberOf(before, third!.id)]).toEqual(['1.1', '1.3']);
    expect(numberOf(after, first!.id)).toBe(`1.${after.weeks[0]!.steps.length}`);
    expect(numberOf(after, third!.id)).toBe('2.1');
    expect(after.steps.length).toBe(before.steps.length);

    expect(learners.map((id) => summarise(after, id).eligibility)).toEqual(was);
    expect(summarise(after, eligibleLearner).eligibility.eligible).toBe(true);
    // The moved step's tick went with it: week 1 has one fewer done, week 2 one more.
    expect(summarise(after, partway).weeks.slice(0, 2).map((w) => w.done)).toEqual([4, 1]);
  });
});
