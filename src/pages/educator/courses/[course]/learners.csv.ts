import type { APIRoute } from 'astro';
import { getDb } from '../../../../../db/client';
import { learnerRecords } from '../../../../../db/analytics';
import { consoleCourse } from '../../../../lib/analytics/access';
import { readFilter } from '../../../../lib/analytics/filters';
import { learnersCsv, learnerView, readLearnerQuery } from '../../../../lib/analytics/learners';
import { courseScope } from '../../../../lib/analytics/scope';
import { csvHeaders } from '../../../../lib/csv/csv';
import { onlyMethods } from '../../../../lib/http/methods';

/** Export CSV: every learner the Learners view shows for the same filter, search and sort, not just one page. */
export const GET: APIRoute = async ({ params, url, locals, rewrite }) => {
  const db = getDb();
  const course = await consoleCourse(db, locals.user, params.course);
  if (!course) return rewrite('/404');
  const { filter, errors } = readFilter(url.searchParams);
  const problems = Object.values(errors);
  if (problems.length > 0) return new Response(`${problems.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const scope = courseScope(course.slug, course.outline, course.data.completion.threshold);
  const views = learnerRecords(db, scope, filter, readLearnerQuery(url.searchParams)).map((r) => learnerView(r, scope.stepIds.length));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(learnersCsv(views, course.outline.assessments.map((a) => a.title)), { headers: csvHeaders(`${course.slug}-learners-${day}.csv`) });
};

export const ALL = onlyMethods({ GET });
