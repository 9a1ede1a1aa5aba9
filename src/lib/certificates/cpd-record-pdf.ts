import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { clean, embedFonts, fitFontSize, formatCpdHours, formatLongDate, setDocumentInfo, textWidth, wrapText, type TextStyle } from '../pdf/layout.js';

export interface Reflection {
  learned: string;
  apply: string;
  next: string;
}

export interface CpdRecordWeek {
  title: string;
  /** null while the week is in progress. */
  completedOn: Date | null;
  reflection?: Reflection;
}

export interface CpdRecordPdfData {
  learnerName: string;
  profession?: string;
  courseTitle: string;
  provider: string;
  cpdHours: number;
  approvalStatement: string;
  joinedOn: Date;
  /** In course order: the first is week 1. */
  weeks: CpdRecordWeek[];
  generatedAt: Date;
}

const [WIDTH, HEIGHT] = PageSizes.A4;
const LEFT = 64;
const RIGHT = WIDTH - 64;
const TOP = HEIGHT - 68;
const FOOT = 76;
const LABEL_WIDTH = 108;

const INK = rgb(0.13, 0.15, 0.18);
const MUTED = rgb(0.36, 0.38, 0.42);
const ACCENT = rgb(0.06, 0.3, 0.38);

const REFLECTION_PARTS: [keyof Reflection, string][] = [
  ['learned', 'What I learned'],
  ['apply', 'How I will apply it in practice'],
  ['next', 'What I will do next'],
];

/** Text flowing down A4 portrait pages, starting a new page whenever the next line would enter the footer. */
class Flow {
  page!: PDFPage;
  y = 0;

  constructor(private readonly doc: PDFDocument) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([WIDTH, HEIGHT]);
    this.y = TOP;
  }

  /** Moves to a new page unless height fits above the footer. */
  keep(height: number): void {
    if (this.y - height < FOOT) this.newPage();
  }

  /** Wrapped text; a new line of the text may start a new page. */
  text(text: string, style: TextStyle, options: { x?: number; lineHeight?: number } = {}): void {
    const x = options.x ?? LEFT;
    const lineHeight = options.lineHeight ?? style.size * 1.4;
    for (const line of wrapText(text, style.font, style.size, RIGHT - x)) {
      this.keep(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x, y: this.y, ...style });
    }
  }

  gap(height: number): void {
    this.y -= height;
  }
}

/** The learner's CPD record: the course, its CPD value, and each week's completion and reflection. */
export async function renderCpdRecordPdf(data: CpdRecordPdfData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { serif: regular, 'serif-bold': bold } = await embedFonts(doc, ['serif', 'serif-bold'] as const);
  const flow = new Flow(doc);

  flow.text('CPD record', { font: bold, size: 22, color: ACCENT }, { lineHeight: 22 });
  flow.gap(8);
  flow.text(data.courseTitle, { font: bold, size: 14, color: INK }, { lineHeight: 19 });
  flow.gap(12);
  flow.page.drawLine({ start: { x: LEFT, y: flow.y }, end: { x: RIGHT, y: flow.y }, thickness: 0.75, color: ACCENT });
  flow.gap(6);

  const details: [string, string | undefined][] = [
    ['Learner', data.learnerName],
    ['Profession', data.profession],
    ['Provider', data.provider],
    ['CPD hours', formatCpdHours(data.cpdHours)],
    ['CPD approval', data.approvalStatement],
    ['Joined on', formatLongDate(data.joinedOn)],
  ];
  for (const [label, value] of details) {
    if (!value) continue;
    flow.gap(4);
    flow.keep(15);
    flow.page.drawText(label, { x: LEFT, y: flow.y - 15, font: bold, size: 9.5, color: MUTED });
    flow.text(value, { font: regular, size: 10.5, color: INK }, { x: LEFT + LABEL_WIDTH, lineHeight: 15 });
  }

  for (const [index, week] of data.weeks.entries()) drawWeek(flow, { regular, bold }, index + 1, week);

  drawFooters(doc, regular, data);
  setDocumentInfo(doc, {
    title: `CPD record – ${data.courseTitle}`,
    author: data.learnerName,
    subject: `CPD record and reflections: ${data.courseTitle}`,
    createdAt: data.generatedAt,
  });
  return doc.save();
}

function drawWeek(flow: Flow, { regular, bold }: { regular: PDFFont; bold: PDFFont }, number: number, week: CpdRecordWeek): void {
  flow.gap(22);
  // A week's heading never sits alone at the foot of a page.
  flow.keep(18 + 14 + 16 + 2 * 15);
  flow.text(`Week ${number}: ${week.title}`, { font: bold, size: 13, color: INK }, { lineHeight: 18 });
  const status = week.completedOn ? `Completed on ${formatLongDate(week.completedOn)}` : 'In progress';
  flow.text(status, { font: regular, size: 9.5, color: MUTED }, { lineHeight: 14 });

  if (!week.reflection) {
    flow.gap(4);
    flow.text('No reflection written yet.', { font: regular, size: 10.5, color: MUTED });
    return;
  }
  for (const [part, heading] of REFLECTION_PARTS) {
    flow.gap(6);
    flow.keep(16 + 2 * 15);
    flow.text(heading, { font: bold, size: 10, color: ACCENT }, { lineHeight: 16 });
    const paragraphs = week.reflection[part].split(/\r\n?|\n/).map((p) => p.trim());
    if (paragraphs.every((p) => p === '')) {
      flow.text('Not written.', { font: regular, size: 10.5, color: MUTED }, { lineHeight: 15 });
      continue;
    }
    for (const paragraph of paragraphs) {
      if (paragraph === '') flow.gap(6);
      else flow.text(paragraph, { font: regular, size: 10.5, color: INK }, { lineHeight: 15 });
    }
  }
}

/** Page numbers need the page count, so footers go on once everything else has been laid out. */
function drawFooters(doc: PDFDocument, font: PDFFont, data: CpdRecordPdfData): void {
  const pages = doc.getPages();
  const left = clean(`CPD record of ${data.learnerName} · generated on ${formatLongDate(data.generatedAt)}`);
  for (const [index, page] of pages.entries()) {
    const y = 44;
    page.drawLine({ start: { x: LEFT, y: y + 14 }, end: { x: RIGHT, y: y + 14 }, thickness: 0.5, color: MUTED });
    const number = `Page ${index + 1} of ${pages.length}`;
    const numberWidth = textWidth(number, font, 8.5);
    const leftSize = fitFontSize(left, font, 8.5, RIGHT - LEFT - numberWidth - 24);
    page.drawText(left, { x: LEFT, y, font, size: leftSize, color: MUTED });
    page.drawText(number, { x: RIGHT - numberWidth, y, font, size: 8.5, color: MUTED });
  }
}
