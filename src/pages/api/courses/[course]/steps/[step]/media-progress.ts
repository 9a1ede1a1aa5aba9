import type { APIContext, APIRoute } from 'astro';
import { getDb } from '../../../../../../../db/client';
import { getMediaProgress, saveMediaProgress } from '../../../../../../../db/media-progress';
import { findStep } from '../../../../../../lib/courses/catalog';
import { learnerAccess } from '../../../../../../lib/courses/learner-access';
import { json } from '../../../../../../lib/http/forms';
import { readMediaPosition } from '../../../../../../lib/media/progress-body';
import { onlyMethods } from '../../../../../../lib/http/methods';

/** The learner's video or audio step, or the answer to give instead. */
async function mediaStep({ params, locals }: APIContext) {
  if (!locals.user) return json({ error: 'Sign in to keep your place.' }, 401);
  const access = await learnerAccess(params.course, locals.user);
  // Not joined answers like unknown, so the endpoint tells nobody which courses exist.
  if (access.kind !== 'joined') return json({ error: 'There is no such course you have joined.' }, 404);
  const step = findStep(access.course, params.step);
  if (!step || (step.type !== 'video' && step.type !== 'audio')) return json({ error: 'There is no video or audio step here.' }, 404);
  return { userId: access.user.id, courseSlug: access.course.slug, stepId: step.id };
}

/** Where the learner stopped, so the player resumes there. */
export const GET: APIRoute = async (context) => {
  const found = await mediaStep(context);
  if (found instanceof Response) return found;
  return json(getMediaProgress(getDb(), found.userId, found.courseSlug, found.stepId));
};

/** Keeps the learner's place: { positionSeconds, playedSeconds }. */
export const POST: APIRoute = async (context) => {
  const found = await mediaStep(context);
  if (found instanceof Response) return found;
  const position = readMediaPosition(await context.request.json().catch(() => undefined));
  if ('error' in position) return json(position, 400);
  saveMediaProgress(getDb(), found.userId, found.courseSlug, found.stepId, position);
  return new Response(null, { status: 204 });
};

export const ALL = onlyMethods({ GET, POST });
