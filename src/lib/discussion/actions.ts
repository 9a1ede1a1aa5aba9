/** What people do in a discussion: each checks its rules, then writes everything in one transaction. */
import type { Db } from '../../../db/client';
import {
  blankComment,
  clearReports,
  findComment,
  hasReplies,
  insertComment,
  insertNotifications,
  listCommenters,
  removeComment,
  saveReport,
  setBookmark,
  setHidden,
  setLike,
  setPinned,
  updateCommentBody,
  type CommentRow,
} from '../../../db/discussion';
import { writeStepComplete } from '../../../db/progress';
import { spendTokens } from '../../../db/rate-limits';
import type { NotificationKind } from '../../../db/schema';
import { randomId } from '../auth/hash';
import { rules } from '../rate-limit/bucket';
import { findMentions } from './mentions';
import { canChange, canLike, canModerate, canPin, canReport, replyParent, type CommentState, type Viewer } from './rules';
import { checkCommentText } from './text';

export type Refusal = { ok: false; status: 400 | 403 | 429; error: string; retryAfterSeconds?: number };

export interface PostPlace {
  courseSlug: string;
  stepId: string;
  /** Posting on a discussion step completes it for a learner on the course. */
  completesStep: boolean;
}

type Stored = Pick<CommentRow, 'id' | 'userId' | 'parentId' | 'deletedAt' | 'hiddenAt' | 'courseSlug' | 'stepId'>;

/** Notifications for a new or edited comment: a reply tells whom it answers; a mention tells whom it names. */
function notify(db: Db, comment: Stored, body: string, author: Viewer, repliedTo: string | undefined, now: Date): void {
  const told = new Set<string>([author.id]);
  const rows: { userId: string; kind: NotificationKind }[] = [];
  if (repliedTo && !told.has(repliedTo)) {
    rows.push({ userId: repliedTo, kind: 'reply' });
    told.add(repliedTo);
  }
  // Every mention starts with @; most comments have none, and reading who may be mentioned grows with the thread.
  const people = body.includes('@') ? listCommenters(db, comment.courseSlug, comment.stepId) : [];
  for (const id of findMentions(body, people)) {
    if (!told.has(id)) rows.push({ userId: id, kind: 'mention' });
    told.add(id);
  }
  insertNotifications(
    db,
    rows.map((r) => ({ ...r, id: randomId(), actorId: author.id, commentId: comment.id, courseSlug: comment.courseSlug, stepId: comment.stepId, createdAt: now })),
  );
}

/**
 * Posts a comment on a step, or a reply to `replyTo` (threaded under the comment on the step it belongs to).
 * Text is checked before the rate limit, so a mistyped comment costs nothing.
 */
