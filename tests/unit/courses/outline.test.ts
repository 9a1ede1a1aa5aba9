import { describe, expect, it } from 'vitest';
import { buildOutline, stepLocation } from '../../../src/lib/courses/outline';
import type { StepData } from '../../../src/lib/courses/schema';

const step = (id: string, activity: string, extra: Partial<StepData> = {}): StepData =>
  ({ id, title: id, type: 'article', activity, minutes: 5, ...extra }) as StepData;

describe('the course outline', () => {
  const course = { weeks: [{ title: 'One' }, { title: 'Two' }] };
  const outline = buildOutline(course, [
    { data: step('b', 'Act 2'), filePath: 'content/courses/c/week-1/02-b.mdx' },
    { data: step('a', 'Act 1'), filePath: 'content/courses/c/week-1/01-a.mdx' },
    { data: step('c', 'Act 2'), filePath: 'content/courses/c/week-1/03-c.mdx' },
    { data: step('final', 'Wrap', { type: 'assessment', quiz: 'final-quiz' } as Partial<StepData>), filePath: 'content/courses/c/week-2/01-x.mdx' },
  ]);

  it('numbers steps by week and order of file names', () => {
    expect(outline.steps.map((s) => `${s.number} ${s.id}`)).toEqual(['1.1 a', '1.2 b', '1.3 c', '2.1 final']);
  });

  it('groups adjacent steps of one activity', () => {
    expect(outline.weeks[0]?.activities.map((a) => [a.title, a.steps.map((s) => s.id)])).toEqual([
      ['Act 1', ['a']],
      ['Act 2', ['b', 'c']],
    ]);
    expect(outline.weeks[0]?.minutes).toBe(15);
  });

  it('lists the assessments the certificate needs', () => {
    expect(outline.assessments).toEqual([{ quizId: 'final-quiz', stepId: 'final', title: 'final' }]);
  });

  it("keeps a step's id when its file is renamed or moved: only numbers change", () => {
    const moved = buildOutline(course, [
      { data: step('a', 'Act 1'), filePath: 'content/courses/c/week-2/09-renamed.mdx' },
      { data: step('b', 'Act 2'), filePath: 'content/courses/c/week-1/01-b.mdx' },
    ]);
    expect(moved.steps.map((s) => `${s.number} ${s.id}`)).toEqual(['1.1 b', '2.1 a']);
  });

  it('reads the week and order from a path', () => {
    expect(stepLocation('x/week-12/03-name.mdx')).toEqual({ week: 12, key: '03-name.mdx' });
    expect(stepLocation('x/notes/03-name.mdx')).toBeNull();
  });
});
