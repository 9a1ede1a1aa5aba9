import type { APIRoute } from 'astro';
import { getDb } from '../../../../../../../db/client';
import { joinedTier, learnerAccess } from '../../../../../../lib/courses/learner-access';
import { json } from '../../../../../../lib/http/forms';
import { answerJsonSubmission } from '../../../../../../lib/quizzes/json-submission';
import { onlyMethods } from '../../../../../../lib/http/methods';

/**
 * Scores an attempt for the quiz island (src/lib/quizzes/json-submission.ts). Nothing is stored unless it is
 * scored. The plain case is usually answered by the same rules in src/lib/quizzes/attempt-lane.ts.
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
  const answer = answerJsonSubmission(getDb(), course, bank, user.id, body);
  return json(answer.body, answer.status);
};

export const ALL = onlyMethods({ POST });
