/**
 * The step page in its plain form (./step-shell.ts), answered without Astro's per-request pipeline, which on this
 * machine costs about as much as the whole budget (docs/performance.md). Anything else (no shell kept yet, a query,
 * a test, ended access, no valid session, not joined) is left to the page, which answers it as before.
 */
import { completedStepIds } from '../../../db/progress';
import { getDb } from '../../../db/client';
import { placeFrom } from '../discussion/listing';
import { shellLane } from '../html/shell-lane';
import { findStep } from './catalog';
import { joinedTier, learnerAccess } from './learner-access';
import { stepParts, stepShellKey } from './step-shell';

/** The plain form has no query, so the thread's default order and length. */
const plainPlace = placeFrom(new URLSearchParams());

export const stepPageLane = shellLane(/^\/courses\/([a-z0-9-]+)\/steps\/([a-z0-9-]+)$/, async (match, user) => {
  const access = await learnerAccess(match[1], user);
  if (access.kind !== 'joined') return null;
  const { course } = access;
  const step = findStep(course, match[2]);
  if (!step) return null;
  const tier = joinedTier(access);
  const key = stepShellKey(course, step, tier, { method: 'GET', search: '' });
  if (!key) return null;
  return {
    key,
    parts: () => {
      const db = getDb();
      const completed = completedStepIds(db, user.id, course.slug);
      return stepParts(db, { user, course, step, tier, completed, place: plainPlace });
    },
  };
});
