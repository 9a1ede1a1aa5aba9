/** What a comment shows to a particular viewer. Pure: made from a stored row and who is looking. */
import type { Role } from '../../../db/schema';
import { professionLabel } from '../auth/validation';
import { canChange, canLike, canModerate, canPin, canReport, isOwn, type Viewer } from './rules';
import { commentSegments, grouped, type TextSegment } from './text';

export interface CommentSource {
  id: string;
  parentId: string | null;
  userId: string;
  body: string;
  likeCount: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
  authorName: string;
  authorProfession: string;
  authorRole: Role;
  authorTeaches: boolean;
  liked: boolean;
  bookmarked: boolean;
}

export interface CommentView {
  id: string;
  isReply: boolean;
  author: { name: string; profession: string; educator: boolean; you: boolean };
  /** Empty for a deleted comment, which shows "Comment deleted" instead. */
  segments: TextSegment[];
  createdAt: Date;
  edited: boolean;
  deleted: boolean;
  hidden: boolean;
  pinned: boolean;
  likeCount: number;
  liked: boolean;
  bookmarked: boolean;
  can: { change: boolean; like: boolean; report: boolean; reply: boolean; bookmark: boolean; moderate: boolean; pin: boolean };
  replies: CommentView[];
}

export function toCommentView(row: CommentSource, viewer: Viewer, replies: CommentView[] = []): CommentView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    isReply: row.parentId !== null,
    author: {
      name: row.authorName,
      profession: professionLabel(row.authorProfession),
      educator: canModerate({ role: row.authorRole, teaches: row.authorTeaches }),
      you: isOwn(row, viewer),
    },
    segments: deleted ? [] : commentSegments(row.body),
    createdAt: row.createdAt,
    edited: row.editedAt !== null && !deleted,
    deleted,
    hidden: row.hiddenAt !== null,
    pinned: row.pinnedAt !== null,
    likeCount: row.likeCount,
    liked: row.liked,
    bookmarked: row.bookmarked,
    can: {
      change: canChange(row, viewer),
      like: canLike(row, viewer),
      report: canReport(row, viewer),
      reply: !deleted,
      bookmark: !deleted,
      moderate: canModerate(viewer) && !deleted,
      pin: canPin(row, viewer),
    },
    replies,
  };
}

/** Groups replies under the comments they answer, keeping each list's order. */
export function threadViews(topLevel: CommentSource[], replies: CommentSource[], viewer: Viewer): CommentView[] {
  const byParent = new Map<string, CommentView[]>();
  for (const reply of replies) {
    if (!reply.parentId) continue;
    byParent.set(reply.parentId, [...(byParent.get(reply.parentId) ?? []), toCommentView(reply, viewer)]);
  }
  return topLevel.map((row) => toCommentView(row, viewer, byParent.get(row.id)));
}

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

// Formatting a date costs more than the rest of a comment's markup, and a thread shows the same comments to
// everyone, so each minute's text is kept (a bounded number of them).
const formattedMinutes = new Map<number, string>();
const keptMinutes = 20_000;

/** "23 Nov 2026, 10:21", in UK time, where most learners are. */
export function formatCommentTime(date: Date): string {
  const minute = Math.floor(date.getTime() / 60_000);
  let text = formattedMinutes.get(minute);
  if (text === undefined) {
    text = dateTime.format(date);
    if (formattedMinutes.size >= keptMinutes) formattedMinutes.delete(formattedMinutes.keys().next().value as number);
    formattedMinutes.set(minute, text);
  }
  return text;
}

export function countLabel(n: number, one: string, many: string): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}
