import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEligibility, requiredSteps } from '../../../src/lib/progress/eligibility';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `step-${i + 1}`);
const finalAssessment = { quizId: 'final', title: 'Final assessment' };

describe('the certificate rule', () => {
  it('is met at exactly 90% of steps with every assessment passed', () => {
    const result = checkEligibility({
      stepIds: ids(10),
      completedStepIds: ids(9),
      threshold: 0.9,
      assessments: [finalAssessment],
      passedQuizIds: ['final'],
    });
    expect(result).toMatchObject({ eligible: true, requiredSteps: 9, completedSteps: 9, percent: 90, missing: [] });
  });

  it('is not met at 89.9%, and says how many steps are left', () => {
    // 899 of 1000 steps is 89.9%: 900 are needed.
    const result = checkEligibility({
      stepIds: ids(1000),
      completedStepIds: ids(899),
      threshold: 0.9,
      assessments: [],
      passedQuizIds: [],
    });
    expect(result.eligible).toBe(false);
    expect(result.stepsToGo).toBe(1);
    expect(result.missing).toEqual(['Complete 1 more step (899 of 1000 done; 900 needed).']);
  });

  it('rounds the requirement up without floating-point error', () => {
    expect(requiredSteps(0.9, 70)).toBe(63);
    expect(requiredSteps(0.9, 62)).toBe(56);
    expect(requiredSteps(0.9, 1)).toBe(1);
    expect(requiredSteps(0.9, 0)).toBe(0);
  });

  it('never holds for a course with no steps', () => {
    const result = checkEligibility({ stepIds: [], completedStepIds: [], threshold: 0.9, assessments: [], passedQuizIds: [] });
    expect(result.eligible).toBe(false);
    expect(result.percent).toBe(0);
    expect(result.missing).toEqual(['This course has no steps yet.']);
  });

  it('ignores completed steps that are no longer in the course', () => {
    const result = checkEligibility({
      stepIds: ids(10),
      completedStepIds: [...ids(8), 'removed-1', 'removed-2'],
      threshold: 0.9,
      assessments: [],
      passedQuizIds: [],
    });
    expect(result.completedSteps).toBe(8);
    expect(result.eligible).toBe(false);
  });

  it('requires every assessment: a missing or failed one is named', () => {
    const result = checkEligibility({
      stepIds: ids(10),
      completedStepIds: ids(10),
      threshold: 0.9,
      assessments: [finalAssessment, { quizId: 'mid', title: 'Mid-course assessment' }],
      passedQuizIds: ['mid', 'some-other-quiz'],
    });
    expect(result.eligible).toBe(false);
    expect(result.assessmentsToPass).toEqual([finalAssessment]);
    expect(result.missing).toEqual(['Pass the Final assessment.']);
  });

  it('never holds below the threshold, whatever the course (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.boolean(),
        (total, doneRaw, threshold, passed) => {
          const done = Math.min(doneRaw, total);
          const result = checkEligibility({
            stepIds: ids(total),
            completedStepIds: ids(done),
            threshold,
            assessments: [finalAssessment],
            passedQuizIds: passed ? ['final'] : [],
          });
          if (result.eligible) {
            expect(total).toBeGreaterThan(0);
            expect(done / total).toBeGreaterThanOrEqual(threshold - 1e-9);
            expect(passed).toBe(true);
          }
          if (total > 0 && done / total >= threshold && passed) expect(result.eligible).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
