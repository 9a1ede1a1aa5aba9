/** Who may read and write a step's discussion: members of the course, and its educators. */
import type { User } from 'lucia';
import type { Db } from '../../../db/client';
import { findComment, findCommentWithAuthor, teachesCourse, type ThreadRow } from '../../../db/discussion';
import { findEnrolment } from '../../../db/enrolments';
import { findStep, getCourse, type Course } from '../courses/catalog';
import type { OutlineStep } from '../courses/outline';
import { canModerate, canSee, type Viewer } from './rules';

export type DiscussionAccess =
  | { kind: 'not-found' }
  | { kind: 'signed-out'; stepPath: string }
  | { kind: 'not-joined'; course: Course; step: OutlineStep; stepPath: string }
  | { kind: 'member'; course: Course; step: OutlineStep; stepPath: string; viewer: Viewer; enrolled: boolean };

export function stepPathOf(courseSlug: string, stepId: string): string {
  return `/courses/${courseSlug}/steps/${stepId}`;
}

/** A viewer of the course's discussion; `teaches` is looked up only for educators, whom it concerns. */
export function viewerOf(db: Db, user: User, courseSlug: string): Viewer {
  const role = user.role;
  return { id: user.id, role, teaches: role === 'educator' && teachesCourse(db, user.id, courseSlug) };
}

export async function discussionAccess(db: Db, courseSlug: string | undefined, stepId: string | undefined, user: User | null): Promise<DiscussionAccess> {
  const course = await getCourse(courseSlug);
  const step = course && findStep(course, stepId);
  if (!course || !step) return { kind: 'not-found' };
  const stepPath = stepPathOf(course.slug, step.id);
  if (!user) return { kind: 'signed-out', stepPath };
  const viewer = viewerOf(db, user, course.slug);
  const enrolled = findEnrolment(db, user.id, course.slug) !== undefined;
  if (!enrolled && !canModerate(viewer)) return { kind: 'not-joined', course, step, stepPath };
  return { kind: 'member', course, step, stepPath, viewer, enrolled };
}

/** The comment, when it belongs to this step and the viewer may see it; otherwise nothing, as if it did not exist. */
export function findVisibleComment(
  db: Db,
  access: Extract<DiscussionAccess, { kind: 'member' }>,
  commentId: string | undefined,
): ThreadRow | undefined {
  const row = commentId ? findCommentWithAuthor(db, commentId, access.viewer.id) : undefined;
  if (!row || row.courseSlug !== access.course.slug || row.stepId !== access.step.id || !canSee(row, access.viewer)) return undefined;
  // A reply under a hidden comment is hidden with it.
  const parent = row.parentId ? findComment(db, row.parentId) : undefined;
  if (parent && !canSee(parent, access.viewer)) return undefined;
  return row;
}

export type CommentAccess =
  | Exclude<DiscussionAccess, { kind: 'member' }>
  | (Extract<DiscussionAccess, { kind: 'member' }> & { comment: ThreadRow });

/** Access to one comment's page; a comment that is not on this step or not visible to the viewer is not found. */
export async function commentAccess(
  db: Db,
  params: { course?: string; step?: string; comment?: string },
  user: User | null,
): Promise<CommentAccess> {
  const access = await discussionAccess(db, params.course, params.step, user);
  if (access.kind !== 'member') return access;
  const comment = findVisibleComment(db, access, params.comment);
  return comment ? { ...access, comment } : { kind: 'not-found' };
}
