/**
 * A step page is the same for every learner but for a few parts: the header's account links, the course's
 * percentage, Mark as complete, the moderators' link and the comments. Its plain form (a GET with no query, on a
 * step without a test, for a learner whose access has not ended) is made from a shell (src/lib/html/page-shell.ts),
 * filled by src/middleware.ts after Astro renders it and by src/lib/courses/step-page-lane.ts without Astro once it
 * is kept, so both give the same bytes (tests/security/page-lanes.test.ts).
 */
import type { User } from 'lucia';
import type { Db } from '../../../db/client';
import { unreadNotificationCount } from '../../../db/discussion';
import { stepLock, type Tier } from '../access/tiers';
import { threadMarkupFor } from '../discussion/kept-thread';
import { stepPathOf, viewerOf } from '../discussion/access';
import type { ThreadPlace } from '../discussion/listing';
import { canModerate } from '../discussion/rules';
import { html } from '../html/html';
import { slotMarkers, type ShellParts } from '../html/page-shell';
import { siteHeaderHtml } from '../html/site-header';
import { coursePercentHtml, markCompleteHtml } from '../progress/completion-markup';
import { coursePercent } from '../progress/summary';
import type { Course } from './catalog';
import type { OutlineStep } from './outline';

export const stepSlots = ['header', 'percent', 'completion', 'moderation', 'thread'] as const;
export type StepSlot = (typeof stepSlots)[number];
export type StepParts = ShellParts<StepSlot>;
export const stepMarkers = slotMarkers(stepSlots);

/** Which shell a request's page is made from, or null when the page is not in its plain form. */
export function stepShellKey(course: Course, step: OutlineStep, tier: Tier, request: { method: string; search: string }): string | null {
  if (request.method !== 'GET' || request.search !== '') return null;
  if (step.data.type === 'quiz' || step.data.type === 'assessment') return null;
  if (stepLock(tier, step.type) === 'expired') return null;
  return `step:${course.slug}/${step.id}`;
}

export interface StepPartsInput {
  user: User;
  course: Course;
  step: OutlineStep;
  tier: Tier;
  /** The learner's completed steps in this course. */
  completed: Set<string>;
  place: ThreadPlace;
}

/** The learner's own parts of the step page: a few indexed queries and string building. */
export function stepParts(db: Db, { user, course, step, tier, completed, place }: StepPartsInput): StepParts {
  const stepPath = stepPathOf(course.slug, step.id);
  const viewer = viewerOf(db, user, course.slug);
  return {
    header: siteHeaderHtml(user, unreadNotificationCount(db, user.id)),
    percent: coursePercentHtml(coursePercent(course.outline, completed)),
    completion: stepLock(tier, step.type) === 'expired' ? html`` : markCompleteHtml(stepPath, completed.has(step.id)),
    moderation: canModerate(viewer) ? html`<p><a href="/educator/moderation">Reported and hidden comments</a></p>` : html``,
    thread: threadMarkupFor(db, { courseSlug: course.slug, stepId: step.id }, viewer, place, stepPath),
  };
}
