import type { Db } from '../../../db/client';
import { completionTimes, findCertificate, firstPasses, insertCertificate, type CertificateRow } from '../../../db/certificates';
import { findUserById } from '../../../db/users';
import type { Course } from '../courses/catalog';
import { learnerProgress } from '../progress/learner';
import { ruleMetAt } from './completion-date';
import { generateCertificateNumber } from './number';

export type IssueResult = { ok: true; certificate: CertificateRow } | { ok: false; missing: string[] };

/**
 * Issues the learner's certificate for the course, once: a second call returns the same certificate. The record
 * snapshots the name, title, provider, hours, statement and outcomes, so later edits never change a certificate.
 */
export function issueCertificate(db: Db, course: Course, userId: string, now = new Date()): IssueResult {
  return db.transaction(
    (tx) => {
      const existing = findCertificate(tx, userId, course.slug);
      if (existing) return { ok: true, certificate: existing };
      // The rule also refuses limited access and an unconfirmed email address, and says so in `missing`.
      const { eligibility } = learnerProgress(tx, course, userId, now);
      if (!eligibility.eligible) return { ok: false, missing: eligibility.missing };
      const user = findUserById(tx, userId);
      if (!user) return { ok: false, missing: ['Your account could not be found.'] };
      const assessmentIds = course.outline.assessments.map((a) => a.quizId);
      const completedAt =
        ruleMetAt(
          completionTimes(tx, userId, course.slug),
          new Set(course.outline.steps.map((s) => s.id)),
          eligibility.requiredSteps,
          assessmentIds,
          firstPasses(tx, userId, course.slug, assessmentIds),
        ) ?? now;
      const lead = course.data.team[0] ?? { role: 'Lead educator' };
      const certificate = insertCertificate(tx, {
        number: generateCertificateNumber(),
        userId,
        courseSlug: course.slug,
        learnerName: user.name,
        courseTitle: course.title,
        provider: course.data.provider,
        cpdHours: course.data.cpdHours,
        approvalStatement: course.data.cpd.statement,
        outcomes: JSON.stringify(course.data.outcomes),
        leadEducator: JSON.stringify({ name: lead.name, role: lead.role }),
        completedAt,
        issuedAt: now,
        revokedAt: null,
        revokedReason: null,
      });
      return { ok: true, certificate };
    },
    { behavior: 'immediate' },
  );
}
