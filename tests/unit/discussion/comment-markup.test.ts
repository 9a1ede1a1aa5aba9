import { describe, expect, it } from 'vitest';
import { commentHtml, commentMetaHtml, commentTextHtml, threadHtml } from '../../../src/lib/discussion/comment-markup';
import type { ThreadPlace } from '../../../src/lib/discussion/listing';
import type { Viewer } from '../../../src/lib/discussion/rules';
import { commentSegments } from '../../../src/lib/discussion/text';
import type { Thread } from '../../../src/lib/discussion/thread';
import { threadViews, toCommentView, type CommentSource } from '../../../src/lib/discussion/view';

const at = new Date('2026-11-23T10:21:00Z');
const row = (over: Partial<CommentSource> = {}): CommentSource => ({
  id: 'c1',
  parentId: null,
  userId: 'ann',
  body: 'Hello',
  likeCount: 0,
  createdAt: at,
  editedAt: null,
  deletedAt: null,
  hiddenAt: null,
  pinnedAt: null,
  authorName: 'Ann Lee',
  authorProfession: 'nurse',
  authorRole: 'learner',
  authorTeaches: false,
  liked: false,
  bookmarked: false,
  ...over,
});

const ann: Viewer = { id: 'ann', role: 'learner', teaches: false };
const bob: Viewer = { id: 'bob', role: 'learner', teaches: false };
const teacher: Viewer = { id: 'tess', role: 'educator', teaches: true };
const otherEducator: Viewer = { id: 'otto', role: 'educator', teaches: false };

const stepPath = '/courses/best/steps/w1-intro';
const back = stepPath;
const base = `${stepPath}/comments/c1`;
const backQuery = `?back=${encodeURIComponent(back)}`;
const defaultPlace: ThreadPlace = { sort: 'newest', shown: 20 };

