import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Sample values for route parameters, so every page file can be turned into a real address. */
const samples: Record<string, string> = {
  course: 'fixture-basics',
  step: 'hello',
  quiz: 'practice',
  file: 'missing.pdf',
  token: 'not-a-real-token',
  number: '0000-0000-0000-0000',
  certificate: '0000000000000000.pdf',
  action: 'like',
};

/** Every route in src/pages as a concrete path, from the file names. */
export function routePaths(dir = 'src/pages', prefix = ''): string[] {
  const paths: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      paths.push(...routePaths(full, `${prefix}/${fill(name)}`));
      continue;
    }
    const base = name.replace(/\.(astro|ts)$/, '');
    if (base === name || base === '404') continue;
    paths.push(base === 'index' ? prefix || '/' : `${prefix}/${fill(base)}`);
  }
  return paths;
}

function fill(segment: string): string {
  return segment.replace(/\[\.{0,3}(\w+)\]/g, (_, key: string) => samples[key] ?? 'sample');
}
