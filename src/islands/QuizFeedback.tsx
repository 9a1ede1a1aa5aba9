import type { Ref } from 'react';
import type { Scored } from '../lib/quizzes/scoring';

interface Props {
  scored: Scored;
  kind: 'quiz' | 'assessment';
  passMark: number;
  /** The summary, which takes focus after a submission. */
  summaryRef?: Ref<HTMLDivElement>;
}

/**
 * The result of an attempt: the score, passed or not, and per question whether it was right with the feedback
 * of each chosen option. The quiz island shows it after submitting; the page renders it as plain HTML without JavaScript.
 */
export default function QuizFeedback({ scored, kind, passMark, summaryRef }: Props) {
  const verdict =
    kind === 'assessment'
      ? scored.passed
        ? `Passed: you reached the pass mark of ${passMark}%.`
        : `Not passed: the pass mark is ${passMark}%. Read the feedback and try again.`
      : 'Read the feedback below, then try again if you wish.';
  return (
    <>
      <div id="quiz-result" ref={summaryRef} tabIndex={-1} className={scored.passed || kind === 'quiz' ? 'notice notice--success' : 'notice'}>
        <h3>Your score: {scored.score}%</h3>
        <p>
          You answered {scored.correctCount} of {scored.total} questions correctly. {verdict}
        </p>
      </div>
      <ol className="feedback-list">
        {scored.results.map((r) => (
          <li key={r.questionId}>
            <p>
              <strong>{r.text}</strong>
            </p>
            <p className={r.correct ? 'status--done' : 'error-message'}>{r.correct ? 'Correct' : 'Not correct'}</p>
            <ul>
              {r.options
                .filter((o) => o.chosen)
                .map((o) => (
                  <li key={o.id}>
                    You chose: {o.text}. <span className="muted">{o.feedback}</span>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
