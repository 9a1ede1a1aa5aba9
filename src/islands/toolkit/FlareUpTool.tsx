import { useState } from 'react';
import { addAction, flareUpIdeas, goodSpellIdeas, maxActions } from '../../lib/toolkit/flare-up';
import { flareUpSheet, type FlareUpState } from '../../lib/toolkit/sheets';
import TextField from './TextField';
import ToolFrame from './ToolFrame';
import { useShownErrors, useToolState, type ShownErrors } from './use-tool-state';

const initial: FlareUpState = { patient: '', goodSpell: [], goodSpellOwn: '', flareUp: [], flareUpOwn: '', actions: [] };

interface IdeasProps {
  id: string;
  legend: string;
  ideas: readonly string[];
  chosen: string[];
  onChosen: (chosen: string[]) => void;
  own: string;
  onOwn: (own: string) => void;
  errors: ShownErrors;
}

function Ideas({ id, legend, ideas, chosen, onChosen, own, onOwn, errors }: IdeasProps) {
  return (
    <fieldset className="tool__group">
      <legend>{legend}</legend>
      {ideas.map((idea, i) => (
        <div className="tool-choice" key={idea}>
          <input
            type="checkbox"
            id={`${id}-${i + 1}`}
            checked={chosen.includes(idea)}
            // Kept in the list's order, whatever order they were ticked in.
            onChange={(e) => onChosen(ideas.filter((other) => (other === idea ? e.target.checked : chosen.includes(other))))}
          />
          <label htmlFor={`${id}-${i + 1}`}>{idea}</label>
        </div>
      ))}
      <TextField id={`${id}-own`} label="Your own ideas, one a line" rows={3} value={own} onChange={onOwn} errors={errors} />
    </fieldset>
  );
}

/** The flare-up plan: ideas for good spells and flare-ups, the patient's own, and a personal plan of up to six actions. */
export default function FlareUpTool({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const store = useToolState('flare-up', initial);
  const errors = useShownErrors();
  const { state, update } = store;
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string>();
  const problems: Record<string, string> = state.actions.length === 0 ? { 'flare-up-action': 'Add at least one action to the personal flare-up plan.' } : {};

  function add() {
    const change = addAction(state.actions, draft);
    errors.leave('flare-up-action');
    if (!change.ok) {
      setDraftError(change.message);
      return;
    }
    update({ actions: change.actions });
    setDraft('');
    setDraftError(undefined);
  }

  function remove(index: number) {
    update({ actions: state.actions.filter((_, i) => i !== index) });
    requestAnimationFrame(() => document.getElementById('flare-up-action')?.focus());
  }

  return (
    <ToolFrame id="flare-up" store={store} errors={errors} problems={problems} sheet={state.actions.length > 0 ? () => flareUpSheet(state) : undefined}>
      <Ideas id="flare-up-good" legend="In a good spell" ideas={goodSpellIdeas} chosen={state.goodSpell} onChosen={(goodSpell) => update({ goodSpell })} own={state.goodSpellOwn} onOwn={(goodSpellOwn) => update({ goodSpellOwn })} errors={errors} />
      <Ideas id="flare-up-bad" legend="During a flare-up" ideas={flareUpIdeas} chosen={state.flareUp} onChosen={(flareUp) => update({ flareUp })} own={state.flareUpOwn} onOwn={(flareUpOwn) => update({ flareUpOwn })} errors={errors} />

      <section className="tool__result" aria-labelledby="flare-up-plan">
        <Heading id="flare-up-plan">The personal flare-up plan</Heading>
        <p className="hint">
          Up to {maxActions} things to do as soon as a flare-up starts, in the patient’s own words. “Keep going” is vague; “walk for half my usual time, twice a day” is
          something to do.
        </p>
        <p role="status">{`${state.actions.length} of ${maxActions} actions in the plan.`}</p>
        {state.actions.length > 0 && (
          <ol className="tool__list">
            {state.actions.map((action, i) => (
              <li key={action}>
                <span>{action}</span>
                <button className="button button--secondary" type="button" aria-label={`Remove action ${i + 1}: ${action}`} onClick={() => remove(i)}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="tool__row">
          <TextField
            id="flare-up-action"
            label="An action"
            value={draft}
            onChange={(text) => {
              setDraft(text);
              setDraftError(undefined);
            }}
            error={draftError ?? problems['flare-up-action']}
            errors={errors}
            onEnter={add}
          />
          <button className="button" type="button" onClick={add}>
            Add to the plan
          </button>
        </div>
      </section>
    </ToolFrame>
  );
}
