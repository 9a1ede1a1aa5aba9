import type { APIRoute } from 'astro';
import { getDb } from '../../../../db/client';
import { completionTimes } from '../../../../db/certificates';
import { listReflections } from '../../../../db/reflections';
import { renderCpdRecordPdf } from '../../../lib/certificates/cpd-record-pdf';
import { weekCompletedOn } from '../../../lib/certificates/reflection';
import { learnerAccess, notJoinedRedirect } from '../../../lib/courses/learner-access';
import { professionLabel } from '../../../lib/auth/validation';
import { pdfResponse } from '../../../lib/http/pdf-response';
import { onlyMethods } from '../../../lib/http/methods';

/** The learner's CPD record: the course, each week's completion date and their reflections. */
export const GET: APIRoute = async ({ params, locals, redirect, url }) => {
  const access = await learnerAccess(params.course, locals.user);
  if (access.kind === 'unknown-course') return new Response('Not found', { status: 404 });
  if (access.kind === 'not-joined') return redirect(notJoinedRedirect(access, locals.user, url.pathname), 303);
  const { course, user, enrolment } = access;
  const db = getDb();
  const completions = new Map(completionTimes(db, user.id, course.slug).map((c) => [c.stepId, c.completedAt]));
  const reflections = listReflections(db, user.id, course.slug);
  const pdf = await renderCpdRecordPdf({
    learnerName: user.name,
    profession: professionLabel(user.profession),
    courseTitle: course.title,
    provider: course.data.provider,
    cpdHours: course.data.cpdHours,
    approvalStatement: course.data.cpd.statement,
    joinedOn: enrolment.joinedAt,
    weeks: course.outline.weeks.map((week) => {
      const reflection = reflections.get(week.number);
      return {
        title: week.title,
        completedOn: weekCompletedOn(week.steps.map((s) => s.id), completions),
        reflection: reflection && { learned: reflection.learned, apply: reflection.apply, next: reflection.next },
      };
    }),
    generatedAt: new Date(),
  });
  return pdfResponse(pdf, `${course.data.shortName ?? course.slug}-CPD-record.pdf`);
};

export const ALL = onlyMethods({ GET });
