/**
 * The quiz island's submission, { answers: { [questionId]: optionId[] }, layout }, scored and answered: the
 * feedback and the order for the next attempt (shuffled afresh for assessments), or why it could not be scored.
 * Shared by the attempts endpoint and its fast lane (./attempt-lane.ts), so both answer alike.
 */
import type { Db } from '../../../db/client';
import type { Course } from '../courses/catalog';
import type { QuizBank } from '../courses/schema';
import { submitAttempt } from './attempts';
import { answersFromJson } from './form-answers';
import { makeLayout } from './scoring';

export function answerJsonSubmission(db: Db, course: Course, bank: QuizBank, userId: string, body: unknown): { status: 201 | 400; body: object } {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const answers = answersFromJson(fields.answers);
  if (!answers) return { status: 400, body: { error: 'The answers could not be read. Reload the page and try again.' } };
  const result = submitAttempt(db, course, bank, userId, answers, fields.layout);
  if (!result.ok) return { status: 400, body: { error: result.problems.join(' '), problems: result.problems } };
  return { status: 201, body: { attemptId: result.attemptId, scored: result.scored, nextLayout: makeLayout(bank) } };
}
