import { performance } from 'node:perf_hooks';
import { renderCertificatePdf } from '../../src/lib/certificates/pdf';
import { generateCertificateNumber } from '../../src/lib/certificates/number';

/** Certificates rendered per second in this process, with the p50/p99 time and size of one PDF. */
export async function measureCertificates(count = 300) {
  const data = {
    learnerName: 'Zoë Łukasiewicz-Øberg',
    courseTitle: 'Cognitive Behavioural Skills to Treat Back Pain: The Back Skills Training (BeST) Programme',
    provider: 'University of Exeter',
    cpdHours: 12,
    approvalStatement: 'Approved by the British Psychological Society as Continuing Professional Development (CPD) for healthcare professionals.',
    completedOn: new Date('2026-11-23T00:00:00Z'),
    outcomes: ['One outcome of the course.', 'Another outcome of the course.', 'A third outcome.', 'A fourth outcome.'],
    leadEducator: { role: 'Lead educator' },
    issuedAt: new Date(),
  };
  const render = () => {
    const number = generateCertificateNumber();
    return renderCertificatePdf({ ...data, number, verifyUrl: `https://cpd.example.org/verify/${number}` });
  };
  await render();
  const times: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    bytes = (await render()).byteLength;
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const pick = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1));
  return { perSecond: Math.round(count / seconds), p50Ms: pick(0.5), p99Ms: pick(0.99), sizeKb: Number((bytes / 1024).toFixed(1)) };
}
