/**
 * `npm run bench`: measures the built platform under load beside a bare node:http server, and writes
 * bench-results/latest.json plus a readable table. Budgets from DESIGN.md are marked met or not.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from './wait-for';
import { measureCertificates } from './certificates';
import { measureConsole } from './console';
import { learnerCookies, postComments, quizSubmission } from './learner-requests';
import { javaScriptShipped } from './js-bytes';

const connections = 50;
const duration = Number(process.env.BENCH_SECONDS ?? 8);
const barePort = 4398;
const appPort = 4397;
const app = `http://localhost:${appPort}`;
const dbFile = path.resolve('tests/.tmp/bench.db');
const referenceName = 'reference: Astro endpoint writing a row';
/** Measured for comparison, with no budget of their own. */
const references = new Set(['bare node:http', referenceName]);

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}


async function measure(name: string, { warmup = true, ...options }: autocannon.Options & { warmup?: boolean }): Promise<Measured> {
  // A short unmeasured run first, so the JIT and caches are warm as on a server that has been up a while.
  if (warmup) await autocannon({ connections, duration: 2, ...options });
  const result = await autocannon({ connections, duration, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Signs up a learner and joins the course; returns the session cookie. */
async function learnerCookie(course: string): Promise<string> {
  const form = new URLSearchParams({
    name: 'Bench Learner',
    email: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`,
    password: 'a long enough password',
    profession: 'physiotherapist',
  });
  const signup = await fetch(`${app}/signup`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: app } });
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await fetch(`${app}/courses/${course}`, { method: 'POST', redirect: 'manual', headers: { Origin: app, Cookie: cookie } });
  return cookie;
}

if (!existsSync(path.join(process.env.BUILD_DIR ?? 'dist', 'server/entry.mjs'))) {
  console.log('Building the platform first…');
  spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
}
mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });

const bare = start('node', ['tests/bench/bare-server.mjs'], { PORT: String(barePort) });
const server = start(process.execPath, ['scripts/serve.mjs'], { PORT: String(appPort), PUBLIC_URL: app, DATABASE_PATH: dbFile });
let peakRssMb = 0;
try {
  await waitFor(`http://127.0.0.1:${barePort}/`);
  await waitFor(`${app}/`);
  const cookie = await learnerCookie('best');
  const stepPath = '/courses/best/steps/w1-what-is-best';
  const headers = { Cookie: cookie };
  const stepPage = await fetch(app + stepPath, { headers });
  if (stepPage.status !== 200) throw new Error(`step page answered ${stepPage.status}`);

  const javascript = [
    await javaScriptShipped(app, 'article step', stepPath, headers),
    await javaScriptShipped(app, 'test step', '/courses/best/steps/w1-week-1-test', headers),
    await javaScriptShipped(app, 'video step', '/courses/best/steps/w1-welcome', headers),
  ];

  const results: Measured[] = [];
  results.push(await measure('bare node:http', { url: `http://127.0.0.1:${barePort}/` }));
  results.push(await measure('step page (signed in)', { url: app + stepPath, headers }));
  results.push(
    await measure('Mark as complete', {
      url: app + stepPath,
      method: 'POST',
      headers: { ...headers, Origin: app, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'intent=complete',
    }),
  );
  // A second learner takes the tests, so the Progress page below is read for a learner with a usual record,
  // not one with the tens of thousands of attempts this run makes.
  const tester = { Cookie: await learnerCookie('best') };
  results.push(
    await measure('test submission', {
      url: `${app}/api/courses/best/quizzes/week-1-test/attempts`,
      method: 'POST',
      headers: { ...tester, Origin: app, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: quizSubmission('best', 'week-1-test'),
    }),
  );
  results.push(await measure('Progress page', { url: `${app}/courses/best/progress`, headers }));
  // DESIGN.md's reference beside our pages: a small Astro endpoint that writes one row (the player's place).
  results.push(
    await measure(referenceName, {
      url: `${app}/api/courses/best/steps/w1-welcome/media-progress`,
      method: 'POST',
      headers: { ...headers, Origin: app, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ positionSeconds: 12.5, playedSeconds: 12.5 }),
    }),
  );

  // Discussion: a step with 500 comments (20 shown), then posting, spread over learners as the limit is per person.
  const discussionStep = '/courses/best/steps/w1-discussion-your-practice';
  const commenters = await learnerCookies(app, 'best', 100);
  const seeded = await postComments(app, discussionStep, commenters.slice(0, 50), 10);
  if (seeded !== 500) throw new Error(`only ${seeded} of 500 comments were stored`);
  results.push(await measure('step page, 500 comments', { url: app + discussionStep, headers }));
  let next = 0;
  const posters = commenters.slice(50);
  results.push(
    await measure('post a comment', {
      url: `${app}${discussionStep}/comments`,
      method: 'POST',
      headers: { Origin: app, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      // Ten posts per learner fit their limit; no warm-up, so every post is measured once.
      amount: posters.length * 10,
      warmup: false,
      requests: [
        {
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, Cookie: posters[next++ % posters.length]! }, body: `text=${encodeURIComponent(`A measured comment, number ${next}.`)}` }),
        },
      ],
    }),
  );
  // The kernel's high-water mark of the server's resident memory over the whole run (Linux).
  const highWater = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  peakRssMb = Math.round(Number(highWater?.[1] ?? 0) / 1024);

  const baseline = results[0]!.requestsPerSecond;
  const rows = results.map((r) => ({
    ...r,
    ratioToBare: Number((r.requestsPerSecond / baseline).toFixed(3)),
    budget: references.has(r.name) ? '' : r.p99 < 50 && r.errors === 0 && r.non2xx === 0 ? 'met (p99 < 50 ms)' : 'NOT met (p99 < 50 ms)',
  }));
  const certificate = await measureCertificates();
  const certificateBudget = certificate.p99Ms < 50 && certificate.sizeKb < 150 ? 'met (< 50 ms, < 150 KB)' : 'NOT met (< 50 ms, < 150 KB)';
  const consolePages = await measureConsole();
  const report = {
    date: new Date().toISOString(),
    connections,
    durationSeconds: duration,
    results: rows,
    certificatePdf: { ...certificate, budget: certificateBudget },
    console: consolePages,
    javascript,
    serverPeakRssMb: peakRssMb,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${connections} connections, ${duration} s each\n`);
  console.table(rows.map((r) => ({ name: r.name, 'req/s': r.requestsPerSecond, 'p50 ms': r.p50, 'p99 ms': r.p99, 'x bare': r.ratioToBare, errors: r.errors + r.non2xx, budget: r.budget })));
  console.log(
    `Certificate PDF: ${certificate.perSecond}/s in one process, p50 ${certificate.p50Ms} ms, p99 ${certificate.p99Ms} ms, ${certificate.sizeKb} KB: ${certificateBudget}`,
  );
  console.log(`\nConsole pages, one request at a time, ${consolePages.learners} seeded learners (seeded in ${consolePages.seedSeconds} s)\n`);
  console.table(consolePages.pages.map((p) => ({ page: p.name, 'p50 ms': p.p50, 'p95 ms': p.p95, budget: p.budget })));
  console.log(`CSV export of all ${consolePages.csvExport.rows} learners: p50 ${consolePages.csvExport.p50} ms, p95 ${consolePages.csvExport.p95} ms`);
  console.log('\nJavaScript shipped (gzip): an article step loads no island, a test or video step only its own\n');
  console.table(javascript.map((j) => ({ page: j.name, islands: j.islands.join(', ') || 'none', files: j.files, 'KB gzip': Number((j.gzipBytes / 1024).toFixed(1)) })));
  console.log(`Server memory at its peak (resident): ${peakRssMb} MB. Report: bench-results/latest.json`);
} finally {
  bare.kill();
  server.kill();
}
