import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quizBankSchema, type QuizBank } from '../../../src/lib/courses/schema';
import { checkAnswers, decodeLayout, encodeLayout, isValidLayout, makeLayout, score } from '../../../src/lib/quizzes/scoring';

const bank = (kind: 'quiz' | 'assessment'): QuizBank =>
  quizBankSchema.parse({
    id: 'bank',
    title: 'Bank',
    kind,
    passMark: 70,
    questions: [
      { id: 'one', text: 'One?', type: 'single', options: [
        { id: 'a', text: 'A', correct: true, feedback: 'Yes A' },
        { id: 'b', text: 'B', feedback: 'No B' },
      ] },
      { id: 'many', text: 'Many?', type: 'multiple', options: [
        { id: 'a', text: 'A', correct: true, feedback: 'A is right' },
        { id: 'b', text: 'B', correct: true, feedback: 'B is right' },
        { id: 'c', text: 'C', feedback: 'C is wrong' },
      ] },
    ],
  });

describe('scoring', () => {
  const quiz = bank('quiz');
  const layout = makeLayout(quiz);

  it('scores single choice and needs exactly the correct set for multiple choice', () => {
    expect(score(quiz, { one: ['a'], many: ['a', 'b'] }, layout)).toMatchObject({ score: 100, correctCount: 2, passed: true });
    // A partial selection counts as wrong.
    const partial = score(quiz, { one: ['a'], many: ['a'] }, layout);
    expect(partial).toMatchObject({ score: 50, correctCount: 1, passed: false });
    expect(score(quiz, { one: ['b'], many: ['a', 'b', 'c'] }, layout).score).toBe(0);
  });

  it('gives the feedback of each chosen option only', () => {
    const result = score(quiz, { one: ['b'], many: ['a', 'c'] }, layout);
    expect(result.results[1]?.options).toEqual([
      { id: 'a', text: 'A', chosen: true, feedback: 'A is right' },
      { id: 'b', text: 'B', chosen: false },
      { id: 'c', text: 'C', chosen: true, feedback: 'C is wrong' },
    ]);
  });

  it('refuses answers that cannot be scored, saying why', () => {
    expect(checkAnswers(quiz, {})).toEqual(['Choose an answer to each question before you submit.']);
    expect(checkAnswers(quiz, { one: ['a'], many: ['a'], ghost: ['a'] })).toEqual(['There is no question "ghost" in this test.']);
    expect(checkAnswers(quiz, { one: ['z'], many: ['a'] })).toEqual(['Question 1 has an answer that is not one of its options.']);
    expect(checkAnswers(quiz, { one: ['a', 'b'], many: ['a'] })).toEqual(['Question 1 takes one answer only.']);
    expect(checkAnswers(quiz, { one: ['a'] })).toEqual(['Question 2 has no answer.']);
  });

  it("keeps the author's order for tests and shuffles assessments, round-tripping through the form", () => {
    expect(layout).toEqual([['one', ['a', 'b']], ['many', ['a', 'b', 'c']]]);
    const assessment = bank('assessment');
    fc.assert(
      fc.property(fc.infiniteStream(fc.double({ min: 0, max: 0.999999, noNaN: true })), (stream) => {
        const shuffled = makeLayout(assessment, () => stream.next().value);
        expect(isValidLayout(assessment, shuffled)).toBe(true);
        expect(decodeLayout(encodeLayout(shuffled))).toEqual(shuffled);
        // Feedback follows the order shown, whatever it was.
        const scored = score(assessment, { one: ['a'], many: ['b', 'a'] }, shuffled);
        expect(scored.results.map((r) => r.questionId)).toEqual(shuffled.map(([q]) => q));
        expect(scored.score).toBe(100);
      }),
    );
  });

  it('rejects a layout that is not exactly the bank', () => {
    expect(isValidLayout(quiz, [['one', ['a', 'b']]])).toBe(false);
    expect(isValidLayout(quiz, [['one', ['a', 'a']], ['many', ['a', 'b', 'c']]])).toBe(false);
    expect(isValidLayout(quiz, [['one', ['a', 'b']], ['one', ['a', 'b']]])).toBe(false);
    expect(isValidLayout(quiz, 'nonsense')).toBe(false);
  });

  it('passes at exactly the pass mark', () => {
    const ten = quizBankSchema.parse({
      id: 'ten', title: 'Ten', kind: 'assessment', passMark: 70,
      questions: Array.from({ length: 10 }, (_, i) => ({ id: `q${i}`, text: 'Q', type: 'single', options: [
        { id: 'a', text: 'A', correct: true, feedback: 'f' }, { id: 'b', text: 'B', feedback: 'f' },
      ] })),
    });
    const answers = (right: number) => Object.fromEntries(ten.questions.map((q, i) => [q.id, [i < right ? 'a' : 'b']]));
    const order = makeLayout(ten, () => 0.5);
    expect(score(ten, answers(7), order).passed).toBe(true);
    expect(score(ten, answers(6), order).passed).toBe(false);
  });
});
