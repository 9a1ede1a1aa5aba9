/** A manager's view of their organisation's learners, and its CSV. Pure: the rows come from db/organisations.ts. */
import { toCsv } from '../csv/csv';
import { percentDone } from '../progress/eligibility';

export interface ReportCourse {
  slug: string;
  title: string;
  stepIds: readonly string[];
  assessmentIds: readonly string[];
}

interface Keyed {
  userId: string;
  courseSlug: string;
}

export interface ActivityInput {
  learners: { userId: string; name: string; email: string; memberSince: Date }[];
  joined: (Keyed & { joinedAt: Date })[];
  completions: (Keyed & { stepId: string })[];
  passes: (Keyed & { quizId: string })[];
  issued: (Keyed & { issuedAt: Date; revokedAt: Date | null })[];
}

export interface ReportRow {
  name: string;
  email: string;
  /** Null for a learner who has not joined a course yet. */
  course: { title: string; joinedAt: Date; percent: number; assessmentsPassed: boolean; certificate: 'Issued' | 'Revoked' | 'Not yet' } | null;
}

const key = (userId: string, courseSlug: string) => `${userId}\u0000${courseSlug}`;

/** One row per learner and course they joined (courses no longer offered are left out), or one bare row. */
export function organisationReport(activity: ActivityInput, courses: readonly ReportCourse[]): ReportRow[] {
  const bySlug = new Map(courses.map((c) => [c.slug, c]));
  const done = new Map<string, Set<string>>();
  for (const c of activity.completions) done.set(key(c.userId, c.courseSlug), (done.get(key(c.userId, c.courseSlug)) ?? new Set()).add(c.stepId));
  const passed = new Map<string, Set<string>>();
  for (const p of activity.passes) passed.set(key(p.userId, p.courseSlug), (passed.get(key(p.userId, p.courseSlug)) ?? new Set()).add(p.quizId));
  const certificates = new Map(activity.issued.map((c) => [key(c.userId, c.courseSlug), c]));

  return activity.learners.flatMap((learner) => {
    const rows: ReportRow[] = activity.joined
      .filter((j) => j.userId === learner.userId && bySlug.has(j.courseSlug))
      .map((j) => {
        const course = bySlug.get(j.courseSlug)!;
        const k = key(j.userId, j.courseSlug);
        const completed = done.get(k) ?? new Set();
        const passes = passed.get(k) ?? new Set();
        const certificate = certificates.get(k);
        return {
          name: learner.name,
          email: learner.email,
          course: {
            title: course.title,
            joinedAt: j.joinedAt,
            percent: percentDone(course.stepIds.filter((id) => completed.has(id)).length, course.stepIds.length),
            assessmentsPassed: course.assessmentIds.length > 0 && course.assessmentIds.every((id) => passes.has(id)),
            certificate: certificate ? (certificate.revokedAt ? ('Revoked' as const) : ('Issued' as const)) : ('Not yet' as const),
          },
        };
      })
      .sort((a, b) => a.course!.title.localeCompare(b.course!.title));
    return rows.length > 0 ? rows : [{ name: learner.name, email: learner.email, course: null }];
  });
}

/** YYYY-MM-DD, which every spreadsheet reads as a date. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function organisationReportCsv(rows: readonly ReportRow[]): string {
  return toCsv(
    ['Name', 'Email', 'Course', 'Joined', 'Per cent complete', 'Assessment passed', 'Certificate'],
    rows.map((r) =>
      r.course
        ? [r.name, r.email, r.course.title, isoDay(r.course.joinedAt), r.course.percent, r.course.assessmentsPassed, r.course.certificate]
        : [r.name, r.email, 'No course joined yet', null, null, null, null],
    ),
  );
}
