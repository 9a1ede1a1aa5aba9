/**
 * Who sees what in the console: an educator the courses they teach, an admin every course, anyone else nothing.
 * Pages answer 404 for anything not allowed, so a course's console does not even show it exists.
 */
import type { User } from 'lucia';
import type { Db } from '../../../db/client';
import { coursesTaught, teachesCourse } from '../../../db/discussion';
import { hasRole } from '../auth/roles';
import { getCourse, listCourses, type Course } from '../courses/catalog';

/** The courses the user may look at in the console; null when the console is not theirs at all. */
export async function consoleCourses(db: Db, user: User | null): Promise<Course[] | null> {
  if (!hasRole(user, 'educator', 'admin')) return null;
  const courses = await listCourses();
  if (user.role === 'admin') return courses;
  const taught = new Set(coursesTaught(db, user.id));
  return courses.filter((c) => taught.has(c.slug));
}

/** The course, when the user may look at it in the console. */
export async function consoleCourse(db: Db, user: User | null, slug: string | undefined): Promise<Course | null> {
  if (!hasRole(user, 'educator', 'admin')) return null;
  const course = await getCourse(slug);
  if (!course) return null;
  return user.role === 'admin' || teachesCourse(db, user.id, course.slug) ? course : null;
}
