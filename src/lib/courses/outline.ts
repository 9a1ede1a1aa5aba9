import type { CourseData, StepData } from './schema';

/** A step as the loader found it: its frontmatter and the file it came from. */
export interface StepSource {
  data: StepData;
  /** Path of the MDX file, e.g. content/courses/best/week-1/02-what-is-best.mdx. */
  filePath: string;
}

export interface OutlineStep {
  id: string;
  title: string;
  type: StepData['type'];
  minutes: number;
  summary?: string;
  week: number;
  /** The step's place in its week, from 1. */
  position: number;
  /** "2.4": week and place, computed from order, never stored. */
  number: string;
  /** Index in the whole course, from 0. */
  index: number;
  data: StepData;
}

export interface OutlineActivity {
  title: string;
  steps: OutlineStep[];
}

export interface OutlineWeek {
  number: number;
  title: string;
  summary?: string;
  activities: OutlineActivity[];
  steps: OutlineStep[];
  minutes: number;
}

export interface Outline {
  weeks: OutlineWeek[];
  steps: OutlineStep[];
  /** Bank ids of the assessments a learner must pass. */
  assessments: { quizId: string; stepId: string; title: string }[];
}

/** Week number and sort key of a step file: week-3/04-name.mdx gives week 3, key "04-name.mdx". */
export function stepLocation(filePath: string): { week: number; key: string } | null {
  const match = /(?:^|\/)week-(\d+)\/([^/]+)$/.exec(filePath.replaceAll('\\', '/'));
  if (!match) return null;
  return { week: Number(match[1]), key: match[2] ?? '' };
}

/** Turns a course's step files into weeks, activities and numbered steps. */
export function buildOutline(course: Pick<CourseData, 'weeks'>, sources: StepSource[]): Outline {
  const located = sources
    .map((s) => ({ ...s, loc: stepLocation(s.filePath) }))
    .filter((s): s is StepSource & { loc: { week: number; key: string } } => s.loc !== null)
    .sort((a, b) => a.loc.week - b.loc.week || a.loc.key.localeCompare(b.loc.key));

  const weeks: OutlineWeek[] = course.weeks.map((w, i) => ({
    number: i + 1,
    title: w.title,
    summary: w.summary,
    activities: [],
    steps: [],
    minutes: 0,
  }));

  const steps: OutlineStep[] = [];
  for (const source of located) {
    const week = weeks[source.loc.week - 1];
    if (!week) continue;
    const position = week.steps.length + 1;
    const step: OutlineStep = {
      id: source.data.id,
      title: source.data.title,
      type: source.data.type,
      minutes: source.data.minutes,
      summary: source.data.summary,
      week: week.number,
      position,
      number: `${week.number}.${position}`,
      index: steps.length,
      data: source.data,
    };
    steps.push(step);
    week.steps.push(step);
    week.minutes += step.minutes;
    const last = week.activities.at(-1);
    if (last && last.title === source.data.activity) last.steps.push(step);
    else week.activities.push({ title: source.data.activity, steps: [step] });
  }

  const assessments = steps.flatMap((s) =>
    s.data.type === 'assessment' ? [{ quizId: s.data.quiz, stepId: s.id, title: s.title }] : [],
  );
  return { weeks, steps, assessments };
}
