import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { ZodError, ZodTypeAny } from 'astro/zod';
import { courseSchema, quizBankSchema, stepSchema, type QuizBank, type StepData } from '../courses/schema';

/** One thing wrong with a course, where an author can find it. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

interface Located<T> {
  file: string;
  data: T;
  /** Line of a field, by its dotted path; 1 when unknown. */
  lineOf: (fieldPath: (string | number)[]) => number;
}

const mediaOutputs = { video: ['webm', 'vtt'], audio: ['mp3', 'vtt'] } as const;

/** Parses YAML text with line numbers for each field. `offset` is added when the YAML sits inside another file. */
function readYaml(text: string, offset = 0) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (pos: number | undefined) => (pos === undefined ? 1 : lineCounter.linePos(pos).line + offset);
  const lineOf = (fieldPath: (string | number)[]): number => {
    for (let n = fieldPath.length; n >= 0; n--) {
      const node = doc.getIn(fieldPath.slice(0, n), true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return lineAt(node.range[0]);
      if (n === 0) break;
    }
    return 1 + offset;
  };
  const errors = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` }));
  return { value: doc.toJS() as unknown, errors, lineOf, isEmpty: !isMap(doc.contents) && !isSeq(doc.contents) };
}

function zodProblems(file: string, error: ZodError, lineOf: (p: (string | number)[]) => number): Problem[] {
  return error.issues.map((issue) => ({
    file,
    line: lineOf(issue.path),
    message: issue.path.length ? `"${issue.path.join('.')}" ${issue.message}` : issue.message,
  }));
}

function parseWith<T>(schema: ZodTypeAny, file: string, text: string, offset = 0): { located?: Located<T>; problems: Problem[] } {
  const yaml = readYaml(text, offset);
  if (yaml.errors.length) return { problems: yaml.errors.map((e) => ({ file, ...e })) };
  const parsed = schema.safeParse(yaml.value ?? {});
  if (!parsed.success) return { problems: zodProblems(file, parsed.error, yaml.lineOf) };
  return { located: { file, data: parsed.data as T, lineOf: yaml.lineOf }, problems: [] };
}

function list(dir: string, test: (name: string) => boolean): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(test).sort().map((n) => path.join(dir, n)) : [];
}

/** Line (1-based) in `text` of the character index `at`. */
const lineAtIndex = (text: string, at: number) => text.slice(0, at).split('\n').length;

/** Props of each use of a component in MDX text, with its line: enough for the checks, not a parser. */
function componentUses(text: string, name: string): { line: number; props: Record<string, string> }[] {
  const uses: { line: number; props: Record<string, string> }[] = [];
  for (const match of text.matchAll(new RegExp(`<${name}(\\s[^>]*?)?/?>`, 'g'))) {
    const props: Record<string, string> = {};
    for (const prop of (match[1] ?? '').matchAll(/([a-zA-Z]+)="([^"]*)"/g)) props[prop[1] as string] = prop[2] as string;
    uses.push({ line: lineAtIndex(text, match.index ?? 0), props });
  }
  return uses;
}

/** Checks one course folder: course.yaml, every step, every bank, and what they point to. */
export async function checkCourse(dir: string, rel: (file: string) => string = (f) => f): Promise<Problem[]> {
  const problems: Problem[] = [];
  const courseFile = path.join(dir, 'course.yaml');
  if (!existsSync(courseFile)) return [{ file: rel(courseFile), line: 1, message: 'course.yaml is missing' }];
  const courseText = readFileSync(courseFile, 'utf8');
  problems.push(...parseWith(courseSchema, rel(courseFile), courseText).problems);
  // Counted from the raw YAML so week folders are still checked when another field is wrong.
  const weeks = (readYaml(courseText).value as { weeks?: unknown } | null)?.weeks;
  const weekCount = Array.isArray(weeks) ? weeks.length : Infinity;

  const banks = new Map<string, Located<QuizBank>>();
  for (const file of list(path.join(dir, 'quizzes'), (n) => n.endsWith('.yaml'))) {
    const bank = parseWith<QuizBank>(quizBankSchema, rel(file), readFileSync(file, 'utf8'));
    problems.push(...bank.problems);
    if (!bank.located) continue;
    if (path.basename(file, '.yaml') !== bank.located.data.id) {
      problems.push({ file: rel(file), line: bank.located.lineOf(['id']), message: `id "${bank.located.data.id}" must match the file name` });
    }
    banks.set(bank.located.data.id, bank.located);
  }

  const weekDirs = list(dir, (n) => /^week-\d+$/.test(n) && statSync(path.join(dir, n)).isDirectory());
  const steps: { file: string; text: string; bodyStart: number; data: StepData; idLine: number }[] = [];
  for (const weekDir of weekDirs) {
    const week = Number(path.basename(weekDir).slice('week-'.length));
    if (week < 1 || week > weekCount) {
      problems.push({ file: rel(weekDir), line: 1, message: `week ${week} is not listed under "weeks" in course.yaml` });
    }
    for (const file of list(weekDir, (n) => n.endsWith('.mdx') || n.endsWith('.md'))) {
      const text = readFileSync(file, 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      if (!front) {
        problems.push({ file: rel(file), line: 1, message: 'has no frontmatter (id, title, type, activity, minutes)' });
        continue;
      }
      const step = parseWith<StepData>(stepSchema, rel(file), front[1] ?? '', 1);
      problems.push(...step.problems);
      if (step.located) {
        steps.push({ file, text, bodyStart: front[0].length, data: step.located.data, idLine: step.located.lineOf(['id']) });
      }
      try {
        await compile(text.slice(front[0].length), { development: false });
      } catch (error) {
        const e = error as { line?: number; reason?: string; message: string };
        problems.push({ file: rel(file), line: (e.line ?? 1) + lineAtIndex(text, front[0].length) - 1, message: `MDX: ${e.reason ?? e.message}` });
      }
    }
  }

  const seen = new Map<string, string>();
  for (const step of steps) {
    const where = rel(step.file);
    const first = seen.get(step.data.id);
    if (first) problems.push({ file: where, line: step.idLine, message: `duplicate step id "${step.data.id}" (also in ${first})` });
    else seen.set(step.data.id, where);
  }

  const exists = (folder: string, name: string) => existsSync(path.join(dir, folder, name));
  const needMedia = (where: string, line: number, kind: 'video' | 'audio', name: string) => {
    if (!exists('media', `${name}.txt`)) problems.push({ file: where, line, message: `${kind} "${name}" has no transcript (media/${name}.txt)` });
    for (const ext of mediaOutputs[kind]) {
      if (!exists('media', `${name}.${ext}`)) problems.push({ file: where, line, message: `${kind} "${name}" is missing media/${name}.${ext} (run npm run media:build)` });
    }
  };

  for (const step of steps) {
    const where = rel(step.file);
    const { data, text } = step;
    const fieldLine = (field: string) => {
      const i = text.indexOf(`\n${field}:`);
      return i < 0 ? 1 : lineAtIndex(text, i + 1);
    };
    if (data.type === 'video' || data.type === 'audio') needMedia(where, fieldLine('media'), data.type, data.media);
    if ((data.type === 'quiz' || data.type === 'assessment')) {
      const bank = banks.get(data.quiz);
      if (!bank) problems.push({ file: where, line: fieldLine('quiz'), message: `quiz "${data.quiz}" does not exist (no quizzes/${data.quiz}.yaml)` });
      else if (bank.data.kind !== data.type) {
        problems.push({ file: where, line: fieldLine('quiz'), message: `step is a ${data.type} but quiz "${data.quiz}" is a ${bank.data.kind}` });
      }
    }
    for (const use of componentUses(text, 'Figure')) {
      if (!use.props.alt?.trim()) problems.push({ file: where, line: use.line, message: 'Figure has no alt text' });
      if (!use.props.src || !exists('media', use.props.src)) problems.push({ file: where, line: use.line, message: `figure "${use.props.src ?? ''}" does not exist in media/` });
    }
    for (const kind of ['Video', 'Audio'] as const) {
      for (const use of componentUses(text, kind)) needMedia(where, use.line, kind === 'Video' ? 'video' : 'audio', use.props.name ?? '');
    }
    for (const use of componentUses(text, 'Download')) {
      if (!use.props.file || !exists('downloads', use.props.file)) problems.push({ file: where, line: use.line, message: `download "${use.props.file ?? ''}" does not exist in downloads/` });
      if (!use.props.title?.trim()) problems.push({ file: where, line: use.line, message: 'Download has no title' });
    }
    for (const use of componentUses(text, 'Quiz')) {
      if (!banks.has(use.props.id ?? '')) problems.push({ file: where, line: use.line, message: `quiz "${use.props.id ?? ''}" does not exist` });
    }
    for (const link of text.matchAll(/\]\(step:([^)\s]*)\)/g)) {
      if (!seen.has(link[1] ?? '')) problems.push({ file: where, line: lineAtIndex(text, link.index ?? 0), message: `link to step "${link[1]}", which does not exist` });
    }
  }
  if (steps.length === 0) problems.push({ file: rel(dir), line: 1, message: 'the course has no steps' });
  return problems;
}

/** Checks every course under the given roots. */
export async function checkCourses(roots: string[], base: string): Promise<Problem[]> {
  const rel = (file: string) => path.relative(base, file);
  const problems: Problem[] = [];
  for (const root of roots) {
    for (const dir of list(path.resolve(base, root), (n) => statSync(path.join(path.resolve(base, root), n)).isDirectory())) {
      problems.push(...(await checkCourse(dir, rel)));
    }
  }
  return problems;
}
