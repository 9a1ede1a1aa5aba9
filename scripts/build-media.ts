/**
 * Makes narrated media from each content/courses/<course>/media/<name>.txt transcript (docs/authoring.md, "Media"):
 * <name>.mp3 when an audio step uses it, <name>.webm (narrated slides) when a video step does, and <name>.vtt
 * captions for both, timed to the narration. Needs Debian's espeak-ng and ffmpeg (with ffprobe).
 * Usage: tsx scripts/build-media.ts [--course best] [--only name] [--force]
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { parse as parseYaml } from 'yaml';
import { fontBytes } from '../src/lib/pdf/fonts';

const run = promisify(execFile);
const coursesDir = path.resolve('content/courses');

type Kind = 'audio' | 'video';
const extensions: Record<Kind, string> = { audio: '.mp3', video: '.webm' };

/** How a transcript is used: as audio, video or both, and the title of the first step that shows it. */
interface Use {
  kinds: Set<Kind>;
  title: string;
}

/** A transcript sentence and where it is heard in the narration, in seconds. */
interface Cue {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

interface Narration {
  cues: Cue[];
  duration: number;
  /** An ffmpeg concat list of the sentence recordings and the pauses between them. */
  listFile: string;
}

const voice = ['-v', 'en-gb', '-s', '160', '-p', '40'];
const pauses = { lead: 0.6, sentence: 0.45, paragraph: 1.0, tail: 1.2 };
const sampleRate = 22050;
const videoBudget = 1.5 * 1024 * 1024;

const slide = {
  width: 854,
  height: 480,
  fps: 2,
  band: 64,
  textTop: 64,
  // Leaves the lower part of the frame clear, where the player shows captions.
  textHeight: 320,
  marginX: 56,
  background: '0xF4F1EA',
  accent: '0x12547F',
  ink: '0x1C242B',
  sizes: [30, 27, 24, 21],
};

// espeak-ng spells out mixed-case names letter by letter; the captions keep the written form.
const pronunciations: [RegExp, string][] = [
  [/\biBeST\b/g, 'eye Best'],
  [/\bBeST\b/g, 'Best'],
  [/(\d)\s*[-–]\s*(\d)/g, '$1 to $2'],
];

const abbreviations = /\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|etc|e\.g|i\.e|cf|approx)\.$/i;

