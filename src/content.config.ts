import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema, quizBankSchema, stepSchema } from './lib/courses/schema';
import { courseRoots } from './lib/courses/paths';

// Test builds add the small fixture courses under tests/fixtures/courses (COURSE_FIXTURES=1).
const roots = courseRoots();
const patterns = (suffix: string) => roots.map((root) => `${root}/*/${suffix}`);

/** Entry ids: the course folder for courses; "<course>/<id>" for steps and question banks. */
const courseOf = (entry: string) => entry.split('/').at(-3) ?? '';

const courses = defineCollection({
  loader: glob({ base: '.', pattern: patterns('course.yaml'), generateId: ({ entry }) => entry.split('/').at(-2) ?? entry }),
  schema: courseSchema,
});

const steps = defineCollection({
  loader: glob({
    base: '.',
    pattern: patterns('week-*/*.mdx'),
    generateId: ({ entry, data }) => `${courseOf(entry)}/${String(data.id)}`,
  }),
  schema: stepSchema,
});

const quizzes = defineCollection({
  loader: glob({
    base: '.',
    pattern: patterns('quizzes/*.yaml'),
    generateId: ({ entry, data }) => `${courseOf(entry)}/${String(data.id)}`,
  }),
  schema: quizBankSchema,
});

export const collections = { courses, steps, quizzes };
