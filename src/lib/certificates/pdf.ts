import {
  PDFDocument,
  PDFString,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { clean, drawCentred, embedFonts, fitFontSize, formatCpdHours, formatLongDate, missingCharacters, setDocumentInfo, textWidth, wrapText } from '../pdf/layout.js';
import { formatCertificateNumber } from './number.js';

export interface CertificatePdfData {
  /** Canonical form, as stored. */
  number: string;
  learnerName: string;
  courseTitle: string;
  provider: string;
  cpdHours: number;
  approvalStatement: string;
  completedOn: Date;
  outcomes: string[];
  leadEducator: { name?: string; role: string };
  /** Absolute and ASCII, as URL.href writes it: it is also the link's URI and the QR code's content. */
  verifyUrl: string;
  issuedAt: Date;
}

const FONTS = ['serif', 'serif-bold'] as const;

/** The characters of text that the certificate's fonts cannot draw: a name with any of these would not print. */
export function missingGlyphs(text: string): string[] {
  return missingCharacters(text, FONTS);
}

const WIDTH = 841.89;
const HEIGHT = 595.28;
const CENTRE = WIDTH / 2;
const SIDE = 72;
const TEXT_WIDTH = 620;
const BOTTOM = 58;
const QR_SIZE = 76;

const INK = rgb(0.13, 0.15, 0.18);
const MUTED = rgb(0.36, 0.38, 0.42);
const ACCENT = rgb(0.06, 0.3, 0.38);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** The certificate of achievement: one A4 landscape page. */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const embedded = await embedFonts(doc, FONTS);
  const fonts = { regular: embedded.serif, bold: embedded['serif-bold'] };
  const page = doc.addPage([WIDTH, HEIGHT]);
  const formattedNumber = formatCertificateNumber(data.number);

  drawFrame(page);
  const outcomesTop = drawStatement(page, fonts, data);
  drawOutcomes(page, fonts, data.outcomes, outcomesTop, BOTTOM + QR_SIZE + 24);
  drawEducator(page, fonts, data.leadEducator);
  drawVerification(doc, page, fonts, formattedNumber, data.verifyUrl);

  setDocumentInfo(doc, {
    title: `Certificate of Achievement – ${data.courseTitle}`,
    author: data.provider,
    subject: `CPD certificate ${formattedNumber}`,
    createdAt: data.issuedAt,
  });
  return doc.save();
}

function drawFrame(page: PDFPage): void {
  const frame = (inset: number, thickness: number) =>
    page.drawRectangle({
      x: inset,
      y: inset,
      width: WIDTH - 2 * inset,
      height: HEIGHT - 2 * inset,
      borderColor: ACCENT,
      borderWidth: thickness,
    });
  frame(24, 1.5);
  frame(30, 0.5);
}

/** Heading down to the completion date; returns the y below which the page is free. */
function drawStatement(page: PDFPage, { regular, bold }: Fonts, data: CertificatePdfData): number {
  let y = HEIGHT - 90;
  drawCentred(page, 'Certificate of Achievement', CENTRE, y, { font: bold, size: 30, color: ACCENT });
  y -= 16;
  page.drawLine({ start: { x: CENTRE - 36, y }, end: { x: CENTRE + 36, y }, thickness: 1, color: ACCENT });

  y -= 30;
  drawCentred(page, 'This is to certify that', CENTRE, y, { font: regular, size: 12, color: MUTED });
  const nameSize = fitFontSize(data.learnerName, bold, 32, TEXT_WIDTH);
  // A name shrunk to fit rises a little so that it stays centred in its band rather than sinking to the foot.
  const rise = 0.35 * (32 - nameSize);
  y -= 42 - rise;
  drawCentred(page, data.learnerName, CENTRE, y, { font: bold, size: nameSize, color: INK });
  y -= 30 + rise;
  drawCentred(page, 'has completed', CENTRE, y, { font: regular, size: 12, color: MUTED });

  y -= 6;
  for (const line of wrapText(data.courseTitle, bold, 17, TEXT_WIDTH)) {
    y -= 22;
    drawCentred(page, line, CENTRE, y, { font: bold, size: 17, color: INK });
  }
  y -= 21;
  drawCentred(page, `provided by ${data.provider}`, CENTRE, y, { font: regular, size: 12, color: INK });

  y -= 28;
  drawCentred(page, formatCpdHours(data.cpdHours), CENTRE, y, { font: bold, size: 13, color: ACCENT });
  y -= 3;
  for (const line of wrapText(data.approvalStatement, regular, 9.5, TEXT_WIDTH)) {
    y -= 13;
    drawCentred(page, line, CENTRE, y, { font: regular, size: 9.5, color: MUTED });
  }
  y -= 20;
  drawCentred(page, `Completed on ${formatLongDate(data.completedOn)}`, CENTRE, y, { font: regular, size: 12, color: INK });
  return y - 14;
}

