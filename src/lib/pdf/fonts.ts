import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The open-licence fonts (DejaVu, see fonts/LICENSE-DejaVu.txt) every PDF we make embeds as a subset. */
export type FontName = 'sans' | 'sans-bold' | 'serif' | 'serif-bold';

const files: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
};

// Resolved from the project root, not from this module: the built server bundles code into dist/ but not fonts.
const fontDir = () => path.join(process.env.APP_ROOT ?? process.cwd(), 'src/lib/pdf/fonts');

const cache = new Map<FontName, Uint8Array>();

/** The font file's bytes, read once per process. */
export function fontBytes(name: FontName): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(path.join(fontDir(), files[name])));
    cache.set(name, bytes);
  }
  return bytes;
}
