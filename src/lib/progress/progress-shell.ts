/**
 * The Progress page is the same for every learner of a course but for the header, the course's percentage and its
 * own content (./progress-markup.ts). For a learner with full access it is made from a shell
 * (src/lib/html/page-shell.ts): filled by src/middleware.ts after Astro renders it, and by the lane below without
 * Astro once it is kept (tests/security/page-lanes.test.ts).
 */
import type { User } from 'lucia';
import type { Db } from '../../../db/client';
import { getDb } from '../../../db/client';
import { findCertificate } from '../../../db/certificates';
import { unreadNotificationCount } from '../../../db/discussion';
import { bestScores } from '../../../db/quiz-attempts';
import type { Tier } from '../access/tiers';
import type { Course } from '../courses/catalog';
import { joinedTier, learnerAccess } from '../courses/learner-access';
import { slotMarkers, type ShellParts } from '../html/page-shell';
import { shellLane } from '../html/shell-lane';
import { siteHeaderHtml } from '../html/site-header';
import { coursePercentHtml } from './completion-markup';
import { learnerProgress } from './learner';
import { progressHtml } from './progress-markup';

export const progressSlots = ['header', 'percent', 'main'] as const;
export type ProgressParts = ShellParts<(typeof progressSlots)[number]>;
export const progressMarkers = slotMarkers(progressSlots);

/** The page's shell, or null for limited access (which shows how to upgrade) or any query or method but GET. */
export function progressShellKey(course: Course, tier: Tier, request: { method: string; search: string }): string | null {
  if (request.method !== 'GET' || request.search !== '' || tier.tier !== 'full') return null;
  return `progress:${course.slug}`;
}

export function progressParts(db: Db, user: User, course: Course): ProgressParts {
  const progress = learnerProgress(db, course, user.id);
  return {
    header: siteHeaderHtml(user, unreadNotificationCount(db, user.id)),
    percent: coursePercentHtml(progress.eligibility.percent),
    main: progressHtml({ course, progress, scores: bestScores(db, user.id, course.slug), certificate: findCertificate(db, user.id, course.slug) }),
  };
}

export const progressPageLane = shellLane(/^\/courses\/([a-z0-9-]+)\/progress$/, async (match, user) => {
  const access = await learnerAccess(match[1], user);
  if (access.kind !== 'joined') return null;
  const key = progressShellKey(access.course, joinedTier(access), { method: 'GET', search: '' });
  return key ? { key, parts: () => progressParts(getDb(), user, access.course) } : null;
});
