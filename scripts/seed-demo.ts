/**
 * `npm run seed:demo -- --learners 10000 [--database path] [--course best] [--months 12] [--seed 1]`: fills a
 * database with made-up learners for demos and benchmarks: joining over the months, professions mixed, dropping
 * off along the course, attempting its tests, commenting, and some earning certificates. Nobody can sign in as
 * them (their password is random and thrown away). Run it again to add more.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { countUsersAt, insertDemoBatch, type DemoBatch } from '../db/admin';
import { databasePath, openDatabase } from '../db/client';
import { hashPassword } from '../src/lib/auth/password';
import { randomId, randomToken } from '../src/lib/auth/hash';
import { professions } from '../src/lib/auth/validation';
import { generateCertificateNumber } from '../src/lib/certificates/number';
import { courseRoots } from '../src/lib/courses/paths';
import { buildOutline, type OutlineStep } from '../src/lib/courses/outline';
import { courseSchema, quizBankSchema, stepSchema, type QuizBank } from '../src/lib/courses/schema';
import { requiredSteps } from '../src/lib/progress/eligibility';
import { makeLayout, score, type Answers } from '../src/lib/quizzes/scoring';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string', default: '1000' },
    database: { type: 'string' },
    course: { type: 'string', default: 'best' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
  },
});
const learnerCount = Number(args.learners);
const months = Number(args.months);
if (!Number.isInteger(learnerCount) || learnerCount < 1 || !(months > 0)) {
  console.error('Usage: npm run seed:demo -- --learners 10000 [--database path] [--course best] [--months 12] [--seed 1]');
  process.exit(1);
}

// --- The course, read from its files (this runs outside Astro, without its content collections)

const courseDir = courseRoots()
  .map((root) => path.resolve(root, args.course))
  .find((dir) => existsSync(path.join(dir, 'course.yaml')));
if (!courseDir) {
  console.error(`There is no course "${args.course}" in ${courseRoots().join(' or ')}.`);
  process.exit(1);
}
const course = courseSchema.parse(parseYaml(readFileSync(path.join(courseDir, 'course.yaml'), 'utf8')));
const stepFiles = readdirSync(courseDir)
  .filter((d) => /^week-\d+$/.test(d))
  .flatMap((week) => readdirSync(path.join(courseDir, week)).filter((f) => f.endsWith('.mdx')).map((f) => path.join(courseDir, week, f)));
const outline = buildOutline(
  course,
  stepFiles.map((filePath) => {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(filePath, 'utf8'))?.[1] ?? '';
    return { data: stepSchema.parse(parseYaml(front)), filePath };
  }),
);
const banks = new Map<string, QuizBank>(
  readdirSync(path.join(courseDir, 'quizzes'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => quizBankSchema.parse(parseYaml(readFileSync(path.join(courseDir, 'quizzes', f), 'utf8'))))
    .map((bank) => [bank.id, bank]),
);
const courseSlug = args.course;
const required = requiredSteps(course.completion.threshold, outline.steps.length);
const assessmentIds = outline.assessments.map((a) => a.quizId);

// --- A repeatable stream of random numbers (mulberry32), so the same seed makes the same learners

let state = Number(args.seed) >>> 0 || 1;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;
/** Exponentially distributed, with the given mean. */
const exponential = (mean: number) => -Math.log(1 - random()) * mean;

