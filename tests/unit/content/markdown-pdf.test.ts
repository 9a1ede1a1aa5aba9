import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdownPdf } from '../../../src/lib/pdf/markdown-pdf';

const longParagraph = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} keeps the paragraph going so that it needs more than one page.`).join(' ');

const markdown = `# My pacing sheet

## What to do

- Plan the day
- Take **short** breaks

Today I managed:
___

[ ] I kept to my baseline

${longParagraph}
`;

const dir = mkdtempSync(path.join(tmpdir(), 'markdown-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function textOf(bytes: Uint8Array): string {
  const file = path.join(dir, 'sheet.pdf');
  writeFileSync(file, bytes);
  return execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('renderMarkdownPdf', () => {
  it('prints headings, lists, form elements and footers, and breaks onto a second page', async () => {
    const bytes = await renderMarkdownPdf(markdown, { footer: 'BeST programme' });
    const text = textOf(bytes);
    for (const expected of ['My pacing sheet', 'What to do', 'Plan the day', 'Take short breaks', 'Today I managed:', 'I kept to my baseline', 'Sentence 60 keeps', 'BeST programme', 'Page 2 of 2']) {
      expect(text).toContain(expected);
    }
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe('My pacing sheet');
  });

  it('takes the metadata title from the options when given', async () => {
    const pdf = await PDFDocument.load(await renderMarkdownPdf('# Sheet\n\nText.', { footer: 'F', title: 'Baseline sheet' }));
    expect(pdf.getTitle()).toBe('Baseline sheet');
  });

  it('gives the same bytes for the same input', async () => {
    const first = await renderMarkdownPdf(markdown, { footer: 'BeST programme' });
    const second = await renderMarkdownPdf(markdown, { footer: 'BeST programme' });
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });
});
