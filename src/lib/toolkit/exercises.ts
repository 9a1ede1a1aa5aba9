/** The workbook's home exercises at three levels, and a programme chosen from them with sets and amounts. */
import { readNumber } from './numbers';

export type Measure = 'repetitions' | 'seconds' | 'minutes';

export interface Exercise {
  id: string;
  name: string;
  level: 1 | 2 | 3;
  /** What each set counts: repetitions, seconds held, or minutes. */
  measure: Measure;
  /** What to do, a line a stage. */
  how: string[];
}

export const levels = [
  { level: 1, title: 'Level 1: gentle movement', summary: 'Lying on a bed or the floor, to get the back moving easily.' },
  { level: 2, title: 'Level 2: body-weight strength', summary: 'Building strength with your own weight, on all fours, in a chair or on the stairs.' },
  { level: 3, title: 'Level 3: load, equipment and balance', summary: 'Resistance bands, hand weights, a gym ball, balance work and cardio machines.' },
] as const;

export const exercises: readonly Exercise[] = [
  { id: 'knee-rolling', name: 'Knee rolling', level: 1, measure: 'repetitions', how: ['Lie on your back on a bed or the floor, knees bent, with knees and ankles together.', 'Let both knees roll slowly to one side, then over to the other.'] },
  { id: 'knee-hugging', name: 'Knee hugging', level: 1, measure: 'repetitions', how: ['Lie on your back on a bed or the floor.', 'Bring one knee up and hold it gently towards your chest.', 'If that feels comfortable, try both knees together.'] },
  { id: 'bridge', name: 'Bridge', level: 1, measure: 'repetitions', how: ['Lie on your back, knees bent, feet about hip-width apart.', 'Lift your bottom off the bed or floor, then lower it again at a steady pace.'] },
  { id: 'arm-lift', name: 'All-fours arm lift', level: 2, measure: 'repetitions', how: ['Kneel on all fours.', 'Gently pull your tummy button in towards your spine.', 'Reach one arm straight out in front, lower it, then change arms.'] },
  { id: 'leg-lift', name: 'All-fours leg lift', level: 2, measure: 'repetitions', how: ['Kneel on all fours on the floor.', 'Gently pull your tummy button in towards your spine.', 'Stretch one leg straight out behind you, tightening your buttock, then change legs.'] },
  { id: 'back-arching', name: 'Back arching', level: 2, measure: 'repetitions', how: ['Lie on your front on a bed or the floor, elbows bent, hands flat near your shoulders.', 'Press through your hands and forearms to raise your chest, letting your back arch a little; your forearms stay down.', 'Lower yourself and repeat.'] },
  { id: 'sit-to-stand', name: 'Sit to stand', level: 2, measure: 'repetitions', how: ['Sit on a firm chair of a height you can rise from.', 'Stand up tall, using your arms if you need to, then sit back down slowly.', 'For more challenge, hold a hand weight or change the speed.'] },
  { id: 'stair-step-ups', name: 'Stair step-ups', level: 2, measure: 'repetitions', how: ['Step up onto the bottom stair and back down.', 'Hold the handrail if you need to.'] },
  { id: 'step-up-reach', name: 'Step-up with arm raise', level: 2, measure: 'repetitions', how: ['Step up and down on the bottom stair.', 'Raise one or both arms above your head as you step up.', 'To progress, hold a hand weight as you do it.'] },
  { id: 'kneel-to-stand', name: 'Kneel to stand', level: 2, measure: 'repetitions', how: ['Kneel beside a steady chair, with your hands on it for support.', 'Push up through one leg to come up to standing.', 'Repeat, leading with the other leg.'] },
  { id: 'band-rotation', name: 'Band rotation', level: 3, measure: 'repetitions', how: ['Fix a resistance band to one side and stand with feet hip-width apart.', 'Pull the band outwards and away as you turn your body.'] },
  { id: 'band-pull-down', name: 'Band pull-down', level: 3, measure: 'repetitions', how: ['Fix a resistance band above you and stand with feet hip-width apart.', 'Draw the band down and back, keeping your body upright and steady.'] },
  { id: 'band-reach', name: 'Band reach up', level: 3, measure: 'repetitions', how: ['Stand on one end of a resistance band, feet hip-width apart.', 'Draw the band up and out to the side as you reach with your arm, keeping upright and steady.'] },
  { id: 'biceps-curl', name: 'Biceps curl', level: 3, measure: 'repetitions', how: ['Sit holding a hand weight, elbows almost straight.', 'Bend your elbows to bring the weights up, then straighten them.'] },
  { id: 'shoulder-press', name: 'Shoulder press', level: 3, measure: 'repetitions', how: ['Sit with a hand weight in each hand, arms out to the sides and elbows bent to a right angle, palms forwards.', 'Push both weights up towards the ceiling, then lower them.'] },
  { id: 'wall-squat', name: 'Wall squat with a gym ball', level: 3, measure: 'repetitions', how: ['Stand with a gym ball between the wall and your lower back, feet a little way out from the wall.', 'Bend your knees to roll down the wall, keeping your back upright and the ball against it.', 'Straighten your legs to come back up.'] },
  { id: 'weighted-squat', name: 'Squat with a weight', level: 3, measure: 'repetitions', how: ['Stand with feet apart, holding a weight or kettlebell.', 'Pull your tummy button in.', 'Squat down with your weight through your heels, then stand up.'] },
  { id: 'weighted-carry', name: 'Weighted carry', level: 3, measure: 'repetitions', how: ['Sit with a weight on each side of you.', 'Stand up holding both, walk across the room and back, then sit down.'] },
  { id: 'balance', name: 'Balance', level: 3, measure: 'seconds', how: ['Stand by a kitchen worktop, one hand on it if you need it.', 'When standing with feet apart feels steady, put one foot in front of the other.', 'Hold for 10 seconds, building up to 30; do this 3 times.', 'When steady, let go of the worktop; later, walk heel to toe for 10 steps, turn and come back.'] },
  { id: 'bike', name: 'Exercise bike', level: 3, measure: 'minutes', how: ['Cycle at an easy, steady pace.'] },
  { id: 'treadmill', name: 'Treadmill', level: 3, measure: 'minutes', how: ['Walk at a comfortable, steady pace.'] },
];

