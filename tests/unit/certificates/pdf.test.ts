import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCertificateNumber, generateCertificateNumber } from '../../../src/lib/certificates/number';
import { missingGlyphs, renderCertificatePdf, type CertificatePdfData } from '../../../src/lib/certificates/pdf';

const courseTitle = 'Cognitive Behavioural Skills to Treat Back Pain: The Back Skills Training (BeST) Programme';
const sixtyCharacters = 'Anastasia Maximiliana Featherstonehaugh-Cholmondeley-Ashford';
const names = ['Siobhán Ní Bhriain', 'Zoë Łukasiewicz-Øberg', 'José Müller', "Mary-Kate O'Brien", sixtyCharacters];

function certificate(learnerName: string): CertificatePdfData {
  const number = generateCertificateNumber();
  return {
    number,
    learnerName,
    courseTitle,
    provider: 'University of Exeter',
    cpdHours: 12,
    approvalStatement:
      'This course is approved by the British Psychological Society for the purposes of Continuing Professional Development.',
    completedOn: new Date('2026-11-23T22:15:00Z'),
    outcomes: [
      'Apply a cognitive behavioural approach to help people manage persistent low back pain more effectively.',
      'Reflect on how to put these techniques into practice in your own clinical setting.',
      'Lead a group Back Skills Training (BeST) programme where you work.',
    ],
    leadEducator: { role: 'Lead educator' },
    verifyUrl: `https://cpd.example.org/verify/${number}`,
    issuedAt: new Date('2026-11-24T09:30:15Z'),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'certificate-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writePdf(bytes: Uint8Array): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** The extracted text with runs of white space made single, so that text wrapped across lines still matches. */
function textOf(file: string): string {
  return execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Every word pdftotext finds, with its box in PDF points from the top left. */
function wordBoxes(file: string): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}

function linkUris(pdf: PDFDocument): string[] {
  const annots = pdf.getPage(0).node.Annots();
  return (annots?.asArray() ?? []).flatMap((ref) => {
    const annot = pdf.context.lookup(ref, PDFDict);
    if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return [];
    const action = annot.lookup(PDFName.of('A'), PDFDict);
    return [action.lookup(PDFName.of('URI'), PDFString).decodeText()];
  });
}

describe('renderCertificatePdf', () => {
  it.each(names)('prints %s with the course, hours, number and verify address', async (name) => {
    const data = certificate(name);
    const bytes = await renderCertificatePdf(data);
    const file = writePdf(bytes);

    const text = textOf(file);
    for (const expected of [name, courseTitle, '12 CPD hours', formatCertificateNumber(data.number), data.verifyUrl]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Completed on 23 November 2026');
    expect(() => execFileSync('/usr/bin/qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
    expect(bytes.length).toBeLessThan(150 * 1024);
  });

  it('fits a 60-character name on one line inside the frame, and nothing leaves the page', async () => {
    expect(sixtyCharacters).toHaveLength(60);
    const file = writePdf(await renderCertificatePdf(certificate(sixtyCharacters)));
    const words = wordBoxes(file);
    expect(words.length).toBeGreaterThan(50);
    for (const word of words) {
      expect(word.xMin).toBeGreaterThan(40);
      expect(word.xMax).toBeLessThan(841.89 - 40);
      expect(word.yMin).toBeGreaterThan(40);
      expect(word.yMax).toBeLessThan(595.28 - 40);
    }
    const nameWords = words.filter((w) => sixtyCharacters.split(' ').includes(w.text));
    expect(nameWords).toHaveLength(3);
    expect(new Set(nameWords.map((w) => w.yMin)).size).toBe(1);
  });

  it('keeps certificates rendered at the same time apart (they share the parsed fonts)', async () => {
    const all = names.map(certificate);
    const texts = (await Promise.all(all.map(renderCertificatePdf))).map((bytes) => textOf(writePdf(bytes)));
    texts.forEach((text, i) => {
      expect(text).toContain(all[i]!.learnerName);
      expect(text).toContain(all[i]!.verifyUrl);
    });
  });

  it('is one A4 landscape page with the certificate’s metadata', async () => {
    const data = certificate('José Müller');
    const pdf = await PDFDocument.load(await renderCertificatePdf(data), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    expect(pdf.getTitle()).toBe(`Certificate of Achievement – ${courseTitle}`);
    expect(pdf.getAuthor()).toBe('University of Exeter');
    expect(pdf.getSubject()).toBe(`CPD certificate ${formatCertificateNumber(data.number)}`);
    expect(pdf.getCreator()).toBe('BeST CPD');
    expect(pdf.getProducer()).toBe('BeST CPD');
    expect(pdf.getCreationDate()?.toISOString()).toBe(data.issuedAt.toISOString());
  });

  it('links the QR code and address to the verify page', async () => {
    const data = certificate('Mary-Kate O\'Brien');
    const pdf = await PDFDocument.load(await renderCertificatePdf(data));
    expect(linkUris(pdf)).toEqual([data.verifyUrl]);
  });

  it('says "1 CPD hour" for a single hour and prints the lead educator’s name when given', async () => {
    const data = { ...certificate('José Müller'), cpdHours: 1, leadEducator: { name: 'Dr Ana Costa', role: 'Lead educator' } };
    const text = textOf(writePdf(await renderCertificatePdf(data)));
    expect(text).toContain('1 CPD hour ');
    expect(text).not.toContain('1 CPD hours');
    expect(text).toContain('Dr Ana Costa Lead educator');
  });

  it('shrinks a long list of outcomes to stay clear of the footer rather than overprint it', async () => {
    const outcomes = Array.from({ length: 12 }, (_, i) => `Outcome ${i + 1}: explain a cognitive behavioural model of persistent pain to a patient in plain words.`);
    const file = writePdf(await renderCertificatePdf({ ...certificate('José Müller'), outcomes }));
    const words = wordBoxes(file);
    const lowestOutcome = Math.max(...words.filter((w) => w.text === 'Outcome').map((w) => w.yMax));
    const verification = Math.min(...words.filter((w) => w.text === 'number' || w.text === 'educator').map((w) => w.yMin));
    expect(lowestOutcome).toBeLessThan(verification);
  });
});

describe('missingGlyphs', () => {
  it('finds nothing missing in the names we print', () => {
    for (const name of [...names, 'Zoë']) expect(missingGlyphs(name)).toEqual([]);
  });

  it('lists the characters the certificate font cannot draw', () => {
    expect(missingGlyphs('山田 太郎')).toEqual(['山', '田', '太', '郎']);
    expect(missingGlyphs('Sam 😀')).toEqual(['😀']);
  });
});
