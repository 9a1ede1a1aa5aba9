/** Loads what the discussion under a step shows to one viewer: a handful of indexed queries. */
import type { Db } from '../../../db/client';
import { countComments, listPinned, listReplies, listTopLevel, type ThreadQuery } from '../../../db/discussion';
import type { ThreadPlace } from './listing';
import { canModerate, type Viewer } from './rules';
import { threadViews, type CommentView } from './view';

export interface Thread {
  count: number;
  /** Pinned comments first, then the rest in the chosen order. */
  comments: CommentView[];
  /** The first comment Show more would add, so the link can land on it; undefined when all are shown. */
  nextId: string | undefined;
  /** Every comment and reply shown, and who wrote them. */
  shownIds: string[];
  authorIds: Set<string>;
}

export function loadThread(db: Db, place: { courseSlug: string; stepId: string }, viewer: Viewer, shown: ThreadPlace): Thread {
  const q: ThreadQuery = { ...place, viewerId: viewer.id, includeHidden: canModerate(viewer) };
  const pinned = listPinned(db, q);
  // One more than shown tells whether there is more, and which comment Show more starts at.
  const rest = listTopLevel(db, q, shown.sort, shown.shown + 1);
  const topLevel = [...pinned, ...rest.slice(0, shown.shown)];
  const replies = listReplies(db, q, topLevel.map((c) => c.id));
  const rows = [...topLevel, ...replies];
  return {
    count: countComments(db, q),
    comments: threadViews(topLevel, replies, viewer),
    nextId: rest[shown.shown]?.id,
    shownIds: rows.map((r) => r.id),
    authorIds: new Set(rows.map((r) => r.userId)),
  };
}
