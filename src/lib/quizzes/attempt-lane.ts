/**
 * A test submitted by the quiz island (a same-site JSON POST to the attempts endpoint), answered without Astro's
 * pipeline, as Mark as complete is (src/lib/progress/completion-lane.ts). Only the plain case is taken: a valid
 * session, a joined course with full access, a test that exists, a JSON body of a usual size. Anything else is
 * left to the endpoint before the body is read, and gets its answers.
 */
import type { IncomingMessage } from 'node:http';
import { getDb, noteReadOnly, reopenIfWritableAgain } from '../../../db/client';
import { allowedOrigins, config } from '../../config';
import { joinedTier, learnerAccess } from '../courses/learner-access';
import { declaredLength, laneSession, readBody, sendSignedIn } from '../http/lane';
import { isSameOriginWrite } from '../http/origin';
import { storageFailureAnswer } from '../http/storage-errors';
import type { FastLane } from '../../server/fast-lane';
import { answerJsonSubmission } from './json-submission';

/** Far more than the longest test's answers; a larger body goes to the endpoint. */
const largestBody = 64 * 1024;

export interface AttemptRequest {
  courseSlug: string;
  quizId: string;
  bodyLength: number;
}

/** Whether the request has the shape of the island's submission, read from its line and headers only. */
export function attemptRequest(method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']): AttemptRequest | null {
  if (method !== 'POST' || !url) return null;
  const match = /^\/api\/courses\/([a-z0-9-]+)\/quizzes\/([a-z0-9-]+)\/attempts$/.exec(url);
  if (!match) return null;
  if (!(headers['content-type'] ?? '').startsWith('application/json')) return null;
  const bodyLength = declaredLength(headers, largestBody);
  return bodyLength === null ? null : { courseSlug: match[1]!, quizId: match[2]!, bodyLength };
}

const json = { 'Content-Type': 'application/json; charset=utf-8' };

export const attemptLane: FastLane = async (req, res) => {
  const asked = attemptRequest(req.method, req.url, req.headers);
  if (!asked) return false;
  // Stricter than the middleware: only the public address and this machine's own, never the Host header.
  if (!isSameOriginWrite('POST', req.headers.origin ?? null, allowedOrigins(config.publicUrl))) return false;
  try {
    const signedIn = await laneSession(req);
    if (!signedIn) return false;
    const { user, renewed } = signedIn;
    const access = await learnerAccess(asked.courseSlug, user);
    if (access.kind !== 'joined') return false;
    const bank = access.course.quizzes.get(asked.quizId);
    if (!bank || joinedTier(access).tier === 'limited') return false;

    const text = await readBody(req, asked.bodyLength);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    reopenIfWritableAgain();
    const answer = answerJsonSubmission(getDb(), access.course, bank, user.id, body);
    sendSignedIn(res, answer.status, JSON.stringify(answer.body), { ...json, ...renewed });
    return true;
  } catch (error) {
    const answer = storageFailureAnswer(error, { method: 'POST', path: req.url ?? '', wantsJson: true }, noteReadOnly);
    if (!answer) throw error;
    sendSignedIn(res, answer.status, answer.body, answer.headers);
    return true;
  }
};
