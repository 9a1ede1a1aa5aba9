import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../../src/lib/progress/eligibility';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `step-${i + 1}`);
const everythingDone = {
  stepIds: ids(10),
  completedStepIds: ids(10),
  threshold: 0.9,
  assessments: [{ quizId: 'final', title: 'Final assessment' }],
  passedQuizIds: ['final'],
};

describe('the certificate rule speaks of the tier and the email address', () => {
  it('is met with full access and a confirmed email', () => {
    expect(checkEligibility({ ...everythingDone, standing: { tier: 'full', emailVerified: true } })).toMatchObject({
      eligible: true,
      needsUpgrade: false,
      needsEmailConfirmation: false,
      missing: [],
    });
  });

  it('is never met with limited access, and says an upgrade is needed', () => {
    const result = checkEligibility({ ...everythingDone, standing: { tier: 'limited', emailVerified: true } });
    expect(result.eligible).toBe(false);
    expect(result.needsUpgrade).toBe(true);
    expect(result.missing).toEqual(['Upgrade to full access: limited access does not include the assessment or the certificate.']);
  });

  it('is not met with an unconfirmed email, which is named beside the steps still to do', () => {
    const result = checkEligibility({ ...everythingDone, completedStepIds: ids(8), standing: { tier: 'full', emailVerified: false } });
    expect(result.eligible).toBe(false);
    expect(result.needsEmailConfirmation).toBe(true);
    expect(result.missing).toEqual([
      'Confirm your email address with the link we sent you (your account page can send it again).',
      'Complete 1 more step (8 of 10 done; 9 needed).',
    ]);
  });
});
