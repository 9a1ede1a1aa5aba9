/** What the console's SQL needs to know about a course's structure now. Pure. */
import type { Outline } from '../courses/outline';
import { requiredSteps } from '../progress/eligibility';

export interface CourseScope {
  courseSlug: string;
  /** Ids of the steps in the course now: completions of removed steps do not count, as in the certificate rule. */
  stepIds: string[];
  /** Steps done to reach 50% (the percentage shown is rounded down, so half of 7 steps is 4); at least 1. */
  halfway: number;
  /** Steps done for the certificate rule; null when the course has no steps, so nobody is eligible. */
  required: number | null;
  /** Bank ids of the assessments every eligible learner has passed. */
  assessmentIds: string[];
}

export function courseScope(courseSlug: string, outline: Pick<Outline, 'steps' | 'assessments'>, threshold: number): CourseScope {
  const total = outline.steps.length;
  return {
    courseSlug,
    stepIds: outline.steps.map((s) => s.id),
    halfway: Math.max(1, Math.ceil(total / 2)),
    required: total === 0 ? null : requiredSteps(threshold, total),
    assessmentIds: outline.assessments.map((a) => a.quizId),
  };
}
