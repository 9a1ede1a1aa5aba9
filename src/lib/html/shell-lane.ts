/**
 * A fast lane (src/server/fast-lane.ts) for a page made from a kept shell (./page-shell.ts): a signed-in GET of the
 * page's address with no query. `resolve` decides, from the address and the user, which shell the page is made of
 * and how to make the user's parts; null, or no shell kept yet, leaves the request to Astro, which renders the page
 * (keeping its shell) or answers whatever else it is.
 */
import type { User } from 'lucia';
import type { FastLane } from '../../server/fast-lane';
import { answerStorageFailure, laneSession, sendSignedIn } from '../http/lane';
import type { Html } from './html';
import { fillShell, keptShell } from './page-shell';

export type ShellResolver = (match: RegExpExecArray, user: User) => Promise<{ key: string; parts: () => Readonly<Record<string, Html>> } | null>;

export function shellLane(address: RegExp, resolve: ShellResolver): FastLane {
  return async (req, res) => {
    if (req.method !== 'GET') return false;
    const match = address.exec(req.url ?? '');
    if (!match) return false;
    try {
      const signedIn = await laneSession(req);
      if (!signedIn) return false;
      const page = await resolve(match, signedIn.user);
      const shell = page && keptShell(page.key);
      if (!page || !shell) return false;
      sendSignedIn(res, 200, fillShell(shell, page.parts()), { 'Content-Type': 'text/html', 'Content-Security-Policy': shell.csp, ...signedIn.renewed });
      return true;
    } catch (error) {
      return answerStorageFailure(res, error, { method: 'GET', path: req.url ?? '', wantsJson: false });
    }
  };
}
