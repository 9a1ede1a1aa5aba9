/**
 * Mark as complete from the step page's script is answered by a fast lane in front of Astro
 * (src/lib/progress/completion-lane.ts). It must give the page's answers and keep its guards: this asks both ways.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner, startServer, type RunningServer } from '../support/server';

const dir = 'tests/.tmp/completion-lane';
const databasePath = `${dir}/platform.db`;
let server: RunningServer;
let cookie = '';
const step = '/courses/fixture-basics/steps/second-step';

const completions = () => {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare("SELECT step_id FROM step_completions WHERE course_slug = 'fixture-basics' ORDER BY step_id").all() as { step_id: string }[]).map((r) => r.step_id);
  } finally {
    db.close();
  }
};

/** As the script sends it (url-encoded), or as a FormData body would be (multipart, which the lane leaves to the page). */
const mark = (intent: string, options: { multipart?: boolean; origin?: string; cookie?: string; path?: string } = {}) => {
  let body: URLSearchParams | FormData = new URLSearchParams({ intent });
  if (options.multipart) {
    body = new FormData();
    body.set('intent', intent);
  }
  return fetch(server.url + (options.path ?? step), {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: options.origin ?? server.url, Cookie: options.cookie ?? cookie, Accept: 'application/json' },
    body,
  });
};

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  server = await startServer({ port: 4487, databasePath });
  cookie = (await learner(server, 'fixture-basics', 'lane@example.org')).cookie;
});
afterAll(() => server?.process.kill('SIGKILL'));

describe('the Mark as complete lane', () => {
  it('answers as the page does, with the same headers, and stores the mark', async () => {
    const fast = await mark('complete');
    expect(fast.status).toBe(200);
    const answer = (await fast.json()) as { complete: boolean; percent: number };
    expect(answer.complete).toBe(true);
    expect(answer.percent).toBeGreaterThan(0);
    expect(fast.headers.get('server-timing')).toBe('fast-lane');
    expect(fast.headers.get('cache-control')).toBe('no-store');
    expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
    expect(fast.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(completions()).toEqual(['second-step']);

    // The page's own answer to the same change (multipart reaches the page): the same body.
    const page = await mark('complete', { multipart: true });
    expect(page.status).toBe(200);
    expect(page.headers.get('server-timing')).toBeNull();
    expect(await page.json()).toEqual(answer);

    const undone = await mark('incomplete');
    expect(await undone.json()).toEqual({ complete: false, percent: 0 });
    expect(completions()).toEqual([]);
  });

  it('slides a session past half its life, as every page does, sending the renewed cookie', async () => {
    const day = 24 * 60 * 60 * 1000;
    const db = new Database(databasePath);
    db.pragma('busy_timeout = 5000');
    const ownExpiry = () => (db.prepare("SELECT expires_at AS at FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'lane@example.org')").get() as { at: number }).at;
    db.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = 'lane@example.org')").run(Date.now() + 10 * day);
    try {
      const renewed = await mark('complete');
      expect(renewed.status).toBe(200);
      const setCookie = renewed.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^session=[^;]+; .*HttpOnly/i);
      expect(setCookie.split(';')[0]).toBe(cookie);
      expect(ownExpiry()).toBeGreaterThan(Date.now() + 29 * day);
      // A session with most of its life left is not sent again.
      expect((await mark('incomplete')).headers.get('set-cookie')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('refuses a form it cannot read with a message, storing nothing', async () => {
    const refused = await mark('finish');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'The form could not be read. Please try again.' });
    expect(completions()).toEqual([]);
  });

  it('keeps the guards: another site, no session, a stranger’s course and an unknown step get the page’s answers', async () => {
    const foreign = await mark('complete', { origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('This request came from another site');

    const signedOut = await mark('complete', { cookie: '' });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(step)}`);

    const forged = await mark('complete', { cookie: 'session=not-a-session-anyone-was-given' });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toContain('/signin');

    const notJoined = await mark('complete', { path: '/courses/fixture-tiered/steps/tiered-welcome' });
    expect(notJoined.status).toBe(303);
    expect(notJoined.headers.get('location')).toBe('/courses/fixture-tiered');

    const unknown = await mark('complete', { path: '/courses/fixture-basics/steps/no-such-step' });
    expect(unknown.status).toBe(404);
    expect(completions()).toEqual([]);
  });
});
