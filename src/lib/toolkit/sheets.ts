/**
 * The patient sheets: what each tool prints, as plain blocks that sheet-pdf.ts lays out on A4. Each takes the tool's
 * state and its checked results; what the patient is to fill in by hand prints as writing lines.
 */
import { formatStart, type Baseline } from './baseline';
import { formatDose, levels, type Choice, type ProgrammeItem } from './exercises';
import { ownIdeas } from './flare-up';
import { formatNumber } from './numbers';
import { formatClock, pacingIdeas, type PacingInput, type PacingPlan } from './pacing';
import { ifPainRises, type Progression, type ProgressionInput } from './progression';
import { formatWeeks, goalWeeks, scheduleSteps, smartFlags, smartParts, type SmartGoal } from './smart';
import { anotherViewQuestions, styleName, type ThoughtRecord } from './thought-styles';

export type SheetBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  /** A question and its answer; a blank answer prints writing lines. */
  | { kind: 'answer'; label: string; text: string; lines?: number }
  /** Blank items print as writing lines. */
  | { kind: 'list'; items: string[]; style: 'bullet' | 'number' | 'tick' }
  /** Blank cells stay empty, with room to write. */
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'staircase'; levels: { week: number; amount: number }[]; unit: string };

export interface Sheet {
  title: string;
  fileName: string;
  /** The patient's name if the clinician gave one; without it the sheet has a line to write it on. */
  patient: string;
  blocks: SheetBlock[];
}

/** Every tool keeps the name for its sheet beside its own fields. */
export interface Named {
  patient: string;
}

const blanks = (count: number) => Array.from({ length: count }, () => '');
const padTo = (items: string[], count: number) => [...items, ...blanks(count - items.length)];

export type SmartGoalState = Named & SmartGoal;

export function smartGoalSheet(state: SmartGoalState): Sheet {
  const steps = scheduleSteps(state.steps, goalWeeks(state));
  const flags = smartFlags(state);
  return {
    title: 'My SMART goal',
    fileName: 'smart-goal.pdf',
    patient: state.patient,
    blocks: [
      { kind: 'answer', label: 'My goal', text: state.goal, lines: 2 },
      ...smartParts.map((part): SheetBlock => ({ kind: 'answer', label: `${part.label}: ${part.prompt}`, text: state[part.key] })),
      { kind: 'heading', text: 'Steps towards my goal' },
      { kind: 'text', text: 'Start with something I can already manage, and make each step a little bigger than the last.' },
      { kind: 'list', style: 'number', items: padTo(steps.map((s) => (s.weeks ? `${formatWeeks(s.weeks)}: ${s.text}` : s.text)), 5) },
      ...(flags.length > 0
        ? ([{ kind: 'heading', text: 'Still to sharpen' }, { kind: 'list', style: 'bullet', items: flags.map((f) => f.message) }] as const)
        : []),
      { kind: 'answer', label: 'How I will reward myself', text: '', lines: 1 },
      { kind: 'answer', label: 'The date I reached my goal', text: '', lines: 1 },
    ],
  };
}

export interface BaselineState extends Named, ProgressionInput {
  activity: string;
  /** What the amounts count, such as "minutes" or "repetitions". */
  unit: string;
  days: [string, string, string];
}

/** The plan is left out when no target was set: the patient builds up on paper. */
export function baselineSheet(state: BaselineState, baseline: Baseline, plan: Progression | undefined): Sheet {
  const unit = state.unit.trim();
  const amount = (n: number) => (unit ? `${formatNumber(n)} ${unit}` : formatNumber(n));
  const blocks: SheetBlock[] = [
    { kind: 'answer', label: 'Activity or exercise', text: state.activity, lines: 1 },
    { kind: 'heading', text: 'My baseline' },
    { kind: 'table', columns: ['Day 1', 'Day 2', 'Day 3', 'Total', 'Average'], rows: [[...baseline.days, baseline.total, baseline.average].map(amount)] },
    { kind: 'answer', label: 'My starting level, a little below my average', text: formatStart(baseline.start, unit) },
    { kind: 'heading', text: 'Building up' },
  ];
  if (plan) {
    blocks.push(
      {
        kind: 'text',
        text: `Keep to each level on most days for ${plan.weeksPerLevel === 1 ? 'a week' : 'two weeks'}, then go up by ${amount(plan.increase)}. My target is ${amount(plan.levels.at(-1)!.amount)}, from week ${plan.weeksToTarget}.`,
      },
      { kind: 'staircase', levels: plan.levels, unit },
      { kind: 'table', columns: ['From week', 'Level', 'How it went'], rows: plan.levels.map((l) => [String(l.week), amount(l.amount), '']) },
    );
  } else {
    blocks.push(
      { kind: 'text', text: 'Keep to the starting level on most days for one to two weeks, then go up by a small amount.' },
      { kind: 'table', columns: ['From week', 'Level', 'How it went'], rows: Array.from({ length: 6 }, () => blanks(3)) },
    );
  }
  blocks.push({ kind: 'heading', text: 'If pain goes up after an increase' }, { kind: 'list', style: 'bullet', items: [...ifPainRises] });
  return { title: 'My baseline and plan', fileName: 'baseline-plan.pdf', patient: state.patient, blocks };
}

