import { defineMiddleware, sequence } from 'astro:middleware';
import { allowedOrigins, config } from './config';
import { lucia } from './lib/auth/lucia';
import { securityHeaders, transportHeaders } from './lib/http/headers';
import { wantsJson } from './lib/http/forms';
import { isSameOriginWrite } from './lib/http/origin';
import { storageFailureAnswer } from './lib/http/storage-errors';
import { completionLane } from './lib/progress/completion-lane';
import { registerFastLane } from './server/fast-lane';
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

// Mark as complete from the page's script is answered before Astro's pipeline (src/server/platform-server.ts).
registerFastLane(completionLane);

export const onRequest = sequence(headers, storageFailures, originCheck, auth);
