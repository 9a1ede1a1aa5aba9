/**
 * The step page in its plain form (src/lib/courses/step-shell.ts), answered without Astro's per-request pipeline,
 * which on this machine costs about as much as the whole budget (docs/performance.md). It fills the step's kept
 * shell with the learner's parts; anything else (no shell kept yet, a query, a test, ended access, no valid
 * session, not joined) is left to the page, which answers it as before.
 */
import { completedStepIds } from '../../../db/progress';
import { getDb, noteReadOnly } from '../../../db/client';
import { placeFrom } from '../discussion/listing';
import { laneSession, sendSignedIn } from '../http/lane';
import { storageFailureAnswer } from '../http/storage-errors';
import type { FastLane } from '../../server/fast-lane';
import { findStep } from './catalog';
import { joinedTier, learnerAccess } from './learner-access';
import { fillShell, keptShell, learnerParts, shellKey } from './step-shell';

const stepAddress = /^\/courses\/([a-z0-9-]+)\/steps\/([a-z0-9-]+)$/;
const noQuery = new URLSearchParams();

export const stepPageLane: FastLane = async (req, res) => {
  if (req.method !== 'GET') return false;
  const match = stepAddress.exec(req.url ?? '');
  if (!match) return false;
  try {
    const signedIn = await laneSession(req);
    if (!signedIn) return false;
    const { user, renewed } = signedIn;
    const access = await learnerAccess(match[1], user);
    if (access.kind !== 'joined') return false;
    const step = findStep(access.course, match[2]);
    if (!step) return false;
    const tier = joinedTier(access);
    const key = shellKey(access.course, step, tier, { method: 'GET', search: '' });
    const shell = key ? keptShell(key) : undefined;
    if (!shell) return false;

    const db = getDb();
    const completed = completedStepIds(db, user.id, access.course.slug);
    const parts = learnerParts(db, { user, course: access.course, step, tier, completed, place: placeFrom(noQuery) });
    sendSignedIn(res, 200, fillShell(shell, parts), { 'Content-Type': 'text/html', 'Content-Security-Policy': shell.csp, ...renewed });
    return true;
  } catch (error) {
    const answer = storageFailureAnswer(error, { method: 'GET', path: req.url ?? '', wantsJson: false }, noteReadOnly);
    if (!answer) throw error;
    sendSignedIn(res, answer.status, answer.body, answer.headers);
    return true;
  }
};
