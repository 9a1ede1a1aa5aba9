/** Where a learner is in a video or audio piece, as the player reports it. */
export interface MediaPosition {
  positionSeconds: number;
  /** Seconds actually played so far, over every visit. */
  playedSeconds: number;
}

/** Longer than any piece a course would hold (a day), so a bad number cannot be stored. */
const longest = 24 * 60 * 60;

const isSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= longest;

/** Reads a posted position; a message for the player when the body is not one. */
export function readMediaPosition(body: unknown): MediaPosition | { error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'Send the position as a JSON object.' };
  const { positionSeconds, playedSeconds } = body as Record<string, unknown>;
  if (!isSeconds(positionSeconds) || !isSeconds(playedSeconds)) {
    return { error: `positionSeconds and playedSeconds must be numbers of seconds from 0 to ${longest}.` };
  }
  return { positionSeconds, playedSeconds };
}
