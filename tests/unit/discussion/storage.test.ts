import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/client';
import { literalLimit } from '../../../db/prepared';
import {
  countComments,
  findComment,
  listBookmarks,
  listForModeration,
  listNotifications,
  listReports,
  markNotificationsRead,
  unreadNotificationCount,
} from '../../../db/discussion';
import { completedStepIds } from '../../../db/progress';
import { comments, courseEducators } from '../../../db/schema';
import { insertUser } from '../../../db/users';
import {
  bookmarkComment,
  deleteComment,
  editComment,
  likeComment,
  moderateComment,
  postComment,
  reportComment,
} from '../../../src/lib/discussion/actions';
import { loadThread } from '../../../src/lib/discussion/thread';
import type { ThreadPlace } from '../../../src/lib/discussion/listing';
import type { Viewer } from '../../../src/lib/discussion/rules';

const place = { courseSlug: 'c', stepId: 's', completesStep: false };
const newest: ThreadPlace = { sort: 'newest', shown: 20 };

function setup() {
  const { db, sqlite } = openDatabase(':memory:');
  const person = (id: string, name: string, role: 'learner' | 'educator' = 'learner'): Viewer => {
    insertUser(db, { id, email: `${id}@example.org`, passwordHash: 'x', name, profession: 'nurse', role });
    if (role === 'educator') db.insert(courseEducators).values({ userId: id, courseSlug: 'c' }).run();
    return { id, role, teaches: role === 'educator' };
  };
  return { db, sqlite, alice: person('alice', 'Alice Able'), ben: person('ben', 'Ben Baker'), erin: person('erin', 'Erin Educator', 'educator') };
}

