/**
 * When the certificate rule was first met: the later of the moment enough steps were done (the required-th
 * completion, earliest first, counting only steps still in the course) and the first pass of each assessment.
 * Pure; null when the rule is not met by these records.
 */
export function ruleMetAt(
  completions: readonly { stepId: string; completedAt: Date }[],
  stepIds: ReadonlySet<string>,
  requiredSteps: number,
  assessmentQuizIds: readonly string[],
  firstPasses: ReadonlyMap<string, Date>,
): Date | null {
  const counted = completions.filter((c) => stepIds.has(c.stepId)).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  if (requiredSteps < 1 || counted.length < requiredSteps) return null;
  const moments = [counted[requiredSteps - 1]!.completedAt];
  for (const quizId of assessmentQuizIds) {
    const passed = firstPasses.get(quizId);
    if (!passed) return null;
    moments.push(passed);
  }
  return new Date(Math.max(...moments.map((d) => d.getTime())));
}
