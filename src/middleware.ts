import { defineMiddleware, sequence } from 'astro:middleware';
import { allowedOrigins, config } from './config';
import { lucia } from './lib/auth/lucia';
import { securityHeaders, transportHeaders } from './lib/http/headers';
import { wantsJson } from './lib/http/forms';
import { isSameOriginWrite } from './lib/http/origin';
import { storageFailureAnswer } from './lib/http/storage-errors';
import { completionLane } from './lib/progress/completion-lane';
import { fillShell, keepShell, parseShell } from './lib/html/page-shell';
import { stepPageLane } from './lib/courses/step-page-lane';
import { attemptLane } from './lib/quizzes/attempt-lane';
import { progressPageLane } from './lib/progress/progress-shell';
import { commentPostLane } from './lib/discussion/post-lane';
import { registerFastLanes } from './server/fast-lane';
import { noteReadOnly, reopenIfWritableAgain } from '../db/client';

/** Refuses cross-site writes of every kind: forms and JSON alike. */
const originCheck = defineMiddleware(async ({ request, url }, next) => {
  if (!isSameOriginWrite(request.method, request.headers.get('origin'), allowedOrigins(url))) {
    return new Response('This request came from another site, so it was refused.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return next();
});

/** Finds the signed-in user from the session cookie, sliding the session's expiry as Lucia decides. */
const auth = defineMiddleware(async ({ cookies, locals }, next) => {
  locals.user = null;
  locals.session = null;
  const token = cookies.get(lucia.sessionCookieName)?.value;
  if (token) {
    const { session, user } = await lucia.validateSession(token);
    if (session?.fresh) {
      const cookie = lucia.createSessionCookie(session.id);
      cookies.set(cookie.name, cookie.value, cookie.attributes);
    }
    if (!session) {
      const blank = lucia.createBlankSessionCookie();
      cookies.set(blank.name, blank.value, blank.attributes);
    }
    locals.user = user;
    locals.session = session;
  }
  const response = await next();
  // Pages for a signed-in person must not be kept by shared or back-button caches.
  if (locals.user) response.headers.set('Cache-Control', 'no-store');
  return response;
});

const headers = defineMiddleware(async (_context, next) => {
  const response = await next();
  for (const [name, value] of Object.entries({ ...securityHeaders, ...transportHeaders(config.publicUrl) })) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});

/** A storage failure answers 503 with a plain message; anything else is a bug, logged and left to Astro's 500. */
const storageFailures = defineMiddleware(async ({ request }, next) => {
  try {
    // A database that could not be written may be writable again: look before a change rather than refuse it.
    if (request.method !== 'GET' && request.method !== 'HEAD') reopenIfWritableAgain();
    return await next();
  } catch (error) {
    const where = { method: request.method, path: new URL(request.url).pathname, wantsJson: wantsJson(request) };
    const answer = storageFailureAnswer(error, where, noteReadOnly);
    if (!answer) throw error;
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
});

/**
 * A page rendered as its shell (markers where the viewer's parts go: src/lib/html/page-shell.ts) is kept and filled
 * with this viewer's parts, as the page's fast lane fills it.
 */
const pageShells = defineMiddleware(async ({ locals }, next) => {
  const response = await next();
  const rendered = locals.pageShell;
  if (!rendered || response.status !== 200) return response;
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  // The fresh render replaces any kept shell, so `npm run dev` (where every request comes here) shows edits at once.
  const shell = parseShell(await response.text(), csp, rendered.slots);
  if (!shell) throw new Error(`The page ${rendered.key} was rendered without all of its slots.`);
  keepShell(rendered.key, shell);
  const body = fillShell(shell, rendered.parts);
  const answer = new Headers(response.headers);
  answer.set('Content-Length', String(Buffer.byteLength(body)));
  return new Response(body, { status: 200, headers: answer });
});

// Mark as complete, tests and comments from the page's scripts, and plain step and Progress pages once their shell
// is kept, are answered before Astro's pipeline (src/server/platform-server.ts).
registerFastLanes(completionLane, stepPageLane, progressPageLane, attemptLane, commentPostLane);

export const onRequest = sequence(headers, storageFailures, originCheck, auth, pageShells);
