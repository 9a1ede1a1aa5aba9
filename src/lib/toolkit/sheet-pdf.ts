/**
 * Lays a patient sheet out as an A4 PDF. It runs in the browser, so that what a clinician types about a patient never
 * leaves it: the caller fetches the fonts and saves the bytes. (src/lib/pdf reads its fonts from disk, so it cannot.)
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatNumber } from './numbers';
import { staircase } from './progression';
import type { Sheet, SheetBlock } from './sheets';

export interface SheetFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const margin = { x: 56, top: 56, bottom: 64 };
const width = A4.width - 2 * margin.x;
const size = { title: 20, heading: 13, body: 11, small: 9 };
const leading = 15;
const writingLine = 24;
const ink = rgb(0.11, 0.14, 0.17);
const accent = rgb(0.04, 0.35, 0.66);
const muted = rgb(0.38, 0.42, 0.46);
const rule = rgb(0.68, 0.72, 0.74);
const shade = rgb(0.9, 0.93, 0.97);

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** Text as it can be drawn: composed accents, and no tabs or control characters. */
const clean = (text: string) => text.normalize('NFC').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');

export async function renderSheet(sheet: Sheet, fonts: SheetFonts, date: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Ligatures off: pdftotext and screen readers then read "fi" in the PDF as the two letters typed.
  const features = { liga: false, clig: false };
  const regular = await doc.embedFont(fonts.regular, { subset: true, features });
  const bold = await doc.embedFont(fonts.bold, { subset: true, features });
  doc.setTitle(clean(sheet.title), { showInWindowTitleBar: true });
  doc.setCreator('BeST CPD toolkit');
  doc.setProducer('BeST CPD toolkit');
  doc.setLanguage('en-GB');
  doc.setCreationDate(date);

  const layout = new Layout(doc, regular, bold);
  layout.title(sheet, longDate.format(date));
  for (const block of sheet.blocks) layout.block(block);
  layout.footers(sheet.title);
  return doc.save();
}

