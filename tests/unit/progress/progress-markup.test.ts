import { describe, expect, it } from 'vitest';
import type { CertificateRow } from '../../../db/certificates';
import type { Course } from '../../../src/lib/courses/catalog';
import { buildOutline } from '../../../src/lib/courses/outline';
import { courseSchema, stepSchema } from '../../../src/lib/courses/schema';
import { progressHtml } from '../../../src/lib/progress/progress-markup';
import { summariseProgress } from '../../../src/lib/progress/summary';

const data = courseSchema.parse({
  title: 'A <b>course</b>',
  provider: 'P',
  summary: 'S',
  description: 'D',
  level: 'Introductory',
  hoursPerWeek: 1,
  cpdHours: 2,
  audience: 'A',
  outcomes: ['O'],
  cpd: { body: 'B', statement: 'S' },
  completion: { threshold: 0.9 },
  team: [{ role: 'Lead educator', name: 'N' }],
  weeks: [{ title: 'Pain & <i>sense</i>' }],
});
const step = (id: string, extra: Record<string, unknown>) => ({ data: stepSchema.parse({ id, title: `Step ${id}`, minutes: 5, activity: 'Reading', ...extra }), filePath: `week-1/${id}.mdx` });
const outline = buildOutline(data, [step('read', { type: 'article' }), step('check', { type: 'quiz', quiz: 'check' }), step('final', { type: 'assessment', quiz: 'final' })]);
const course = { slug: 'c', title: data.title, data, outline, entries: new Map(), quizzes: new Map(), filePath: 'course.yaml' } as unknown as Course;
const progress = (completed: string[], passed: string[]) => summariseProgress(outline, 0.9, new Set(completed), new Set(passed));

describe('the Progress page’s content', () => {
  it('shows the share, the steps by week with escaped titles, and each test’s best score and result', () => {
    const html = progressHtml({ course, progress: progress(['read'], []), scores: new Map([['check', 80]]), certificate: undefined }).value;
    expect(html).toContain('<h2 id="overall-title">33% of steps completed</h2>');
    expect(html).toContain('<th scope="row">Week 1: Pain &amp; &lt;i&gt;sense&lt;/i&gt;</th><td>1 of 3</td><td>33%</td>');
    expect(html).toContain('<td>80%</td><td>Practice test</td>');
    expect(html).toContain('<td>Not tried</td><td>Not passed yet</td>');
    expect(html).toContain('complete at least 90% of the steps (3 of 3) and pass every assessment. Still to do:');
    expect(html).not.toContain('Get your certificate');
  });

  it('offers the certificate once the rule is met, and then shows the one issued', () => {
    const met = progress(['read', 'check', 'final'], ['final']);
    expect(progressHtml({ course, progress: met, scores: new Map([['final', 100]]), certificate: undefined }).value).toContain(
      '<form method="post" action="/courses/c/certificate"><button class="button" type="submit">Get your certificate</button></form>',
    );
    const issued = { number: '0123456789ABCDE5', cpdHours: 2, completedAt: new Date('2026-11-20T10:00:00Z'), revokedAt: null, revokedReason: null } as CertificateRow;
    const html = progressHtml({ course, progress: met, scores: new Map([['final', 100]]), certificate: issued }).value;
    expect(html).toContain('completed on 20 November 2026. Certificate number <strong>0123-4567-89AB-CDE5</strong>.');
    expect(html).toContain('href="/certificates/0123456789ABCDE5.pdf" download');
    expect(html).toContain('<td>100%</td><td>Passed</td>');
  });

  it('says when a certificate was revoked, with the admin’s reason as text', () => {
    const revoked = { number: '0123456789ABCDE5', cpdHours: 2, completedAt: new Date(), revokedAt: new Date('2026-11-21T10:00:00Z'), revokedReason: '<script>alert(1)</script>' } as CertificateRow;
    const html = progressHtml({ course, progress: progress([], []), scores: new Map(), certificate: revoked }).value;
    expect(html).toContain('Your certificate 0123-4567-89AB-CDE5 was revoked on 21 November 2026: &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(html).not.toContain('<script>');
  });
});
