import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
