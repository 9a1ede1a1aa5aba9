import type { Db } from '../../../db/client';
import { writeStepComplete } from '../../../db/progress';
import { findAttempt, insertAttempt, type QuizAttemptRow } from '../../../db/quiz-attempts';
import { randomId } from '../auth/hash';
import type { Course } from '../courses/catalog';
import type { QuizBank } from '../courses/schema';
import { checkAnswers, isValidLayout, score, type Answers, type Layout, type Scored } from './scoring';

export type SubmitResult = { ok: true; attemptId: string; scored: Scored } | { ok: false; problems: string[] };

/** The step that presents a bank, which a submission completes. */
export function stepForQuiz(course: Course, quizId: string) {
  return course.outline.steps.find((s) => (s.data.type === 'quiz' || s.data.type === 'assessment') && s.data.quiz === quizId);
}

/** Checks, scores and stores an attempt, completing the test's step, all in one transaction. */
export function submitAttempt(db: Db, course: Course, bank: QuizBank, userId: string, answers: Answers, layout: unknown): SubmitResult {
  if (!isValidLayout(bank, layout)) return { ok: false, problems: ['This test has changed since the page was opened. Reload the page and try again.'] };
  const problems = checkAnswers(bank, answers);
  if (problems.length > 0) return { ok: false, problems };
  const scored = score(bank, answers, layout);
  const attemptId = randomId();
  const now = new Date();
  const step = stepForQuiz(course, bank.id);
  db.transaction((tx) => {
    insertAttempt(tx, {
      id: attemptId,
      userId,
      courseSlug: course.slug,
      quizId: bank.id,
      kind: bank.kind,
      score: scored.score,
      passed: bank.kind === 'assessment' ? scored.passed : true,
      answers: JSON.stringify(answers),
      layout: JSON.stringify(layout),
      submittedAt: now,
    });
    if (step) writeStepComplete(tx, userId, course.slug, step.id, true, now);
  });
  return { ok: true, attemptId, scored };
}

/** A stored attempt of the learner's, scored again from its answers and layout so feedback matches what they saw. */
export function replayAttempt(db: Db, bank: QuizBank, userId: string, attemptId: string): { row: QuizAttemptRow; scored: Scored } | null {
  const row = findAttempt(db, userId, attemptId);
  if (!row || row.quizId !== bank.id) return null;
  const layout = JSON.parse(row.layout) as Layout;
  if (!isValidLayout(bank, layout)) return null;
  return { row, scored: score(bank, JSON.parse(row.answers) as Answers, layout) };
}
