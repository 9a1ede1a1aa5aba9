import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { answersFromForm } from '../lib/quizzes/form-answers';
import { encodeLayout, type Answers, type Layout, type Scored } from '../lib/quizzes/scoring';
import QuizFeedback from './QuizFeedback';
import QuizIntro from './QuizIntro';
import { markStepCompleteOnPage } from './mark-step-complete';

/** A question as the browser may see it: no answer key and no feedback. */
export interface QuizQuestion {
  id: string;
  text: string;
  type: 'single' | 'multiple';
  options: { id: string; text: string }[];
}

interface Props {
  kind: 'quiz' | 'assessment';
  passMark: number;
  questions: QuizQuestion[];
  /** The order to show questions and options in. */
  layout: Layout;
  /** The step page, which takes the same form without JavaScript. */
  action: string;
  /** The JSON endpoint that scores an attempt. */
  endpoint: string;
  attempts: number;
  best: number;
  /** Why the last plain-form submission could not be marked, with what was chosen then. */
  problems?: string[];
  chosen?: Answers;
}

type Reply = { scored: Scored; nextLayout: Layout } | { error?: string; problems?: string[] };

/**
 * A test or assessment. It renders a plain form that posts to the step page, so it works without JavaScript;
 * hydrated, it posts the answers as JSON and shows the feedback in place.
 */
export default function QuizIsland(props: Props) {
  const { kind, passMark, questions, action, endpoint } = props;
  const [layout, setLayout] = useState(props.layout);
  const [nextLayout, setNextLayout] = useState(props.layout);
  const [problems, setProblems] = useState(props.problems ?? []);
  const [result, setResult] = useState<Scored | null>(null);
  const [history, setHistory] = useState({ attempts: props.attempts, best: props.best });
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problemsBox = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const byId = new Map(questions.map((q) => [q.id, q]));

  // Focus follows what just happened: the result, the problems, or the fresh form after Try again.
  useEffect(() => {
    if (result) summary.current?.focus();
  }, [result]);
  useEffect(() => {
    if (problems.length > 0) problemsBox.current?.focus();
  }, [problems]);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.current || busy) return;
    setBusy(true);
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ answers: answersFromForm(new FormData(form.current)), layout }),
      });
      if (response.status === 401) {
        window.location.assign(`/signin?next=${encodeURIComponent(window.location.pathname)}`);
        return;
      }
      const reply = (await response.json()) as Reply;
      if ('scored' in reply) {
        setProblems([]);
        setResult(reply.scored);
        setNextLayout(reply.nextLayout);
        setHistory((h) => ({ attempts: h.attempts + 1, best: Math.max(h.best, reply.scored.score) }));
        // The attempt has completed the step on the server; this brings the page's completion controls up to date.
        markStepCompleteOnPage();
      } else {
        setProblems(reply.problems ?? [reply.error ?? 'Your answers could not be marked. Reload the page and try again.']);
      }
    } catch {
      setProblems(['Your answers could not be sent. Check your connection and try again.']);
    } finally {
      setBusy(false);
    }
  }

  function tryAgain() {
    setResult(null);
    setLayout(nextLayout);
    setRound((r) => r + 1);
    // After the fresh form renders, start at its first choice.
    requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('input:not([type="hidden"])')?.focus());
  }

  return (
    <>
      <QuizIntro questions={questions.length} kind={kind} passMark={passMark} attempts={history.attempts} best={history.best} />
      <div className="quiz-result" aria-live="polite">
        {result && <QuizFeedback scored={result} kind={kind} passMark={passMark} summaryRef={summary} />}
      </div>
      {result ? (
        <p>
          <button className="button" type="button" onClick={tryAgain}>
            Try again
          </button>
        </p>
      ) : (
        <form key={round} ref={form} method="post" action={action} className="quiz-form" noValidate onSubmit={submit}>
          {problems.length > 0 && (
            <div className="error-summary" role="alert" tabIndex={-1} ref={problemsBox}>
              <h3>Your answers could not be marked</h3>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <input type="hidden" name="intent" value="answers" />
          <input type="hidden" name="layout" value={encodeLayout(layout)} />
          {layout.map(([questionId, optionIds], index) => {
            const question = byId.get(questionId);
            if (!question) return null;
            const multiple = question.type === 'multiple';
            return (
              <fieldset className="field question" key={questionId}>
                <legend>
                  <span className="muted">Question {index + 1}. </span>
                  {question.text}
                  {multiple && <span className="hint"> Choose all that apply.</span>}
                </legend>
                {optionIds.map((optionId) => {
                  const option = question.options.find((o) => o.id === optionId);
                  const id = `q-${questionId}-${optionId}`;
                  return (
                    option && (
                      <div className="choice" key={optionId}>
                        <input
                          type={multiple ? 'checkbox' : 'radio'}
                          id={id}
                          name={`q.${questionId}`}
                          value={optionId}
                          defaultChecked={round === 0 && (props.chosen?.[questionId]?.includes(optionId) ?? false)}
                        />
                        <label htmlFor={id}>{option.text}</label>
                      </div>
                    )
                  );
                })}
              </fieldset>
            );
          })}
          <button className="button" type="submit" disabled={busy}>
            Submit answers
          </button>
        </form>
      )}
    </>
  );
}
