import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCpdRecordPdf, type CpdRecordPdfData } from '../../../src/lib/certificates/cpd-record-pdf';

const courseTitle = 'Cognitive Behavioural Skills to Treat Back Pain: The Back Skills Training (BeST) Programme';

function record(overrides: Partial<CpdRecordPdfData> = {}): CpdRecordPdfData {
  return {
    learnerName: 'Siobhán Ní Bhriain',
    profession: 'Physiotherapist',
    courseTitle,
    provider: 'University of Exeter',
    cpdHours: 12,
    approvalStatement:
      'This course is approved by the British Psychological Society for the purposes of Continuing Professional Development.',
    joinedOn: new Date('2026-09-01T08:00:00Z'),
    weeks: [
      {
        title: 'Introduction and background',
        completedOn: new Date('2026-09-08T19:00:00Z'),
        reflection: {
          learned: 'Pain can persist without ongoing tissue damage.',
          apply: 'I will explain pain as an alarm system at the first assessment.\nI will ask about fear of movement.',
          next: 'Read the session guide for week 2.',
        },
      },
      { title: "Understanding the patient's perspective", completedOn: null },
    ],
    generatedAt: new Date('2026-11-23T12:00:00Z'),
    ...overrides,
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'cpd-record-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(bytes: Uint8Array): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('/usr/bin/qpdf', ['--check', file], { stdio: 'pipe' });
  return execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('renderCpdRecordPdf', () => {
  it('prints the learner, the course, each week and its reflection in three parts', async () => {
    const bytes = await renderCpdRecordPdf(record());
    const text = check(bytes);
    for (const expected of [
      'CPD record',
      'Siobhán Ní Bhriain',
      'Physiotherapist',
      courseTitle,
      'University of Exeter',
      '12 CPD hours',
      'approved by the British Psychological Society for the purposes of Continuing Professional Development.',
      'Joined on 1 September 2026',
      'Week 1: Introduction and background',
      'Completed on 8 September 2026',
      'What I learned Pain can persist without ongoing tissue damage.',
      'How I will apply it in practice I will explain pain as an alarm system at the first assessment. I will ask about fear of movement.',
      'What I will do next Read the session guide for week 2.',
      "Week 2: Understanding the patient's perspective",
      'In progress',
      'generated on 23 November 2026',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(pdf.getTitle()).toBe(`CPD record – ${courseTitle}`);
    expect(pdf.getAuthor()).toBe('Siobhán Ní Bhriain');
    expect(pdf.getProducer()).toBe('BeST CPD');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });

  it('leaves out a profession that was not given', async () => {
    expect(check(await renderCpdRecordPdf(record({ profession: undefined })))).not.toMatch(/\bProfession\b/);
  });

  it('runs long reflections over several pages, numbering each', async () => {
    const paragraph = (week: number, n: number) =>
      `Paragraph ${n} of week ${week}. Explaining pain as a protective alarm rather than a sign of harm helped my patients move again. `.repeat(4);
    const weeks = Array.from({ length: 6 }, (_, i) => ({
      title: `Week title ${i + 1}`,
      completedOn: new Date(Date.UTC(2026, 8, 8 + 7 * i)),
      reflection: {
        learned: Array.from({ length: 5 }, (_, n) => paragraph(i + 1, n + 1)).join('\n\n'),
        apply: `Apply ${i + 1}`,
        next: `Next ${i + 1}`,
      },
    }));
    const bytes = await renderCpdRecordPdf(record({ weeks }));
    const pdf = await PDFDocument.load(bytes);
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThan(2);

    const text = check(bytes);
    for (let week = 1; week <= 6; week++) {
      expect(text).toContain(`Week ${week}: Week title ${week}`);
      expect(text).toContain(`Paragraph 5 of week ${week}.`);
      expect(text).toContain(`What I will do next Next ${week}`);
    }
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });
});
