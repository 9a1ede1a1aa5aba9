import type { SheetFonts } from '../../lib/toolkit/sheet-pdf';
import type { Sheet } from '../../lib/toolkit/sheets';

let fonts: Promise<SheetFonts> | undefined;

function loadFonts(): Promise<SheetFonts> {
  fonts ??= Promise.all([fontFile('/fonts/DejaVuSans.ttf'), fontFile('/fonts/DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({ regular, bold }));
  // A failed fetch is forgotten, so the next try fetches again.
  fonts.catch(() => (fonts = undefined));
  return fonts;
}

async function fontFile(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Makes the sheet's PDF here in the browser and saves it: the only requests are for the fonts and the PDF code,
 * which carry nothing about the patient. Both load on the first download, so the tools themselves stay small.
 */
export async function saveSheet(sheet: Sheet): Promise<void> {
  const [{ renderSheet }, loaded] = await Promise.all([import('../../lib/toolkit/sheet-pdf'), loadFonts()]);
  const bytes = await renderSheet(sheet, loaded, new Date());
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = sheet.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the address is freed a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
