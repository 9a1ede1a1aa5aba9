/**
 * What the fast lanes (src/server/fast-lane.ts) share: the signed-in user, answering as the pages do, storage
 * failures answered as the middleware answers them, and the shape of a page script's POST.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { User } from 'lucia';
import { noteReadOnly, reopenIfWritableAgain } from '../../../db/client';
import { allowedOrigins, config } from '../../config';
import type { FastLane } from '../../server/fast-lane';
import { lucia } from '../auth/lucia';
import { securityHeaders, transportHeaders } from './headers';
import { isSameOriginWrite } from './origin';
import { storageFailureAnswer } from './storage-errors';

/** The user of a valid session, with the cookie to send when Lucia renewed it; null leaves the request to Astro. */
export async function laneSession(req: IncomingMessage): Promise<{ user: User; renewed: Record<string, string> } | null> {
  const token = lucia.readSessionCookie(req.headers.cookie ?? '');
  if (!token) return null;
  const { session, user } = await lucia.validateSession(token);
  if (!session) return null;
  return { user, renewed: session.fresh ? { 'Set-Cookie': lucia.createSessionCookie(session.id).serialize() } : {} };
}

/** The body's declared length when it is at most `largest`; null for none (chunked), a false one, or more. */
export function declaredLength(headers: IncomingMessage['headers'], largest: number): number | null {
  const length = Number(headers['content-length']);
  return Number.isInteger(length) && length >= 0 && length <= largest ? length : null;
}

/** The body as text, read once the lane has taken the request; never more than its declared length. */
export function readBody(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > length) req.destroy(new Error('The body is longer than its Content-Length.'));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/** An answer for a signed-in person, with the headers src/middleware.ts gives every page. */
export function sendSignedIn(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  // Encoded once: measuring the text's length and then writing it would read a large page twice.
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    ...securityHeaders,
    ...transportHeaders(config.publicUrl),
    'Cache-Control': 'no-store',
    'Content-Length': body.length,
    // Tells an operator (and the tests) that a lane answered, not Astro.
    'Server-Timing': 'fast-lane',
    ...headers,
  });
  res.end(body);
}

/** Answers a storage failure (503, as src/middleware.ts does) and says so; any other error is a bug, thrown on. */
export function answerStorageFailure(res: ServerResponse, error: unknown, where: { method: string; path: string; wantsJson: boolean }): true {
  const answer = storageFailureAnswer(error, where, noteReadOnly);
  if (!answer) throw error;
  sendSignedIn(res, answer.status, answer.body, answer.headers);
  return true;
}

export type ScriptPost<Key extends string> = Record<Key, string> & { bodyLength: number };

/**
 * Whether a request has the shape of a page script's POST, read from its line and headers only: the address (its
 * named groups are returned), the body's type and a declared length of at most `largestBody`, and, where the script
 * asks for JSON and a plain form would want a page, that Accept.
 */
export function scriptPost<Key extends string>(spec: { address: RegExp; contentType: string; largestBody: number; asksForJson: boolean }) {
  return (method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']): ScriptPost<Key> | null => {
    if (method !== 'POST' || !url) return null;
    const match = spec.address.exec(url);
    if (!match?.groups) return null;
    if (spec.asksForJson && !(headers.accept ?? '').includes('application/json')) return null;
    if (!(headers['content-type'] ?? '').startsWith(spec.contentType)) return null;
    const bodyLength = declaredLength(headers, spec.largestBody);
    return bodyLength === null ? null : { ...(match.groups as Record<Key, string>), bodyLength };
  };
}

const jsonType = { 'Content-Type': 'application/json; charset=utf-8' };

export interface LaneAnswer {
  status: number;
  body: object;
  headers?: Record<string, string>;
}

/**
 * A lane for a page script's same-site POST answered with JSON. `answer` returns null, before reading the body,
 * to leave the request to Astro; otherwise it reads the body and answers as the page or endpoint would.
 */
export function scriptPostLane<Asked extends { bodyLength: number }>(
  shape: (method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']) => Asked | null,
  answer: (asked: Asked, user: User, body: () => Promise<string>) => Promise<LaneAnswer | null>,
): FastLane {
  return async (req, res) => {
    const asked = shape(req.method, req.url, req.headers);
    if (!asked) return false;
    // Stricter than the middleware: only the public address and this machine's own, never the Host header.
    if (!isSameOriginWrite('POST', req.headers.origin ?? null, allowedOrigins(config.publicUrl))) return false;
    try {
      const signedIn = await laneSession(req);
      if (!signedIn) return false;
      // As the middleware does before every change: a database that could not be written may be writable again.
      reopenIfWritableAgain();
      const result = await answer(asked, signedIn.user, () => readBody(req, asked.bodyLength));
      if (!result) return false;
      sendSignedIn(res, result.status, JSON.stringify(result.body), { ...jsonType, ...result.headers, ...signedIn.renewed });
      return true;
    } catch (error) {
      return answerStorageFailure(res, error, { method: 'POST', path: req.url ?? '', wantsJson: true });
    }
  };
}
