/** SMART goals: the five parts, what makes a goal vague, and its steps spread over the time allowed. */

export const smartParts = [
  {
    key: 'specific',
    label: 'Specific',
    prompt: 'What exactly will you do, where, and how often?',
    example: 'Cycle on the exercise bike at the leisure centre for 15 minutes, on Mondays and Thursdays.',
  },
  {
    key: 'measurable',
    label: 'Measurable',
    prompt: 'How will you count or time it, to see your progress?',
    example: 'The bike shows the minutes; I will note them in my diary after each visit.',
  },
  {
    key: 'applicable',
    label: 'Applicable',
    prompt: 'How does it fit your life and what you want to get back to?',
    example: 'I want the stamina to ride with my daughter along the canal path this summer.',
  },
  {
    key: 'rewarding',
    label: 'Rewarding',
    prompt: 'What will reaching it give you?',
    example: 'A day out together, and a coffee at the lock café on the way back.',
  },
  {
    key: 'timed',
    label: 'Timed',
    prompt: 'By when do you aim to reach it?',
    example: 'In 10 weeks.',
  },
] as const;

export type SmartPart = (typeof smartParts)[number]['key'];

export interface SmartGoal extends Record<SmartPart, string> {
  goal: string;
  /** The steps towards the goal, in order; blank rows are ignored. */
  steps: string[];
}

export interface SmartFlag {
  /** The field to look at. */
  field: 'goal' | SmartPart;
  message: string;
}

/** At most this many steps: a goal that needs more is better split into two goals. */
export const maxSteps = 8;

const numberWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|once|twice|half|quarter|dozen|daily|every day|each day';
const hasAmount = (text: string) => /\d/.test(text) || new RegExp(`\\b(?:${numberWords})\\b`, 'i').test(text);

const months = 'january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const counts = `\\d{1,3}|an?|${numberWords}|a couple of|a few`;
const units = 'days?|weeks?|fortnights?|months?|years?';
const deadlinePatterns = [
  // "in 6 weeks", "within a month", "over the next two months", "in a fortnight"
  new RegExp(`\\b(?:in|within|over)\\s+(?:the\\s+next\\s+)?(?:${counts})\\s+(?:${units})\\b`, 'i'),
  /\b(?:in|within)\s+a\s+fortnight\b/i,
  // "by Easter", "by the end of June", "before Christmas", "by my birthday"
  /\b(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(?:the\s+|this\s+|next\s+)?(?:\d\S*|week|month|year|christmas|easter|summer|spring|autumn|winter|half[- ]term|my\s+(?:\w+'s\s+)?(?:birthday|holiday|wedding|anniversary))\b/i,
  new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${months})\\b(?:\\s+\\d{1,4})?`, 'i'),
  // "May" is a month only beside a day or after a preposition: "by May", "3 May", "May 3rd".
  /\b(?:by|in|before|until|of)\s+may\b|\b\d{1,2}(?:st|nd|rd|th)?\s+may\b|\bmay\s+\d+/i,
  /\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b/,
  /\bnext\s+(?:week|month|year)\b|\bend\s+of\s+(?:the\s+)?(?:week|month|year)\b/i,
];
// In the Timed box a length of time alone is a deadline: "10 weeks", "two months".
const bareDuration = new RegExp(`^\\s*(?:(?:in|within|over)\\s+)?(?:${counts})\\s+(?:${units})\\b`, 'i');
const hasDeadline = (text: string) => deadlinePatterns.some((pattern) => pattern.test(text));
// A deadline's number ("in 8 weeks") says when, not how much, so it is set aside before looking for an amount.
const withoutDeadlines = (text: string) =>
  deadlinePatterns.reduce((rest, pattern) => rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), ' '), text);

const vagueWords = /\b(better|fitter|improve[sd]?|some|a bit|a lot|lots|try to|as much as (?:i|you) can|normal|properly|get back)\b/i;

/** What still needs work in a goal: each flag names the field to change and says how. */
export function smartFlags(goal: SmartGoal): SmartFlag[] {
  const flags: SmartFlag[] = [];
  if (!goal.goal.trim()) return [{ field: 'goal', message: 'Write the goal in one sentence first.' }];
  if (!hasAmount(withoutDeadlines([goal.goal, goal.specific, goal.measurable].join(' . ')))) {
    flags.push({ field: 'specific', message: 'No amount: say how much or how often, such as “15 minutes” or “twice a week”.' });
  }
  if (!hasDeadline(`${goal.goal} . ${goal.timed}`) && !bareDuration.test(goal.timed)) {
    flags.push({ field: 'timed', message: 'No deadline: say when you aim to reach it, such as “in 8 weeks” or “by 1 June”.' });
  }
  const vague = vagueWords.exec(`${goal.goal} . ${goal.specific}`);
  if (vague) {
    flags.push({ field: 'specific', message: `“${vague[1]}” is vague: say exactly what you will do, so you will know when it is done.` });
  }
  for (const part of smartParts) {
    if (!goal[part.key].trim()) flags.push({ field: part.key, message: `${part.label} is blank: ${part.prompt.charAt(0).toLowerCase()}${part.prompt.slice(1)}` });
  }
  return flags;
}

const wordNumbers: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const weeksIn: Record<string, number> = { day: 1 / 7, week: 1, fortnight: 2, month: 52 / 12, year: 52 };
const lengthOfTime = /(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|fortnight|month|year)s?\b/i;

function weeksOf(match: RegExpExecArray | null): number | undefined {
  if (!match) return undefined;
  const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : wordNumbers[match[1]!.toLowerCase()]!;
  const weeks = Math.round(count * weeksIn[match[2]!.toLowerCase()]!);
  return weeks >= 1 && weeks <= 520 ? weeks : undefined;
}

/**
 * The weeks a goal allows, when its deadline is a length of time: "10 weeks" in the Timed box, or "in two months"
 * in the goal. Undefined for a date or no deadline. (In the goal the "in" matters: "twice a week" is no deadline.)
 */
export function goalWeeks(goal: Pick<SmartGoal, 'goal' | 'timed'>): number | undefined {
  const timed = new RegExp(`^\\s*(?:(?:in|within|over)\\s+(?:the\\s+next\\s+)?)?${lengthOfTime.source}`, 'i');
  const inGoal = new RegExp(`\\b(?:in|within|over)\\s+(?:the\\s+next\\s+)?${lengthOfTime.source}`, 'i');
  if (/^\s*(?:(?:in|within)\s+)?a\s+fortnight\b/i.test(goal.timed)) return 2;
  return weeksOf(timed.exec(goal.timed)) ?? weeksOf(inGoal.exec(goal.goal));
}

export interface ScheduledStep {
  text: string;
  /** The weeks to work on it, when the goal has a deadline as a length of time. */
  weeks?: { from: number; to: number };
}

/** The goal's steps in order, shared out over the weeks allowed: a step a week or more each, or several to a week. */
export function scheduleSteps(steps: readonly string[], weeks: number | undefined): ScheduledStep[] {
  const written = steps.map((s) => s.trim()).filter(Boolean);
  return written.map((text, i) => {
    if (!weeks) return { text };
    const from = Math.floor((i * weeks) / written.length) + 1;
    const to = Math.max(from, Math.floor(((i + 1) * weeks) / written.length));
    return { text, weeks: { from, to } };
  });
}

/** "Week 3", "Weeks 3 to 4". */
export function formatWeeks(weeks: { from: number; to: number }): string {
  return weeks.from === weeks.to ? `Week ${weeks.from}` : `Weeks ${weeks.from} to ${weeks.to}`;
}
