import { formatNumber } from '../../lib/toolkit/numbers';
import { staircase, type Level } from '../../lib/toolkit/progression';

const view = { width: 640, height: 260, left: 48, right: 16, top: 24, bottom: 40 };

/** The progression as a staircase. The table beside it carries the same numbers for screen readers. */
export default function StepChart({ levels, unit }: { levels: Level[]; unit: string }) {
  const { points, weeks, top } = staircase(levels);
  const plot = { width: view.width - view.left - view.right, height: view.height - view.top - view.bottom };
  const x = (week: number) => view.left + (week / weeks) * plot.width;
  const y = (amount: number) => view.top + plot.height - (amount / top) * plot.height;
  const every = Math.ceil(levels.length / 12);
  const labelled = levels.filter((_, i) => i % every === 0 || i === levels.length - 1);
  return (
    <svg className="step-chart" viewBox={`0 0 ${view.width} ${view.height}`} role="img" aria-labelledby="step-chart-title">
      <title id="step-chart-title">{`A staircase rising from ${formatNumber(levels[0]!.amount)} to ${formatNumber(levels.at(-1)!.amount)}${unit ? ` ${unit}` : ''} over ${weeks} weeks`}</title>
      <line className="step-chart__axis" x1={view.left} y1={y(0)} x2={view.left + plot.width} y2={y(0)} />
      <line className="step-chart__axis" x1={view.left} y1={y(0)} x2={view.left} y2={view.top} />
      <polyline className="step-chart__line" points={points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')} />
      {labelled.map((level) => (
        <g key={level.week} className="step-chart__label">
          <text x={x(level.week - 1) + 3} y={y(level.amount) - 6}>
            {formatNumber(level.amount)}
          </text>
          <text x={x(level.week - 1)} y={y(0) + 18} textAnchor="middle">
            {level.week}
          </text>
        </g>
      ))}
      <text className="step-chart__label" x={view.left} y={view.height - 4}>
        Week
      </text>
      <text className="step-chart__label" x={4} y={view.top - 8}>
        {unit || 'Amount'}
      </text>
    </svg>
  );
}
