/**
 * docs/security.md explains why Astro 5's unfixed 2026 advisories cannot be reached here: each needs a feature
 * this code does not use. These checks fail if one comes into use, so the explanation cannot go stale unnoticed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(astro|ts|tsx|mdx|mjs)$/.test(name) ? [{ file, text: readFileSync(file, 'utf8') }] : [];
  });
}

const code = [...sources('src'), ...sources('content'), { file: 'astro.config.mjs', text: readFileSync('astro.config.mjs', 'utf8') }];
const using = (pattern: RegExp) => code.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

describe('the Astro features that unfixed advisories need stay unused', () => {
  it('has no image optimisation (GHSA-26w7-cxv4-gfx2)', () => {
    expect(using(/astro:assets|<Image[\s>]|<Picture[\s>]|getImage\(/)).toEqual([]);
  });

  it('gives no island a named slot (CVE-2026-50146)', () => {
    expect(using(/\sslot=/)).toEqual([]);
  });

  it('prerenders no page, so no error page is fetched at run time (CVE-2026-54299)', () => {
    expect(using(/export\s+const\s+prerender\b|prerender\s*:\s*true/)).toEqual([]);
  });

  it('uses no view transitions and no server islands (GHSA-4g3v-8h47-v7g6, CVE-2025-64764)', () => {
    expect(using(/ClientRouter|ViewTransitions|transition:(animate|name|persist)|server:defer/)).toEqual([]);
  });
});
