/**
 * A comment posted by the comment form's script (a same-site url-encoded POST asking for JSON), answered without
 * Astro's pipeline, as Mark as complete is (src/lib/progress/completion-lane.ts). Only the plain case is taken: a
 * valid session of a member of the course, a step that exists, a body of at most a long comment. Anything else is
 * left to the comments page before the body is read, and gets its answers.
 */
import { getDb } from '../../../db/client';
import { scriptPost, scriptPostLane } from '../http/lane';
import { discussionAccess } from './access';
import { postAnswer, postOnStep } from './post-on-step';

/** Whether the request has the shape of the form script's post: 5,000 four-byte characters percent-encoded fit. */
export const postRequest = scriptPost<'courseSlug' | 'stepId'>({
  address: /^\/courses\/(?<courseSlug>[a-z0-9-]+)\/steps\/(?<stepId>[a-z0-9-]+)\/comments$/,
  contentType: 'application/x-www-form-urlencoded',
  largestBody: 64 * 1024,
  asksForJson: true,
});

export const commentPostLane = scriptPostLane(postRequest, async (asked, user, body) => {
  const db = getDb();
  const access = await discussionAccess(db, asked.courseSlug, asked.stepId, user);
  if (access.kind !== 'member') return null;
  const text = new URLSearchParams(await body()).get('text');
  return postAnswer(postOnStep(db, access, text ?? undefined));
});