export interface PacingState extends Named, PacingInput {
  /** Notes for three of the four ideas; the fourth, tolerance level, is the spell length. */
  prioritise: string;
  plan: string;
  evaluate: string;
}

const idea = (key: (typeof pacingIdeas)[number]['key']) => {
  const { label, question } = pacingIdeas.find((i) => i.key === key)!;
  return `${label}: ${question}`;
};

export function pacingSheet(state: PacingState, plan: PacingPlan): Sheet {
  return {
    title: 'My pacing plan',
    fileName: 'pacing-plan.pdf',
    patient: state.patient,
    blocks: [
      { kind: 'answer', label: 'The task', text: state.task },
      { kind: 'answer', label: idea('prioritise'), text: state.prioritise },
      { kind: 'answer', label: idea('plan'), text: state.plan },
      { kind: 'answer', label: idea('tolerance'), text: `Spells of up to ${plan.spell} minutes, with ${plan.rest} minutes’ rest between them.` },
      { kind: 'heading', text: 'My day' },
      { kind: 'table', columns: ['Time', 'Activity or rest'], rows: plan.periods.map((p) => [`${formatClock(p.from)} to ${formatClock(p.to)}`, p.label]) },
      { kind: 'text', text: 'On a good day, stop when the plan says so, not when the pain does. On a bad day, keep to the plan if you can, in smaller pieces.' },
      { kind: 'answer', label: idea('evaluate'), text: state.evaluate, lines: 3 },
    ],
  };
}

export type ThoughtRecordState = Named & ThoughtRecord;

export function thoughtRecordSheet(state: ThoughtRecordState): Sheet {
  return {
    title: 'Thought record',
    fileName: 'thought-record.pdf',
    patient: state.patient,
    blocks: [
      { kind: 'answer', label: 'Situation: where was I, what was I doing, who was there?', text: state.situation },
      { kind: 'answer', label: 'Thought: what went through my mind?', text: state.thought },
      { kind: 'answer', label: 'Feeling: what did I feel?', text: state.feeling },
      { kind: 'answer', label: 'What I did next', text: state.behaviour },
      { kind: 'answer', label: 'Thinking styles it fits', text: state.styles.map(styleName).join('; '), lines: 1 },
      { kind: 'heading', text: 'Another view' },
      { kind: 'list', style: 'bullet', items: [...anotherViewQuestions] },
      { kind: 'answer', label: 'A more helpful way to see it', text: state.alternative, lines: 3 },
      { kind: 'answer', label: 'Now: how much do I believe the first thought, and what will I do?', text: '', lines: 2 },
    ],
  };
}

export interface FlareUpState extends Named {
  goodSpell: string[];
  goodSpellOwn: string;
  flareUp: string[];
  flareUpOwn: string;
  actions: string[];
}

export function flareUpSheet(state: FlareUpState): Sheet {
  return {
    title: 'My flare-up plan',
    fileName: 'flare-up-plan.pdf',
    patient: state.patient,
    blocks: [
      { kind: 'heading', text: 'In a good spell I will' },
      { kind: 'list', style: 'tick', items: padTo([...state.goodSpell, ...ownIdeas(state.goodSpellOwn)], 2) },
      { kind: 'heading', text: 'During a flare-up I will' },
      { kind: 'list', style: 'tick', items: padTo([...state.flareUp, ...ownIdeas(state.flareUpOwn)], 2) },
      { kind: 'heading', text: 'My personal flare-up plan' },
      { kind: 'text', text: 'As soon as I notice a flare-up starting, I will:' },
      { kind: 'list', style: 'number', items: padTo(state.actions, 6) },
      {
        kind: 'text',
        text: 'Flare-ups usually pass. If the pain is unlike my usual back pain, or new symptoms worry me, I will contact my GP or the clinician who runs my group.',
      },
    ],
  };
}

export interface ExerciseProgrammeState extends Named {
  choices: Choice[];
}

export function exerciseProgrammeSheet(patient: string, items: readonly ProgrammeItem[]): Sheet {
  return {
    title: 'My home exercise programme',
    fileName: 'home-exercise-programme.pdf',
    patient,
    blocks: [
      { kind: 'text', text: 'Start at these amounts and give the programme at least two weeks. Build up in small steps once they feel manageable on most days.' },
      ...items.flatMap((item): SheetBlock[] => [
        { kind: 'heading', text: `${item.exercise.name}: ${formatDose(item, item.exercise.measure)}` },
        { kind: 'text', text: levels.find((l) => l.level === item.exercise.level)!.title },
        { kind: 'list', style: 'number', items: item.exercise.how },
      ]),
    ],
  };
}