/** Posts and returns the new id, failing the test if the post is refused. */
function post(db: Db, who: Viewer, text: string, replyTo?: string, at = new Date()): string {
  const result = postComment(db, place, who, text, replyTo ? findComment(db, replyTo) : undefined, at);
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

const texts = (db: Db, viewer: Viewer, shown = newest) => loadThread(db, place, viewer, shown).comments.map((c) => c.segments.map((s) => s.text).join(''));

describe('posting', () => {
  it('stores nothing for empty, whitespace-only or too-long text, and such tries do not count against the limit', () => {
    const { db, alice } = setup();
    for (const text of ['', '  \n ', 'x'.repeat(5001)]) expect(postComment(db, place, alice, text)).toMatchObject({ ok: false, status: 400 });
    expect(db.select().from(comments).all()).toEqual([]);
    for (let i = 0; i < 10; i++) post(db, alice, `comment ${i}`);
    expect(countComments(db, { ...place, includeHidden: false })).toBe(10);
  });

  it('refuses the 11th comment in a minute with a wait, storing nothing, and allows one again after 6 seconds', () => {
    const { db, alice, ben } = setup();
    const t0 = new Date('2026-01-01T10:00:00Z');
    for (let i = 0; i < 10; i++) post(db, alice, `comment ${i}`, undefined, t0);
    const refused = postComment(db, place, alice, 'one too many', undefined, t0);
    expect(refused).toEqual({ ok: false, status: 429, retryAfterSeconds: 6, error: 'You can post up to 10 comments a minute. Wait 6 seconds and post again.' });
    expect(countComments(db, { ...place, includeHidden: false })).toBe(10);
    // The limit is per person.
    post(db, ben, 'still fine', undefined, t0);
    post(db, alice, 'later', undefined, new Date(t0.getTime() + 6000));
  });

  it('completes a discussion step for the learner who posts', () => {
    const { db, alice } = setup();
    postComment(db, { ...place, completesStep: true }, alice, 'My answer');
    expect(completedStepIds(db, 'alice', 'c').has('s')).toBe(true);
  });
});

describe('the thread', () => {
  it('shows newest first or most liked first, pinned comments on top, and 20 at a time', () => {
    const { db, alice, ben, erin } = setup();
    const t0 = Date.parse('2026-01-01T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(post(db, i % 2 ? alice : erin, `c${i}`, undefined, new Date(t0 + i * 60_000)));
    expect(texts(db, ben).slice(0, 3)).toEqual(['c24', 'c23', 'c22']);
    const first = loadThread(db, place, ben, newest);
    expect(first.comments).toHaveLength(20);
    expect(first.count).toBe(25);
    expect(first.nextId).toBe(ids[4]);
    expect(loadThread(db, place, ben, { sort: 'newest', shown: 40 }).comments).toHaveLength(25);

    likeComment(db, findComment(db, ids[3]!)!, ben, true);
    likeComment(db, findComment(db, ids[3]!)!, erin, true);
    likeComment(db, findComment(db, ids[7]!)!, ben, true);
    expect(texts(db, ben, { sort: 'liked', shown: 20 }).slice(0, 3)).toEqual(['c3', 'c7', 'c24']);

    expect(moderateComment(db, findComment(db, ids[0]!)!, erin, 'pin')).toEqual({ ok: true });
    const pinned = loadThread(db, place, ben, newest).comments[0]!;
    expect(pinned).toMatchObject({ pinned: true, segments: [{ text: 'c0' }] });
    expect(pinned.author).toMatchObject({ name: 'Erin Educator', educator: true, profession: 'Nurse' });
    expect(moderateComment(db, findComment(db, ids[1]!)!, ben, 'pin')).toMatchObject({ ok: false, status: 403 });
  });

  it('threads replies one level deep under the comment they answer, oldest first', () => {
    const { db, alice, ben, erin } = setup();
    const root = post(db, alice, 'root', undefined, new Date(1000));
    const reply = post(db, ben, 'reply', root, new Date(2000));
    post(db, erin, 'reply to the reply', reply, new Date(3000));
    const [shown] = loadThread(db, place, alice, newest).comments;
    expect(shown?.replies.map((r) => r.segments[0]?.text)).toEqual(['reply', 'reply to the reply']);
    expect(findComment(db, reply)?.parentId).toBe(root);
  });
});

describe('notifications', () => {
  it('tells the author of the comment replied to, and anyone @mentioned who commented on the step, but never oneself', () => {
    const { db, alice, ben, erin } = setup();
    const root = post(db, alice, 'Hello');
    post(db, erin, 'Welcome');
    post(db, ben, 'Hi @Alice Able and @Erin Educator and @Ben Baker and @Nobody', root);
    expect(listNotifications(db, 'alice').map((n) => [n.kind, n.actorName])).toEqual([['reply', 'Ben Baker']]);
    expect(listNotifications(db, 'erin').map((n) => n.kind)).toEqual(['mention']);
    expect(unreadNotificationCount(db, 'ben')).toBe(0);

    // An edit that adds a mention tells the newly mentioned person once.
    const mine = post(db, alice, 'A thought');
    editComment(db, findComment(db, mine)!, alice, 'A thought for @Ben Baker');
    editComment(db, findComment(db, mine)!, alice, 'A thought for @Ben Baker, edited again');
    expect(unreadNotificationCount(db, 'ben')).toBe(1);

    markNotificationsRead(db, 'erin', 'not-erins');
    expect(unreadNotificationCount(db, 'erin')).toBe(1);
    const [only] = listNotifications(db, 'erin');
    markNotificationsRead(db, 'alice', only!.id);
    expect(unreadNotificationCount(db, 'erin')).toBe(1);
    markNotificationsRead(db, 'erin');
    expect(unreadNotificationCount(db, 'erin')).toBe(0);
  });
});

describe('editing and deleting', () => {
  it('lets the author edit (marked edited) and refuses anyone else, changing nothing', () => {
    const { db, alice, ben, erin } = setup();
    const id = post(db, alice, 'Frist');
    expect(editComment(db, findComment(db, id)!, ben, 'Hacked')).toEqual({ ok: false, status: 403, error: 'You can only edit your own comments.' });
    expect(editComment(db, findComment(db, id)!, erin, 'Hacked')).toMatchObject({ ok: false, status: 403 });
    expect(editComment(db, findComment(db, id)!, alice, '   ')).toMatchObject({ ok: false, status: 400 });
    expect(findComment(db, id)).toMatchObject({ body: 'Frist', editedAt: null });
    expect(editComment(db, findComment(db, id)!, alice, 'First')).toEqual({ ok: true });
    expect(loadThread(db, place, ben, newest).comments[0]).toMatchObject({ edited: true, segments: [{ text: 'First' }] });
  });

  it('removes a comment without replies; leaves "Comment deleted" where there are replies, until the last reply goes', () => {
    const { db, alice, ben } = setup();
    const lonely = post(db, alice, 'Nobody answers');
    expect(deleteComment(db, findComment(db, lonely)!, ben)).toMatchObject({ ok: false, status: 403 });
    expect(deleteComment(db, findComment(db, lonely)!, alice)).toEqual({ ok: true });
    expect(findComment(db, lonely)).toBeUndefined();

    const root = post(db, alice, 'Secret words');
    const reply = post(db, ben, 'An answer', root);
    likeComment(db, findComment(db, root)!, ben, true);
    bookmarkComment(db, findComment(db, root)!, ben, true);
    deleteComment(db, findComment(db, root)!, alice);
    const [shown] = loadThread(db, place, ben, newest).comments;
    expect(shown).toMatchObject({ deleted: true, segments: [], likeCount: 0, replies: [{ segments: [{ text: 'An answer' }] }] });
    expect(JSON.stringify(findComment(db, root))).not.toContain('Secret words');
    expect(listBookmarks(db, 'ben')).toEqual([]);
    expect(countComments(db, { ...place, includeHidden: false })).toBe(1);
    expect(editComment(db, findComment(db, root)!, alice, 'Back again')).toMatchObject({ ok: false });

    deleteComment(db, findComment(db, reply)!, ben);
    expect(findComment(db, root)).toBeUndefined();
    expect(loadThread(db, place, ben, newest).comments).toEqual([]);
  });
});

describe('likes, bookmarks, reports and hiding', () => {
  it('counts one like per person, however often they like, and never one’s own', () => {
    const { db, alice, ben, erin } = setup();
    const id = post(db, alice, 'Like me');
    expect(likeComment(db, findComment(db, id)!, ben, true)).toEqual({ ok: true, likeCount: 1 });
    expect(likeComment(db, findComment(db, id)!, ben, true)).toEqual({ ok: true, likeCount: 1 });
    expect(likeComment(db, findComment(db, id)!, erin, true)).toEqual({ ok: true, likeCount: 2 });
    expect(likeComment(db, findComment(db, id)!, alice, true)).toMatchObject({ ok: false, status: 403 });
    expect(likeComment(db, findComment(db, id)!, ben, false)).toEqual({ ok: true, likeCount: 1 });
    expect(loadThread(db, place, erin, newest).comments[0]).toMatchObject({ likeCount: 1, liked: true });
    expect(loadThread(db, place, ben, newest).comments[0]).toMatchObject({ likeCount: 1, liked: false });
  });

  it('lists bookmarks newest first', () => {
    const { db, alice, ben } = setup();
    const a = post(db, alice, 'First');
    const b = post(db, alice, 'Second');
    bookmarkComment(db, findComment(db, a)!, ben, true);
    bookmarkComment(db, findComment(db, b)!, ben, true);
    bookmarkComment(db, findComment(db, b)!, ben, true);
    expect(listBookmarks(db, 'ben').map((r) => r.body).sort()).toEqual(['First', 'Second']);
    bookmarkComment(db, findComment(db, a)!, ben, false);
    expect(listBookmarks(db, 'ben').map((r) => r.body)).toEqual(['Second']);
    expect(loadThread(db, place, ben, newest).comments.find((c) => c.id === b)).toMatchObject({ bookmarked: true });
  });

  it('hides a comment from learners (its author too) but shows it marked to educators; reports reach the moderation list', () => {
    const { db, alice, ben, erin } = setup();
    const id = post(db, alice, 'Rude words');
    post(db, ben, 'A reply', id);
    expect(reportComment(db, findComment(db, id)!, alice, { reason: 'abuse', details: '' })).toMatchObject({ ok: false, status: 403 });
    reportComment(db, findComment(db, id)!, ben, { reason: 'spam', details: '' });
    reportComment(db, findComment(db, id)!, ben, { reason: 'abuse', details: 'Unkind' });
    expect(listReports(db, [id]).map((r) => [r.reason, r.details])).toEqual([['abuse', 'Unkind']]);
    expect(listForModeration(db, ['c']).map((r) => r.id)).toEqual([id]);
    expect(listForModeration(db, ['other-course'])).toEqual([]);
    expect(listForModeration(db, [])).toEqual([]);

    expect(moderateComment(db, findComment(db, id)!, ben, 'hide')).toMatchObject({ ok: false, status: 403 });
    moderateComment(db, findComment(db, id)!, erin, 'hide');
    for (const learner of [alice, ben]) {
      expect(loadThread(db, place, learner, newest).comments).toEqual([]);
    }
    expect(countComments(db, { ...place, includeHidden: false })).toBe(1);
    expect(loadThread(db, place, erin, newest).comments[0]).toMatchObject({ hidden: true, replies: [{ hidden: false }] });
    // Still listed while hidden, without its settled reports.
    expect(listForModeration(db, 'all').map((r) => r.id)).toEqual([id]);
    expect(listReports(db, [id])).toEqual([]);
    moderateComment(db, findComment(db, id)!, erin, 'show');
    expect(listForModeration(db, 'all')).toEqual([]);
    expect(texts(db, ben)).toEqual(['Rude words']);
  });
});

/** The SQL of every statement SQLite is asked to prepare while `run` runs. */
function preparedDuring(sqlite: ReturnType<typeof setup>['sqlite'], run: () => void): string[] {
  const seen: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    seen.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    run();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}

describe('the queries behind every step page', () => {
  it('use their indexes: no table scan and no sort for the comments shown', () => {
    const { db, sqlite, alice, ben } = setup();
    post(db, alice, 'a');
    post(db, ben, 'b', undefined);
    const prepare = sqlite.prepare.bind(sqlite);
    // The statements are prepared on first use, so their SQL is seen here.
    const seen = preparedDuring(sqlite, () => {
      loadThread(db, { courseSlug: 'other', stepId: 'x' }, ben, newest);
      loadThread(db, { courseSlug: 'other', stepId: 'x' }, ben, { sort: 'liked', shown: 20 });
      unreadNotificationCount(db, 'ben');
    });
    const plans = seen
      .filter((source) => source.startsWith('select'))
      .map((source) => {
        const params = (source.match(/\?/g) ?? []).map(() => null);
        return { source, plan: prepare(`explain query plan ${source}`).all(...params).map((r) => (r as { detail: string }).detail) };
      });
    expect(plans.length).toBeGreaterThanOrEqual(5);
    for (const { source, plan } of plans) {
      // Only the replies of the comments shown are sorted, a handful of rows.
      const bad = plan.filter((d) => /^SCAN (comments|notifications|users)\b(?! USING)/.test(d) || (/TEMP B-TREE FOR ORDER BY/.test(d) && !source.includes('json_each')));
      expect(bad, `${source}\n${plan.join('\n')}`).toEqual([]);
    }
  });

  it('write the number of comments shown into the statement, one statement per length', () => {
    const { db, sqlite, ben } = setup();
    const seen = preparedDuring(sqlite, () => {
      loadThread(db, { courseSlug: 'other', stepId: 'x' }, ben, { sort: 'newest', shown: 40 });
      loadThread(db, { courseSlug: 'other', stepId: 'y' }, ben, { sort: 'newest', shown: 40 });
    });
    // Shown 40: one more than that tells whether there is more. A bound LIMIT made SQLite ten times slower.
    expect(seen.filter((source) => / limit 41$/.test(source))).toHaveLength(1);
    expect(() => literalLimit(2.5)).toThrow(RangeError);
    expect(() => literalLimit(-1)).toThrow(RangeError);
  });
});
