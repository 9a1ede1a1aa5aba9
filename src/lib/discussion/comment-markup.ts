/**
 * The discussion's markup as functions: a comment's meta line and text, one comment with its actions and
 * replies, and the thread. The Astro components show these with set:html, and the step page's shell fills them
 * in outside Astro (src/lib/courses/step-shell.ts), so both give the same page. Every value is escaped by `html`;
 * comment text is never taken as markup, and only http(s) links become elements.
 */
import { html, type Html } from '../html/html';
import { commentSorts, pageSize, threadHref, type ThreadPlace } from './listing';
import { userLinkRel, type TextSegment } from './text';
import type { Thread } from './thread';
import { countLabel, formatCommentTime, type CommentView } from './view';

type MetaSource = Pick<CommentView, 'id' | 'author' | 'createdAt' | 'edited'>;

/** Who wrote a comment (name, profession, Educator mark) and when. */
export function commentMetaHtml(c: MetaSource): Html {
  return html`<p class="comment__meta"><span class="comment__author" id="comment-${c.id}-author">${c.author.name}</span> <span class="muted">${c.author.profession}</span> ${
    c.author.educator && html`<span class="badge">Educator</span> `
  }<time class="muted" datetime="${c.createdAt.toISOString()}">${formatCommentTime(c.createdAt)}</time>${c.edited && html` <span class="muted">(edited)</span>`}</p>`;
}

export function commentTextHtml(segments: TextSegment[]): Html {
  return html`<p class="comment__text">${segments.map((s) => (s.kind === 'link' ? html`<a href="${s.href}" rel="${userLinkRel}">${s.text}</a>` : s.text))}</p>`;
}

/** A small form posting one choice back to the comment, returning to `back`. */
function actionForm(action: string, back: string, fields: Html, button: Html): Html {
  return html`<form method="post" action="${action}"><input type="hidden" name="back" value="${back}">${fields}${button}</form>`;
}

function actionsHtml(c: CommentView, stepPath: string, back: string): Html {
  const base = `${stepPath}/comments/${c.id}`;
  const withBack = (path: string) => `${path}?back=${encodeURIComponent(back)}`;
  const about = html`<span class="visually-hidden"> comment by ${c.author.name}</span>`;
  const toggle = (name: string, on: boolean, label: string) =>
    actionForm(
      `${base}/${name}`,
      back,
      html`<input type="hidden" name="${name}" value="${on ? 'no' : 'yes'}">`,
      html`<button class="link-button" type="submit" aria-pressed="${on ? 'true' : 'false'}">${label}${about}</button>`,
    );
  const moderate = (action: string, label: string) =>
    actionForm(`${base}/moderate`, back, html``, html`<button class="link-button" type="submit" name="action" value="${action}">${label}${about}</button>`);
  return html`<div class="comment__actions">${[
    c.can.like && toggle('like', c.liked, 'Like'),
    html`<span class="muted" data-like-count>${countLabel(c.likeCount, 'like', 'likes')}</span>`,
    c.can.reply && html`<a href="${withBack(`${base}/reply`)}">Reply<span class="visually-hidden"> to comment by ${c.author.name}</span></a>`,
    c.can.bookmark && toggle('bookmark', c.bookmarked, 'Bookmark'),
    c.can.change && html`<a href="${withBack(`${base}/edit`)}">Edit<span class="visually-hidden"> your comment</span></a>`,
    c.can.change && html`<a href="${withBack(`${base}/delete`)}">Delete<span class="visually-hidden"> your comment</span></a>`,
    c.can.report && html`<a href="${withBack(`${base}/report`)}">Report${about}</a>`,
    c.can.pin && moderate(c.pinned ? 'unpin' : 'pin', c.pinned ? 'Unpin' : 'Pin'),
    c.can.moderate && moderate(c.hidden ? 'show' : 'hide', c.hidden ? 'Show to learners' : 'Hide'),
  ]
    .filter((part): part is Html => part !== false)
    .map((part) => html` ${part}`)}</div>`;
}

/** One comment with what the viewer may do to it, and its replies under it. Every action is a plain form or link. */
export function commentHtml(c: CommentView, stepPath: string, back: string): Html {
  const classes = ['comment', c.pinned && 'comment--pinned', c.hidden && 'comment--hidden'].filter(Boolean).join(' ');
  const labelled = c.deleted ? html`aria-label="Deleted comment"` : html`aria-labelledby="comment-${c.id}-author"`;
  const replies =
    c.replies.length > 0 &&
    html`<ol class="comment-replies" aria-label="${c.deleted ? 'Replies to a deleted comment' : `Replies to ${c.author.name}`}">${c.replies.map((r) =>
      commentHtml(r, stepPath, back),
    )}</ol>`;
  return html`<li class="${classes}" id="comment-${c.id}"><article class="comment__main" ${labelled}>${[
    !c.deleted && commentMetaHtml(c),
    c.pinned && html`<p class="comment__flag">Pinned by an educator</p>`,
    c.hidden && html`<p class="comment__flag comment__flag--hidden">Hidden from learners</p>`,
    c.deleted ? html`<p class="comment__deleted muted">Comment deleted</p>` : commentTextHtml(c.segments),
    !c.deleted && actionsHtml(c, stepPath, back),
  ]}</article>${replies}</li>`;
}

/** The count, the sort choice, the comments and Show more. Also served alone (comments/thread) for the island. */
export function threadHtml(thread: Pick<Thread, 'count' | 'comments' | 'nextId'>, place: ThreadPlace, stepPath: string): Html {
  const back = threadHref(stepPath, place);
  const any = thread.comments.length > 0;
  const sorts = commentSorts.map(
    (s) =>
      html`<li><a href="${threadHref(stepPath, { sort: s.value, shown: pageSize }, 'discussion-count')}"${s.value === place.sort && html` aria-current="true"`}>${s.label}</a></li>`,
  );
  const more =
    thread.nextId &&
    html`<p><a class="button button--secondary" href="${threadHref(stepPath, { ...place, shown: place.shown + pageSize }, `comment-${thread.nextId}`)}">Show more<span class="visually-hidden"> comments</span></a></p>`;
  return html`<div class="discussion__thread" data-discussion-thread><h3 class="discussion__count" id="discussion-count">${countLabel(thread.count, 'comment', 'comments')}</h3>${
    any
      ? html`<nav class="sort-nav" aria-label="Sort comments"><ul>${sorts}</ul></nav><ol class="comment-list" aria-labelledby="discussion-count">${thread.comments.map((c) =>
          commentHtml(c, stepPath, back),
        )}</ol>`
      : html`<p class="muted">No comments yet. Start the conversation.</p>`
  }${more}</div>`;
}
