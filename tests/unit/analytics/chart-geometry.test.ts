import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barRects, columnRects, linePoints, niceMax, pathData, ticks, yOf } from '../../../src/lib/analytics/chart-geometry';

const plot = { x: 50, y: 10, width: 500, height: 200 };

describe('axes', () => {
  it('end on a round number at or above the largest value', () => {
    expect([0, 0.5, 1, 3, 7, 10, 11, 180, 201, 9999].map(niceMax)).toEqual([1, 1, 1, 5, 10, 10, 20, 200, 500, 10000]);
  });

  it('have whole-number ticks from 0 to the top', () => {
    expect(ticks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(1)).toEqual([0, 1]);
  });
});

describe('shapes', () => {
  it('columns stand on the floor, inside the plot, as tall as their share of the top', () => {
    const rects = columnRects([0, 50, 100], 100, plot);
    expect(rects.map((r) => r.height)).toEqual([0, 100, 200]);
    for (const r of rects) {
      expect(r.y + r.height).toBeCloseTo(plot.y + plot.height, 5);
      expect(r.x).toBeGreaterThanOrEqual(plot.x);
      expect(r.x + r.width).toBeLessThanOrEqual(plot.x + plot.width);
    }
    expect(rects[1]!.x).toBeGreaterThan(rects[0]!.x + rects[0]!.width);
  });

  it('never draw outside the plot, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 500 }), { minLength: 1, maxLength: 90 }), (values) => {
        const max = niceMax(Math.max(...values));
        for (const r of [...columnRects(values, max, plot), ...barRects(values, max, plot)]) {
          expect(r.x).toBeGreaterThanOrEqual(plot.x);
          expect(r.y).toBeGreaterThanOrEqual(plot.y);
          expect(r.x + r.width).toBeLessThanOrEqual(plot.x + plot.width + 0.1);
          expect(r.y + r.height).toBeLessThanOrEqual(plot.y + plot.height + 0.1);
        }
      }),
    );
  });

  it('bars grow from the left edge in proportion to their value', () => {
    const rects = barRects([100, 25], 100, plot);
    expect(rects[0]).toMatchObject({ x: 50, width: 500 });
    expect(rects[1]).toMatchObject({ x: 50, width: 125 });
    expect(rects[1]!.y).toBeGreaterThan(rects[0]!.y + rects[0]!.height);
  });

  it('a line runs edge to edge, higher for bigger values', () => {
    const points = linePoints([0, 10, 5], 10, plot);
    expect(points.map((p) => p.x)).toEqual([50, 300, 550]);
    expect(points.map((p) => p.y)).toEqual([210, 10, 110]);
    expect(pathData(points)).toBe('M50 210 L300 10 L550 110');
    expect(linePoints([3], 10, plot)[0]!.x).toBe(300);
    expect(yOf(5, 0, plot)).toBe(210);
  });
});
