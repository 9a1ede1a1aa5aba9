import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { fontBytes, type FontName } from './fonts.js';

const PLATFORM_NAME = 'BeST CPD';

const parsed = new Map<FontName, FontkitFont>();

// Parsing DejaVu costs far more than the rest of a PDF, so each font is parsed once per process.
function parsedFont(name: FontName): FontkitFont {
  let font = parsed.get(name);
  if (!font) {
    font = fontkit.create(fontBytes(name));
    parsed.set(name, font);
  }
  return font;
}

// pdf-lib draws each glyph at its advance width and ignores the positions fontkit's shaper works out, so shaping
// changes nothing on the page (text is composed to NFC first) yet took most of the time of a render: map
// characters straight to glyphs instead. This also keeps ligatures out, so extracted text reads as written.
function unshaped(font: FontkitFont): FontkitFont {
  return Object.create(font, { layout: { value: (text: string) => ({ glyphs: font.glyphsForString(text) }) } });
}

const unshapedByBytes = new Map<Uint8Array, FontkitFont>();

// pdf-lib asks fontkit to parse the font on every embed; hand it the parse made once instead. Documents can share
// a parsed font because fontkit reads its tables synchronously.
const cachingFontkit = {
  create: (bytes: Uint8Array) => unshapedByBytes.get(bytes) ?? fontkit.create(bytes),
};

/** Embeds the named fonts as subsets. */
export async function embedFonts<N extends FontName>(doc: PDFDocument, names: readonly N[]): Promise<Record<N, PDFFont>> {
  doc.registerFontkit(cachingFontkit);
  const fonts = {} as Record<N, PDFFont>;
  for (const name of names) {
    const bytes = fontBytes(name);
    if (!unshapedByBytes.has(bytes)) unshapedByBytes.set(bytes, unshaped(parsedFont(name)));
    fonts[name] = await doc.embedFont(bytes, { subset: true });
  }
  return fonts;
}

/** The characters that one or more of the named fonts cannot draw, each once, in order of appearance. */
export function missingCharacters(text: string, names: readonly FontName[]): string[] {
  const missing = new Set<string>();
  for (const char of clean(text)) {
    const codePoint = char.codePointAt(0)!;
    if (!names.every((name) => parsedFont(name).hasGlyphForCodePoint(codePoint))) missing.add(char);
  }
  return [...missing];
}

/** Text as it should be drawn: composed accents (so extracted text matches what was typed) and no control characters. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** The lines of text that fit within maxWidth, breaking at spaces, and inside a word only when it is wider than a line. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => textWidth(s, font, size);
  const space = width(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of clean(text).split(' ').filter(Boolean)) {
    for (const piece of splitWord(word, width, maxWidth)) {
      const pieceWidth = width(piece);
      if (line && lineWidth + space + pieceWidth <= maxWidth) {
        line += ' ' + piece;
        lineWidth += space + pieceWidth;
      } else {
        if (line) lines.push(line);
        line = piece;
        lineWidth = pieceWidth;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

function splitWord(word: string, width: (s: string) => number, maxWidth: number): string[] {
  if (width(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && width(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}

const widthsAtOne = new WeakMap<PDFFont, Map<string, number>>();

/** The width of one line of text, remembered per font at size 1: fitting text measures the same words at several sizes. */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let widths = widthsAtOne.get(font);
  if (!widths) {
    widths = new Map();
    widthsAtOne.set(font, widths);
  }
  let width = widths.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    widths.set(text, width);
  }
  return width * size;
}

/** The largest size up to maxSize at which text fits on one line of maxWidth. */
export function fitFontSize(text: string, font: PDFFont, maxSize: number, maxWidth: number): number {
  const widthAtOne = textWidth(clean(text), font, 1);
  return widthAtOne === 0 ? maxSize : Math.min(maxSize, maxWidth / widthAtOne);
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  color?: Color;
}

/** Draws one line centred on centreX. */
export function drawCentred(page: PDFPage, text: string, centreX: number, y: number, options: TextStyle): void {
  const line = clean(text);
  const x = centreX - textWidth(line, options.font, options.size) / 2;
  page.drawText(line, { x, y, ...options });
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "23 November 2026": the UTC calendar day, as a British reader writes it. */
export function formatLongDate(date: Date): string {
  return longDate.format(date);
}

/** "12 CPD hours", "1 CPD hour". */
export function formatCpdHours(hours: number): string {
  return `${hours} CPD ${hours === 1 ? 'hour' : 'hours'}`;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
}

/** Title, author, subject and dates, with the platform as creator and producer (pdf-lib would name itself). */
export function setDocumentInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(clean(info.title), { showInWindowTitleBar: true });
  doc.setAuthor(clean(info.author));
  doc.setSubject(clean(info.subject));
  doc.setCreator(PLATFORM_NAME);
  doc.setProducer(PLATFORM_NAME);
  doc.setCreationDate(info.createdAt);
  doc.setModificationDate(info.createdAt);
  doc.setLanguage('en-GB');
}
