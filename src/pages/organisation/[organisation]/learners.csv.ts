import type { APIRoute } from 'astro';
import { getDb } from '../../../../db/client';
import { organisationView } from '../../../lib/access/organisation';
import { organisationReportCsv } from '../../../lib/access/organisation-report';
import { listCourses } from '../../../lib/courses/catalog';
import { csvHeaders } from '../../../lib/csv/csv';
import { onlyMethods } from '../../../lib/http/methods';

/** The manager's view as a spreadsheet, formula-safe; 404 for anyone who may not see it. */
export const GET: APIRoute = async ({ locals, params }) => {
  const view = organisationView(getDb(), locals.user, params.organisation, await listCourses());
  if (!view) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(organisationReportCsv(view.rows), { headers: csvHeaders(`${view.organisation.name}-learners-${day}.csv`) });
};

export const ALL = onlyMethods({ GET });
