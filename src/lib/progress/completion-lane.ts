/**
 * Mark as complete, as the step page's script sends it (a same-site form POST asking for JSON), answered without
 * Astro's page pipeline, which costs several times the work itself (docs/performance.md). The address, rules and
 * answers are the step page's; anything but the plain case (signed in with a valid session, joined, a step that
 * may be marked, a small url-encoded body) is left to the page before the body is read.
 */
import { getDb } from '../../../db/client';
import { stepLock } from '../access/tiers';
import { findStep } from '../courses/catalog';
import { joinedTier, learnerAccess } from '../courses/learner-access';
import { scriptPost, scriptPostLane } from '../http/lane';
import { markStep } from './mark-step';

/** Whether the request has the shape of the script's Mark as complete (one short field), read from its line and headers. */
export const completionRequest = scriptPost<'courseSlug' | 'stepId'>({
  address: /^\/courses\/(?<courseSlug>[a-z0-9-]+)\/steps\/(?<stepId>[a-z0-9-]+)(?:\?[^#]*)?$/,
  contentType: 'application/x-www-form-urlencoded',
  largestBody: 1024,
  asksForJson: true,
});

export const completionLane = scriptPostLane(completionRequest, async (asked, user, body) => {
  const access = await learnerAccess(asked.courseSlug, user);
  if (access.kind !== 'joined') return null;
  const step = findStep(access.course, asked.stepId);
  if (!step || stepLock(joinedTier(access), step.type) === 'expired') return null;
  const intent = new URLSearchParams(await body()).get('intent');
  if (intent !== 'complete' && intent !== 'incomplete') return { status: 400, body: { error: 'The form could not be read. Please try again.' } };
  return { status: 200, body: markStep(getDb(), access.course, user.id, step.id, intent === 'complete') };
});
