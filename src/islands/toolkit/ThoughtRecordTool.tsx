import { thoughtRecordSheet, type ThoughtRecordState } from '../../lib/toolkit/sheets';
import { anotherViewQuestions, styleName, suggestStyles, thinkingStyles, thoughtRecordProblems, type ThinkingStyleId } from '../../lib/toolkit/thought-styles';
import TextField from './TextField';
import ToolFrame from './ToolFrame';
import { useShownErrors, useToolState } from './use-tool-state';

const initial: ThoughtRecordState = { patient: '', situation: '', thought: '', feeling: '', behaviour: '', styles: [], alternative: '' };

/** The thought record: situation, thought, feeling and behaviour; the thinking styles; and another view. */
export default function ThoughtRecordTool({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const store = useToolState('thought-record', initial);
  const errors = useShownErrors();
  const { state, update } = store;
  const problems: Record<string, string> = {};
  for (const [key, message] of Object.entries(thoughtRecordProblems(state))) problems[`thought-record-${key}`] = message;
  const suggested = suggestStyles(state.thought);
  const unticked = suggested.filter((id) => !state.styles.includes(id));
  const toggle = (id: ThinkingStyleId, on: boolean) =>
    update({ styles: thinkingStyles.map((s) => s.id).filter((s) => (s === id ? on : state.styles.includes(s))) });

  return (
    <ToolFrame id="thought-record" store={store} errors={errors} problems={problems} sheet={Object.keys(problems).length === 0 ? () => thoughtRecordSheet(state) : undefined}>
      <TextField id="thought-record-situation" label="Situation" hint="Where was it, what was happening, who was there?" rows={2} value={state.situation} onChange={(situation) => update({ situation })} error={problems['thought-record-situation']} errors={errors} />
      <TextField id="thought-record-thought" label="Thought" hint="What went through your mind, in your own words?" rows={2} value={state.thought} onChange={(thought) => update({ thought })} error={problems['thought-record-thought']} errors={errors} />
      <TextField id="thought-record-feeling" label="Feeling" hint="What emotion came with it, such as worried, low, angry or guilty?" value={state.feeling} onChange={(feeling) => update({ feeling })} errors={errors} />
      <TextField id="thought-record-behaviour" label="What you did" hint="What did you do next, or stop doing?" rows={2} value={state.behaviour} onChange={(behaviour) => update({ behaviour })} errors={errors} />

      <fieldset className="tool__group">
        <legend>Thinking styles the thought fits</legend>
        <p className="hint">Many thoughts fit more than one style, or none. Naming the pattern is what matters, not the perfect label.</p>
        <p role="status" className="tool__suggestion">
          {unticked.length > 0 ? `The wording suggests: ${unticked.map(styleName).join(', ')}.` : ''}
        </p>
        {unticked.length > 0 && (
          <button className="button button--secondary" type="button" onClick={() => update({ styles: thinkingStyles.map((s) => s.id).filter((id) => state.styles.includes(id) || suggested.includes(id)) })}>
            Tick the suggested styles
          </button>
        )}
        {thinkingStyles.map((style) => (
          <div className="tool-choice" key={style.id}>
            <input type="checkbox" id={`thought-record-style-${style.id}`} checked={state.styles.includes(style.id)} onChange={(e) => toggle(style.id, e.target.checked)} aria-describedby={`thought-record-style-${style.id}-hint`} />
            <label htmlFor={`thought-record-style-${style.id}`}>{style.name}</label>
            <span className="hint" id={`thought-record-style-${style.id}-hint`}>
              {style.meaning}
            </span>
          </div>
        ))}
      </fieldset>

      <section className="tool__result" aria-labelledby="thought-record-another-view">
        <Heading id="thought-record-another-view">Another view</Heading>
        <ul>
          {anotherViewQuestions.map((question) => (
            <li key={question}>{question}</li>
          ))}
        </ul>
        <TextField id="thought-record-alternative" label="A more helpful way to see it" rows={3} value={state.alternative} onChange={(alternative) => update({ alternative })} errors={errors} />
      </section>
    </ToolFrame>
  );
}
