import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Course } from '../../src/lib/courses/catalog';
import { buildOutline } from '../../src/lib/courses/outline';
import { courseSchema, stepSchema } from '../../src/lib/courses/schema';

/** The step ids of a course folder, read from the frontmatter of its MDX files. */
export function stepIds(courseDir: string): string[] {
  return readdirSync(courseDir)
    .filter((d) => /^week-\d+$/.test(d))
    .flatMap((week) =>
      readdirSync(path.join(courseDir, week))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => /^id:\s*(\S+)/m.exec(readFileSync(path.join(courseDir, week, f), 'utf8'))?.[1] ?? ''),
    )
    .filter(Boolean);
}

/**
 * A course folder as the catalogue builds it (course.yaml and each step's front matter, through the same schemas and
 * buildOutline), read from disk: under Vitest, getCourse() sees an empty content store unless `astro dev` or
 * `astro sync` has written .astro/data-store.json. Bodies and question banks are left out.
 */
export function courseFromDisk(dir: string): Course {
  const data = courseSchema.parse(parse(readFileSync(path.join(dir, 'course.yaml'), 'utf8')));
  const sources = readdirSync(dir)
    .filter((name) => /^week-\d+$/.test(name))
    .flatMap((week) =>
      readdirSync(path.join(dir, week))
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => {
          const filePath = path.join(dir, week, name);
          const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(filePath, 'utf8'))?.[1] ?? '';
          return { data: stepSchema.parse(parse(front)), filePath };
        }),
    );
  const slug = path.basename(dir);
  return { slug, title: data.title, data, outline: buildOutline(data, sources), entries: new Map(), quizzes: new Map(), filePath: path.join(dir, 'course.yaml') };
}
