import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineFromDays } from '../../../src/lib/toolkit/baseline';
import { checkProgramme } from '../../../src/lib/toolkit/exercises';
import { pacingPlan } from '../../../src/lib/toolkit/pacing';
import { progressionPlan } from '../../../src/lib/toolkit/progression';
import { renderSheet } from '../../../src/lib/toolkit/sheet-pdf';
import {
  baselineSheet,
  exerciseProgrammeSheet,
  flareUpSheet,
  pacingSheet,
  smartGoalSheet,
  thoughtRecordSheet,
  type BaselineState,
  type PacingState,
  type Sheet,
} from '../../../src/lib/toolkit/sheets';

// The same fonts the browser fetches from public/fonts.
const fonts = {
  regular: new Uint8Array(readFileSync('public/fonts/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('public/fonts/DejaVuSans-Bold.ttf')),
};
const dir = mkdtempSync(path.join(tmpdir(), 'toolkit-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdf(sheet: Sheet): Promise<{ text: string; pages: number; bytes: Uint8Array }> {
  const bytes = await renderSheet(sheet, fonts, new Date('2026-03-05T10:00:00Z'));
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { text, pages: (await PDFDocument.load(bytes)).getPageCount(), bytes };
}

const baselineState: BaselineState = {
  patient: 'Zoë Łukasiewicz-Øberg',
  activity: 'Walking the dog to the field',
  unit: 'minutes',
  days: ['9', '11', '10'],
  start: '8',
  target: '12',
  increase: '1',
  weeksPerLevel: '2',
};

describe('patient sheets as PDF', () => {
  it('prints the baseline, the start and the plan, with the patient’s name as typed', async () => {
    const baseline = baselineFromDays(baselineState.days);
    const plan = progressionPlan(baselineState);
    if (!baseline.ok || !plan.ok) throw new Error('valid input expected');
    const { text, bytes } = await pdf(baselineSheet(baselineState, baseline, plan));
    expect(text).toContain('My baseline and plan');
    expect(text).toContain('Name: Zoë Łukasiewicz-Øberg');
    expect(text).toContain('Date: 5 March 2026');
    expect(text).toContain('Walking the dog to the field');
    expect(text).toContain('30 minutes');
    expect(text).toContain('7 to 8 minutes');
    expect(text).toContain('go up by 1 minutes. My target is 12 minutes, from week 9.');
    expect(text).toContain('If pain goes up after an increase');
    // Subset fonts keep a sheet small.
    expect(bytes.length).toBeLessThan(80_000);
  });

  it('leaves writing lines, not words, where there is no plan or no name', async () => {
    const baseline = baselineFromDays(['4', '5', '6']);
    if (!baseline.ok) throw new Error('valid input expected');
    const { text } = await pdf(baselineSheet({ ...baselineState, patient: '' }, baseline, undefined));
    expect(text).toContain('Name: Date:');
    expect(text).toContain('From week Level How it went If pain goes up');
  });

  it('prints the SMART goal, its parts, its steps by week and what is still vague', async () => {
    const { text } = await pdf(
      smartGoalSheet({
        patient: '',
        goal: 'Get fitter for my daughter’s wedding',
        specific: 'Walk round the lake',
        measurable: '',
        applicable: 'Dancing at the reception',
        rewarding: 'Photos with the family',
        timed: '6 weeks',
        steps: ['Find my walking baseline', '', 'Half way round the lake'],
      }),
    );
    expect(text).toContain('Get fitter for my daughter’s wedding');
    expect(text).toContain('Weeks 1 to 3: Find my walking baseline');
    expect(text).toContain('Weeks 4 to 6: Half way round the lake');
    expect(text).toContain('“fitter” is vague');
    expect(text).toContain('Measurable is blank');
  });

  it('prints the pacing timetable', async () => {
    const state: PacingState = {
      patient: 'Sam',
      task: 'Gardening',
      prioritise: 'Front borders before the visitors',
      plan: 'Kneel on a pad',
      evaluate: '',
      parts: [{ name: 'Weed the borders', minutes: '20' }],
      spell: '10',
      rest: '5',
      start: '14:00',
    };
    const plan = pacingPlan(state);
    if (!plan.ok) throw new Error('valid input expected');
    const { text } = await pdf(pacingSheet(state, plan));
    expect(text).toContain('Front borders before the visitors');
    expect(text).toContain('Spells of up to 10 minutes, with 5 minutes’ rest between them.');
    expect(text).toContain('14:00 to 14:10 Weed the borders (1 of 2)');
    expect(text).toContain('14:10 to 14:15 Rest');
  });

  it('prints the thought record with its styles', async () => {
    const { text } = await pdf(
      thoughtRecordSheet({ patient: '', situation: 'Waiting at the café', thought: 'They have forgotten me', feeling: 'Irritated', behaviour: 'Left', styles: ['jumping-to-conclusions'], alternative: '' }),
    );
    expect(text).toContain('Waiting at the café');
    expect(text).toContain('Thinking styles it fits Jumping to conclusions');
  });

  it('prints the flare-up plan with six numbered places', async () => {
    const { text } = await pdf(
      flareUpSheet({ patient: '', goodSpell: ['Plan ahead'], goodSpellOwn: 'Book a swim', flareUp: [], flareUpOwn: '', actions: ['Slow breathing for ten minutes'] }),
    );
    expect(text).toContain('Plan ahead');
    expect(text).toContain('Book a swim');
    expect(text).toContain('1. Slow breathing for ten minutes 2. 3. 4. 5. 6.');
  });

  it('prints each chosen exercise with its dose and instructions', async () => {
    const programme = checkProgramme([{ id: 'sit-to-stand', sets: '2', amount: '5' }]);
    if (!programme.ok) throw new Error('valid input expected');
    const { text } = await pdf(exerciseProgrammeSheet('', programme.items));
    expect(text).toContain('Sit to stand: 2 sets of 5 repetitions');
    expect(text).toContain('Level 2: body-weight strength');
    expect(text).toContain('Sit on a firm chair');
  });

  it('runs long text onto further pages, numbering them, and keeps "fi" as two letters', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `finding${i}`).join(' ');
    const { text, pages } = await pdf(
      thoughtRecordSheet({ patient: '', situation: long, thought: 'Averylongwordwithoutanyspaces'.repeat(12), feeling: '', behaviour: '', styles: [], alternative: '' }),
    );
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('finding399');
  });
});