/** Sentences of a paragraph: a break after . ! or ? (and any closing quote) before a capital, not after Dr. and the like. */
function sentencesOf(paragraph: string): string[] {
  const sentences: string[] = [];
  let current = '';
  for (const piece of paragraph.split(/(?<=[.!?]['"’”)]?)\s+(?=['"‘“(]?[A-Z0-9])/)) {
    current = current ? `${current} ${piece}` : piece;
    if (!abbreviations.test(current)) {
      sentences.push(current);
      current = '';
    }
  }
  if (current) sentences.push(current);
  return sentences;
}

function frontmatterOf(source: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const data: unknown = match ? parseYaml(match[1]!) : undefined;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function addUse(uses: Map<string, Use>, name: string, kind: Kind, title: string): void {
  const use = uses.get(name) ?? { kinds: new Set<Kind>(), title };
  use.kinds.add(kind);
  uses.set(name, use);
}

/** Which transcripts the course's steps use, from `type`/`media` in frontmatter and <Video>/<Audio> in bodies. */
async function findUses(courseDir: string): Promise<Map<string, Use>> {
  const uses = new Map<string, Use>();
  const weeks = (await readdir(courseDir)).filter((dir) => /^week-\d+$/.test(dir));
  weeks.sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  for (const week of weeks) {
    for (const file of (await readdir(path.join(courseDir, week))).filter((f) => f.endsWith('.mdx')).sort()) {
      const source = await readFile(path.join(courseDir, week, file), 'utf8');
      let data: Record<string, unknown>;
      try {
        data = frontmatterOf(source);
      } catch {
        console.warn(`warning: ${week}/${file}: frontmatter is not valid YAML; its media are not counted`);
        continue;
      }
      const title = typeof data.title === 'string' ? data.title : file;
      if ((data.type === 'video' || data.type === 'audio') && typeof data.media === 'string') {
        addUse(uses, data.media, data.type, title);
      }
      for (const match of source.matchAll(/<(Video|Audio)\s+name=["']([^"']+)["']/g)) {
        addUse(uses, match[2]!, match[1] === 'Video' ? 'video' : 'audio', title);
      }
    }
  }
  return uses;
}

/** Runs fn over items with at most `limit` at a time, keeping the order of the results. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function durationOf(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file]);
  return Number.parseFloat(stdout);
}

async function speak(text: string, file: string): Promise<void> {
  const spoken = pronunciations.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), text);
  await new Promise<void>((resolve, reject) => {
    const child = execFile('espeak-ng', [...voice, '-w', file, '--stdin'], (error) => (error ? reject(error) : resolve()));
    child.stdin?.end(spoken);
  });
}

async function silence(seconds: number, file: string): Promise<void> {
  const source = `anullsrc=r=${sampleRate}:cl=mono`;
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-t', String(seconds), '-c:a', 'pcm_s16le', file]);
}

/** Speaks every sentence, then lays the recordings and pauses end to end, timing each sentence by its measured length. */
async function narrate(paragraphs: string[][], work: string): Promise<Narration> {
  const sentences = paragraphs.flatMap((sentences, paragraph) => sentences.map((text) => ({ text, paragraph })));
  const durations = await mapLimit(sentences, availableParallelism(), async ({ text }, i) => {
    const file = path.join(work, `sentence-${i}.wav`);
    await speak(text, file);
    return durationOf(file);
  });
  const gaps = Object.fromEntries(
    await Promise.all(
      Object.entries(pauses).map(async ([name, seconds]) => {
        const file = path.join(work, `pause-${name}.wav`);
        await silence(seconds, file);
        return [name, { file, seconds: await durationOf(file) }] as const;
      }),
    ),
  ) as Record<keyof typeof pauses, { file: string; seconds: number }>;

  const list = [gaps.lead.file];
  let time = gaps.lead.seconds;
  const cues = sentences.map((sentence, i) => {
    const cue = { ...sentence, start: time, end: time + durations[i]! };
    const next = sentences[i + 1];
    const gap = !next ? gaps.tail : next.paragraph === sentence.paragraph ? gaps.sentence : gaps.paragraph;
    list.push(path.join(work, `sentence-${i}.wav`), gap.file);
    time = cue.end + gap.seconds;
    return cue;
  });
  const listFile = path.join(work, 'narration.txt');
  await writeFile(listFile, list.map((file) => `file '${file}'\n`).join(''));
  return { cues, duration: time, listFile };
}

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

function webVtt(cues: Cue[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks = cues.map((cue, i) => `${i + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${escape(cue.text)}\n`);
  return `WEBVTT\n\n${blocks.join('\n')}`;
}

// Without these ffmpeg stamps its version and a random id into the file, so an unchanged transcript would give new bytes.
const bitexact = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

async function encodeAudio(narration: Narration, output: string): Promise<void> {
  await run('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', narration.listFile],
    ...bitexact,
    ...['-c:a', 'libmp3lame', '-b:a', '32k', '-ac', '1', '-ar', String(sampleRate), output],
  ]);
}

interface Slide {
  lines: string[];
  size: number;
  start: number;
  end: number;
}

type SlideFont = 'sans' | 'sans-bold';
const parsedFonts = new Map<SlideFont, Font>();

/** The width in pixels that drawtext will give the text, from the same font's metrics. */
function textWidth(text: string, size: number, name: SlideFont = 'sans'): number {
  let font = parsedFonts.get(name);
  if (!font) {
    font = fontkit.create(fontBytes(name));
    parsedFonts.set(name, font);
  }
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

function wrap(text: string, size: number): string[] {
  const maxWidth = slide.width - 2 * slide.marginX;
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const lineHeight = (size: number) => Math.round(size * 1.6);

/** The text wrapped at the largest size whose lines fit the slide, or undefined when none does. */
function fit(text: string): { lines: string[]; size: number } | undefined {
  for (const size of slide.sizes) {
    const lines = wrap(text, size);
    if (lines.length * lineHeight(size) <= slide.textHeight) return { lines, size };
  }
  return undefined;
}

const joinText = (cues: Cue[]) => cues.map((c) => c.text).join(' ');

/** Splits a paragraph's sentences into k runs of about equal length (fewer when one sentence is long). */
function partition(cues: Cue[], k: number): Cue[][] {
  const total = cues.reduce((sum, c) => sum + c.text.length, 0);
  const groups: Cue[][] = Array.from({ length: k }, () => []);
  let before = 0;
  for (const cue of cues) {
    groups[Math.min(k - 1, Math.floor(((before + cue.text.length / 2) / total) * k))]!.push(cue);
    before += cue.text.length;
  }
  return groups.filter((group) => group.length > 0);
}

/** The fewest slides, balanced in length, whose text fits at the largest size; a single long sentence may be smaller. */
function groupParagraph(cues: Cue[]): Cue[][] {
  for (let k = 1; k < cues.length; k++) {
    const groups = partition(cues, k);
    if (groups.every((group) => group.length === 1 || fit(joinText(group))?.size === slide.sizes[0])) return groups;
  }
  return cues.map((cue) => [cue]);
}

/** Slides for the narration: each paragraph's sentences in groups, each slide showing until the next begins. */
function slidesOf(cues: Cue[], duration: number): Slide[] {
  const paragraphs: Cue[][] = [];
  for (const cue of cues) (paragraphs[cue.paragraph] ??= []).push(cue);
  const groups = paragraphs.filter(Boolean).flatMap(groupParagraph);
  return groups.map((group, i) => {
    const text = joinText(group);
    const smallest = slide.sizes.at(-1)!;
    const fitted = fit(text) ?? { lines: wrap(text, smallest), size: smallest };
    const start = i === 0 ? 0 : groups[i - 1]!.at(-1)!.end;
    const end = i === groups.length - 1 ? duration : group.at(-1)!.end;
    return { ...fitted, start, end };
  });
}

/** The drawtext filters for the slides; text is read from files so it needs no escaping, and `%` stays literal. */
async function slideFilters(slides: Slide[], title: string, work: string): Promise<string> {
  const titleSize = Math.min(24, Math.floor((24 * (slide.width - 2 * 40)) / textWidth(title, 24, 'sans-bold')));
  await writeFile(path.join(work, 'title.txt'), title);
  const filters = [
    `drawbox=x=0:y=0:w=iw:h=${slide.band}:color=${slide.accent}:t=fill`,
    `drawtext=fontfile=sans-bold.ttf:textfile=title.txt:expansion=none:fontcolor=white:fontsize=${titleSize}:x=40:y=(${slide.band}-ascent+descent)/2`,
  ];
  for (const [i, s] of slides.entries()) {
    await writeFile(path.join(work, `slide-${i}.txt`), s.lines.join('\n'));
    filters.push(
      `drawtext=fontfile=sans.ttf:textfile=slide-${i}.txt:expansion=none:fontcolor=${slide.ink}:fontsize=${s.size}` +
        `:line_spacing=${lineHeight(s.size) - s.size}:x=${slide.marginX}:y=${slide.textTop}+(${slide.textHeight}-text_h)/2` +
        `:enable='gte(t,${s.start.toFixed(3)})*lt(t,${s.end.toFixed(3)})'`,
    );
  }
  return `[0:v]${filters.join(',\n')}[v]`;
}

async function encodeVideo(narration: Narration, title: string, work: string, output: string): Promise<void> {
  await writeFile(path.join(work, 'sans.ttf'), fontBytes('sans'));
  await writeFile(path.join(work, 'sans-bold.ttf'), fontBytes('sans-bold'));
  const slides = slidesOf(narration.cues, narration.duration);
  await writeFile(path.join(work, 'slides.txt'), await slideFilters(slides, title, work));
  const background = `color=c=${slide.background}:s=${slide.width}x${slide.height}:r=${slide.fps}:d=${narration.duration.toFixed(3)}`;
  // Run inside the work folder so the filter names its files without paths, which drawtext would need escaped.
  // A key frame only where the slide changes, and the "good" deadline rather than "realtime": a still slide then costs
  // a few bytes a frame instead of hundreds, and 2 fps is still quick to encode.
  await run(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', background, '-f', 'concat', '-safe', '0', '-i', narration.listFile],
      ...['-filter_complex_script', 'slides.txt', '-map', '[v]', '-map', '1:a', ...bitexact],
      ...['-c:v', 'libvpx-vp9', '-deadline', 'good', '-cpu-used', '4', '-row-mt', '1', '-crf', '40', '-b:v', '0'],
      ...['-g', '9999', '-force_key_frames', slides.map((s) => s.start.toFixed(3)).join(',')],
      ...['-pix_fmt', 'yuv420p', '-c:a', 'libopus', '-b:a', '20k', '-ac', '1', '-ar', '48000', '-application', 'voip', output],
    ],
    { cwd: work },
  );
}

async function isFresh(transcript: string, outputs: string[]): Promise<boolean> {
  const source = (await stat(transcript)).mtimeMs;
  for (const output of outputs) {
    if (!existsSync(output) || (await stat(output)).mtimeMs <= source) return false;
  }
  return true;
}

/** Moves a finished file into place in one step, so the site never serves half a file. */
async function publish(from: string, to: string): Promise<void> {
  await copyFile(from, `${to}.partial`);
  await rename(`${to}.partial`, to);
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

async function buildItem(mediaDir: string, name: string, use: Use): Promise<void> {
  const started = performance.now();
  const transcript = await readFile(path.join(mediaDir, `${name}.txt`), 'utf8');
  const paragraphs = transcript
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(sentencesOf);
  const work = await mkdtemp(path.join(tmpdir(), `build-media-${name}-`));
  try {
    const narration = await narrate(paragraphs, work);
    const outputs: string[] = [];
    for (const kind of [...use.kinds].sort()) {
      const file = path.join(work, `${name}${extensions[kind]}`);
      if (kind === 'audio') await encodeAudio(narration, file);
      else await encodeVideo(narration, use.title, work, file);
      await publish(file, path.join(mediaDir, `${name}${extensions[kind]}`));
      const size = (await stat(file)).size;
      if (kind === 'video' && size > videoBudget) console.warn(`warning: ${name}.webm is ${kilobytes(size)}, over the 1.5 MB budget`);
      outputs.push(`${extensions[kind].slice(1)} ${kilobytes(size)}`);
    }
    const vtt = path.join(mediaDir, `${name}.vtt`);
    await writeFile(`${vtt}.partial`, webVtt(narration.cues));
    await rename(`${vtt}.partial`, vtt);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${name}: ${clock(narration.duration)}, ${narration.cues.length} captions, ${outputs.join(', ')} (${seconds} s)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function buildCourse(course: string, only: string | undefined, force: boolean): Promise<void> {
  const courseDir = path.join(coursesDir, course);
  const mediaDir = path.join(courseDir, 'media');
  if (!existsSync(mediaDir)) return;
  const uses = await findUses(courseDir);
  const names = (await readdir(mediaDir)).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  for (const name of names.filter((n) => !only || n === only)) {
    const use = uses.get(name);
    if (!use) {
      console.warn(`warning: ${course}/media/${name}.txt is not used by any video or audio step yet; skipped`);
      continue;
    }
    const outputs = [...use.kinds].map((kind) => path.join(mediaDir, `${name}${extensions[kind]}`));
    if (!force && (await isFresh(path.join(mediaDir, `${name}.txt`), [...outputs, path.join(mediaDir, `${name}.vtt`)]))) {
      console.log(`${name}: up to date`);
      continue;
    }
    await buildItem(mediaDir, name, use);
  }
}

async function totalSize(courses: string[]): Promise<number> {
  let total = 0;
  for (const course of courses) {
    const mediaDir = path.join(coursesDir, course, 'media');
    if (!existsSync(mediaDir)) continue;
    for (const file of (await readdir(mediaDir)).filter((f) => /\.(mp3|webm|vtt)$/.test(f))) {
      total += (await stat(path.join(mediaDir, file))).size;
    }
  }
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { course: { type: 'string' }, only: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const courses = values.course
    ? [values.course]
    : (await readdir(coursesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const started = performance.now();
  for (const course of courses) await buildCourse(course, values.only, values.force);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Media total: ${((await totalSize(courses)) / 1024 / 1024).toFixed(2)} MB (${seconds} s)`);
}

await main();
