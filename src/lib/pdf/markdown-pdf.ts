/**
 * Renders the Markdown subset that handouts (`downloads/<name>.md`) are written in as a printable A4 PDF:
 * `# Title`, `## Heading`, `### Subheading`, paragraphs, `- ` and `1. ` lists, `**bold**`, and two form
 * elements for patient sheets: `[ ] text` (an empty tick box) and runs of three or more underscores
 * (a writing line; a line of only `___` spans the page, a run at the end of a line reaches the margin).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontBytes, type FontName } from './fonts';
import { clean } from './layout';

export interface MarkdownPdfOptions {
  /** Printed at the foot of every page, beside the page number. */
  footer: string;
  /** The document title in the PDF metadata; defaults to the `# Title`. */
  title?: string;
}

type Run = { text: string; bold: boolean };
type Marker = { kind: 'none' } | { kind: 'bullet' } | { kind: 'number'; label: string } | { kind: 'tick' };
type Block =
  | { kind: 'title' | 'heading' | 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; marker: Marker; text: string };

const A4 = { width: 595.28, height: 841.89 };
const margin = { x: 56, top: 60, bottom: 72 };
const contentWidth = A4.width - 2 * margin.x;
const body = { size: 11, leading: 16 };
const formRowHeight = 28;
const indent = 18;
const ink = rgb(0.11, 0.14, 0.17);
const accent = rgb(0.07, 0.33, 0.5);
const muted = rgb(0.38, 0.42, 0.46);

