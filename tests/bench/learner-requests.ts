import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizBankSchema } from '../../src/lib/courses/schema';
import { makeLayout } from '../../src/lib/quizzes/scoring';

/** A JSON body that answers a formative test correctly, in the order the page shows it. */
export function quizSubmission(course: string, quizId: string): string {
  const bank = quizBankSchema.parse(parse(readFileSync(`content/courses/${course}/quizzes/${quizId}.yaml`, 'utf8')));
  const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
  return JSON.stringify({ answers, layout: makeLayout(bank) });
}

/** Signs up `count` learners who join the course; returns their session cookies. */
export async function learnerCookies(app: string, course: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const signup = await fetch(`${app}/signup`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: app },
      body: new URLSearchParams({
        name: `Bench Learner ${i}`,
        email: `bench-${Date.now()}-${i}-${Math.random().toString(36).slice(2)}@example.org`,
        password: 'a long enough password',
        profession: 'physiotherapist',
      }),
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await fetch(`${app}/courses/${course}`, { method: 'POST', redirect: 'manual', headers: { Origin: app, Cookie: cookie } });
    cookies.push(cookie);
  }
  return cookies;
}

/** Posts `perLearner` comments as each learner (the limit is 10 a minute each); returns how many were stored. */
export async function postComments(app: string, stepPath: string, cookies: string[], perLearner: number): Promise<number> {
  let stored = 0;
  for (const cookie of cookies) {
    for (let i = 0; i < perLearner; i++) {
      const response = await fetch(`${app}${stepPath}/comments`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: app, Cookie: cookie, Accept: 'application/json' },
        body: new URLSearchParams({ text: `A bench comment about pacing and goals, number ${i} from this learner.` }),
      });
      if (response.status === 201) stored++;
      await response.arrayBuffer();
    }
  }
  return stored;
}
