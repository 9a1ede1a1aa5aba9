/**
 * The opening of every course page of the console: the course, when the person may look at it (404 otherwise, so
 * it does not even show it exists), and the filter as the address asks it, answered 400 when it is wrong.
 */
import type { AstroGlobal } from 'astro';
import { getDb } from '../../../db/client';
import { consoleCourse } from './access';
import { readFilter } from './filters';
import { courseScope } from './scope';

export async function openConsoleCourse(astro: AstroGlobal) {
  const db = getDb();
  const course = await consoleCourse(db, astro.locals.user, astro.params.course);
  if (!course) return astro.rewrite('/404');
  const { filter, values, errors } = readFilter(astro.url.searchParams);
  if (Object.keys(errors).length > 0) astro.response.status = 400;
  return { db, course, scope: courseScope(course.slug, course.outline, course.data.completion.threshold), filter, values, errors };
}
