import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { literalLimit, perConnection } from './prepared';
import type { Db } from './client';
import { bookmarks, commentLikes, commentReports, comments, courseEducators, notifications, threadStamps, users } from './schema';
import type { CommentSort } from '../src/lib/discussion/listing';

export type CommentRow = typeof comments.$inferSelect;

const p = {
  courseSlug: sql.placeholder('courseSlug'),
  stepId: sql.placeholder('stepId'),
  viewerId: sql.placeholder('viewerId'),
  userId: sql.placeholder('userId'),
  id: sql.placeholder('id'),
};

/** 1 shows hidden comments too (to moderators); 0 leaves them out. */
const hiddenAllowed = or(isNull(comments.hiddenAt), sql`${sql.placeholder('includeHidden')} = 1`);

// --- Who teaches what

const teaching = perConnection((db) =>
  db
    .select({ userId: courseEducators.userId })
    .from(courseEducators)
    .where(and(eq(courseEducators.userId, p.userId), eq(courseEducators.courseSlug, p.courseSlug)))
    .prepare(),
);

export function teachesCourse(db: Db, userId: string, courseSlug: string): boolean {
  return teaching(db).get({ userId, courseSlug }) !== undefined;
}

export function coursesTaught(db: Db, userId: string): string[] {
  return db.select({ slug: courseEducators.courseSlug }).from(courseEducators).where(eq(courseEducators.userId, userId)).all().map((r) => r.slug);
}

// --- Reading a step's thread

