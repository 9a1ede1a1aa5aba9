import { formatWeeks, goalWeeks, maxSteps, scheduleSteps, smartFlags, smartParts } from '../../lib/toolkit/smart';
import { smartGoalSheet, type SmartGoalState } from '../../lib/toolkit/sheets';
import TextField from './TextField';
import ToolFrame from './ToolFrame';
import { useShownErrors, useToolState } from './use-tool-state';

const initial: SmartGoalState = { patient: '', goal: '', specific: '', measurable: '', applicable: '', rewarding: '', timed: '', steps: ['', '', ''] };

/** The SMART goal builder: a goal, its five parts with examples, what is still vague, and its steps over time. */
export default function SmartGoalTool({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const store = useToolState('smart-goal', initial);
  const errors = useShownErrors();
  const { state, update } = store;
  const flags = smartFlags(state);
  const weeks = goalWeeks(state);
  const schedule = scheduleSteps(state.steps, weeks);
  const problems: Record<string, string> = state.goal.trim() ? {} : { 'smart-goal-goal': 'Write the goal in one sentence.' };
  const setStep = (index: number, text: string) => update({ steps: state.steps.map((s, i) => (i === index ? text : s)) });
  const removeStep = (index: number) => {
    update({ steps: state.steps.filter((_, i) => i !== index) });
    // The button goes with its step, so focus moves to the step before it (or the new first step).
    requestAnimationFrame(() => document.getElementById(`smart-goal-step-${Math.max(1, index)}`)?.focus());
  };

  return (
    <ToolFrame id="smart-goal" store={store} errors={errors} problems={problems} sheet={state.goal.trim() ? () => smartGoalSheet(state) : undefined}>
      <TextField
        id="smart-goal-goal"
        label="The goal"
        hint="One sentence: what, how much, and by when. For example: cycle for 15 minutes twice a week, in 10 weeks."
        rows={2}
        value={state.goal}
        onChange={(goal) => update({ goal })}
        error={problems['smart-goal-goal']}
        errors={errors}
      />
      <fieldset className="tool__group">
        <legend>The five SMART parts</legend>
        {smartParts.map((part) => (
          <TextField
            key={part.key}
            id={`smart-goal-${part.key}`}
            label={part.label}
            hint={`${part.prompt} For example: ${part.example}`}
            rows={2}
            value={state[part.key]}
            onChange={(text) => update({ [part.key]: text })}
            errors={errors}
          />
        ))}
      </fieldset>

      <section className="tool__result" aria-labelledby="smart-goal-check">
        <Heading id="smart-goal-check">How SMART is it?</Heading>
        <p role="status">
          {!state.goal.trim()
            ? 'Write the goal to check it.'
            : flags.length === 0
              ? 'This goal has an amount, a deadline and all five parts.'
              : `${flags.length} ${flags.length === 1 ? 'thing' : 'things'} to sharpen.`}
        </p>
        {state.goal.trim() && flags.length > 0 && (
          <ul>
            {flags.map((flag) => (
              <li key={flag.message}>{flag.message}</li>
            ))}
          </ul>
        )}
      </section>

      <fieldset className="tool__group">
        <legend>Steps towards the goal</legend>
        <p className="hint">Start with something already manageable, and make each step a little bigger than the last.</p>
        {state.steps.map((step, i) => (
          <div className="tool__row" key={i}>
            <TextField id={`smart-goal-step-${i + 1}`} label={`Step ${i + 1}`} value={step} onChange={(text) => setStep(i, text)} errors={errors} />
            {state.steps.length > 1 && (
              <button className="button button--secondary" type="button" aria-label={`Remove step ${i + 1}`} onClick={() => removeStep(i)}>
                Remove
              </button>
            )}
          </div>
        ))}
        {state.steps.length < maxSteps && (
          <button className="button button--secondary" type="button" onClick={() => update({ steps: [...state.steps, ''] })}>
            Add a step
          </button>
        )}
      </fieldset>
      {schedule.length > 0 && (
        <section className="tool__result" aria-labelledby="smart-goal-plan">
          <Heading id="smart-goal-plan">{weeks ? `The steps over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}` : 'The steps in order'}</Heading>
          <ol>
            {schedule.map((step, i) => (
              <li key={i}>{step.weeks ? `${formatWeeks(step.weeks)}: ${step.text}` : step.text}</li>
            ))}
          </ol>
          {!weeks && <p className="hint">Give the deadline as a length of time, such as “10 weeks”, to share the steps out over it.</p>}
        </section>
      )}
    </ToolFrame>
  );
}
