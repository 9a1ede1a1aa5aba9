interface Props {
  questions: number;
  kind: 'quiz' | 'assessment';
  passMark: number;
  attempts: number;
  best: number;
}

/** The line under a test's title: its size, how it is passed, and the learner's attempts so far. */
export default function QuizIntro({ questions, kind, passMark, attempts, best }: Props) {
  return (
    <p className="muted">
      {questions} questions.{' '}
      {kind === 'assessment' ? `Pass mark ${passMark}%. You may try as often as you like; your best attempt counts.` : 'Try it as often as you like.'}
      {attempts > 0 && ` Attempts so far: ${attempts}; best score ${best}%.`}
    </p>
  );
}
