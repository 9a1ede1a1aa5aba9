/**
 * A test submitted by the quiz island (a same-site JSON POST to the attempts endpoint), answered without Astro's
 * pipeline, as Mark as complete is (src/lib/progress/completion-lane.ts). Only the plain case is taken: a valid
 * session, a joined course with full access, a test that exists, a JSON body of a usual size. Anything else is
 * left to the endpoint before the body is read, and gets its answers.
 */
import { getDb } from '../../../db/client';
import { joinedTier, learnerAccess } from '../courses/learner-access';
import { scriptPost, scriptPostLane } from '../http/lane';
import { answerJsonSubmission } from './json-submission';

/** Whether the request has the shape of the island's submission (far more than the longest test's answers is not). */
export const attemptRequest = scriptPost<'courseSlug' | 'quizId'>({
  address: /^\/api\/courses\/(?<courseSlug>[a-z0-9-]+)\/quizzes\/(?<quizId>[a-z0-9-]+)\/attempts$/,
  contentType: 'application/json',
  largestBody: 64 * 1024,
  asksForJson: false,
});

export const attemptLane = scriptPostLane(attemptRequest, async (asked, user, body) => {
  const access = await learnerAccess(asked.courseSlug, user);
  if (access.kind !== 'joined') return null;
  const bank = access.course.quizzes.get(asked.quizId);
  if (!bank || joinedTier(access).tier === 'limited') return null;
  let submitted: unknown;
  try {
    submitted = JSON.parse(await body());
  } catch {
    submitted = undefined;
  }
  return answerJsonSubmission(getDb(), access.course, bank, user.id, submitted);
});
