/** Score distribution in ten bands of 10 percentage points; 100% shares the top band. Pure. */

export const scoreBandCount = 10;

/** The band a whole-per-cent score falls in, 0 to 9. SQL uses the same rule: min(score / 10, 9). */
export function scoreBand(score: number): number {
  return Math.min(Math.max(Math.floor(score / 10), 0), scoreBandCount - 1);
}

export interface ScoreBand {
  band: number;
  label: string;
  count: number;
}

/** Every band, labelled "0–9%" to "90–100%", with the counts found (0 where none). */
export function scoreBands(counts: readonly { band: number; count: number }[]): ScoreBand[] {
  const byBand = new Map(counts.map((c) => [c.band, c.count]));
  return Array.from({ length: scoreBandCount }, (_, band) => ({
    band,
    label: band === scoreBandCount - 1 ? '90–100%' : `${band * 10}–${band * 10 + 9}%`,
    count: byBand.get(band) ?? 0,
  }));
}
