import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from './wait-for';
import { performance } from 'node:perf_hooks';

const port = 4396;
const app = `http://localhost:${port}`;
const dbFile = path.resolve('tests/.tmp/bench-console.db');

/** The console's pages as an admin opens them, on the BeST course. */
const pages = [
  { name: 'console: courses', path: '/educator' },
  { name: 'console: overview', path: '/educator/courses/best' },
  { name: 'console: overview, filtered', path: '/educator/courses/best?profession=nurse&from=2025-01-01&to=2030-12-31' },
  { name: 'console: steps', path: '/educator/courses/best/steps' },
  { name: 'console: assessments', path: '/educator/courses/best/assessments' },
  { name: 'console: learners', path: '/educator/courses/best/learners' },
  { name: 'console: learners by progress', path: '/educator/courses/best/learners?sort=complete&dir=desc&page=40' },
  { name: 'console: learners search', path: '/educator/courses/best/learners?q=khan&sort=name' },
  { name: 'admin: users', path: '/admin/users?q=patel' },
];


/** Times one request at a time, as an educator clicking through: the latency each person sees. */
async function time(url: string, cookie: string, count: number): Promise<{ p50: number; p95: number; status: number }> {
  let status = 0;
  for (let i = 0; i < 3; i++) status = (await fetch(url, { headers: { Cookie: cookie } }).then(async (r) => (await r.arrayBuffer(), r))).status;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    times.push(performance.now() - start);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => Number(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1));
  return { p50: pick(0.5), p95: pick(0.95), status };
}

/**
 * Each console page's p50 and p95 latency on a database seeded with `learners` demo learners (npm run seed:demo),
 * against the built server, one request at a time. Also how long seeding took and the CSV export of every learner.
 */
export async function measureConsole(learners = 10_000, requests = 40) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  const seedStart = performance.now();
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '--learners', String(learners), '--database', dbFile], { encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed:demo failed: ${seed.stderr}`);
  const seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));

  const server = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(port), PUBLIC_URL: app, DATABASE_PATH: dbFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${app}/`);
    const email = `console-bench-${Date.now()}@example.org`;
    const form = new URLSearchParams({ name: 'Bench Admin', email, password: 'a long enough password', profession: 'other' });
    const signup = await fetch(`${app}/signup`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: app } });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const db = new Database(dbFile);
    db.prepare("UPDATE users SET role = 'admin' WHERE email = ?").run(email);
    db.close();

    const results = [];
    for (const page of pages) {
      const measured = await time(app + page.path, cookie, requests);
      if (measured.status !== 200) throw new Error(`${page.path} answered ${measured.status}`);
      results.push({ ...page, ...measured, budget: measured.p95 < 300 ? 'met (p95 < 300 ms)' : 'NOT met (p95 < 300 ms)' });
    }
    const csv = await time(`${app}/educator/courses/best/learners.csv`, cookie, 10);
    return { learners, seedSeconds, requestsPerPage: requests, pages: results, csvExport: { rows: learners, p50: csv.p50, p95: csv.p95 } };
  } finally {
    server.kill();
  }
}
