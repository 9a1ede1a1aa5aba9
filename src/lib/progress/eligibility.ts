/** The certificate rule, in one place: every page that speaks of eligibility asks this function. */

export interface EligibilityInput {
  /** Ids of the steps in the course now. */
  stepIds: readonly string[];
  /** Ids of the steps the learner has completed; ids no longer in the course are ignored. */
  completedStepIds: Iterable<string>;
  /** Share of steps to complete, from course.yaml (0.9). */
  threshold: number;
  /** The assessments in the course now. */
  assessments: readonly { quizId: string; title: string }[];
  /** Bank ids of the assessments the learner has passed. */
  passedQuizIds: Iterable<string>;
  /** The learner's access tier and whether their sign-in email is confirmed; left out, full and confirmed. */
  standing?: Standing;
}

/** What the account itself must have for a certificate: full access and a confirmed email address. */
export interface Standing {
  tier: 'full' | 'limited';
  emailVerified: boolean;
}

export interface Eligibility {
  eligible: boolean;
  totalSteps: number;
  completedSteps: number;
  requiredSteps: number;
  /** Whole per cent of the course's steps done, rounded down so 100 means every step. */
  percent: number;
  stepsToGo: number;
  assessmentsToPass: { quizId: string; title: string }[];
  /** Limited access never earns a certificate. */
  needsUpgrade: boolean;
  /** An unconfirmed email address blocks the certificate, not the studying. */
  needsEmailConfirmation: boolean;
  /** What is still missing, in plain words; empty when eligible. */
  missing: string[];
}

/** ceil(threshold × total) without floating-point error: 0.9 × 70 is 63.00000000000001 in binary. */
export function requiredSteps(threshold: number, total: number): number {
  return Math.ceil(Number((threshold * total).toFixed(9)));
}

/** Whole per cent done, rounded down so 100 means every step. */
export function percentDone(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

export function checkEligibility(input: EligibilityInput): Eligibility {
  const inCourse = new Set(input.stepIds);
  const done = new Set([...input.completedStepIds].filter((id) => inCourse.has(id)));
  const totalSteps = inCourse.size;
  const completedSteps = done.size;
  const required = requiredSteps(input.threshold, totalSteps);
  const stepsToGo = Math.max(0, required - completedSteps);
  const passed = new Set(input.passedQuizIds);
  const assessmentsToPass = input.assessments.filter((a) => !passed.has(a.quizId));

  const needsUpgrade = input.standing?.tier === 'limited';
  const needsEmailConfirmation = input.standing ? !input.standing.emailVerified : false;

  const missing: string[] = [];
  if (needsUpgrade) missing.push('Upgrade to full access: limited access does not include the assessment or the certificate.');
  if (needsEmailConfirmation) missing.push('Confirm your email address with the link we sent you (your account page can send it again).');
  if (totalSteps === 0) missing.push('This course has no steps yet.');
  if (stepsToGo > 0) {
    missing.push(
      `Complete ${stepsToGo} more ${stepsToGo === 1 ? 'step' : 'steps'} (${completedSteps} of ${totalSteps} done; ${required} needed).`,
    );
  }
  for (const a of assessmentsToPass) missing.push(`Pass the ${a.title}.`);

  return {
    eligible: missing.length === 0,
    totalSteps,
    completedSteps,
    requiredSteps: required,
    percent: percentDone(completedSteps, totalSteps),
    stepsToGo,
    assessmentsToPass,
    needsUpgrade,
    needsEmailConfirmation,
    missing,
  };
}
