import { getCollection, type CollectionEntry } from 'astro:content';
import { buildOutline, type Outline, type OutlineStep } from './outline';
import type { CourseData, QuizBank } from './schema';

export interface Course {
  slug: string;
  /** The full title: "Title: Subtitle". */
  title: string;
  data: CourseData;
  outline: Outline;
  /** The MDX entry of each step, by step id, for rendering. */
  entries: Map<string, CollectionEntry<'steps'>>;
  quizzes: Map<string, QuizBank>;
  /** Path of course.yaml relative to the project root. */
  filePath: string;
}

async function load(): Promise<Map<string, Course>> {
  const [courses, steps, quizzes] = await Promise.all([
    getCollection('courses'),
    getCollection('steps'),
    getCollection('quizzes'),
  ]);
  const catalog = new Map<string, Course>();
  for (const entry of courses) {
    const slug = entry.id;
    const own = steps.filter((s) => s.id.startsWith(`${slug}/`));
    catalog.set(slug, {
      slug,
      title: entry.data.subtitle ? `${entry.data.title}: ${entry.data.subtitle}` : entry.data.title,
      data: entry.data,
      outline: buildOutline(entry.data, own.map((s) => ({ data: s.data, filePath: s.filePath ?? '' }))),
      entries: new Map(own.map((s) => [s.data.id, s])),
      quizzes: new Map(quizzes.filter((q) => q.id.startsWith(`${slug}/`)).map((q) => [q.data.id, q.data])),
      filePath: entry.filePath ?? '',
    });
  }
  return catalog;
}

// Content is fixed in a build, so it is read once; in `astro dev` it is read afresh so authors see their edits.
let cached: Promise<Map<string, Course>> | undefined;
function catalog(): Promise<Map<string, Course>> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

export async function listCourses(): Promise<Course[]> {
  return [...(await catalog()).values()].sort((a, b) => a.title.localeCompare(b.title));
}

export async function getCourse(slug: string | undefined): Promise<Course | undefined> {
  return slug ? (await catalog()).get(slug) : undefined;
}

export function findStep(course: Course, stepId: string | undefined): OutlineStep | undefined {
  return course.outline.steps.find((s) => s.id === stepId);
}
