import type { CertificateRow } from '../../../db/certificates';
import { formatCertificateNumber } from './number';
import { renderCertificatePdf } from './pdf';

/** The public page that confirms a certificate. */
export function verifyUrl(number: string, publicUrl: URL): string {
  return new URL(`/verify/${formatCertificateNumber(number)}`, publicUrl).href;
}

/** The file name a certificate downloads as, e.g. BeST-certificate-7KQ2M9XD4HTBR8C3.pdf. */
export function certificateFileName(shortName: string, number: string): string {
  return `${shortName}-certificate-${number}.pdf`;
}

/** The PDF of a stored certificate: everything on it comes from the record, never from the course as it is now. */
export function certificatePdf(row: CertificateRow, publicUrl: URL): Promise<Uint8Array> {
  return renderCertificatePdf({
    number: row.number,
    learnerName: row.learnerName,
    courseTitle: row.courseTitle,
    provider: row.provider,
    cpdHours: row.cpdHours,
    approvalStatement: row.approvalStatement,
    completedOn: row.completedAt,
    outcomes: JSON.parse(row.outcomes) as string[],
    leadEducator: JSON.parse(row.leadEducator) as { name?: string; role: string },
    verifyUrl: verifyUrl(row.number, publicUrl),
    issuedAt: row.issuedAt,
  });
}
