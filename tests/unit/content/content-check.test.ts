import { describe, expect, it } from 'vitest';
import { checkCourses } from '../../../src/lib/content/check-course';

describe('content:check', () => {
  it('finds nothing wrong with the shipped course and the test fixtures', async () => {
    expect(await checkCourses(['content/courses', 'tests/fixtures/courses'], process.cwd())).toEqual([]);
  });

  it('reports each problem in a broken course with its file and line', async () => {
    const problems = await checkCourses(['tests/fixtures/broken-courses'], process.cwd());
    const lines = problems.map((p) => `${p.file.replace('tests/fixtures/broken-courses/broken/', '')}:${p.line}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'course.yaml:5: "level" Invalid enum value. Expected \'Introductory\' | \'Intermediate\' | \'Advanced\', received \'Expert\'',
        'quizzes/no-correct.yaml:5: "questions.0" has no correct option',
        'week-1/01-good.mdx:9: link to step "no-such-step", which does not exist',
        'week-1/01-good.mdx:11: Figure has no alt text',
        'week-1/01-good.mdx:11: figure "missing.svg" does not exist in media/',
        'week-1/01-good.mdx:13: download "missing.pdf" does not exist in downloads/',
        'week-1/02-duplicate.mdx:2: duplicate step id "good-step" (also in tests/fixtures/broken-courses/broken/week-1/01-good.mdx)',
        'week-1/02-duplicate.mdx:7: video "no-transcript" has no transcript (media/no-transcript.txt)',
        'week-1/02-duplicate.mdx:7: video "no-transcript" is missing media/no-transcript.webm (run npm run media:build)',
        'week-1/03-bad-front.mdx:4: "type" Invalid discriminator value. Expected \'article\' | \'download\' | \'video\' | \'audio\' | \'discussion\' | \'quiz\' | \'assessment\'',
        'week-1/04-quiz.mdx:7: quiz "ghost-quiz" does not exist (no quizzes/ghost-quiz.yaml)',
        'week-1/04-quiz.mdx:10: quiz "another-ghost" does not exist',
        'week-3:1: week 3 is not listed under "weeks" in course.yaml',
      ]),
    );
    expect(lines).toContain('week-1/05-bad-mdx.mdx:9: MDX: Expected a closing tag for `<Callout>` (2:22-2:31) before the end of `paragraph`');
    // Each problem once: a question with no correct option is not also called a multiple-answer single choice.
    expect(lines.filter((l) => l.startsWith('quizzes/no-correct.yaml'))).toHaveLength(1);
  });
});
