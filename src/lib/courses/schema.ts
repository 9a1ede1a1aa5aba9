import { z } from 'astro/zod';
import { toolNames } from '../toolkit/tools';

/** What an author may write. Shared by the content collections and `npm run content:check`. */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "what-is-pain"');

export const stepTypes = ['article', 'video', 'audio', 'discussion', 'quiz', 'assessment', 'download'] as const;
export type StepType = (typeof stepTypes)[number];

export const courseSchema = z.object({
  /** The course's main title. */
  title: z.string().min(1),
  /** Follows the title after a colon in the full title printed on certificates. Optional. */
  subtitle: z.string().min(1).optional(),
  /** A short name for file names, like "BeST" in BeST-certificate-….pdf. Defaults to the course folder. */
  shortName: z.string().regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits and hyphens').optional(),
  /** The organisation that provides the course. */
  provider: z.string().min(1),
  /** One or two sentences for the catalogue. */
  summary: z.string().min(1),
  /** A paragraph for the course page. */
  description: z.string().min(1),
  level: z.enum(['Introductory', 'Intermediate', 'Advanced']),
  /** Expected study time per week, in hours. */
  hoursPerWeek: z.number().positive(),
  /** CPD hours printed on the certificate. */
  cpdHours: z.number().positive(),
  /** Who the course is for. */
  audience: z.string().min(1),
  /** What a learner will be able to do by the end. */
  outcomes: z.array(z.string().min(1)).min(1),
  /** The CPD approval printed on the course page and certificates. */
  cpd: z.object({ body: z.string().min(1), statement: z.string().min(1) }),
  /** The certificate rule: the share of steps to complete, and that every assessment must be passed. */
  completion: z
    .object({
      threshold: z.number().gt(0).max(1).default(0.9),
      assessments: z.literal('all').default('all'),
    })
    .default({}),
  /** open: joining gives full access. tiered: joining gives limited access until upgraded. */
  access: z.enum(['open', 'tiered']).default('open'),
  /** The team, described by role; the provider may add names. The first is the lead educator. */
  team: z
    .array(z.object({ role: z.string().min(1), name: z.string().min(1).optional(), description: z.string().optional() }))
    .default([]),
  /** One entry per week folder (week-1, week-2, …), in order. */
  weeks: z.array(z.object({ title: z.string().min(1), summary: z.string().optional() })).min(1),
});
export type CourseData = z.infer<typeof courseSchema>;

const stepBase = z.object({
  /** Stable: progress is stored against it, so never change it once learners have started. */
  id: slug,
  title: z.string().min(1),
  /** The activity the step belongs to; steps of one activity are adjacent. */
  activity: z.string().min(1),
  /** Estimated study time in minutes. */
  minutes: z.number().int().positive(),
  /** One sentence for the To do page. */
  summary: z.string().optional(),
  /** A toolkit tool shown after the body, where its skill is taught: smart-goal, baseline, pacing, thought-record, flare-up or exercise-programme. */
  tool: z.enum(toolNames, { errorMap: () => ({ message: `must be one of: ${toolNames.join(', ')}` }) }).optional(),
});

export const stepSchema = z.discriminatedUnion('type', [
  stepBase.extend({ type: z.literal('article') }),
  stepBase.extend({ type: z.literal('download') }),
  stepBase.extend({ type: z.literal('video'), /** Names media/<name>.txt and its generated media. */ media: slug }),
  stepBase.extend({ type: z.literal('audio'), media: slug }),
  stepBase.extend({ type: z.literal('discussion'), /** Shown above the comments. */ prompt: z.string().min(1) }),
  stepBase.extend({ type: z.literal('quiz'), /** Names quizzes/<bank id>.yaml. */ quiz: slug }),
  stepBase.extend({ type: z.literal('assessment'), quiz: slug }),
]);
export type StepData = z.infer<typeof stepSchema>;

const optionSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  correct: z.boolean().default(false),
  /** Shown after submitting, when this option was chosen. */
  feedback: z.string().min(1),
});

const questionSchema = z
  .object({
    id: slug,
    text: z.string().min(1),
    type: z.enum(['single', 'multiple']),
    options: z.array(optionSchema).min(2),
  })
  .refine((q) => q.options.some((o) => o.correct), { message: 'has no correct option' })
  .refine((q) => q.type === 'multiple' || q.options.filter((o) => o.correct).length <= 1, {
    message: 'is single choice but marks more than one option correct',
  })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, {
    message: 'repeats an option id',
  });

export const quizBankSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    /** quiz: formative, unlimited attempts. assessment: summative, counts for the certificate. */
    kind: z.enum(['quiz', 'assessment']),
    /** The percentage an assessment attempt must reach. */
    passMark: z.number().min(0).max(100).default(70),
    questions: z.array(questionSchema).min(1),
  })
  .refine((b) => new Set(b.questions.map((q) => q.id)).size === b.questions.length, {
    message: 'repeats a question id',
  });
export type QuizBank = z.infer<typeof quizBankSchema>;
export type Question = QuizBank['questions'][number];
