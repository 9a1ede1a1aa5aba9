/**
 * A step page is the same for every learner but for a few parts: the header's account links, the course's
 * percentage, Mark as complete, the moderators' link and the comments. Its plain form (a GET with no query, on a
 * step without a test, for a learner whose access has not ended) is rendered by Astro once per step with a marker
 * in each of those slots and kept as a shell; every request then fills the slots with the learner's own parts.
 * The page itself does this too (src/middleware.ts), and src/lib/courses/step-page-lane.ts fills kept shells
 * without Astro's per-request pipeline, so both give the same bytes (tests/security/step-page-lane.test.ts).
 */
import type { User } from 'lucia';
import type { Db } from '../../../db/client';
import { unreadNotificationCount } from '../../../db/discussion';
import { stepLock, type Tier } from '../access/tiers';
import { threadHtml } from '../discussion/comment-markup';
import { stepPathOf, viewerOf } from '../discussion/access';
import type { ThreadPlace } from '../discussion/listing';
import { canModerate } from '../discussion/rules';
import { loadThread } from '../discussion/thread';
import { html, Html } from '../html/html';
import { siteHeaderHtml } from '../html/site-header';
import { coursePercentHtml, markCompleteHtml } from '../progress/completion-markup';
import { coursePercent } from '../progress/summary';
import type { Course } from './catalog';
import type { OutlineStep } from './outline';

export const shellSlots = ['header', 'percent', 'completion', 'moderation', 'thread'] as const;
export type ShellSlot = (typeof shellSlots)[number];
export type LearnerParts = Record<ShellSlot, Html>;

/** Comment text and course content are escaped, so no learner can write a marker into a page. */
const markerOf = (slot: ShellSlot) => `<!--best-cpd-slot:${slot}-->`;
export const slotMarkers = Object.fromEntries(shellSlots.map((slot) => [slot, new Html(markerOf(slot))])) as LearnerParts;
const markerPattern = /<!--best-cpd-slot:([a-z]+)-->/g;

/** Which shell a request's page is made from, or null when the page is not in its plain form. */
export function shellKey(course: Course, step: OutlineStep, tier: Tier, request: { method: string; search: string }): string | null {
  if (request.method !== 'GET' || request.search !== '') return null;
  if (step.data.type === 'quiz' || step.data.type === 'assessment') return null;
  if (stepLock(tier, step.type) === 'expired') return null;
  return `${course.slug}/${step.id}`;
}

export interface StepShell {
  /** The page's text around the slots: one more piece than there are slots. */
  pieces: string[];
  slots: ShellSlot[];
  /** The page's Content-Security-Policy, which carries the hashes of its scripts and styles. */
  csp: string;
}

/** Splits a page rendered with markers into its pieces; null if a slot is missing or a marker is unknown. */
export function parseShell(page: string, csp: string): StepShell | null {
  const pieces: string[] = [];
  const slots: ShellSlot[] = [];
  let last = 0;
  for (const match of page.matchAll(markerPattern)) {
    const slot = match[1] as ShellSlot;
    if (!shellSlots.includes(slot)) return null;
    pieces.push(page.slice(last, match.index));
    slots.push(slot);
    last = match.index + match[0].length;
  }
  pieces.push(page.slice(last));
  return shellSlots.every((slot) => slots.includes(slot)) ? { pieces, slots, csp } : null;
}

export function fillShell(shell: StepShell, parts: LearnerParts): string {
  let out = shell.pieces[0]!;
  for (let i = 0; i < shell.slots.length; i++) out += parts[shell.slots[i]!].value + shell.pieces[i + 1]!;
  return out;
}

// One shell a step: the course is loaded once per process, so a shell never goes stale.
const kept = new Map<string, StepShell>();

export function keptShell(key: string): StepShell | undefined {
  return kept.get(key);
}

export function keepShell(key: string, shell: StepShell): void {
  kept.set(key, shell);
}

export interface LearnerPartsInput {
  user: User;
  course: Course;
  step: OutlineStep;
  tier: Tier;
  /** The learner's completed steps in this course. */
  completed: Set<string>;
  place: ThreadPlace;
}

/** The learner's own parts of the step page: a few indexed queries and string building. */
export function learnerParts(db: Db, { user, course, step, tier, completed, place }: LearnerPartsInput): LearnerParts {
  const stepPath = stepPathOf(course.slug, step.id);
  const viewer = viewerOf(db, user, course.slug);
  const thread = loadThread(db, { courseSlug: course.slug, stepId: step.id }, viewer, place);
  return {
    header: siteHeaderHtml(user, unreadNotificationCount(db, user.id)),
    percent: coursePercentHtml(coursePercent(course.outline, completed)),
    completion: stepLock(tier, step.type) === 'expired' ? html`` : markCompleteHtml(stepPath, completed.has(step.id)),
    moderation: canModerate(viewer) ? html`<p><a href="/educator/moderation">Reported and hidden comments</a></p>` : html``,
    thread: threadHtml(thread, place, stepPath),
  };
}
