/**
 * The thread's markup, kept between requests for the learners it is the same for. A step's thread differs by viewer
 * only in their own comments, their likes and bookmarks, and moderators' controls, so one markup, made for a
 * learner with none of those, serves every learner who has none among the shown comments; anyone else gets the
 * thread made for them. A kept markup is used only while its step's stamp (db/schema.ts threadStamps, kept by
 * triggers on every table the thread shows) is unchanged, so no write path can leave it stale.
 */
import type { Db } from '../../../db/client';
import { likedOrBookmarkedAny, threadStamp } from '../../../db/discussion';
import type { Html } from '../html/html';
import { threadHtml } from './comment-markup';
import type { ThreadPlace } from './listing';
import type { Viewer } from './rules';
import { loadThread } from './thread';

interface KeptThread {
  stamp: number;
  html: Html;
  shownIdsJson: string;
  authorIds: Set<string>;
}

/** A learner who has written, liked and bookmarked nothing: the viewer the kept markup is made for. */
const anyLearner: Viewer = { id: '', role: 'learner', teaches: false };
/** Enough for every step in several orders and lengths; beyond it the oldest is dropped. */
const keptMost = 2000;
const kept = new Map<string, KeptThread>();

export function threadMarkupFor(db: Db, place: { courseSlug: string; stepId: string }, viewer: Viewer, shown: ThreadPlace, stepPath: string): Html {
  const own = () => threadHtml(loadThread(db, place, viewer, shown), shown, stepPath);
  if (viewer.role !== 'learner') return own();
  // The stamp is read before the rows, so a change between the two makes the kept markup look older, never newer.
  const stamp = threadStamp(db, place.courseSlug, place.stepId);
  const key = `${place.courseSlug}/${place.stepId}|${shown.sort}|${shown.shown}`;
  let thread = kept.get(key);
  if (thread?.stamp !== stamp) {
    const rows = loadThread(db, place, anyLearner, shown);
    thread = { stamp, html: threadHtml(rows, shown, stepPath), shownIdsJson: JSON.stringify(rows.shownIds), authorIds: rows.authorIds };
    kept.delete(key);
    if (kept.size >= keptMost) kept.delete(kept.keys().next().value as string);
    kept.set(key, thread);
  }
  if (thread.authorIds.has(viewer.id) || likedOrBookmarkedAny(db, viewer.id, thread.shownIdsJson)) return own();
  return thread.html;
}
