/** Geometry for the console's server-drawn SVG charts: plain numbers in, coordinates out. Pure. */

export interface Plot {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** One decimal place is finer than a pixel and keeps the markup small. */
const round = (n: number) => Math.round(n * 10) / 10;

/** The smallest 1, 2 or 5 × 10^k at or above the value (at least 1), so an axis ends on a round number. */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Values for axis lines from 0 to max, about five, each a whole 1, 2 or 5 × 10^k so counts stay whole. */
export function ticks(max: number): number[] {
  const step = niceMax(max / 5);
  const values = [];
  for (let v = 0; v <= max + step / 1000; v += step) values.push(round(v));
  return values;
}

/** Where a value sits on a vertical axis running from 0 at the bottom of the plot to max at its top. */
export function yOf(value: number, max: number, plot: Plot): number {
  const share = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  return round(plot.y + plot.height - share * plot.height);
}

/** Columns standing on the plot's floor, left to right, with `gap` (a share of each slot) between them. */
export function columnRects(values: readonly number[], max: number, plot: Plot, gap = 0.2): Rect[] {
  const slot = values.length > 0 ? plot.width / values.length : 0;
  return values.map((value, i) => {
    const top = yOf(value, max, plot);
    return { x: round(plot.x + i * slot + (slot * gap) / 2), y: top, width: round(slot * (1 - gap)), height: round(plot.y + plot.height - top) };
  });
}

/** Bars growing rightwards from the plot's left edge, top to bottom. */
export function barRects(values: readonly number[], max: number, plot: Plot, gap = 0.3): Rect[] {
  const slot = values.length > 0 ? plot.height / values.length : 0;
  return values.map((value, i) => {
    const share = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
    return { x: plot.x, y: round(plot.y + i * slot + (slot * gap) / 2), width: round(share * plot.width), height: round(slot * (1 - gap)) };
  });
}

/** Points evenly spaced across the plot, one per value; a single value sits in the middle. */
export function linePoints(values: readonly number[], max: number, plot: Plot): Point[] {
  const step = values.length > 1 ? plot.width / (values.length - 1) : 0;
  return values.map((value, i) => ({ x: round(values.length > 1 ? plot.x + i * step : plot.x + plot.width / 2), y: yOf(value, max, plot) }));
}

/** An SVG path through the points. */
export function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}
