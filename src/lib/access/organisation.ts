/** The manager's view of an organisation, read from the database: only for its managers and admins. */
import type { User } from 'lucia';
import type { Db } from '../../../db/client';
import { organisationCodeCounts } from '../../../db/access';
import { findOrganisation, isManager, organisationActivity, type OrganisationRow } from '../../../db/organisations';
import type { Course } from '../courses/catalog';
import { organisationReport, type ReportRow } from './organisation-report';

export interface OrganisationView {
  organisation: OrganisationRow;
  rows: ReportRow[];
  codes: { total: number; used: number };
}

/** Null for anyone but the organisation's managers and admins, and for an unknown organisation: both answer 404. */
export function organisationView(db: Db, user: User | null, organisationId: string | undefined, courses: readonly Course[]): OrganisationView | null {
  if (!user || !organisationId) return null;
  const organisation = findOrganisation(db, organisationId);
  if (!organisation || !(user.role === 'admin' || isManager(db, organisation.id, user.id))) return null;
  const reportCourses = courses.map((c) => ({
    slug: c.slug,
    title: c.title,
    stepIds: c.outline.steps.map((s) => s.id),
    assessmentIds: c.outline.assessments.map((a) => a.quizId),
  }));
  return { organisation, rows: organisationReport(organisationActivity(db, organisation.id), reportCourses), codes: organisationCodeCounts(db, organisation.id) };
}
