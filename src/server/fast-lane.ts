import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A handler the HTTP server tries before Astro. It answers the request and resolves true, or resolves false
 * without having read the body, so Astro gets the request whole.
 */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// The lane is defined inside the built Astro bundle (it needs the course catalogue) and the server runs outside
// it, so the two meet on globalThis, as the database connection does (db/client.ts).
const slot = Symbol.for('best-cpd.fast-lane');
const registry = globalThis as { [slot]?: FastLane };

export function registerFastLane(lane: FastLane): void {
  registry[slot] = lane;
}

export function fastLane(): FastLane | undefined {
  return registry[slot];
}