export function postComment(
  db: Db,
  place: PostPlace,
  author: Viewer,
  rawText: unknown,
  replyTo?: Stored,
  now = new Date(),
): { ok: true; id: string } | Refusal {
  const checked = checkCommentText(rawText);
  if (!checked.ok) return { ok: false, status: 400, error: checked.error };
  if (replyTo?.deletedAt) return { ok: false, status: 400, error: 'That comment has been deleted, so it cannot be replied to.' };
  const comment = {
    id: randomId(),
    courseSlug: place.courseSlug,
    stepId: place.stepId,
    userId: author.id,
    parentId: replyTo ? replyParent(replyTo) : null,
    body: checked.text,
    createdAt: now,
    deletedAt: null,
    hiddenAt: null,
  };
  // The token and the comment are stored in one transaction: one commit a post, and never one without the other.
  const limit = db.transaction(
    (tx) => {
      const spent = spendTokens(tx, [{ key: `comment:user:${author.id}`, rule: rules.comment }], now.getTime());
      if (!spent.allowed) return spent;
      insertComment(tx, comment);
      notify(tx, comment, comment.body, author, replyTo?.userId, now);
      if (place.completesStep) writeStepComplete(tx, author.id, place.courseSlug, place.stepId, true, now);
      return spent;
    },
    { behavior: 'immediate' },
  );
  if (!limit.allowed) {
    const wait = limit.retryAfterSeconds === 1 ? 'a second' : `${limit.retryAfterSeconds} seconds`;
    return {
      ok: false,
      status: 429,
      error: `You can post up to ${rules.comment.capacity} comments a minute. Wait ${wait} and post again.`,
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  return { ok: true, id: comment.id };
}

const notYours = (verb: string): Refusal => ({ ok: false, status: 403, error: `You can only ${verb} your own comments.` });

/** Edits the author's own comment (marked edited); anyone newly @mentioned is told. */
export function editComment(db: Db, comment: Stored, viewer: Viewer, rawText: unknown, now = new Date()): { ok: true } | Refusal {
  if (!canChange(comment, viewer)) return notYours('edit');
  const checked = checkCommentText(rawText);
  if (!checked.ok) return { ok: false, status: 400, error: checked.error };
  db.transaction((tx) => {
    updateCommentBody(tx, comment.id, checked.text, now);
    notify(tx, comment, checked.text, viewer, undefined, now);
  });
  return { ok: true };
}

/**
 * Deletes the author's own comment. One with replies stays as "Comment deleted" so the replies keep their
 * place; a deleted comment whose last reply goes is removed with it.
 */
export function deleteComment(db: Db, comment: Stored, viewer: Viewer, now = new Date()): { ok: true } | Refusal {
  if (!canChange(comment, viewer)) return notYours('delete');
  db.transaction((tx) => {
    if (hasReplies(tx, comment.id)) {
      blankComment(tx, comment.id, now);
      return;
    }
    removeComment(tx, comment.id);
    const parent = comment.parentId ? findComment(tx, comment.parentId) : undefined;
    if (parent?.deletedAt && !hasReplies(tx, parent.id)) removeComment(tx, parent.id);
  });
  return { ok: true };
}

export function likeComment(db: Db, comment: CommentState & { id: string }, viewer: Viewer, liked: boolean): { ok: true; likeCount: number } | Refusal {
  if (!canLike(comment, viewer)) return { ok: false, status: 403, error: 'You cannot like your own comment.' };
  return { ok: true, likeCount: setLike(db, comment.id, viewer.id, liked) };
}

export function bookmarkComment(db: Db, comment: CommentState & { id: string }, viewer: Viewer, on: boolean): { ok: true } | Refusal {
  if (comment.deletedAt) return { ok: false, status: 400, error: 'That comment has been deleted.' };
  setBookmark(db, comment.id, viewer.id, on);
  return { ok: true };
}

export function reportComment(
  db: Db,
  comment: CommentState & { id: string },
  viewer: Viewer,
  report: { reason: string; details: string },
  now = new Date(),
): { ok: true } | Refusal {
  if (!canReport(comment, viewer)) return { ok: false, status: 403, error: 'You cannot report your own comment.' };
  saveReport(db, { commentId: comment.id, userId: viewer.id, reason: report.reason, details: report.details, createdAt: now });
  return { ok: true };
}

export const moderationActions = ['pin', 'unpin', 'hide', 'show', 'dismiss'] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** An educator's action on a comment. Hiding or showing settles its reports; dismissing keeps it as it is. */
export function moderateComment(db: Db, comment: CommentState & { id: string }, viewer: Viewer, action: ModerationAction, now = new Date()): { ok: true } | Refusal {
  if (!canModerate(viewer)) return { ok: false, status: 403, error: 'Only the course’s educators can do that.' };
  if ((action === 'pin' || action === 'unpin') && !canPin(comment, viewer)) {
    return { ok: false, status: 400, error: 'Only comments on the step, not replies, can be pinned.' };
  }
  db.transaction((tx) => {
    if (action === 'pin' || action === 'unpin') setPinned(tx, comment.id, action === 'pin' ? now : null);
    if (action === 'hide' || action === 'show') setHidden(tx, comment.id, action === 'hide' ? now : null);
    if (action !== 'pin' && action !== 'unpin') clearReports(tx, comment.id);
  });
  return { ok: true };
}
