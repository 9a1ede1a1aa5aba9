/** The clinician's toolkit: the patient workbook's exercises as tools, listed once for the Toolkit page and steps. */

export const toolNames = ['smart-goal', 'baseline', 'pacing', 'thought-record', 'flare-up', 'exercise-programme'] as const;
export type ToolName = (typeof toolNames)[number];

export interface ToolInfo {
  name: ToolName;
  title: string;
  /** One sentence for the Toolkit page. */
  summary: string;
  /** How a clinician might use it with a patient: shown above the tool on its own page. */
  use: string;
}

export const tools: readonly ToolInfo[] = [
  {
    name: 'smart-goal',
    title: 'SMART goal builder',
    summary: 'Shape a goal into its five SMART parts, see what is still vague, and break it into steps.',
    use: 'Work through it with the patient in the individual session, then refine the goal in a later group.',
  },
  {
    name: 'baseline',
    title: 'Baseline calculator',
    summary: 'Average three days of an activity, find a starting level a little below it, and plan small increases to a target.',
    use: 'Enter what the patient recorded on three days; the sheet shows where to start and how to build up.',
  },
  {
    name: 'pacing',
    title: 'Pacing planner',
    summary: 'Split a task into spells of activity and rest, using prioritise, plan, tolerance level and evaluate.',
    use: 'Pick one task that often leads to overdoing it, and plan an ordinary day around it together.',
  },
  {
    name: 'thought-record',
    title: 'Thought record',
    summary: 'Record a situation, the thought, the feeling and what happened next; name the thinking style and find another view.',
    use: 'Model one with the patient, then give them the sheet to finish or to practise with at home.',
  },
  {
    name: 'flare-up',
    title: 'Flare-up plan',
    summary: 'Choose ideas for good spells and for flare-ups, add the patient’s own, and write a personal plan of up to six actions.',
    use: 'Build it near the end of the programme, in the patient’s own words, for them to keep somewhere handy.',
  },
  {
    name: 'exercise-programme',
    title: 'Home exercise programme',
    summary: 'Choose exercises from three levels, each with its instructions, and set the sets and repetitions.',
    use: 'Choose with the patient in the individual session, after trying each exercise together.',
  },
];

export function findTool(name: string | undefined): ToolInfo | undefined {
  return tools.find((tool) => tool.name === name);
}
