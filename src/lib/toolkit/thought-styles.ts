/** The six unhelpful thinking styles the patient workbook names, and a thought record built around them. */

export const thinkingStyles = [
  {
    id: 'black-and-white',
    name: 'Black-and-white thinking',
    meaning: 'All or nothing: if it cannot be done fully, or as before, it is not worth doing.',
    cue: /\b(?:might as well|no point|all or nothing|not worth (?:it|bothering|trying)|never again|totally useless|either\b.*\bor)\b/i,
  },
  {
    id: 'catastrophising',
    name: 'Catastrophising',
    meaning: 'Expecting the worst, and feeling it will be too much to cope with.',
    cue: /\b(?:can'?t (?:cope|stand|bear|take)|unbearable|disaster|ruin(?:ed|s)?|the worst|terrible|awful|never get better|end up in a wheelchair|crippled)\b/i,
  },
  {
    id: 'should-must',
    name: 'Should and must statements',
    meaning: 'Rigid rules about what ought to happen, often rules from life before the pain.',
    cue: /\b(?:should(?:n'?t)?|must(?:n'?t)?|ought to|have got to|supposed to)\b/i,
  },
  {
    id: 'jumping-to-conclusions',
    name: 'Jumping to conclusions',
    meaning: 'Deciding what will happen, or what others think, without enough to go on.',
    // "…think(s) I'm": guessing what is in someone else's mind.
    cue: /\b(?:always|every time|(?<!\bi )thinks? (?:i'?m|i am|i'?ll|i will)|bound to|going to (?:flare|happen|go)|i just know|will definitely)\b/i,
  },
  {
    id: 'mental-filter',
    name: 'Mental filter',
    meaning: 'Holding on to the one worrying detail and losing sight of the rest.',
    cue: /\b(?:gets? worse|getting worse|wear and tear|degenerat\w*|crumbling|nothing (?:good|helps|has helped)|all (?:i|they) (?:heard|said|noticed))\b/i,
  },
  {
    id: 'critical-self',
    name: 'Critical self',
    meaning: 'Harsh blame and putting yourself down, even for how you think.',
    cue: /\b(?:my (?:own )?fault|i'?m (?:so )?(?:stupid|useless|pathetic|weak|hopeless|lazy|a failure)|i can'?t even|i'?ve got myself into|i'?m to blame)\b/i,
  },
] as const;

export type ThinkingStyleId = (typeof thinkingStyles)[number]['id'];

/** Styles a thought's wording hints at, for the clinician to confirm or not: many thoughts fit several, or none. */
export function suggestStyles(thought: string): ThinkingStyleId[] {
  const text = thought.replace(/[\u2018\u2019]/g, "'");
  return thinkingStyles.filter((style) => style.cue.test(text)).map((style) => style.id);
}

/** Questions that help find a more balanced view of a thought. */
export const anotherViewQuestions: readonly string[] = [
  'What supports the thought, and what does not?',
  'Has it always been so, or am I thinking of one occasion?',
  'What would I say to a friend who thought this?',
  'What is most likely to happen, rather than the worst?',
  'Does this thought help me do what I want to do?',
];

export interface ThoughtRecord {
  situation: string;
  thought: string;
  feeling: string;
  behaviour: string;
  styles: ThinkingStyleId[];
  alternative: string;
}

/** What must change before the record makes a sheet: the situation and the thought are needed; the rest can be finished on paper. */
export function thoughtRecordProblems(record: ThoughtRecord): Partial<Record<'situation' | 'thought', string>> {
  const problems: Partial<Record<'situation' | 'thought', string>> = {};
  if (!record.situation.trim()) problems.situation = 'Describe the situation: where you were, what you were doing, who was there.';
  if (!record.thought.trim()) problems.thought = 'Write down the thought that went through your mind.';
  return problems;
}

export function styleName(id: ThinkingStyleId): string {
  return thinkingStyles.find((style) => style.id === id)!.name;
}