const firstNames = ['Amira', 'Ben', 'Chloe', 'Daniel', 'Efua', 'Fiona', 'Gareth', 'Hannah', 'Imran', 'Jess', 'Kwame', 'Laura', 'Mohammed', 'Niamh', 'Olu', 'Priya', 'Rhys', 'Sarah', 'Tom', 'Una', 'Vikram', 'Wendy', 'Yusuf', 'Zoë', 'Siobhán', 'Łukasz', 'Agnieszka', 'Callum', 'Eilidh', 'Marta'];
const lastNames = ['Ahmed', 'Brown', 'Campbell', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes', 'Islam', 'Jones', 'Khan', 'Lewis', 'Morgan', "O'Neill", 'Patel', 'Quinn', 'Roberts', 'Singh', 'Taylor', 'Walker', 'Wilson', 'Young', 'Nowak', 'Okafor', 'Murphy', 'Ní Bhriain', 'Kowalski', 'Mensah'];
/** Physiotherapists first: the course was written for them; the rest in proportions like the model course's. */
const professionWeights: Record<string, number> = {
  physiotherapist: 0.38,
  nurse: 0.17,
  'occupational-therapist': 0.12,
  'psychological-therapist': 0.1,
  doctor: 0.05,
  student: 0.13,
  other: 0.05,
};
function pickProfession(): string {
  let u = random();
  for (const p of professions) {
    u -= professionWeights[p.value] ?? 0;
    if (u <= 0) return p.value;
  }
  return 'other';
}

const commentTexts = [
  'This matches what I see in clinic: patients often expect a scan to find the cause.',
  'I found the pacing example really useful. Has anyone tried it with patients who work shifts?',
  'Good reminder to ask what the patient thinks is going on before explaining anything.',
  'We run a group on Tuesdays and this would fit well in the second session.',
  'I am a student and this is the clearest explanation of the fear-avoidance model I have read.',
  'How do others handle a patient who wants to rest completely during a flare-up?',
  'The goal-setting sheet is going straight into my toolkit.',
  'I would add that sleep makes a big difference to how people cope with pain.',
];
const replyTexts = ['Agreed, I see the same.', 'Thanks for sharing this.', 'We do something similar and it works well.', 'Good question: I usually start with small goals.'];

// --- One learner's story

const dayMs = 86_400_000;
const now = Date.now();
const start = now - months * 30 * dayMs;
const bankEntries = new Map<string, { bank: QuizBank; hard: string | undefined }>(
  // One question per bank is harder than the rest, so the console has a question that stands out.
  [...banks.values()].map((bank) => [bank.id, { bank, hard: bank.questions[Math.min(2, bank.questions.length - 1)]?.id }]),
);

function answerBank(bank: QuizBank, hard: string | undefined, ability: number): Answers {
  const answers: Answers = {};
  for (const question of bank.questions) {
    const correct = question.options.filter((o) => o.correct).map((o) => o.id);
    const wrong = question.options.filter((o) => !o.correct).map((o) => o.id);
    const p = Math.min(0.97, (question.id === hard ? 0.38 : 0.8) + ability);
    if (chance(p) || wrong.length === 0) answers[question.id] = correct;
    else if (question.type === 'single') answers[question.id] = [pick(wrong)];
    // A multiple-choice slip: one correct option missed, or one wrong one added.
    else answers[question.id] = correct.length > 1 && chance(0.5) ? correct.slice(1) : [...correct, pick(wrong)];
  }
  return answers;
}

let passwordHash = '';

function learner(batch: DemoBatch, index: number, threadByStep: Map<string, string[]>): void {
  const userId = randomId();
  const first = pick(firstNames);
  const last = pick(lastNames);
  const name = `${first} ${last}`;
  const email = `${first}.${last}.${index}@demo.example.org`.replace(/ł/gi, 'l').normalize('NFD').replace(/[^\w.@-]/g, '').toLowerCase();
  // More people join as the course becomes known: joining dates lean towards now.
  const joinedAt = start + Math.sqrt(random()) * (now - start);
  batch.users.push({ id: userId, email, passwordHash, name, profession: pickProfession(), role: 'learner', createdAt: new Date(joinedAt - exponential(30) * dayMs) });

  const ability = (random() - 0.5) * 0.3;
  const done = new Set<string>();
  const passed = new Set<string>();
  let clock = joinedAt + exponential(1) * dayMs;
  let lastActive = joinedAt;
  let ruleMetAt: number | undefined;
  const persistence = 0.955 + random() * 0.045;
  const active = chance(0.8);

  const study = (step: OutlineStep) => {
    clock += exponential(step.position === 1 ? 2 : 0.4) * dayMs;
    if (clock > now) return false;
    if (step.data.type === 'quiz' || step.data.type === 'assessment') {
      const entry = bankEntries.get(step.data.quiz);
      if (!entry) return true;
      const tries = step.data.type === 'assessment' ? 3 : chance(0.2) ? 2 : 1;
      for (let t = 0; t < tries && !passed.has(entry.bank.id); t++) {
        const layout = makeLayout(entry.bank, random);
        const answers = answerBank(entry.bank, entry.hard, ability + t * 0.05);
        const result = score(entry.bank, answers, layout);
        const isAssessment = entry.bank.kind === 'assessment';
        batch.quizAttempts.push({
          id: randomId(),
          userId,
          courseSlug,
          quizId: entry.bank.id,
          kind: entry.bank.kind,
          score: result.score,
          passed: isAssessment ? result.passed : true,
          answers: JSON.stringify(answers),
          layout: JSON.stringify(layout),
          submittedAt: new Date(clock),
        });
        if (isAssessment && result.passed) passed.add(entry.bank.id);
        if (!isAssessment) break;
        clock += exponential(0.2) * dayMs;
      }
    }
    batch.stepCompletions.push({ userId, courseSlug, stepId: step.id, completedAt: new Date(clock) });
    done.add(step.id);
    lastActive = clock;
    if (step.data.type === 'discussion' && chance(0.12)) {
      const id = randomId();
      const thread = threadByStep.get(step.id) ?? [];
      const parentId = thread.length > 0 && chance(0.3) ? pick(thread) : null;
      batch.comments.push({ id, courseSlug, stepId: step.id, userId, parentId, body: parentId ? pick(replyTexts) : pick(commentTexts), createdAt: new Date(clock) });
      if (!parentId) threadByStep.set(step.id, [...thread, id]);
    }
    if (ruleMetAt === undefined && done.size >= required && assessmentIds.every((id) => passed.has(id))) ruleMetAt = clock;
    return true;
  };

  if (active) {
    for (const step of outline.steps) {
      // Each week's first step is where people most often stop; a few steps are skipped.
      if (!chance(step.position === 1 ? persistence - 0.05 : persistence)) break;
      if (step.data.type !== 'assessment' && chance(0.04)) continue;
      if (!study(step)) break;
    }
  }
  batch.enrolments.push({ userId, courseSlug, joinedAt: new Date(joinedAt), lastActiveAt: new Date(lastActive) });

  if (ruleMetAt !== undefined && chance(0.85)) {
    const issuedAt = Math.min(now, ruleMetAt + exponential(2) * dayMs);
    const lead = course.team[0] ?? { role: 'Lead educator' };
    const revoked = chance(0.004);
    batch.certificates.push({
      number: generateCertificateNumber(),
      userId,
      courseSlug,
      learnerName: name,
      courseTitle: course.subtitle ? `${course.title}: ${course.subtitle}` : course.title,
      provider: course.provider,
      cpdHours: course.cpdHours,
      approvalStatement: course.cpd.statement,
      outcomes: JSON.stringify(course.outcomes),
      leadEducator: JSON.stringify({ name: lead.name, role: lead.role }),
      completedAt: new Date(ruleMetAt),
      issuedAt: new Date(issuedAt),
      revokedAt: revoked ? new Date(issuedAt + dayMs) : null,
      revokedReason: revoked ? 'Issued in error (demo data).' : null,
    });
  }
}

// --- Writing it

const file = path.resolve(args.database ?? databasePath());
const began = performance.now();
const { db, sqlite } = openDatabase(file);
passwordHash = await hashPassword(randomToken());
const firstIndex = countUsersAt(db, 'demo.example.org') + 1;
const threadByStep = new Map<string, string[]>();
const batchSize = 1000;
const totals = { learners: 0, completions: 0, attempts: 0, certificates: 0, comments: 0 };
for (let from = 0; from < learnerCount; from += batchSize) {
  const batch: DemoBatch = { users: [], enrolments: [], stepCompletions: [], quizAttempts: [], certificates: [], comments: [] };
  for (let i = from; i < Math.min(learnerCount, from + batchSize); i++) learner(batch, firstIndex + i, threadByStep);
  insertDemoBatch(db, batch);
  totals.learners += batch.users.length;
  totals.completions += batch.stepCompletions.length;
  totals.attempts += batch.quizAttempts.length;
  totals.certificates += batch.certificates.length;
  totals.comments += batch.comments.length;
}
sqlite.pragma('optimize');
sqlite.close();
const seconds = ((performance.now() - began) / 1000).toFixed(1);
console.log(
  `Added ${totals.learners} learners to ${courseSlug} in ${file} (${seconds} s): ${totals.completions} steps completed, ` +
    `${totals.attempts} test attempts, ${totals.comments} comments, ${totals.certificates} certificates.`,
);