/** A comment as a list shows it: with its author, and whether the viewer has liked or bookmarked it. */
function threadSelect(db: Db) {
  return db
    .select({
      ...getTableColumns(comments),
      authorName: users.name,
      authorProfession: users.profession,
      authorRole: users.role,
      authorTeaches: sql<boolean>`${courseEducators.userId} is not null`.mapWith(Boolean),
      liked: sql<boolean>`${commentLikes.userId} is not null`.mapWith(Boolean),
      bookmarked: sql<boolean>`${bookmarks.userId} is not null`.mapWith(Boolean),
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .leftJoin(courseEducators, and(eq(courseEducators.userId, comments.userId), eq(courseEducators.courseSlug, comments.courseSlug)))
    .leftJoin(commentLikes, and(eq(commentLikes.commentId, comments.id), eq(commentLikes.userId, p.viewerId)))
    .leftJoin(bookmarks, and(eq(bookmarks.userId, p.viewerId), eq(bookmarks.commentId, comments.id)));
}

export type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadSelect>['all']>>[number];

const onStep = and(eq(comments.courseSlug, p.courseSlug), eq(comments.stepId, p.stepId));

const threadQueries = perConnection((db) => {
  // The limit is written into the SQL, one statement per length shown: with a bound LIMIT, SQLite took ten
  // times as long over the same index. Lengths are whole pages up to maxShown, so there are few of them.
  const topLevel = new Map<string, ReturnType<typeof prepareTopLevel>>();
  const prepareTopLevel = (sort: CommentSort, limit: number) =>
    threadSelect(db)
      .where(and(onStep, isNull(comments.parentId), isNull(comments.pinnedAt), hiddenAllowed))
      // Each order walks its own index (comments_step_newest_idx, comments_step_liked_idx) and stops at the limit.
      .orderBy(...(sort === 'liked' ? [desc(comments.likeCount), desc(comments.createdAt)] : [desc(comments.createdAt)]))
      .limit(literalLimit(limit))
      .prepare();
  return {
    topLevel(sort: CommentSort, limit: number) {
      const key = `${sort} ${limit}`;
      let statement = topLevel.get(key);
      if (!statement) {
        statement = prepareTopLevel(sort, limit);
        topLevel.set(key, statement);
      }
      return statement;
    },
    pinned: threadSelect(db)
      .where(and(onStep, isNull(comments.parentId), isNotNull(comments.pinnedAt), hiddenAllowed))
      .orderBy(desc(comments.pinnedAt))
      .prepare(),
    // json_each keeps one prepared statement for any number of parents (PostgreSQL would say = any($1)).
    replies: threadSelect(db)
      .where(and(sql`${comments.parentId} in (select value from json_each(${sql.placeholder('parentIds')}))`, hiddenAllowed))
      .orderBy(asc(comments.createdAt))
      .prepare(),
    count: db
      .select({ n: sql<number>`count(*)` })
      .from(comments)
      .where(and(onStep, isNull(comments.deletedAt), hiddenAllowed))
      .prepare(),
  };
});

export interface ThreadQuery {
  courseSlug: string;
  stepId: string;
  viewerId: string;
  includeHidden: boolean;
}

const flags = (q: ThreadQuery) => ({ courseSlug: q.courseSlug, stepId: q.stepId, viewerId: q.viewerId, includeHidden: q.includeHidden ? 1 : 0 });

/** Comments on the step (not replies) that are not pinned, in the chosen order, up to `limit`. */
export function listTopLevel(db: Db, q: ThreadQuery, sort: CommentSort, limit: number): ThreadRow[] {
  return threadQueries(db).topLevel(sort, limit).all(flags(q));
}

export function listPinned(db: Db, q: ThreadQuery): ThreadRow[] {
  return threadQueries(db).pinned.all(flags(q));
}

/** Replies to the given comments, oldest first. */
export function listReplies(db: Db, q: ThreadQuery, parentIds: string[]): ThreadRow[] {
  if (parentIds.length === 0) return [];
  return threadQueries(db).replies.all({ ...flags(q), parentIds: JSON.stringify(parentIds) });
}

/** Comments and replies the viewer can read (deleted ones not counted). */
export function countComments(db: Db, q: Omit<ThreadQuery, 'viewerId'>): number {
  return threadQueries(db).count.get({ courseSlug: q.courseSlug, stepId: q.stepId, includeHidden: q.includeHidden ? 1 : 0 })?.n ?? 0;
}

/** The person's row, if any, in a table of per-comment marks (likes, bookmarks) among comments given as a JSON array. */
const anyMarkAmong = (db: Db, table: typeof commentLikes | typeof bookmarks) =>
  db
    .select({ id: table.commentId })
    .from(table)
    // json_each keeps one prepared statement for any number of comments, as the replies query does.
    .where(and(eq(table.userId, p.userId), sql`${table.commentId} in (select value from json_each(${sql.placeholder('ids')}))`))
    .limit(1)
    .prepare();

const stamps = perConnection((db) => ({
  stamp: db
    .select({ stamp: threadStamps.stamp })
    .from(threadStamps)
    .where(and(eq(threadStamps.courseSlug, p.courseSlug), eq(threadStamps.stepId, p.stepId)))
    .prepare(),
  liked: anyMarkAmong(db, commentLikes),
  bookmarked: anyMarkAmong(db, bookmarks),
}));

/** The step's thread stamp (db/schema.ts threadStamps): 0 before anything was ever posted there. */
export function threadStamp(db: Db, courseSlug: string, stepId: string): number {
  return stamps(db).stamp.get({ courseSlug, stepId })?.stamp ?? 0;
}

/** Whether the person has liked or bookmarked any of the comments (ids as a JSON array). */
export function likedOrBookmarkedAny(db: Db, userId: string, commentIdsJson: string): boolean {
  const q = { userId, ids: commentIdsJson };
  return stamps(db).liked.get(q) !== undefined || stamps(db).bookmarked.get(q) !== undefined;
}

/** Everyone who has commented on the step, but the viewer: whom they may @mention. */
export function listCommenters(db: Db, courseSlug: string, stepId: string, exceptUserId = ''): { id: string; name: string; profession: string }[] {
  return db
    .selectDistinct({ id: users.id, name: users.name, profession: users.profession })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .where(and(eq(comments.courseSlug, courseSlug), eq(comments.stepId, stepId), ne(comments.userId, exceptUserId)))
    .orderBy(asc(users.name))
    .all();
}

// --- One comment

const byId = perConnection((db) => db.select().from(comments).where(eq(comments.id, p.id)).prepare());

export function findComment(db: Db, id: string): CommentRow | undefined {
  return byId(db).get({ id });
}

/** A comment with its author's name, for the pages that act on one comment. */
const withAuthor = perConnection((db) => threadSelect(db).where(eq(comments.id, p.id)).prepare());

export function findCommentWithAuthor(db: Db, id: string, viewerId: string): ThreadRow | undefined {
  return withAuthor(db).get({ id, viewerId });
}

const inserting = perConnection((db) =>
  db
    .insert(comments)
    .values({
      id: p.id,
      courseSlug: p.courseSlug,
      stepId: p.stepId,
      userId: p.userId,
      parentId: sql.placeholder('parentId'),
      body: sql.placeholder('body'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

/** A new comment or reply (never deleted, hidden or pinned when posted). */
export function insertComment(db: Db, row: Pick<typeof comments.$inferInsert, 'id' | 'courseSlug' | 'stepId' | 'userId' | 'parentId' | 'body' | 'createdAt'>): void {
  inserting(db).run({ ...row, parentId: row.parentId ?? null });
}

export function updateCommentBody(db: Db, id: string, body: string, editedAt: Date): void {
  db.update(comments).set({ body, editedAt }).where(eq(comments.id, id)).run();
}

export function hasReplies(db: Db, id: string): boolean {
  return db.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).limit(1).get() !== undefined;
}

/** Keeps the comment's place in its thread but empties it, and drops what pointed at its words. */
export function blankComment(db: Db, id: string, deletedAt: Date): void {
  db.update(comments).set({ body: '', deletedAt, likeCount: 0, pinnedAt: null }).where(eq(comments.id, id)).run();
  db.delete(commentLikes).where(eq(commentLikes.commentId, id)).run();
  db.delete(bookmarks).where(eq(bookmarks.commentId, id)).run();
  db.delete(commentReports).where(eq(commentReports.commentId, id)).run();
  db.delete(notifications).where(eq(notifications.commentId, id)).run();
}

/** Removes the comment; its likes, bookmarks, reports and notifications go with it (ON DELETE CASCADE). */
export function removeComment(db: Db, id: string): void {
  db.delete(comments).where(eq(comments.id, id)).run();
}

export function setHidden(db: Db, id: string, hiddenAt: Date | null): void {
  db.update(comments).set({ hiddenAt }).where(eq(comments.id, id)).run();
}

export function setPinned(db: Db, id: string, pinnedAt: Date | null): void {
  db.update(comments).set({ pinnedAt }).where(eq(comments.id, id)).run();
}

// --- Likes and bookmarks

/** Likes or unlikes (idempotent) and keeps the comment's count in step; returns the count. */
export function setLike(db: Db, commentId: string, userId: string, liked: boolean, now = new Date()): number {
  return db.transaction((tx) => {
    if (liked) tx.insert(commentLikes).values({ commentId, userId, createdAt: now }).onConflictDoNothing().run();
    else tx.delete(commentLikes).where(and(eq(commentLikes.commentId, commentId), eq(commentLikes.userId, userId))).run();
    const likes = tx.select({ n: sql<number>`count(*)` }).from(commentLikes).where(eq(commentLikes.commentId, commentId)).get()?.n ?? 0;
    tx.update(comments).set({ likeCount: likes }).where(eq(comments.id, commentId)).run();
    return likes;
  });
}

export function setBookmark(db: Db, commentId: string, userId: string, on: boolean, now = new Date()): void {
  if (on) db.insert(bookmarks).values({ userId, commentId, createdAt: now }).onConflictDoNothing().run();
  else db.delete(bookmarks).where(and(eq(bookmarks.userId, userId), eq(bookmarks.commentId, commentId))).run();
}

/** The bookmarks page lists this many, most recent first. */
export const bookmarksListed = 200;

const bookmarked = perConnection((db) =>
  threadSelect(db).where(eq(bookmarks.userId, p.viewerId)).orderBy(desc(bookmarks.createdAt)).limit(literalLimit(bookmarksListed)).prepare(),
);

/** The person's bookmarked comments, most recently bookmarked first, with their authors. */
export function listBookmarks(db: Db, userId: string): ThreadRow[] {
  return bookmarked(db).all({ viewerId: userId });
}

// --- Reports and moderation

/** One report per person and comment: reporting again replaces the reason. */
export function saveReport(db: Db, report: typeof commentReports.$inferInsert): void {
  const { reason, details, createdAt } = report;
  db.insert(commentReports)
    .values(report)
    .onConflictDoUpdate({ target: [commentReports.commentId, commentReports.userId], set: { reason, details, createdAt } })
    .run();
}

export function clearReports(db: Db, commentId: string): void {
  db.delete(commentReports).where(eq(commentReports.commentId, commentId)).run();
}

export type ModerationRow = CommentRow & { authorName: string; authorProfession: string };

/** Reported or hidden comments in the given courses (every course when `courseSlugs` is 'all'), newest first. */
export function listForModeration(db: Db, courseSlugs: string[] | 'all', limit = 200): ModerationRow[] {
  if (courseSlugs !== 'all' && courseSlugs.length === 0) return [];
  const reported = sql`exists (select 1 from ${commentReports} where ${commentReports.commentId} = ${comments.id})`;
  return db
    .select({ ...getTableColumns(comments), authorName: users.name, authorProfession: users.profession })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .where(
      and(
        courseSlugs === 'all' ? undefined : inArray(comments.courseSlug, courseSlugs),
        isNull(comments.deletedAt),
        or(isNotNull(comments.hiddenAt), reported),
      ),
    )
    .orderBy(desc(comments.createdAt))
    .limit(limit)
    .all();
}

export function listReports(db: Db, commentIds: string[]): (typeof commentReports.$inferSelect)[] {
  if (commentIds.length === 0) return [];
  return db.select().from(commentReports).where(inArray(commentReports.commentId, commentIds)).orderBy(asc(commentReports.createdAt)).all();
}

// --- Notifications

/** Adds notifications, skipping anyone already told about the same comment. */
export function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(notifications).values(rows).onConflictDoNothing().run();
}

const unread = perConnection((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, p.userId), isNull(notifications.readAt)))
    .prepare(),
);

/** The count in the header of every page: one covering-index lookup (notifications_user_unread_idx). */
export function unreadNotificationCount(db: Db, userId: string): number {
  return unread(db).get({ userId })?.n ?? 0;
}

export function listNotifications(db: Db, userId: string, limit = 100) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      courseSlug: notifications.courseSlug,
      stepId: notifications.stepId,
      commentId: notifications.commentId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: users.name,
      body: comments.body,
      hiddenAt: comments.hiddenAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.actorId))
    .innerJoin(comments, eq(comments.id, notifications.commentId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all();
}

/** Marks one of the person's notifications read, or all of them when `id` is omitted. */
export function markNotificationsRead(db: Db, userId: string, id?: string, now = new Date()): void {
  db.update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .run();
}
