import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { mediaProgress } from './schema';
import type { MediaPosition } from '../src/lib/media/progress-body';

/** Where the learner stopped in a step's media, and how much of it they have played; zeros before the first visit. */
export function getMediaProgress(db: Db, userId: string, courseSlug: string, stepId: string): MediaPosition {
  const row = db
    .select({ positionSeconds: mediaProgress.positionSeconds, playedSeconds: mediaProgress.playedSeconds })
    .from(mediaProgress)
    .where(and(eq(mediaProgress.userId, userId), eq(mediaProgress.courseSlug, courseSlug), eq(mediaProgress.stepId, stepId)))
    .get();
  return row ?? { positionSeconds: 0, playedSeconds: 0 };
}

/** Stores the position; the played time never goes down, so a second tab reporting less cannot undo the first. */
export function saveMediaProgress(db: Db, userId: string, courseSlug: string, stepId: string, position: MediaPosition, now = new Date()): void {
  db.insert(mediaProgress)
    .values({ userId, courseSlug, stepId, ...position, updatedAt: now })
    .onConflictDoUpdate({
      target: [mediaProgress.userId, mediaProgress.courseSlug, mediaProgress.stepId],
      set: {
        positionSeconds: position.positionSeconds,
        playedSeconds: sql`max(${mediaProgress.playedSeconds}, ${position.playedSeconds})`,
        updatedAt: now,
      },
    })
    .run();
}
