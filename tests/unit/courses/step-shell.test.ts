import { describe, expect, it } from 'vitest';
import { fullAccess, type Tier } from '../../../src/lib/access/tiers';
import { findStep } from '../../../src/lib/courses/catalog';
import { stepMarkers, stepShellKey, stepSlots, type StepParts } from '../../../src/lib/courses/step-shell';
import { fillShell, parseShell } from '../../../src/lib/html/page-shell';
import { Html } from '../../../src/lib/html/html';
import { courseFromDisk } from '../../support/course-steps';

const marker = (name: string) => `<!--best-cpd-slot:${name}-->`;
const parts: StepParts = {
  header: new Html('<header>H</header>'),
  percent: new Html('<b>40%</b>'),
  completion: new Html('<form>Done</form>'),
  moderation: new Html('<p>Mod</p>'),
  thread: new Html('<ol>T</ol>'),
};
const page = `<body>${marker('header')}<main><span>${marker('percent')}</span>${marker('completion')}<aside>${marker('moderation')}</aside>${marker('thread')}</main></body>`;

describe('the step page shell', () => {
  it('marks each learner part with its own comment marker', () => {
    expect(stepSlots).toEqual(['header', 'percent', 'completion', 'moderation', 'thread']);
    expect(Object.fromEntries(Object.entries(stepMarkers).map(([slot, m]) => [slot, m.value]))).toEqual({
      header: '<!--best-cpd-slot:header-->',
      percent: '<!--best-cpd-slot:percent-->',
      completion: '<!--best-cpd-slot:completion-->',
      moderation: '<!--best-cpd-slot:moderation-->',
      thread: '<!--best-cpd-slot:thread-->',
    });
  });

  it('splits a page at its markers and fills each slot with the learner’s part', () => {
    const shell = parseShell(page, "default-src 'self'", stepSlots)!;
    expect(shell).toEqual({
      pieces: ['<body>', '<main><span>', '</span>', '<aside>', '</aside>', '</main></body>'],
      slots: ['header', 'percent', 'completion', 'moderation', 'thread'],
      csp: "default-src 'self'",
    });
    expect(fillShell(shell, parts)).toBe('<body><header>H</header><main><span><b>40%</b></span><form>Done</form><aside><p>Mod</p></aside><ol>T</ol></main></body>');
  });

  it('fills each slot in its place when the markers come in another order', () => {
    const reordered = `${marker('thread')}|${marker('moderation')}|${marker('header')}|${marker('completion')}|${marker('percent')}`;
    const shell = parseShell(reordered, '', stepSlots)!;
    expect(shell.slots).toEqual(['thread', 'moderation', 'header', 'completion', 'percent']);
    expect(fillShell(shell, parts)).toBe('<ol>T</ol>|<p>Mod</p>|<header>H</header>|<form>Done</form>|<b>40%</b>');
  });

  it('refuses a page that is missing any one slot', () => {
    for (const slot of stepSlots) expect(parseShell(page.replace(marker(slot), ''), '', stepSlots), slot).toBeNull();
    expect(parseShell('<body>no markers</body>', '', stepSlots)).toBeNull();
  });

  it('refuses a page with a marker for a slot it does not know', () => {
    expect(parseShell(`${page}${marker('footer')}`, '', stepSlots)).toBeNull();
  });

  it('inserts parts exactly as they are, without looking for markers or replacement patterns in them', () => {
    const shell = parseShell(page, '', stepSlots)!;
    const sneaky: StepParts = { ...parts, header: new Html(`${marker('thread')} $& $1 $$`), thread: new Html(marker('header')) };
    expect(fillShell(shell, sneaky)).toBe(
      `<body>${marker('thread')} $& $1 $$<main><span><b>40%</b></span><form>Done</form><aside><p>Mod</p></aside>${marker('header')}</main></body>`,
    );
  });
});

describe('which requests are served from a shell', () => {
  const get = { method: 'GET', search: '' };
  const limited = (expired: boolean): Tier => ({ tier: 'limited', endsAt: new Date('2030-01-01T00:00:00Z'), expired });
  const course = courseFromDisk('content/courses/best');
  const ofType = (type: string) => {
    const found = course.outline.steps.find((s) => s.type === type && s.data.type === type);
    return findStep(course, found?.id)!;
  };
  const article = ofType('article');
  const quiz = ofType('quiz');
  const assessment = ofType('assessment');
  const discussion = ofType('discussion');

  it('keys the plain GET of an article or discussion step, for full access and for limited access that has not ended', () => {
    expect([article.type, discussion.type]).toEqual(['article', 'discussion']);
    for (const step of [article, discussion]) {
      for (const tier of [fullAccess, limited(false)]) expect(stepShellKey(course, step, tier, get)).toBe(`step:best/${step.id}`);
    }
  });

  it('has no shell for other methods or for any query', () => {
    for (const request of [
      { method: 'POST', search: '' },
      { method: 'HEAD', search: '' },
      { method: 'GET', search: '?sort=liked' },
    ]) {
      expect(stepShellKey(course, article, fullAccess, request), request.method + request.search).toBeNull();
    }
  });

  it('has no shell for quiz and assessment steps, or once limited access has ended', () => {
    expect([quiz.type, assessment.type]).toEqual(['quiz', 'assessment']);
    expect(stepShellKey(course, quiz, fullAccess, get)).toBeNull();
    expect(stepShellKey(course, assessment, fullAccess, get)).toBeNull();
    expect(stepShellKey(course, article, limited(true), get)).toBeNull();
  });
});
