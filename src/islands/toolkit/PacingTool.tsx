import { formatClock, maxParts, pacingIdeas, pacingPlan } from '../../lib/toolkit/pacing';
import { pacingSheet, type PacingState } from '../../lib/toolkit/sheets';
import TextField from './TextField';
import ToolFrame from './ToolFrame';
import { useShownErrors, useToolState } from './use-tool-state';

const blankPart = { name: '', minutes: '' };
const initial: PacingState = { patient: '', task: '', prioritise: '', plan: '', evaluate: '', parts: [blankPart, blankPart, blankPart], spell: '', rest: '', start: '09:00' };
const idea = Object.fromEntries(pacingIdeas.map((i) => [i.key, i])) as Record<(typeof pacingIdeas)[number]['key'], (typeof pacingIdeas)[number]>;

/** The pacing planner: a task in parts, shared into spells no longer than the tolerance level, with rests between. */
export default function PacingTool({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const store = useToolState('pacing', initial);
  const errors = useShownErrors();
  const { state, update } = store;
  const result = pacingPlan(state);
  const problems: Record<string, string> = {};
  if (!result.ok) for (const [key, message] of Object.entries(result.errors)) problems[`pacing-${key}`] = message;

  const setPart = (index: number, patch: Partial<typeof blankPart>) => update({ parts: state.parts.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const movePart = (index: number, by: -1 | 1) => {
    const parts = [...state.parts];
    [parts[index], parts[index + by]] = [parts[index + by]!, parts[index]!];
    update({ parts });
    // Focus follows the part that moved, so the keyboard user can keep moving it.
    requestAnimationFrame(() => document.getElementById(`pacing-part-${index + by + 1}-${by < 0 ? 'up' : 'down'}`)?.focus());
  };
  const removePart = (index: number) => {
    update({ parts: state.parts.filter((_, i) => i !== index) });
    requestAnimationFrame(() => document.getElementById(`pacing-part-${Math.max(1, index)}-name`)?.focus());
  };

  return (
    <ToolFrame id="pacing" store={store} errors={errors} problems={problems} sheet={result.ok ? () => pacingSheet(state, result) : undefined}>
      <TextField id="pacing-task" label="The task" hint="One that often leads to overdoing it, such as cleaning the house." value={state.task} onChange={(task) => update({ task })} error={problems['pacing-task']} errors={errors} />
      <TextField id="pacing-prioritise" label={idea.prioritise.label} hint={idea.prioritise.question} rows={2} value={state.prioritise} onChange={(prioritise) => update({ prioritise })} errors={errors} />

      <fieldset className="tool__group" id="pacing-parts" tabIndex={-1}>
        <legend>{idea.plan.label}: the parts of the task, in order</legend>
        <p className="hint">{idea.plan.question} Put what matters most first.</p>
        {problems['pacing-parts'] && <p className="error-message">{problems['pacing-parts']}</p>}
        {state.parts.map((part, i) => {
          const n = i + 1;
          return (
            <div className="tool__row" key={i}>
              <TextField id={`pacing-part-${n}-name`} label={`Part ${n}`} value={part.name} onChange={(name) => setPart(i, { name })} error={problems[`pacing-part-${n}-name`]} errors={errors} />
              <TextField id={`pacing-part-${n}-minutes`} label="Minutes" numeric value={part.minutes} onChange={(minutes) => setPart(i, { minutes })} error={problems[`pacing-part-${n}-minutes`]} errors={errors} />
              <div className="tool__row-actions">
                {i > 0 && (
                  <button id={`pacing-part-${n}-up`} className="button button--secondary" type="button" aria-label={`Move part ${n} up`} onClick={() => movePart(i, -1)}>
                    Up
                  </button>
                )}
                {i < state.parts.length - 1 && (
                  <button id={`pacing-part-${n}-down`} className="button button--secondary" type="button" aria-label={`Move part ${n} down`} onClick={() => movePart(i, 1)}>
                    Down
                  </button>
                )}
                {state.parts.length > 1 && (
                  <button className="button button--secondary" type="button" aria-label={`Remove part ${n}`} onClick={() => removePart(i)}>
                    Remove
                  </button>
                )}
              </div>
            </div>
          );
        })}
        {state.parts.length < maxParts && (
          <button className="button button--secondary" type="button" onClick={() => update({ parts: [...state.parts, blankPart] })}>
            Add a part
          </button>
        )}
        <TextField id="pacing-plan" label="Other ideas for the plan" hint="Help to ask for, another way to do a part, parts to move to another day." rows={2} value={state.plan} onChange={(plan) => update({ plan })} errors={errors} />
      </fieldset>

      <fieldset className="tool__group">
        <legend>{idea.tolerance.label}</legend>
        <p className="hint">{idea.tolerance.question} Use the baseline for the activity if there is one.</p>
        <div className="tool__days">
          <TextField id="pacing-spell" label="Longest spell of activity (minutes)" numeric value={state.spell} onChange={(spell) => update({ spell })} error={problems['pacing-spell']} errors={errors} />
          <TextField id="pacing-rest" label="Rest between spells (minutes)" numeric value={state.rest} onChange={(rest) => update({ rest })} error={problems['pacing-rest']} errors={errors} />
          <TextField id="pacing-start" label="Start at" type="time" value={state.start} onChange={(start) => update({ start })} error={problems['pacing-start']} errors={errors} />
        </div>
      </fieldset>

      <section className="tool__result" aria-labelledby="pacing-result">
        <Heading id="pacing-result">The day’s plan</Heading>
        <p role="status" id="pacing-day" tabIndex={-1} className={problems['pacing-day'] ? 'error-message' : undefined}>
          {result.ok
            ? `${result.spells} ${result.spells === 1 ? 'spell' : 'spells'} of activity, ${result.activityMinutes} minutes in all, from ${formatClock(result.periods[0]!.from)} to ${formatClock(result.periods.at(-1)!.to)}.`
            : (problems['pacing-day'] ?? 'Fill in the task, its parts, the longest spell and the rest to see the plan.')}
        </p>
        {result.ok && (
          <div className="table-wrap">
            <table className="pacing-table">
              <caption className="visually-hidden">The plan for {state.task}</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Activity or rest</th>
                </tr>
              </thead>
              <tbody>
                {result.periods.map((p) => (
                  <tr key={p.from} className={p.kind === 'rest' ? 'pacing-table__rest' : undefined}>
                    <td>
                      {formatClock(p.from)} to {formatClock(p.to)}
                    </td>
                    <td>{p.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <TextField id="pacing-evaluate" label={idea.evaluate.label} hint={idea.evaluate.question} rows={2} value={state.evaluate} onChange={(evaluate) => update({ evaluate })} errors={errors} />
    </ToolFrame>
  );
}
