import type { Question, QuizBank } from '../courses/schema';

/** The order questions and their options were shown in: [questionId, optionIds[]][]. */
export type Layout = [string, string[]][];
/** What a learner chose: option ids per question id. */
export type Answers = Record<string, string[]>;

export interface QuestionResult {
  questionId: string;
  text: string;
  type: Question['type'];
  correct: boolean;
  /** The options in the order shown, with what the learner chose and, for chosen ones, the feedback. */
  options: { id: string; text: string; chosen: boolean; feedback?: string }[];
}

export interface Scored {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  results: QuestionResult[];
}

/** A permutation of the array, from a source of random numbers in [0, 1). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The order to show a bank in: shuffled questions and options for assessments, the author's order for tests. */
export function makeLayout(bank: QuizBank, random: () => number = Math.random): Layout {
  const order = (ids: string[]) => (bank.kind === 'assessment' ? shuffle(ids, random) : ids);
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  return order(bank.questions.map((q) => q.id)).map((qid) => [qid, order(byId.get(qid)?.options.map((o) => o.id) ?? [])]);
}

/** Whether a layout is exactly the bank's questions and options, each once. */
export function isValidLayout(bank: QuizBank, layout: unknown): layout is Layout {
  if (!Array.isArray(layout) || layout.length !== bank.questions.length) return false;
  const seen = new Set<string>();
  for (const entry of layout) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) return false;
    const question = bank.questions.find((q) => q.id === entry[0]);
    if (!question || seen.has(question.id)) return false;
    seen.add(question.id);
    const ids = entry[1] as unknown[];
    const expected = new Set(question.options.map((o) => o.id));
    if (ids.length !== expected.size || new Set(ids).size !== ids.length || !ids.every((id) => typeof id === 'string' && expected.has(id))) {
      return false;
    }
  }
  return true;
}

/** Compact text form of a layout for a hidden form field: "q1:b,a,c;q2:a,b". */
export function encodeLayout(layout: Layout): string {
  return layout.map(([q, options]) => `${q}:${options.join(',')}`).join(';');
}

export function decodeLayout(text: string): Layout {
  return text
    .split(';')
    .filter(Boolean)
    .map((part) => {
      const [q = '', options = ''] = part.split(':');
      return [q, options.split(',').filter(Boolean)];
    });
}

/** Problems with a submission, in words a learner can act on; empty when it can be scored. */
export function checkAnswers(bank: QuizBank, answers: Answers): string[] {
  const problems: string[] = [];
  const questionIds = Object.keys(answers);
  if (questionIds.every((id) => (answers[id] ?? []).length === 0)) return ['Choose an answer to each question before you submit.'];
  for (const id of questionIds) {
    if (!bank.questions.some((q) => q.id === id)) problems.push(`There is no question "${id}" in this test.`);
  }
  bank.questions.forEach((question, index) => {
    const chosen = answers[question.id] ?? [];
    const label = `Question ${index + 1}`;
    if (chosen.length === 0) problems.push(`${label} has no answer.`);
    else if (chosen.some((id) => !question.options.some((o) => o.id === id))) problems.push(`${label} has an answer that is not one of its options.`);
    else if (new Set(chosen).size !== chosen.length) problems.push(`${label} has the same answer twice.`);
    else if (question.type === 'single' && chosen.length > 1) problems.push(`${label} takes one answer only.`);
  });
  return problems;
}

/** Scores a checked submission: a question counts only when exactly its correct options are chosen. */
export function score(bank: QuizBank, answers: Answers, layout: Layout): Scored {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const results = layout.map(([questionId, optionOrder]): QuestionResult => {
    const question = byId.get(questionId) as Question;
    const chosen = new Set(answers[questionId] ?? []);
    const correctIds = question.options.filter((o) => o.correct).map((o) => o.id);
    const correct = correctIds.length === chosen.size && correctIds.every((id) => chosen.has(id));
    const options = optionOrder.map((id) => {
      const option = question.options.find((o) => o.id === id);
      const isChosen = chosen.has(id);
      return { id, text: option?.text ?? '', chosen: isChosen, ...(isChosen && { feedback: option?.feedback }) };
    });
    return { questionId, text: question.text, type: question.type, correct, options };
  });
  const correctCount = results.filter((r) => r.correct).length;
  const total = results.length;
  return {
    score: Math.round((correctCount * 100) / total),
    // Compared in whole numbers so 7 of 10 meets a 70% mark exactly.
    passed: correctCount * 100 >= bank.passMark * total,
    correctCount,
    total,
    results,
  };
}
