/**
 * Mark as complete, as the step page's script sends it (a same-site form POST asking for JSON), answered without
 * Astro's page pipeline, which costs several times the work itself (docs/performance.md). The address, rules and
 * answers are the step page's; anything but the plain case (signed in with a valid session, joined, a step that
 * may be marked, a small url-encoded body) is left to the page before the body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb, noteReadOnly, reopenIfWritableAgain } from '../../../db/client';
import { allowedOrigins, config } from '../../config';
import { stepLock } from '../access/tiers';
import { findStep } from '../courses/catalog';
import { joinedTier, learnerAccess } from '../courses/learner-access';
import { declaredLength, laneSession, readBody, sendSignedIn } from '../http/lane';
import { isSameOriginWrite } from '../http/origin';
import { storageFailureAnswer } from '../http/storage-errors';
import type { FastLane } from '../../server/fast-lane';
import { markStep } from './mark-step';

/** A Mark as complete form carries one short field; anything longer is not one. */
const largestBody = 1024;

export interface CompletionRequest {
  courseSlug: string;
  stepId: string;
  bodyLength: number;
}

/** Whether the request has the shape of the script's Mark as complete, read from its line and headers only. */
export function completionRequest(method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']): CompletionRequest | null {
  if (method !== 'POST' || !url) return null;
  const match = /^\/courses\/([a-z0-9-]+)\/steps\/([a-z0-9-]+)(?:\?[^#]*)?$/.exec(url);
  if (!match) return null;
  if (!(headers.accept ?? '').includes('application/json')) return null;
  if (!(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  const bodyLength = declaredLength(headers, largestBody);
  return bodyLength === null ? null : { courseSlug: match[1]!, stepId: match[2]!, bodyLength };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  sendSignedIn(res, status, body, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export const completionLane: FastLane = async (req, res) => {
  const asked = completionRequest(req.method, req.url, req.headers);
  if (!asked) return false;
  // Stricter than the middleware: only the public address and this machine's own, never the Host header.
  if (!isSameOriginWrite('POST', req.headers.origin ?? null, allowedOrigins(config.publicUrl))) return false;
  try {
    const signedIn = await laneSession(req);
    if (!signedIn) return false;
    const { user, renewed } = signedIn;
    const access = await learnerAccess(asked.courseSlug, user);
    if (access.kind !== 'joined') return false;
    const step = findStep(access.course, asked.stepId);
    if (!step || stepLock(joinedTier(access), step.type) === 'expired') return false;

    const intent = new URLSearchParams(await readBody(req, asked.bodyLength)).get('intent');
    if (intent !== 'complete' && intent !== 'incomplete') {
      send(res, 400, JSON.stringify({ error: 'The form could not be read. Please try again.' }), renewed);
      return true;
    }
    reopenIfWritableAgain();
    const marked = markStep(getDb(), access.course, user.id, step.id, intent === 'complete');
    send(res, 200, JSON.stringify(marked), renewed);
    return true;
  } catch (error) {
    const answer = storageFailureAnswer(error, { method: 'POST', path: req.url ?? '', wantsJson: true }, noteReadOnly);
    if (!answer) throw error;
    send(res, answer.status, answer.body, answer.headers);
    return true;
  }
};
