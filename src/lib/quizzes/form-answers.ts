import type { Answers } from './scoring';

/** Reads answers from form fields named "q.<questionId>" (checkboxes repeat the name). */
export function answersFromForm(data: FormData): Answers {
  const answers: Answers = {};
  for (const [key, value] of data) {
    if (!key.startsWith('q.') || typeof value !== 'string') continue;
    (answers[key.slice(2)] ??= []).push(value);
  }
  return answers;
}

/** Reads answers from a JSON body; null when it is not an object of string arrays. */
export function answersFromJson(value: unknown): Answers | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const answers: Answers = {};
  for (const [key, chosen] of Object.entries(value)) {
    if (!Array.isArray(chosen) || !chosen.every((c) => typeof c === 'string')) return null;
    answers[key] = chosen;
  }
  return answers;
}
