import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';
import { routePaths } from './pages';

const dir = 'tests/.tmp/security-cross-site';
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4481, databasePath: `${dir}/platform.db` });
  cookie = (await learner(server, 'fixture-basics', 'cross-site@example.org')).cookie;
});
afterAll(() => server?.process.kill('SIGKILL'));

describe('cross-site requests', () => {
  const routes = routePaths();

  it('finds the routes to test', () => {
    expect(routes).toEqual(expect.arrayContaining(['/signin', '/courses/fixture-basics/steps/hello', '/account']));
  });

  it('refuses a POST with a foreign Origin, or none, on every route, signed in or not', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const origin of ['https://evil.example', null]) {
        for (const withCookie of [true, false]) {
          const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
          if (origin) headers.Origin = origin;
          if (withCookie) headers.Cookie = cookie;
          const response = await fetch(server.url + route, { method: 'POST', headers, body: 'intent=complete&name=x', redirect: 'manual' });
          if (response.status !== 403) failures.push(`${route} origin=${origin} cookie=${withCookie}: ${response.status}`);
          // A JSON body is refused the same way.
          const json = await fetch(server.url + route, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: '{"answers":{}}',
            redirect: 'manual',
          });
          if (json.status !== 403) failures.push(`${route} JSON origin=${origin}: ${json.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('security headers', () => {
  const pages = ['/', '/signin', '/courses/fixture-basics', '/courses/fixture-basics/todo', '/courses/fixture-basics/steps/hello', '/courses/fixture-basics/progress', '/account', '/verify', '/no-such-page'];

  it('are on every page type, with a CSP that allows no inline script', async () => {
    for (const page of pages) {
      const response = await fetch(server.url + page, { headers: { Cookie: cookie }, redirect: 'manual' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect.soft(csp, page).toMatch(/object-src 'none'/);
      expect.soft(csp, page).toMatch(/base-uri 'none'/);
      expect.soft(csp, page).toMatch(/frame-ancestors 'none'/);
      const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
      expect.soft(scriptSrc, page).not.toContain('unsafe-inline');
      expect.soft(response.headers.get('x-content-type-options'), page).toBe('nosniff');
      expect.soft(response.headers.get('referrer-policy'), page).toBe('strict-origin-when-cross-origin');
      expect.soft(response.headers.get('permissions-policy'), page).toContain('camera=()');
      // Plain http here, so no HSTS: it is sent only when the public address is https.
      expect.soft(response.headers.get('strict-transport-security'), page).toBeNull();
    }
    const page = await fetch(`${server.url}/`);
    expect((await page.text()).length).toBeGreaterThan(0);
  });

  it('mark signed-in pages no-store', async () => {
    for (const page of ['/account', '/courses/fixture-basics/todo', '/courses/fixture-basics/steps/hello']) {
      const response = await fetch(server.url + page, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(response.status, page).toBe(200);
      expect(response.headers.get('cache-control'), page).toBe('no-store');
    }
  });
});
