/** What a learner says when they report a comment. Pure. */

export const reportReasons = [
  { value: 'abuse', label: 'It is rude, abusive or offensive' },
  { value: 'spam', label: 'It is spam or advertising' },
  { value: 'personal-information', label: 'It shares personal or patient information' },
  { value: 'unsafe', label: 'It gives unsafe or misleading clinical advice' },
  { value: 'other', label: 'Something else' },
] as const;
export type ReportReason = (typeof reportReasons)[number]['value'];

export const reportDetailsMaxLength = 1000;

export function reportReasonLabel(value: string): string {
  return reportReasons.find((r) => r.value === value)?.label ?? 'Something else';
}

export type CheckedReport =
  | { ok: true; reason: ReportReason; details: string }
  | { ok: false; errors: { reason?: string; details?: string } };

/** A reason is required; details are optional unless the reason is "Something else". */
export function checkReport(form: { reason?: unknown; details?: unknown }): CheckedReport {
  const reason = reportReasons.find((r) => r.value === form.reason)?.value;
  const details = typeof form.details === 'string' ? form.details.replace(/\r\n?/g, '\n').trim() : '';
  const errors: { reason?: string; details?: string } = {};
  if (!reason) errors.reason = 'Choose why you are reporting this comment.';
  if (reason === 'other' && !details) errors.details = 'Tell the educators what is wrong with this comment.';
  if ([...details].length > reportDetailsMaxLength) errors.details = `Keep the details to ${reportDetailsMaxLength} characters or fewer.`;
  if (!reason || errors.details) return { ok: false, errors };
  return { ok: true, reason, details };
}
