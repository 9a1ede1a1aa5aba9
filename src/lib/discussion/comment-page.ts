/**
 * The opening every page that acts on one comment shares (edit, delete, report, reply): an unknown or unseen
 * comment is not found, someone signed out is asked to sign in, someone who has not joined or whom the page's
 * rule does not allow is refused, and a POST from someone allowed has its form read.
 */
import type { AstroGlobal } from 'astro';
import { getDb } from '../../../db/client';
import { readForm, safeReturnPath } from '../http/forms';
import { commentAccess, type CommentAccess } from './access';
import { notJoinedMessage, signInFirst } from './messages';
import type { Viewer } from './rules';

type Member = Extract<CommentAccess, { kind: 'member' }>;

export interface CommentPage {
  access: Member | Extract<CommentAccess, { kind: 'not-joined' }>;
  /** Where the page's links and its redirect go back to: where the viewer came from, or the step. */
  back: string;
  /** Why the viewer may not act here, when they may not. */
  refused?: string;
  /** The posted form, when the viewer may act and sent one (null when it could not be read). */
  posted?: Record<string, string> | null;
}

export async function openCommentPage(
  astro: AstroGlobal,
  rule?: { allows: (comment: Member['comment'], viewer: Viewer) => boolean; refusal: string },
): Promise<Response | CommentPage> {
  const access = await commentAccess(getDb(), astro.params, astro.locals.user);
  if (access.kind === 'not-found') return astro.rewrite('/404');
  if (access.kind === 'signed-out') return signInFirst(access.stepPath, astro.request);
  const back = safeReturnPath(astro.url.searchParams.get('back'), access.stepPath);
  if (access.kind === 'not-joined') return { access, back, refused: notJoinedMessage };
  if (rule && !rule.allows(access.comment, access.viewer)) return { access, back, refused: rule.refusal };
  if (astro.request.method !== 'POST') return { access, back };
  const posted = await readForm(astro.request);
  return { access, back: safeReturnPath(posted?.back, access.stepPath), posted };
}
