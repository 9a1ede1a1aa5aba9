/**
 * The JavaScript a page makes the browser download, for the bench's budget (DESIGN.md: an article step ships
 * no framework JavaScript; a test or video step only its island). Sizes are gzip, as served over the wire.
 */
import { gzipSync } from 'node:zlib';

export interface ShippedJavaScript {
  name: string;
  path: string;
  /** The islands the page hydrates, by component file name. */
  islands: string[];
  /** Script files fetched, inline scripts not counted. */
  files: number;
  bytes: number;
  gzipBytes: number;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];

/** Module URLs a script imports, statically or dynamically, resolved against where it came from. */
function importsOf(code: string, from: URL): URL[] {
  const specifiers = [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+\.m?js)["']/g)].map((m) => m[1] ?? '');
  return specifiers.map((s) => new URL(s, from)).filter((url) => url.origin === from.origin);
}

/** Fetches a page and every script it would load (following imports), and adds up their sizes. */
export async function javaScriptShipped(origin: string, name: string, path: string, headers: Record<string, string>): Promise<ShippedJavaScript> {
  const page = await fetch(origin + path, { headers });
  if (!page.ok) throw new Error(`${path} answered ${page.status}`);
  const html = await page.text();
  const pageUrl = new URL(path, origin);
  const queue: URL[] = [];
  const inline: string[] = [];
  for (const [, tag = '', body = ''] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    const src = attribute(tag, 'src');
    if (src) queue.push(new URL(src, pageUrl));
    else if (!/type="application\/(?:ld\+)?json"/.test(tag)) inline.push(body);
  }
  const islands: string[] = [];
  for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/g)) {
    const component = attribute(tag, 'component-url');
    const renderer = attribute(tag, 'renderer-url');
    if (component) {
      queue.push(new URL(component, pageUrl));
      islands.push(component.split('/').at(-1)?.split('.')[0] ?? component);
    }
    if (renderer) queue.push(new URL(renderer, pageUrl));
  }
  for (const code of inline) queue.push(...importsOf(code, pageUrl));

  const seen = new Set<string>();
  let bytes = inline.reduce((sum, code) => sum + Buffer.byteLength(code), 0);
  let gzipBytes = inline.reduce((sum, code) => sum + gzipSync(code).length, 0);
  for (let url = queue.shift(); url; url = queue.shift()) {
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
    const code = Buffer.from(await response.arrayBuffer());
    bytes += code.length;
    gzipBytes += gzipSync(code).length;
    queue.push(...importsOf(code.toString('utf8'), url));
  }
  return { name, path, islands, files: seen.size, bytes, gzipBytes };
}
