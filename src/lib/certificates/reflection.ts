/** The three parts of a weekly reflection, in the order professional bodies ask CPD evidence to take. */
export const reflectionParts = [
  { name: 'learned', label: 'What I learned' },
  { name: 'apply', label: 'How I will apply it in practice' },
  { name: 'next', label: 'What I will do next' },
] as const;
export type ReflectionPart = (typeof reflectionParts)[number]['name'];

export const reflectionMaxLength = 2000;

/** Checks a posted reflection: each part optional but at least one written, none over the limit. Pure. */
export function checkReflection(form: Record<string, string | undefined>):
  | { ok: true; value: Record<ReflectionPart, string> }
  | { ok: false; error: string } {
  const value = Object.fromEntries(reflectionParts.map((p) => [p.name, (form[p.name] ?? '').trim()])) as Record<ReflectionPart, string>;
  if (reflectionParts.every((p) => value[p.name] === '')) return { ok: false, error: 'Write something in at least one of the three boxes.' };
  const long = reflectionParts.find((p) => [...value[p.name]].length > reflectionMaxLength);
  if (long) return { ok: false, error: `"${long.label}" must be at most ${reflectionMaxLength} characters.` };
  return { ok: true, value };
}

/** When a week was completed: the last completion of its steps, once every one is done. Pure. */
export function weekCompletedOn(stepIds: readonly string[], completions: ReadonlyMap<string, Date>): Date | null {
  if (stepIds.length === 0 || !stepIds.every((id) => completions.has(id))) return null;
  return new Date(Math.max(...stepIds.map((id) => completions.get(id)!.getTime())));
}
