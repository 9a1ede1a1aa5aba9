import { baselineFromDays, formatStart } from '../../lib/toolkit/baseline';
import { formatNumber } from '../../lib/toolkit/numbers';
import { ifPainRises, progressionPlan, suggestedIncrease } from '../../lib/toolkit/progression';
import { baselineSheet, type BaselineState } from '../../lib/toolkit/sheets';
import StepChart from './StepChart';
import TextField from './TextField';
import ToolFrame from './ToolFrame';
import { useShownErrors, useToolState } from './use-tool-state';

const initial: BaselineState = { patient: '', activity: '', unit: 'minutes', days: ['', '', ''], start: '', target: '', increase: '', weeksPerLevel: '2' };

/** The baseline calculator: three days averaged, a start a little below, and small increases up to a target. */
export default function BaselineTool({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const store = useToolState('baseline', initial);
  const errors = useShownErrors();
  const { state, update } = store;
  const unit = state.unit.trim();
  const amount = (n: number) => (unit ? `${formatNumber(n)} ${unit}` : formatNumber(n));

  const baseline = baselineFromDays(state.days);
  // The build-up is optional: it is checked once any of its numbers is typed.
  const planned = [state.start, state.target, state.increase].some((v) => v.trim());
  const plan = planned ? progressionPlan(state) : undefined;

  const problems: Record<string, string> = {};
  if (!baseline.ok) baseline.errors.forEach((message, i) => message && (problems[`baseline-day-${i + 1}`] = message));
  if (plan && !plan.ok) {
    for (const [field, message] of Object.entries(plan.errors)) problems[`baseline-${field === 'weeksPerLevel' ? 'weeks' : field}`] = message;
  }
  const setDay = (index: number, value: string) => update({ days: state.days.map((d, i) => (i === index ? value : d)) as BaselineState['days'] });
  const useSuggestion = () => {
    if (!baseline.ok) return;
    update({ start: String(baseline.start.high), increase: state.increase.trim() || String(suggestedIncrease(baseline.start.high, baseline.wholeUnits)) });
    requestAnimationFrame(() => document.getElementById('baseline-target')?.focus());
  };

  return (
    <ToolFrame
      id="baseline"
      store={store}
      errors={errors}
      problems={problems}
      sheet={baseline.ok && (!plan || plan.ok) ? () => baselineSheet(state, baseline, plan) : undefined}
    >
      <TextField id="baseline-activity" label="Activity or exercise" hint="For example: walking, or sit to stand." value={state.activity} onChange={(activity) => update({ activity })} errors={errors} />
      <TextField
        id="baseline-unit"
        label="What the amounts count"
        hint="For example: minutes, repetitions, metres."
        value={state.unit}
        onChange={(unit) => update({ unit })}
        errors={errors}
        className="field--short"
      />
      <fieldset className="tool__group">
        <legend>How much was done on each of three days</legend>
        <p className="hint">Day 1: try what feels manageable. Days 2 and 3: adjust a little in the light of the day before.</p>
        <div className="tool__days">
          {state.days.map((day, i) => (
            <TextField key={i} id={`baseline-day-${i + 1}`} label={`Day ${i + 1}`} numeric value={day} onChange={(v) => setDay(i, v)} error={problems[`baseline-day-${i + 1}`]} errors={errors} />
          ))}
        </div>
      </fieldset>

      <section className="tool__result" aria-labelledby="baseline-result">
        <Heading id="baseline-result">The baseline</Heading>
        <p role="status">
          {baseline.ok
            ? `Total ${amount(baseline.total)}; average ${amount(baseline.average)}. Start a little below it: ${formatStart(baseline.start, unit)}.`
            : 'Enter the three days’ amounts to see the average and where to start.'}
        </p>
        {baseline.ok && (
          <button className="button button--secondary" type="button" onClick={useSuggestion}>
            Plan the build-up from {amount(baseline.start.high)}
          </button>
        )}
      </section>

      <fieldset className="tool__group">
        <legend>Building up (optional)</legend>
        <p className="hint">Keep to the starting level on most days for one to two weeks before each small increase.</p>
        <TextField id="baseline-start" label="Starting level" numeric value={state.start} onChange={(start) => update({ start })} error={problems['baseline-start']} errors={errors} />
        <TextField id="baseline-target" label="Target" numeric value={state.target} onChange={(target) => update({ target })} error={problems['baseline-target']} errors={errors} />
        <TextField
          id="baseline-increase"
          label="Each increase"
          hint="Small: about a tenth of the starting level, such as 8 minutes going up to 9."
          numeric
          value={state.increase}
          onChange={(increase) => update({ increase })}
          error={problems['baseline-increase']}
          errors={errors}
        />
        <fieldset className="field" id="baseline-weeks" tabIndex={-1}>
          <legend>Stay at each level for</legend>
          {['1', '2'].map((weeks) => (
            <div className="tool-choice" key={weeks}>
              <input type="radio" id={`baseline-weeks-${weeks}`} name="baseline-weeks" value={weeks} checked={state.weeksPerLevel === weeks} onChange={() => update({ weeksPerLevel: weeks })} />
              <label htmlFor={`baseline-weeks-${weeks}`}>{weeks === '1' ? '1 week' : '2 weeks'}</label>
            </div>
          ))}
        </fieldset>
      </fieldset>

      <section className="tool__result" aria-labelledby="baseline-plan">
        <Heading id="baseline-plan">The build-up</Heading>
        <p role="status">
          {plan?.ok
            ? `${plan.levels.length} levels, from ${amount(plan.levels[0]!.amount)} to ${amount(plan.levels.at(-1)!.amount)}, reaching the target in week ${plan.weeksToTarget}.`
            : 'Enter a starting level, a target and the size of each increase to see the plan.'}
        </p>
        {plan?.ok && (
          <>
            <StepChart levels={plan.levels} unit={unit} />
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Each level and the week it starts</caption>
                <thead>
                  <tr>
                    <th scope="col">From week</th>
                    <th scope="col">Level</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.levels.map((l) => (
                    <tr key={l.week}>
                      <td>{l.week}</td>
                      <td>{amount(l.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <Heading>If pain goes up after an increase</Heading>
        <ul>
          {ifPainRises.map((option) => (
            <li key={option}>{option}</li>
          ))}
        </ul>
      </section>
    </ToolFrame>
  );
}