function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/).map((text) => clean(text.replace(/\t/g, '    ')))) {
    const line = raw.trim();
    const last = blocks.at(-1);
    const item = itemOf(line);
    if (line === '') {
      flush();
    } else if (/^#{1,3} /.test(line)) {
      flush();
      const level = line.indexOf(' ');
      blocks.push({ kind: level === 1 ? 'title' : level === 2 ? 'heading' : 'subheading', text: line.slice(level + 1) });
    } else if (/^ {2,}\S/.test(raw) && paragraph.length === 0 && last?.kind === 'item') {
      last.text += ` ${line}`;
    } else if (item) {
      flush();
      blocks.push(item);
    } else if (hasBlank(line)) {
      flush();
      blocks.push({ kind: 'item', marker: { kind: 'none' }, text: line });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function itemOf(line: string): Block | undefined {
  const tick = /^(?:[-*] )?\[ \] +(.*)$/.exec(line);
  if (tick) return { kind: 'item', marker: { kind: 'tick' }, text: tick[1]! };
  const bullet = /^[-*] +(.*)$/.exec(line);
  if (bullet) return { kind: 'item', marker: { kind: 'bullet' }, text: bullet[1]! };
  const numbered = /^(\d{1,3}[.)]) +(.*)$/.exec(line);
  if (numbered) return { kind: 'item', marker: { kind: 'number', label: numbered[1]! }, text: numbered[2]! };
  return undefined;
}

const hasBlank = (text: string) => /_{3,}/.test(text);

/** `**bold**` spans; everything else is literal text. */
function parseInline(text: string): Run[] {
  return text
    .split(/\*\*/)
    .map((part, i) => ({ text: part, bold: i % 2 === 1 }))
    .filter((run) => run.text !== '');
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Where the next line goes; pages are added as the text runs on. */
class Cursor {
  page: PDFPage;
  y: number;

  constructor(private readonly doc: PDFDocument) {
    this.page = this.addPage();
    this.y = A4.height - margin.top;
  }

  /** Moves to a new page unless `height` more points fit above the bottom margin. */
  reserve(height: number): void {
    if (this.y - height >= margin.bottom) return;
    this.page = this.addPage();
    this.y = A4.height - margin.top;
  }

  private addPage(): PDFPage {
    return this.doc.addPage([A4.width, A4.height]);
  }
}

type Piece = { text: string; font: PDFFont };
type Word = Piece[];

const widthOf = (word: Word, size: number) => word.reduce((sum, p) => sum + p.font.widthOfTextAtSize(p.text, size), 0);

/** Splits runs into words; pieces with no space between them (`**Goal**:`) stay one word. */
function wordsOf(runs: Run[], fonts: Fonts): Word[] {
  const words: Word[] = [];
  let current: Word = [];
  for (const run of runs) {
    const font = run.bold ? fonts.bold : fonts.regular;
    for (const token of run.text.split(/(\s+)/)) {
      if (/^\s+$/.test(token)) {
        if (current.length > 0) words.push(current);
        current = [];
      } else if (token !== '') {
        current.push({ text: token, font });
      }
    }
  }
  if (current.length > 0) words.push(current);
  return words;
}

/** Breaks a word wider than the line (a long web address) into pieces that fit. */
function splitLongWord(word: Word, width: number, size: number): Word[] {
  const parts: Word[] = [];
  let part: Word = [];
  for (const piece of word) {
    for (const char of piece.text) {
      const next: Word = [...part, { text: char, font: piece.font }];
      if (part.length > 0 && widthOf(next, size) > width) {
        parts.push(part);
        part = [{ text: char, font: piece.font }];
      } else {
        part = next;
      }
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

function wrapWords(words: Word[], width: number, size: number, space: number): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let lineWidth = 0;
  for (const whole of words) {
    for (const word of widthOf(whole, size) > width ? splitLongWord(whole, width, size) : [whole]) {
      const wordWidth = widthOf(word, size);
      if (line.length > 0 && lineWidth + space + wordWidth > width) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      lineWidth += (line.length > 0 ? space : 0) + wordWidth;
      line.push(word);
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

interface TextStyle {
  size: number;
  leading: number;
  color: ReturnType<typeof rgb>;
  bold?: boolean;
}

function drawWords(page: PDFPage, line: Word[], x: number, y: number, style: TextStyle, space: number): number {
  let cursorX = x;
  line.forEach((word, i) => {
    if (i > 0) cursorX += space;
    for (const piece of word) {
      page.drawText(piece.text, { x: cursorX, y, size: style.size, font: piece.font, color: style.color });
      cursorX += piece.font.widthOfTextAtSize(piece.text, style.size);
    }
  });
  return cursorX;
}

/** Draws wrapped text from the cursor down; `onFirstLine` draws a list marker beside the first line. */
function drawWrapped(
  cursor: Cursor,
  fonts: Fonts,
  text: string,
  x: number,
  style: TextStyle,
  onFirstLine?: (page: PDFPage, baseline: number) => void,
): void {
  const runs = parseInline(text).map((run) => ({ ...run, bold: run.bold || style.bold === true }));
  const space = fonts.regular.widthOfTextAtSize(' ', style.size);
  const lines = wrapWords(wordsOf(runs, fonts), margin.x + contentWidth - x, style.size, space);
  lines.forEach((line, i) => {
    cursor.reserve(style.leading);
    cursor.y -= style.leading;
    const baseline = cursor.y + (style.leading - style.size) / 2;
    if (i === 0) onFirstLine?.(cursor.page, baseline);
    drawWords(cursor.page, line, x, baseline, style, space);
  });
}

/** A row of text and writing lines, laid out on one line with room to write by hand. */
function drawFormRow(cursor: Cursor, fonts: Fonts, text: string, x: number, onRow?: (page: PDFPage, baseline: number) => void): void {
  cursor.reserve(formRowHeight);
  cursor.y -= formRowHeight;
  const baseline = cursor.y + 8;
  onRow?.(cursor.page, baseline);
  const style: TextStyle = { size: body.size, leading: body.leading, color: ink };
  const space = fonts.regular.widthOfTextAtSize(' ', body.size);
  const underscore = fonts.regular.widthOfTextAtSize('_', body.size);
  const right = margin.x + contentWidth;
  const parts = text.split(/(_{3,})/);
  let cursorX = x;
  parts.forEach((part, i) => {
    if (!/^_{3,}$/.test(part)) {
      const words = wordsOf(parseInline(part.trim()), fonts);
      if (words.length === 0) return;
      if (i > 0 && /^\s/.test(part)) cursorX += space;
      cursorX = drawWords(cursor.page, words, cursorX, baseline, style, space);
      if (/\s$/.test(part)) cursorX += space;
      return;
    }
    const isLast = parts.slice(i + 1).every((rest) => rest.trim() === '');
    const end = isLast ? right : Math.min(right, cursorX + part.length * underscore);
    cursor.page.drawLine({
      start: { x: cursorX, y: baseline - 2 },
      end: { x: end, y: baseline - 2 },
      thickness: 0.6,
      color: muted,
    });
    cursorX = end;
  });
}

function markerDrawer(marker: Marker, fonts: Fonts, x: number): ((page: PDFPage, baseline: number) => void) | undefined {
  const size = body.size;
  switch (marker.kind) {
    case 'none':
      return undefined;
    case 'bullet':
      return (page, baseline) => page.drawText('•', { x: x + 4, y: baseline, size, font: fonts.regular, color: accent });
    case 'number':
      return (page, baseline) => {
        const width = fonts.regular.widthOfTextAtSize(marker.label, size);
        page.drawText(marker.label, { x: x + indent - 5 - width, y: baseline, size, font: fonts.regular, color: ink });
      };
    case 'tick':
      return (page, baseline) =>
        page.drawRectangle({ x, y: baseline - 1.5, width: 10, height: 10, borderWidth: 0.9, borderColor: ink });
  }
}

function drawBlock(cursor: Cursor, fonts: Fonts, block: Block, previous: Block | undefined): void {
  const bodyStyle: TextStyle = { size: body.size, leading: body.leading, color: ink };
  switch (block.kind) {
    case 'title': {
      drawWrapped(cursor, fonts, block.text, margin.x, { size: 20, leading: 26, color: accent, bold: true });
      cursor.y -= 8;
      cursor.page.drawLine({
        start: { x: margin.x, y: cursor.y },
        end: { x: margin.x + contentWidth, y: cursor.y },
        thickness: 1.5,
        color: accent,
      });
      cursor.y -= 10;
      return;
    }
    case 'heading':
    case 'subheading': {
      const style = block.kind === 'heading' ? { size: 14, leading: 20 } : { size: 12, leading: 17 };
      // Keep a heading on the same page as the first lines or writing rows under it.
      cursor.reserve(style.leading + 14 + 2 * formRowHeight);
      if (previous) cursor.y -= block.kind === 'heading' ? 14 : 8;
      drawWrapped(cursor, fonts, block.text, margin.x, { ...style, color: accent, bold: true });
      cursor.y -= 4;
      return;
    }
    case 'paragraph': {
      // A line ending in a colon introduces what follows ("When I notice a flare-up, I will:"): keep them together.
      if (block.text.endsWith(':')) cursor.reserve(6 + 2 * body.leading + formRowHeight);
      if (previous && previous.kind !== 'title') cursor.y -= 6;
      drawWrapped(cursor, fonts, block.text, margin.x, bodyStyle);
      return;
    }
    case 'item': {
      const follows = previous?.kind === 'item' && previous.marker.kind === block.marker.kind;
      if (previous && !follows) cursor.y -= 6;
      const x = block.marker.kind === 'none' ? margin.x : margin.x + indent;
      const marker = markerDrawer(block.marker, fonts, margin.x);
      if (hasBlank(block.text)) {
        drawFormRow(cursor, fonts, block.text, x, marker);
      } else {
        if (block.marker.kind === 'tick' && follows) cursor.y -= 5;
        drawWrapped(cursor, fonts, block.text, x, bodyStyle, marker);
      }
      return;
    }
  }
}

function drawFooters(doc: PDFDocument, fonts: Fonts, footer: string): void {
  const pages = doc.getPages();
  const size = 9;
  pages.forEach((page, i) => {
    const y = margin.bottom - 36;
    page.drawLine({ start: { x: margin.x, y: y + 14 }, end: { x: margin.x + contentWidth, y: y + 14 }, thickness: 0.5, color: muted });
    page.drawText(footer, { x: margin.x, y, size, font: fonts.regular, color: muted });
    const number = `Page ${i + 1} of ${pages.length}`;
    const width = fonts.regular.widthOfTextAtSize(number, size);
    page.drawText(number, { x: margin.x + contentWidth - width, y, size, font: fonts.regular, color: muted });
  });
}

// Not layout.ts's embedFonts: it lets pdf-lib add a random suffix to font names, and handouts are committed.
function embed(doc: PDFDocument, name: FontName, subsetName: string): Promise<PDFFont> {
  return doc.embedFont(fontBytes(name), { subset: true, customName: subsetName, features: { liga: false } });
}

/** The handout as PDF bytes; the same Markdown and options always give the same bytes. */
export async function renderMarkdownPdf(markdown: string, options: MarkdownPdfOptions): Promise<Uint8Array> {
  // No dates in the file, so a rebuild of unchanged sources changes nothing.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await embed(doc, 'sans', 'AAAAAA+DejaVuSans'),
    bold: await embed(doc, 'sans-bold', 'AAAAAB+DejaVuSans-Bold'),
  };
  const blocks = parseMarkdown(markdown);
  const cursor = new Cursor(doc);
  blocks.forEach((block, i) => drawBlock(cursor, fonts, block, blocks[i - 1]));
  drawFooters(doc, fonts, options.footer);

  const heading = blocks.find((block) => block.kind === 'title');
  const title = options.title ?? (heading ? parseInline(heading.text).map((run) => run.text).join('') : undefined);
  if (title) doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage('en-GB');
  return doc.save();
}
