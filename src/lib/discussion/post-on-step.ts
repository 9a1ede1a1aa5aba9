/**
 * A member's new comment on a step, as the comments page and its fast lane (./post-lane.ts) both post it: posting
 * on a discussion step completes the step for a learner on the course.
 */
import type { Db } from '../../../db/client';
import type { DiscussionAccess } from './access';
import { postComment, type Refusal } from './actions';

export function postOnStep(db: Db, access: Extract<DiscussionAccess, { kind: 'member' }>, text: unknown): { ok: true; id: string } | Refusal {
  const { course, step, viewer, enrolled } = access;
  return postComment(db, { courseSlug: course.slug, stepId: step.id, completesStep: step.type === 'discussion' && enrolled }, viewer, text);
}

/** The answer an island gets: the new comment's id, or why it was refused (with when to try again). */
export function postAnswer(result: { ok: true; id: string } | Refusal): { status: number; body: object; headers: Record<string, string> } {
  if (result.ok) return { status: 201, body: { id: result.id }, headers: {} };
  return { status: result.status, body: { error: result.error }, headers: result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : {} };
}
