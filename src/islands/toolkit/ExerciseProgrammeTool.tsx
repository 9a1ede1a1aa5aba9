import { checkProgramme, exercises, formatDose, levels, type Choice } from '../../lib/toolkit/exercises';
import { exerciseProgrammeSheet, type ExerciseProgrammeState } from '../../lib/toolkit/sheets';
import TextField from './TextField';
import ToolFrame from './ToolFrame';
import { useShownErrors, useToolState } from './use-tool-state';

const initial: ExerciseProgrammeState = { patient: '', choices: [] };

/** The home exercise programme: the workbook's exercises at three levels, chosen with sets and amounts. */
export default function ExerciseProgrammeTool({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const store = useToolState('exercise-programme', initial);
  const errors = useShownErrors();
  const { state, update } = store;
  const programme = checkProgramme(state.choices);
  const problems: Record<string, string> = {};
  if (!programme.ok) for (const [key, message] of Object.entries(programme.errors)) problems[`exercise-${key}`] = message;

  const choice = (id: string) => state.choices.find((c) => c.id === id);
  const choose = (id: string, on: boolean) =>
    update({ choices: on ? [...state.choices, { id, sets: '2', amount: '' }] : state.choices.filter((c) => c.id !== id) });
  const setChoice = (id: string, patch: Partial<Choice>) => update({ choices: state.choices.map((c) => (c.id === id ? { ...c, ...patch } : c)) });

  return (
    <ToolFrame id="exercise" store={store} errors={errors} problems={problems} sheet={programme.ok ? () => exerciseProgrammeSheet(state.patient, programme.items) : undefined}>
      {levels.map((group, g) => (
        <fieldset className="tool__group" key={group.level} id={g === 0 ? 'exercise-choose' : undefined} tabIndex={g === 0 ? -1 : undefined}>
          <legend>{group.title}</legend>
          <p className="hint">{group.summary}</p>
          {exercises
            .filter((exercise) => exercise.level === group.level)
            .map((exercise) => {
              const chosen = choice(exercise.id);
              const id = `exercise-${exercise.id}`;
              return (
                <div className="exercise" key={exercise.id}>
                  <div className="tool-choice">
                    <input type="checkbox" id={id} checked={Boolean(chosen)} onChange={(e) => choose(exercise.id, e.target.checked)} />
                    <label htmlFor={id}>{exercise.name}</label>
                  </div>
                  <details className="exercise__how">
                    <summary>
                      How to do it<span className="visually-hidden">: {exercise.name}</span>
                    </summary>
                    <ol>
                      {exercise.how.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ol>
                  </details>
                  {chosen && (
                    <div className="tool__days">
                      <TextField id={`${id}-sets`} label={`${exercise.name}: sets`} numeric value={chosen.sets} onChange={(sets) => setChoice(exercise.id, { sets })} error={problems[`${id}-sets`]} errors={errors} />
                      <TextField
                        id={`${id}-amount`}
                        label={`${exercise.name}: ${exercise.measure} a set`}
                        numeric
                        value={chosen.amount}
                        onChange={(amount) => setChoice(exercise.id, { amount })}
                        error={problems[`${id}-amount`]}
                        errors={errors}
                      />
                    </div>
                  )}
                </div>
              );
            })}
        </fieldset>
      ))}

      <section className="tool__result" aria-labelledby="exercise-programme">
        <Heading id="exercise-programme">The programme</Heading>
        <p role="status">
          {state.choices.length === 0
            ? 'No exercises chosen yet.'
            : `${state.choices.length} ${state.choices.length === 1 ? 'exercise' : 'exercises'} chosen.`}
        </p>
        {programme.ok && (
          <ul>
            {programme.items.map((item) => (
              <li key={item.exercise.id}>
                {item.exercise.name}: {formatDose(item, item.exercise.measure)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </ToolFrame>
  );
}
