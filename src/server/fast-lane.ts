import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A handler the HTTP server tries before Astro. It answers the request and resolves true, or resolves false
 * without having read the body, so Astro gets the request whole.
 */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// The lanes are defined inside the built Astro bundle (they need the course catalogue) and the server runs outside
// it, so the two meet on globalThis, as the database connection does (db/client.ts).
const slot = Symbol.for('best-cpd.fast-lane');
const registry = globalThis as { [slot]?: FastLane };

/** Registers lanes that are tried in turn; the first to answer wins. */
export function registerFastLanes(...lanes: FastLane[]): void {
  registry[slot] = async (req, res) => {
    for (const lane of lanes) if (await lane(req, res)) return true;
    return false;
  };
}

export function fastLane(): FastLane | undefined {
  return registry[slot];
}
