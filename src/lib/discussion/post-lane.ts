/**
 * A comment posted by the comment form's script (a same-site url-encoded POST asking for JSON), answered without
 * Astro's pipeline, as Mark as complete is (src/lib/progress/completion-lane.ts). Only the plain case is taken: a
 * valid session of a member of the course, a step that exists, a body of at most a long comment. Anything else is
 * left to the comments page before the body is read, and gets its answers.
 */
import type { IncomingMessage } from 'node:http';
import { getDb, noteReadOnly, reopenIfWritableAgain } from '../../../db/client';
import { allowedOrigins, config } from '../../config';
import { declaredLength, laneSession, readBody, sendSignedIn } from '../http/lane';
import { isSameOriginWrite } from '../http/origin';
import { storageFailureAnswer } from '../http/storage-errors';
import type { FastLane } from '../../server/fast-lane';
import { discussionAccess } from './access';
import { postAnswer, postOnStep } from './post-on-step';

/** 5,000 characters of four UTF-8 bytes each, percent-encoded, with room for the return address. */
const largestBody = 64 * 1024;

export interface PostRequest {
  courseSlug: string;
  stepId: string;
  bodyLength: number;
}

/** Whether the request has the shape of the form script's post, read from its line and headers only. */
export function postRequest(method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']): PostRequest | null {
  if (method !== 'POST' || !url) return null;
  const match = /^\/courses\/([a-z0-9-]+)\/steps\/([a-z0-9-]+)\/comments$/.exec(url);
  if (!match) return null;
  if (!(headers.accept ?? '').includes('application/json')) return null;
  if (!(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  const bodyLength = declaredLength(headers, largestBody);
  return bodyLength === null ? null : { courseSlug: match[1]!, stepId: match[2]!, bodyLength };
}

const json = { 'Content-Type': 'application/json; charset=utf-8' };

export const commentPostLane: FastLane = async (req, res) => {
  const asked = postRequest(req.method, req.url, req.headers);
  if (!asked) return false;
  // Stricter than the middleware: only the public address and this machine's own, never the Host header.
  if (!isSameOriginWrite('POST', req.headers.origin ?? null, allowedOrigins(config.publicUrl))) return false;
  try {
    const signedIn = await laneSession(req);
    if (!signedIn) return false;
    const db = getDb();
    const access = await discussionAccess(db, asked.courseSlug, asked.stepId, signedIn.user);
    if (access.kind !== 'member') return false;

    const text = new URLSearchParams(await readBody(req, asked.bodyLength)).get('text');
    reopenIfWritableAgain();
    const answer = postAnswer(postOnStep(db, access, text ?? undefined));
    sendSignedIn(res, answer.status, JSON.stringify(answer.body), { ...json, ...answer.headers, ...signedIn.renewed });
    return true;
  } catch (error) {
    const answer = storageFailureAnswer(error, { method: 'POST', path: req.url ?? '', wantsJson: true }, noteReadOnly);
    if (!answer) throw error;
    sendSignedIn(res, answer.status, answer.body, answer.headers);
    return true;
  }
};
