/**
 * The Progress page's own content, under its heading: the overall share, the certificate (or what is still to do),
 * steps by week, and test scores. A function, so the page and its fast lane (./progress-shell.ts) give the same bytes.
 */
import type { CertificateRow } from '../../../db/certificates';
import { formatCertificateNumber } from '../certificates/number';
import type { Course } from '../courses/catalog';
import { html, type Html } from '../html/html';
import { formatLongDate } from '../pdf/layout';
import type { ProgressSummary } from './summary';

export interface ProgressView {
  course: Course;
  progress: ProgressSummary;
  /** Best score by quiz id. */
  scores: Map<string, number>;
  certificate: CertificateRow | undefined;
}

function certificateHtml({ course, progress: { eligibility }, certificate }: ProgressView): Html {
  if (certificate?.revokedAt) {
    return html`<p>Your certificate ${formatCertificateNumber(certificate.number)} was revoked on ${formatLongDate(certificate.revokedAt)}${
      certificate.revokedReason && `: ${certificate.revokedReason}`
    }.</p>`;
  }
  if (certificate) {
    return html`<p>Certificate of Achievement for ${certificate.cpdHours} CPD hours, completed on ${formatLongDate(certificate.completedAt)}. Certificate number <strong>${formatCertificateNumber(
      certificate.number,
    )}</strong>.</p><div class="button-row"><a class="button" href="/certificates/${certificate.number}.pdf" download>Download your certificate (PDF)</a> <a href="/verify/${formatCertificateNumber(
      certificate.number,
    )}">Its public verification page</a></div>`;
  }
  if (eligibility.eligible) {
    return html`<p>You have met the requirements for the Certificate of Achievement (${course.data.cpdHours} CPD hours).</p><form method="post" action="/courses/${course.slug}/certificate"><button class="button" type="submit">Get your certificate</button></form>`;
  }
  return html`<p>To get your certificate, complete at least ${Math.round(course.data.completion.threshold * 100)}% of the steps (${eligibility.requiredSteps} of ${
    eligibility.totalSteps
  }) and pass every assessment. Still to do:</p><ul>${eligibility.missing.map((m) => html`<li>${m}</li>`)}</ul>${
    eligibility.needsEmailConfirmation && html`<p><a href="/account#email-title">Confirm your email address</a> from your account page.</p>`
  }`;
}

function scoresHtml({ course, progress: { eligibility }, scores }: ProgressView): Html | false {
  const tests = course.outline.steps.filter((s) => s.data.type === 'quiz' || s.data.type === 'assessment');
  if (tests.length === 0) return false;
  const toPass = new Set(eligibility.assessmentsToPass.map((a) => a.quizId));
  const passed = new Set(course.outline.assessments.map((a) => a.quizId).filter((id) => !toPass.has(id)));
  const rows = tests.map((s) => {
    const quiz = s.data.type === 'quiz' || s.data.type === 'assessment' ? s.data.quiz : '';
    const best = scores.get(quiz);
    const result = s.data.type === 'assessment' ? (passed.has(quiz) ? 'Passed' : 'Not passed yet') : 'Practice test';
    return html`<tr><th scope="row"><a href="/courses/${course.slug}/steps/${s.id}">${s.number} ${s.title}</a></th><td>${best === undefined ? 'Not tried' : `${best}%`}</td><td>${result}</td></tr>`;
  });
  return html`<section class="measure" aria-labelledby="scores-title"><h2 id="scores-title">Tests and assessments</h2><div class="table-wrap"><table><thead><tr><th scope="col">Step</th><th scope="col">Best score</th><th scope="col">Result</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

export function progressHtml(view: ProgressView): Html {
  const { course, progress } = view;
  const { eligibility } = progress;
  const weeks = progress.weeks.map((w) => html`<tr><th scope="row">Week ${w.number}: ${w.title}</th><td>${w.done} of ${w.total}</td><td>${w.percent}%</td></tr>`);
  return html`<section class="card measure" aria-labelledby="overall-title"><h2 id="overall-title">${eligibility.percent}% of steps completed</h2><progress class="meter" max="100" value="${
    eligibility.percent
  }" aria-labelledby="overall-title">${eligibility.percent}%</progress><p>You have completed ${eligibility.completedSteps} of ${eligibility.totalSteps} steps.</p></section><section class="card measure" aria-labelledby="certificate-title"><h2 id="certificate-title">Your certificate</h2>${certificateHtml(
    view,
  )}<p><a href="/courses/${course.slug}/reflections">Write your weekly reflections</a> · <a href="/courses/${course.slug}/cpd-record.pdf" download>Download CPD record</a></p></section><section class="measure" aria-labelledby="weeks-title"><h2 id="weeks-title">Steps completed by week</h2><div class="table-wrap"><table><thead><tr><th scope="col">Week</th><th scope="col">Steps done</th><th scope="col">Completed</th></tr></thead><tbody>${weeks}</tbody></table></div></section>${scoresHtml(
    view,
  )}`;
}