const OUTCOMES_WIDTH = 500;
const BULLET_INDENT = 11;

interface PlacedLine {
  text: string;
  y: number;
  bullet: boolean;
}

/**
 * The outcomes as a bulleted block, centred as a whole, between top and bottom: the type shrinks until they
 * fit, and only an improbably long list is cut short (with an ellipsis) rather than overprint what is below.
 */
function drawOutcomes(page: PDFPage, { regular, bold }: Fonts, outcomes: string[], top: number, bottom: number): void {
  let size = 9;
  let placed = placeOutcomes(outcomes, regular, size, top);
  while (placed.length > 0 && placed.at(-1)!.y < bottom && size > 6) {
    size -= 0.5;
    placed = placeOutcomes(outcomes, regular, size, top);
  }
  const visible = placed.filter((line) => line.y >= bottom);
  if (visible.length === 0) return;
  if (visible.length < placed.length) visible.at(-1)!.text += ' …';

  drawCentred(page, 'Learning outcomes', CENTRE, top - 9, { font: bold, size: 9, color: ACCENT });
  const blockWidth = BULLET_INDENT + Math.max(...visible.map((line) => textWidth(line.text, regular, size)));
  const left = CENTRE - blockWidth / 2;
  for (const { text, y, bullet } of visible) {
    if (bullet) page.drawText('•', { x: left, y, font: regular, size, color: ACCENT });
    page.drawText(text, { x: left + BULLET_INDENT, y, font: regular, size, color: INK });
  }
}

function placeOutcomes(outcomes: string[], font: PDFFont, size: number, top: number): PlacedLine[] {
  const lines: PlacedLine[] = [];
  let y = top - 15;
  for (const outcome of outcomes) {
    for (const [i, text] of wrapText(outcome, font, size, OUTCOMES_WIDTH - BULLET_INDENT).entries()) {
      y -= size * 1.4;
      lines.push({ text, y, bullet: i === 0 });
    }
    y -= size * 0.35;
  }
  return lines;
}

function drawEducator(page: PDFPage, { regular, bold }: Fonts, educator: CertificatePdfData['leadEducator']): void {
  const x = SIDE + 14;
  let y = BOTTOM + 46;
  page.drawLine({ start: { x, y }, end: { x: x + 190, y }, thickness: 0.75, color: MUTED });
  if (educator.name) {
    y -= 16;
    page.drawText(clean(educator.name), { x, y, font: bold, size: 11, color: INK });
  }
  y -= 15;
  page.drawText(clean(educator.role), { x, y, font: regular, size: 10, color: MUTED });
}

/** The number, the QR code and the verify address at the bottom right, all one link to the verify page. */
function drawVerification(doc: PDFDocument, page: PDFPage, { regular, bold }: Fonts, formattedNumber: string, verifyUrl: string): void {
  const qrX = WIDTH - SIDE - 14 - QR_SIZE;
  drawQrCode(page, verifyUrl, qrX, BOTTOM, QR_SIZE);

  const right = qrX - 14;
  const urlSize = fitFontSize(verifyUrl, regular, 8.5, 260);
  const lines = [
    { text: 'Certificate number', font: regular, size: 8, color: MUTED, y: BOTTOM + 62 },
    { text: formattedNumber, font: bold, size: 12, color: INK, y: BOTTOM + 46 },
    { text: 'Check it is genuine at', font: regular, size: 8, color: MUTED, y: BOTTOM + 22 },
    { text: verifyUrl, font: regular, size: urlSize, color: INK, y: BOTTOM + 9 },
  ];
  let left = right;
  for (const { text, y, ...style } of lines) {
    const width = textWidth(text, style.font, style.size);
    left = Math.min(left, right - width);
    page.drawText(text, { x: right - width, y, ...style });
  }

  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [left, BOTTOM, qrX + QR_SIZE, BOTTOM + QR_SIZE],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(verifyUrl.replace(/[\\()]/g, '\\$&')) },
    }),
  );
  page.node.addAnnot(link);
}

/**
 * The dark modules as vector squares (merged into one rectangle per horizontal run) filled as one path, which
 * keeps the code sharp at any zoom, leaves no hairline seams between rows, and costs a fraction of drawing each
 * square as its own shape.
 */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const module = size / modules.size;
  const at = (n: number) => Math.round(n * 100) / 100;
  const squares: PDFOperator[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      const left = at(x + start * module);
      const bottom = at(y + size - (row + 1) * module);
      squares.push(rectangle(left, bottom, at(x + col * module) - left, at(y + size - row * module) - bottom));
    }
  }
  page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...squares, fill(), popGraphicsState());
}
