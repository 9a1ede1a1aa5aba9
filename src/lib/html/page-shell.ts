/**
 * A page that is the same for everyone but for a few parts is rendered by Astro once with a marker in each of
 * those slots, kept as a shell, and filled per request with the viewer's parts: by src/middleware.ts after Astro
 * renders it, and by a fast lane without Astro once it is kept. The step page (src/lib/courses/step-shell.ts) and
 * the Progress page (src/lib/progress/progress-shell.ts) are made this way.
 */
import { Html } from './html';

export type ShellParts<Slot extends string> = Record<Slot, Html>;

/** Learners' text and course content are escaped, so no one can write a marker into a page. */
const markerOf = (slot: string) => `<!--best-cpd-slot:${slot}-->`;
const markerPattern = /<!--best-cpd-slot:([a-z]+)-->/g;

export function slotMarkers<Slot extends string>(slots: readonly Slot[]): ShellParts<Slot> {
  return Object.fromEntries(slots.map((slot) => [slot, new Html(markerOf(slot))])) as ShellParts<Slot>;
}

export interface PageShell {
  /** The page's text around the slots: one more piece than there are slots. */
  pieces: string[];
  slots: string[];
  /** The page's Content-Security-Policy, which carries the hashes of its scripts and styles. */
  csp: string;
}

/** Splits a page rendered with markers into its pieces; null if one of `slots` is missing or a marker is unknown. */
export function parseShell(page: string, csp: string, slots: readonly string[]): PageShell | null {
  const pieces: string[] = [];
  const found: string[] = [];
  let last = 0;
  for (const match of page.matchAll(markerPattern)) {
    const slot = match[1]!;
    if (!slots.includes(slot)) return null;
    pieces.push(page.slice(last, match.index));
    found.push(slot);
    last = match.index + match[0].length;
  }
  pieces.push(page.slice(last));
  return slots.every((slot) => found.includes(slot)) ? { pieces, slots: found, csp } : null;
}

export function fillShell(shell: PageShell, parts: Readonly<Record<string, Html>>): string {
  let out = shell.pieces[0]!;
  for (let i = 0; i < shell.slots.length; i++) out += parts[shell.slots[i]!]!.value + shell.pieces[i + 1]!;
  return out;
}

// One shell a key (a step, a course's Progress page). A production server loads its courses once, so a shell never
// goes stale; under `npm run dev` every page is rendered by Astro, and each render replaces its shell.
const kept = new Map<string, PageShell>();

export function keptShell(key: string): PageShell | undefined {
  return kept.get(key);
}

export function keepShell(key: string, shell: PageShell): void {
  kept.set(key, shell);
}

/** What a page that rendered its shell leaves for src/middleware.ts: where to keep it, and this viewer's parts. */
export interface RenderedShell {
  key: string;
  slots: readonly string[];
  parts: Readonly<Record<string, Html>>;
}