const limits: Record<Measure, number> = { repetitions: 100, seconds: 300, minutes: 120 };
export const maxSets = 10;

export interface Choice {
  id: string;
  sets: string;
  /** Repetitions, seconds or minutes a set, as the exercise measures it. */
  amount: string;
}

export interface ProgrammeItem {
  exercise: Exercise;
  sets: number;
  amount: number;
}

export type ProgrammeResult = { ok: true; items: ProgrammeItem[] } | { ok: false; errors: Record<string, string> };

/** The chosen exercises in the order listed, checked. Errors are keyed "<id>-sets" and "<id>-amount", or "choose". */
export function checkProgramme(choices: readonly Choice[]): ProgrammeResult {
  const errors: Record<string, string> = {};
  const items: ProgrammeItem[] = [];
  for (const exercise of exercises) {
    const choice = choices.find((c) => c.id === exercise.id);
    if (!choice) continue;
    const name = exercise.name.toLowerCase();
    const sets = readNumber(choice.sets, { label: `the sets for ${name}`, max: maxSets, whole: true });
    const amount = readNumber(choice.amount, { label: `the ${exercise.measure} for ${name}`, max: limits[exercise.measure], whole: true });
    if (!sets.ok) errors[`${exercise.id}-sets`] = sets.message;
    if (!amount.ok) errors[`${exercise.id}-amount`] = amount.message;
    if (sets.ok && amount.ok) items.push({ exercise, sets: sets.value, amount: amount.value });
  }
  if (choices.length === 0) errors.choose = 'Choose at least one exercise.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, items };
}

/** "2 sets of 10 repetitions", "3 sets of 30 seconds", "1 set of 15 minutes". */
export function formatDose(item: Pick<ProgrammeItem, 'sets' | 'amount'>, measure: Measure): string {
  const unit = item.amount === 1 ? measure.slice(0, -1) : measure;
  return `${item.sets} ${item.sets === 1 ? 'set' : 'sets'} of ${item.amount} ${unit}`;
}
