/** Planning for good spells and flare-ups, and a personal flare-up plan of up to six actions. */

/** Ideas for a good spell, from the workbook's list. */
export const goodSpellIdeas: readonly string[] = [
  'Move my exercises and goals on, a small step at a time',
  'Set myself a new goal',
  'Talk to my doctor about cutting down my medication',
  'Make time for things I enjoy',
  'Plan ahead',
  'Keep active, and keep pacing even when I feel well',
  'Keep up my relaxation practice',
];

/** Ideas for a flare-up, from the workbook's list. */
export const flareUpIdeas: readonly string[] = [
  'Keep going with my usual day as far as I can, in smaller pieces',
  'Look again at my baselines, and drop back for a while if I need to',
  'Look again at my medication, and ask my doctor or pharmacist if unsure',
  'Set small goals to get back to where I was',
  'Use relaxation, such as slow breathing',
  'Give myself some personal time',
  'Look for a trigger and plan for next time, knowing there often is none',
];

export const maxActions = 6;
export const maxActionLength = 200;

export type PlanChange = { ok: true; actions: string[] } | { ok: false; message: string };

/** Adds an action to the personal plan: refused when blank, too long, already there, or the plan is full. */
export function addAction(actions: readonly string[], action: string): PlanChange {
  const text = action.trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, message: 'Write the action first, such as “Walk for half my usual time, twice a day”.' };
  if (text.length > maxActionLength) return { ok: false, message: `Keep each action under ${maxActionLength} characters, so it is quick to read in a flare-up.` };
  if (actions.some((a) => a.toLowerCase() === text.toLowerCase())) return { ok: false, message: 'That action is already in the plan.' };
  if (actions.length >= maxActions) return { ok: false, message: `The plan already has ${maxActions} actions: remove one to add another.` };
  return { ok: true, actions: [...actions, text] };
}

/** Own ideas typed one a line, tidied: blank lines dropped, repeats kept once. */
export function ownIdeas(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line && !seen.has(line.toLowerCase()) && seen.add(line.toLowerCase()));
}