/** Wraps text to a width, breaking at spaces and inside a word only when the word alone is too wide. */
function wrap(text: string, font: PDFFont, fontSize: number, maxWidth: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, fontSize) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of clean(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter(Boolean)) {
      if (fits(line ? `${line} ${word}` : word)) {
        line = line ? `${line} ${word}` : word;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const char of word) {
        if (line && !fits(line + char)) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - margin.top;
    return this.page;
  }

  /** Starts a new page unless the height needed still fits on this one. */
  private room(height: number): void {
    if (this.y - height < margin.bottom) this.newPage();
  }

  private text(text: string, x: number, font: PDFFont, fontSize: number, color = ink): void {
    this.page.drawText(text, { x, y: this.y, font, size: fontSize, color });
  }

  private paragraph(text: string, font: PDFFont, x = margin.x, maxWidth = width): void {
    for (const line of wrap(text, font, size.body, maxWidth)) {
      this.room(leading);
      this.y -= leading;
      this.text(line, x, font, size.body);
    }
  }

  private writingLines(count: number, x = margin.x): void {
    for (let i = 0; i < count; i++) {
      this.room(writingLine);
      this.y -= writingLine;
      this.page.drawLine({ start: { x, y: this.y }, end: { x: margin.x + width, y: this.y }, thickness: 0.6, color: rule });
    }
  }

  title(sheet: Sheet, date: string): void {
    this.y -= size.title;
    this.text(clean(sheet.title), margin.x, this.bold, size.title, accent);
    this.y -= 26;
    const name = clean(sheet.patient.trim());
    this.text('Name:', margin.x, this.bold, size.body);
    const nameX = margin.x + this.bold.widthOfTextAtSize('Name: ', size.body);
    const dateText = `Date: ${date}`;
    const dateX = margin.x + width - this.regular.widthOfTextAtSize(dateText, size.body);
    if (name) this.text(wrap(name, this.regular, size.body, dateX - nameX - 12)[0] ?? '', nameX, this.regular, size.body);
    else this.page.drawLine({ start: { x: nameX, y: this.y - 2 }, end: { x: dateX - 16, y: this.y - 2 }, thickness: 0.6, color: rule });
    this.text(dateText, dateX, this.regular, size.body);
    this.y -= 12;
    this.page.drawLine({ start: { x: margin.x, y: this.y }, end: { x: margin.x + width, y: this.y }, thickness: 1.2, color: accent });
    this.y -= 4;
  }

  block(block: SheetBlock): void {
    switch (block.kind) {
      case 'heading':
        // Keep a heading with at least a few lines of what follows it.
        this.room(size.heading + 20 + 3 * leading);
        this.y -= size.heading + 16;
        this.text(clean(block.text), margin.x, this.bold, size.heading, accent);
        this.y -= 2;
        return;
      case 'text':
        this.y -= 6;
        this.paragraph(block.text, this.regular);
        return;
      case 'answer':
        this.y -= 10;
        this.room(2 * leading);
        this.paragraph(block.label, this.bold);
        if (block.text.trim()) this.paragraph(block.text, this.regular);
        else this.writingLines(block.lines ?? 2);
        return;
      case 'list':
        this.list(block.items, block.style);
        return;
      case 'table':
        this.table(block.columns, block.rows);
        return;
      case 'staircase':
        this.staircase(block.levels, block.unit);
        return;
    }
  }

  private list(items: readonly string[], style: 'bullet' | 'number' | 'tick'): void {
    const indent = 20;
    this.y -= 4;
    items.forEach((item, i) => {
      this.room(writingLine);
      const marker = () => {
        if (style === 'tick') this.page.drawRectangle({ x: margin.x, y: this.y - 1, width: 9, height: 9, borderColor: ink, borderWidth: 0.8 });
        else this.text(style === 'bullet' ? '•' : `${i + 1}.`, margin.x, this.regular, size.body);
      };
      if (!item.trim()) {
        this.y -= writingLine;
        marker();
        this.page.drawLine({ start: { x: margin.x + indent, y: this.y - 2 }, end: { x: margin.x + width, y: this.y - 2 }, thickness: 0.6, color: rule });
        return;
      }
      this.y -= 4;
      wrap(item, this.regular, size.body, width - indent).forEach((line, n) => {
        this.room(leading);
        this.y -= leading;
        if (n === 0) marker();
        this.text(line, margin.x + indent, this.regular, size.body);
      });
    });
  }

  private table(columns: readonly string[], rows: readonly string[][]): void {
    const pad = 5;
    const columnWidth = width / columns.length;
    const drawRow = (cells: readonly string[], font: PDFFont, fill?: typeof shade) => {
      const lines = cells.map((cell) => (cell.trim() ? wrap(cell, font, size.body, columnWidth - 2 * pad) : []));
      // Empty cells are for writing in, so they get a writing line's height.
      const height = Math.max(writingLine, Math.max(...lines.map((l) => l.length)) * leading + 2 * pad);
      this.room(height);
      const top = this.y;
      if (fill) this.page.drawRectangle({ x: margin.x, y: top - height, width, height, color: fill });
      lines.forEach((cellLines, c) => {
        cellLines.forEach((line, n) => {
          this.page.drawText(line, { x: margin.x + c * columnWidth + pad, y: top - pad - (n + 1) * leading + 4, font, size: size.body, color: ink });
        });
      });
      for (let c = 0; c <= columns.length; c++) {
        const x = margin.x + c * columnWidth;
        this.page.drawLine({ start: { x, y: top }, end: { x, y: top - height }, thickness: 0.6, color: rule });
      }
      this.page.drawLine({ start: { x: margin.x, y: top }, end: { x: margin.x + width, y: top }, thickness: 0.6, color: rule });
      this.page.drawLine({ start: { x: margin.x, y: top - height }, end: { x: margin.x + width, y: top - height }, thickness: 0.6, color: rule });
      this.y = top - height;
    };
    this.y -= 8;
    drawRow(columns, this.bold, shade);
    for (const row of rows) drawRow(row, this.regular);
  }

  private staircase(levels: readonly { week: number; amount: number }[], unit: string): void {
    const chart = { height: 170, left: 44, bottom: 30 };
    this.y -= 12;
    this.room(chart.height + 8);
    const { points, weeks, top } = staircase(levels);
    const box = { x: margin.x + chart.left, y: this.y - chart.height + chart.bottom, width: width - chart.left - 8, height: chart.height - chart.bottom - 14 };
    const toX = (week: number) => box.x + (week / weeks) * box.width;
    const toY = (amount: number) => box.y + (amount / top) * box.height;
    const small = (text: string, x: number, y: number) => this.page.drawText(clean(text), { x, y, font: this.regular, size: size.small, color: muted });

    this.page.drawLine({ start: { x: box.x, y: box.y }, end: { x: box.x + box.width, y: box.y }, thickness: 0.8, color: ink });
    this.page.drawLine({ start: { x: box.x, y: box.y }, end: { x: box.x, y: box.y + box.height }, thickness: 0.8, color: ink });
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      this.page.drawLine({ start: { x: toX(a.x), y: toY(a.y) }, end: { x: toX(b.x), y: toY(b.y) }, thickness: 2, color: accent });
    }
    // Label every level when they fit, else every few, always including the first and the target.
    const every = Math.ceil(levels.length / 12);
    levels.forEach((level, i) => {
      if (i % every !== 0 && i !== levels.length - 1) return;
      small(formatNumber(level.amount), toX(level.week - 1) + 2, toY(level.amount) + 4);
      small(String(level.week), toX(level.week - 1) - 2, box.y - 11);
    });
    small('Week', box.x, box.y - 23);
    small(unit || 'Amount', margin.x, box.y + box.height + 4);
    small('0', box.x - 10, box.y - 3);
    this.y -= chart.height;
  }

  footers(title: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = `${clean(title)}: page ${i + 1} of ${pages.length}. Made with the BeST CPD toolkit.`;
      page.drawText(text, { x: margin.x, y: margin.bottom - 30, font: this.regular, size: size.small, color: muted });
    });
  }
}