const hostile = `<script>alert(1)</script>"onmouseover=alert('x')&`;
const hostileEscaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(&#39;x&#39;)&amp;';

const render = (source: CommentSource, viewer: Viewer, replies: CommentSource[] = []) =>
  commentHtml(threadViews([source], replies, viewer)[0]!, stepPath, back).value;

describe('a comment’s meta line and text', () => {
  it('shows the author, their profession and the time in UK time', () => {
    expect(commentMetaHtml(toCommentView(row(), bob)).value).toBe(
      '<p class="comment__meta"><span class="comment__author" id="comment-c1-author">Ann Lee</span> <span class="muted">Nurse</span> <time class="muted" datetime="2026-11-23T10:21:00.000Z">23 Nov 2026, 10:21</time></p>',
    );
  });

  it('marks an educator who teaches the course, and an edited comment', () => {
    const view = toCommentView(row({ authorRole: 'educator', authorTeaches: true, editedAt: at }), bob);
    expect(commentMetaHtml(view).value).toBe(
      '<p class="comment__meta"><span class="comment__author" id="comment-c1-author">Ann Lee</span> <span class="muted">Nurse</span> <span class="badge">Educator</span> <time class="muted" datetime="2026-11-23T10:21:00.000Z">23 Nov 2026, 10:21</time> <span class="muted">(edited)</span></p>',
    );
  });

  it('links only http and https addresses, with the user-link rel, and leaves javascript: as text', () => {
    expect(commentTextHtml(commentSegments('See https://example.org/a?x=1&y=2 or javascript:alert(1)')).value).toBe(
      '<p class="comment__text">See <a href="https://example.org/a?x=1&amp;y=2" rel="nofollow ugc noopener">https://example.org/a?x=1&amp;y=2</a> or javascript:alert(1)</p>',
    );
    expect(render(row({ body: 'javascript:alert(1) data:text/html,x' }), bob)).not.toContain('<a href="javascript');
  });

  it('escapes hostile comment text instead of running it', () => {
    expect(commentTextHtml(commentSegments(hostile)).value).toBe(`<p class="comment__text">${hostileEscaped}</p>`);
  });
});

describe('one comment', () => {
  it('gives someone else’s comment Like, Reply, Bookmark and Report, each a form or link that returns to the thread', () => {
    expect(render(row({ likeCount: 2 }), bob)).toBe(
      '<li class="comment" id="comment-c1"><article class="comment__main" aria-labelledby="comment-c1-author">' +
        '<p class="comment__meta"><span class="comment__author" id="comment-c1-author">Ann Lee</span> <span class="muted">Nurse</span> <time class="muted" datetime="2026-11-23T10:21:00.000Z">23 Nov 2026, 10:21</time></p>' +
        '<p class="comment__text">Hello</p>' +
        '<div class="comment__actions">' +
        ` <form method="post" action="${base}/like"><input type="hidden" name="back" value="${back}"><input type="hidden" name="like" value="yes"><button class="link-button" type="submit" aria-pressed="false">Like<span class="visually-hidden"> comment by Ann Lee</span></button></form>` +
        ' <span class="muted" data-like-count>2 likes</span>' +
        ` <a href="${base}/reply${backQuery}">Reply<span class="visually-hidden"> to comment by Ann Lee</span></a>` +
        ` <form method="post" action="${base}/bookmark"><input type="hidden" name="back" value="${back}"><input type="hidden" name="bookmark" value="yes"><button class="link-button" type="submit" aria-pressed="false">Bookmark<span class="visually-hidden"> comment by Ann Lee</span></button></form>` +
        ` <a href="${base}/report${backQuery}">Report<span class="visually-hidden"> comment by Ann Lee</span></a>` +
        '</div></article></li>',
    );
  });

  it('gives the author Edit and Delete on their own comment, but not Like or Report', () => {
    const out = render(row(), ann);
    expect(out).toContain(` <a href="${base}/edit${backQuery}">Edit<span class="visually-hidden"> your comment</span></a>`);
    expect(out).toContain(` <a href="${base}/delete${backQuery}">Delete<span class="visually-hidden"> your comment</span></a>`);
    expect(out).not.toContain(`${base}/like`);
    expect(out).not.toContain(`${base}/report`);
    expect(out).not.toContain(`${base}/moderate`);
  });

  it('shows a like and a bookmark as pressed, and their forms undo them', () => {
    const out = render(row({ liked: true, bookmarked: true, likeCount: 1 }), bob);
    expect(out).toContain('<input type="hidden" name="like" value="no"><button class="link-button" type="submit" aria-pressed="true">Like<');
    expect(out).toContain('<input type="hidden" name="bookmark" value="no"><button class="link-button" type="submit" aria-pressed="true">Bookmark<');
    expect(out).toContain('<span class="muted" data-like-count>1 like</span>');
  });

  it('escapes a hostile author name in the text and in every attribute and hidden label', () => {
    const out = render(row({ authorName: hostile }), bob, [row({ id: 'r1', parentId: 'c1', userId: 'carl' })]);
    expect(out).toContain(`<span class="comment__author" id="comment-c1-author">${hostileEscaped}</span>`);
    expect(out).toContain(`<span class="visually-hidden"> comment by ${hostileEscaped}</span>`);
    expect(out).toContain(`<span class="visually-hidden"> to comment by ${hostileEscaped}</span>`);
    expect(out).toContain(`<ol class="comment-replies" aria-label="Replies to ${hostileEscaped}">`);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('"onmouseover');
    expect(out).not.toContain("'x'");
  });

  it('encodes the return address into each action link and escapes it in each form', () => {
    const place = '/courses/best/steps/w1-intro?sort=liked&show=40';
    const view = toCommentView(row(), ann);
    const out = commentHtml(view, stepPath, place).value;
    expect(out).toContain(`<a href="${base}/edit?back=%2Fcourses%2Fbest%2Fsteps%2Fw1-intro%3Fsort%3Dliked%26show%3D40">Edit`);
    expect(out).toContain('<input type="hidden" name="back" value="/courses/best/steps/w1-intro?sort=liked&amp;show=40">');
  });

  it('shows a deleted comment as “Comment deleted”, with no author, text or actions', () => {
    expect(render(row({ deletedAt: at, body: 'secret words' }), ann)).toBe(
      '<li class="comment" id="comment-c1"><article class="comment__main" aria-label="Deleted comment"><p class="comment__deleted muted">Comment deleted</p></article></li>',
    );
    const withReply = render(row({ deletedAt: at }), teacher, [row({ id: 'r1', parentId: 'c1', userId: 'bob' })]);
    expect(withReply).toContain('<ol class="comment-replies" aria-label="Replies to a deleted comment"><li class="comment" id="comment-r1">');
    expect(withReply).not.toContain(`${base}/`);
  });

  it('nests replies under their comment, in order, and leaves out replies to other comments', () => {
    const replies = [
      row({ id: 'r1', parentId: 'c1', userId: 'bob', body: 'First reply' }),
      row({ id: 'x1', parentId: 'c2', userId: 'bob', body: 'Elsewhere' }),
      row({ id: 'r2', parentId: 'c1', userId: 'carl', body: 'Second reply' }),
    ];
    const out = render(row(), bob, replies);
    expect(out).toMatch(/<\/article><ol class="comment-replies" aria-label="Replies to Ann Lee"><li class="comment" id="comment-r1">.*First reply.*<\/li><li class="comment" id="comment-r2">.*Second reply.*<\/li><\/ol><\/li>$/);
    expect(out).not.toContain('Elsewhere');
  });
});

describe('moderation of a comment', () => {
  it('lets an educator who teaches the course pin and hide a comment on the step, but only hide a reply', () => {
    const top = render(row(), teacher);
    expect(top).toContain(`<form method="post" action="${base}/moderate"><input type="hidden" name="back" value="${back}"><button class="link-button" type="submit" name="action" value="pin">Pin<span class="visually-hidden"> comment by Ann Lee</span></button></form>`);
    expect(top).toContain('name="action" value="hide">Hide<');
    const reply = commentHtml(toCommentView(row({ id: 'r1', parentId: 'c1' }), teacher), stepPath, back).value;
    expect(reply).toContain('name="action" value="hide">Hide<');
    expect(reply).not.toContain('value="pin"');
  });

  it('marks a pinned, hidden comment and offers Unpin and Show to learners', () => {
    const out = render(row({ pinnedAt: at, hiddenAt: at }), teacher);
    expect(out).toMatch(/^<li class="comment comment--pinned comment--hidden" id="comment-c1">/);
    expect(out).toContain('<p class="comment__flag">Pinned by an educator</p><p class="comment__flag comment__flag--hidden">Hidden from learners</p><p class="comment__text">');
    expect(out).toContain('name="action" value="unpin">Unpin<');
    expect(out).toContain('name="action" value="show">Show to learners<');
  });

  it('gives no moderation to learners or to educators of other courses', () => {
    for (const viewer of [bob, otherEducator]) expect(render(row(), viewer)).not.toContain('/moderate');
  });
});

describe('the thread', () => {
  const thread = (comments: CommentSource[], count = comments.length, nextId?: string): Pick<Thread, 'count' | 'comments' | 'nextId'> => ({
    count,
    comments: threadViews(comments, [], bob),
    nextId,
  });

  it('counts comments in words, grouping thousands', () => {
    const label = (n: number) => /<h3 class="discussion__count" id="discussion-count">([^<]*)<\/h3>/.exec(threadHtml(thread([row()], n), defaultPlace, stepPath).value)![1];
    expect([1, 2, 12345].map(label)).toEqual(['1 comment', '2 comments', '12,345 comments']);
  });

  it('invites the first comment when there are none, with no sort choice', () => {
    expect(threadHtml(thread([]), defaultPlace, stepPath).value).toBe(
      '<div class="discussion__thread" data-discussion-thread><h3 class="discussion__count" id="discussion-count">0 comments</h3><p class="muted">No comments yet. Start the conversation.</p></div>',
    );
  });

  it('offers both sorts, marking the current one, and lists the comments with the thread as their return address', () => {
    const out = threadHtml(thread([row()]), { sort: 'liked', shown: 40 }, stepPath).value;
    expect(out).toContain(
      `<nav class="sort-nav" aria-label="Sort comments"><ul><li><a href="${stepPath}#discussion-count">Newest</a></li><li><a href="${stepPath}?sort=liked#discussion-count" aria-current="true">Most liked</a></li></ul></nav><ol class="comment-list" aria-labelledby="discussion-count"><li class="comment" id="comment-c1">`,
    );
    expect(out).toContain(`/reply?back=${encodeURIComponent(`${stepPath}?sort=liked&show=40`)}"`);
    expect(threadHtml(thread([row()]), defaultPlace, stepPath).value).toContain(`<li><a href="${stepPath}#discussion-count" aria-current="true">Newest</a></li>`);
  });

  it('links Show more to the next comment, one page further, only when there are more', () => {
    const more = threadHtml(thread([row()], 30, 'c21'), defaultPlace, stepPath).value;
    expect(more.endsWith(`</ol><p><a class="button button--secondary" href="${stepPath}?show=40#comment-c21">Show more<span class="visually-hidden"> comments</span></a></p></div>`)).toBe(true);
    expect(threadHtml(thread([row()], 30, 'c41'), { sort: 'liked', shown: 40 }, stepPath).value).toContain(`href="${stepPath}?sort=liked&amp;show=60#comment-c41">Show more`);
    expect(threadHtml(thread([row()]), defaultPlace, stepPath).value).not.toContain('Show more');
  });

  it('escapes a slot marker written in a comment, so it cannot stand in for part of the page', () => {
    const out = threadHtml(thread([row({ body: 'Look <!--best-cpd-slot:header--> here' })]), defaultPlace, stepPath).value;
    expect(out).toContain('<p class="comment__text">Look &lt;!--best-cpd-slot:header--&gt; here</p>');
    expect(out).not.toContain('<!--');
  });
});
