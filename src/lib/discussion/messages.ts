/** Words and answers the discussion pages share. */
import { json, safeReturnPath, wantsJson } from '../http/forms';
import { commentMaxLength } from './text';

export const commentHint = `Plain text, up to ${commentMaxLength.toLocaleString('en-GB')} characters. Links starting with https:// become clickable. To mention someone who has commented here, type @ and their name.`;

const done = {
  posted: 'Your comment has been posted.',
  replied: 'Your reply has been posted.',
  edited: 'Your comment has been updated.',
  deleted: 'Your comment has been deleted.',
  reported: 'Thank you. An educator will look at the comment you reported.',
} as const;
export type Done = keyof typeof done;

/** The confirmation for `?done=…` after an action redirects back to the step. */
export function doneMessage(raw: string | null): string | undefined {
  return raw && Object.hasOwn(done, raw) ? done[raw as Done] : undefined;
}

/** Where to go after an action: the page the form came from (on this site only), with a confirmation and an anchor. */
export function returnTo(back: string | null | undefined, fallback: string, options: { done?: Done; hash?: string } = {}): string {
  const url = new URL(safeReturnPath(back, fallback), 'http://here');
  if (options.done) url.searchParams.set('done', options.done);
  else url.searchParams.delete('done');
  return `${url.pathname}${url.search}${options.hash ? `#${options.hash}` : ''}`;
}

export const notJoinedMessage = 'Join this course to take part in its discussion.';

/** A signed-out visitor is sent to sign in and come back to the step; an island is told why it failed. */
export function signInFirst(stepPath: string, request: Request): Response {
  if (wantsJson(request)) return json({ error: 'Sign in to take part in the discussion.' }, 401);
  return new Response(null, { status: 303, headers: { Location: `/signin?next=${encodeURIComponent(stepPath)}` } });
}
