/** Who may do what in a discussion. Pure: the caller supplies who is asking and the comment. */
import type { Role } from '../../../db/schema';

export interface Viewer {
  id: string;
  role: Role;
  /** Listed as an educator of this course (course_educators). */
  teaches: boolean;
}

export interface CommentState {
  userId: string;
  parentId: string | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

/** Educators moderate the courses they teach; admins moderate every course. */
export function canModerate(person: { role: Role; teaches: boolean }): boolean {
  return person.role === 'admin' || (person.role === 'educator' && person.teaches);
}

/** Hidden comments are seen only by moderators, who see them marked. */
export function canSee(comment: Pick<CommentState, 'hiddenAt'>, viewer: Viewer): boolean {
  return !comment.hiddenAt || canModerate(viewer);
}

export function isOwn(comment: Pick<CommentState, 'userId'>, viewer: Viewer): boolean {
  return comment.userId === viewer.id;
}

/** Only the author edits or deletes a comment, and a deleted one is gone. */
export function canChange(comment: CommentState, viewer: Viewer): boolean {
  return isOwn(comment, viewer) && !comment.deletedAt;
}

/** Liking, reporting and replying are for other people's comments that are still there. */
export function canLike(comment: CommentState, viewer: Viewer): boolean {
  return !isOwn(comment, viewer) && !comment.deletedAt;
}

export const canReport = canLike;

/** Replies are one level deep: a reply to a reply answers the comment on the step instead. */
export function replyParent(comment: Pick<CommentState, 'parentId'> & { id: string }): string {
  return comment.parentId ?? comment.id;
}

/** Only comments on the step (not replies) are pinned to its top. */
export function canPin(comment: CommentState, viewer: Viewer): boolean {
  return canModerate(viewer) && comment.parentId === null && !comment.deletedAt;
}
