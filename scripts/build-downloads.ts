/**
 * Makes downloads/<name>.pdf from each downloads/<name>.md of every course (see docs/authoring.md).
 * Usage: tsx scripts/build-downloads.ts
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { missingCharacters } from '../src/lib/pdf/layout';
import { renderMarkdownPdf } from '../src/lib/pdf/markdown-pdf';

const coursesDir = path.resolve('content/courses');

/** The short name printed in handout footers; other courses fall back to their title. */
const shortNames: Record<string, string> = { best: 'BeST programme' };

async function footerFor(course: string): Promise<string> {
  const known = shortNames[course];
  if (known) return known;
  const data = parse(await readFile(path.join(coursesDir, course, 'course.yaml'), 'utf8')) as { title?: string };
  return data.title ?? course;
}

async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
  return existsSync(file) && Buffer.compare(await readFile(file), bytes) === 0;
}

async function buildCourse(course: string): Promise<number> {
  const dir = path.join(coursesDir, course, 'downloads');
  if (!existsSync(dir)) return 0;
  const footer = await footerFor(course);
  let total = 0;
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()) {
    const started = performance.now();
    const markdown = await readFile(path.join(dir, name), 'utf8');
    const missing = missingCharacters(markdown, ['sans', 'sans-bold']);
    if (missing.length > 0) console.warn(`warning: ${course}/downloads/${name}: the font cannot draw ${missing.join(' ')}`);
    const bytes = await renderMarkdownPdf(markdown, { footer });
    const target = path.join(dir, name.replace(/\.md$/, '.pdf'));
    // Rewriting identical bytes would only churn file times and version control.
    const unchanged = await sameBytes(target, bytes);
    if (!unchanged) await writeFile(target, bytes);
    const ms = Math.round(performance.now() - started);
    console.log(`${path.relative(process.cwd(), target)}  ${(bytes.length / 1024).toFixed(1)} KB  ${ms} ms${unchanged ? '  (unchanged)' : ''}`);
    total += bytes.length;
  }
  return total;
}

const courses = (await readdir(coursesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
let total = 0;
for (const course of courses) total += await buildCourse(course);
console.log(`Total: ${(total / 1024).toFixed(1)} KB`);
