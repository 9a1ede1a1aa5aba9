import type { APIRoute } from 'astro';
import { getDb } from '../../../../../../../db/client';
import { joinedTier, learnerAccess } from '../../../../../../lib/courses/learner-access';
import { json } from '../../../../../../lib/http/forms';
import { submitAttempt } from '../../../../../../lib/quizzes/attempts';
import { answersFromJson } from '../../../../../../lib/quizzes/form-answers';
import { makeLayout } from '../../../../../../lib/quizzes/scoring';
import { onlyMethods } from '../../../../../../lib/http/methods';

/**
 * Scores an attempt for the quiz island: { answers: { [questionId]: optionId[] }, layout } in, the feedback out,
 * with the order to show for the next attempt (shuffled afresh for assessments). Nothing is stored unless it is scored.
 */
export const POST: APIRoute = async ({ params, locals, request }) => {
  if (!locals.user) return json({ error: 'Sign in to submit your answers.' }, 401);
  const access = await learnerAccess(params.course, locals.user);
  // Not joined answers like unknown, so the endpoint tells nobody which courses exist.
  if (access.kind !== 'joined') return json({ error: 'There is no such course you have joined.' }, 404);
  const { course, user } = access;
  const bank = course.quizzes.get(params.quiz ?? '');
  if (!bank) return json({ error: `There is no test "${params.quiz}" in this course.` }, 400);
  // Limited access (a tiered course not yet upgraded) has no tests, whichever way the answers come.
  if (joinedTier(access).tier === 'limited') return json({ error: 'Tests need full access. Upgrade to take this test.' }, 403);

  const body: unknown = await request.json().catch(() => undefined);
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const answers = answersFromJson(fields.answers);
  if (!answers) return json({ error: 'The answers could not be read. Reload the page and try again.' }, 400);
  const result = submitAttempt(getDb(), course, bank, user.id, answers, fields.layout);
  if (!result.ok) return json({ error: result.problems.join(' '), problems: result.problems }, 400);
  return json({ attemptId: result.attemptId, scored: result.scored, nextLayout: makeLayout(bank) }, 201);
};

export const ALL = onlyMethods({ POST });
