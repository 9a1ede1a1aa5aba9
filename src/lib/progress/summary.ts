import type { Outline } from '../courses/outline';
import { checkEligibility, percentDone, type Eligibility, type Standing } from './eligibility';

export interface WeekProgress {
  number: number;
  title: string;
  done: number;
  total: number;
  percent: number;
}

export interface ProgressSummary {
  completed: Set<string>;
  eligibility: Eligibility;
  weeks: WeekProgress[];
  /** The first step not yet done, in course order; undefined when every step is done. */
  nextStepId: string | undefined;
}

/** Everything the To do and Progress pages say about one learner in one course. Pure. */
export function summariseProgress(
  outline: Outline,
  threshold: number,
  completed: Set<string>,
  passedQuizIds: Set<string>,
  standing?: Standing,
): ProgressSummary {
  const eligibility = checkEligibility({
    stepIds: outline.steps.map((s) => s.id),
    completedStepIds: completed,
    threshold,
    assessments: outline.assessments,
    passedQuizIds,
    standing,
  });
  const weeks = outline.weeks.map((w) => {
    const done = w.steps.filter((s) => completed.has(s.id)).length;
    const total = w.steps.length;
    return { number: w.number, title: w.title, done, total, percent: percentDone(done, total) };
  });
  return { completed, eligibility, weeks, nextStepId: outline.steps.find((s) => !completed.has(s.id))?.id };
}

/** The share of a course's steps done, for the header: only steps still in the course count. */
export function coursePercent(outline: Outline, completed: Set<string>): number {
  return percentDone(outline.steps.filter((s) => completed.has(s.id)).length, outline.steps.length);
}
