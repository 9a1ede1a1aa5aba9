import { describe, expect, it } from 'vitest';
import { filterQuery, isFiltered, parseDay, readFilter } from '../../../src/lib/analytics/filters';
import { learnerHeadings, learnersCsv, learnersHref, learnerView, pageCount, readLearnerQuery, type LearnerRecord } from '../../../src/lib/analytics/learners';
import { courseScope } from '../../../src/lib/analytics/scope';

const read = (query: string) => readFilter(new URLSearchParams(query));

describe('the console filter', () => {
  it('reads dates as a date input sends them and as people type them, day first', () => {
    expect(parseDay('2025-03-01')?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(parseDay('1/3/2025')?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(parseDay('29/2/2024')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses dates that do not exist or are not dates, saying how to write one', () => {
    for (const bad of ['2025-02-30', '31/4/2025', '29/2/2025', '2025-13-01', 'tomorrow', '2025/03/01', '01-03-2025', '<script>']) {
      expect(parseDay(bad), bad).toBeNull();
      const { errors, filter } = read(`from=${encodeURIComponent(bad)}`);
      expect(errors.from).toBe('Enter the first date as a real date, like 2025-03-01.');
      expect(isFiltered(filter)).toBe(false);
    }
  });

  it('includes the whole of the last day, and refuses a last day before the first', () => {
    const { filter, errors } = read('from=2025-03-01&to=31/3/2025&profession=nurse');
    expect(errors).toEqual({});
    expect(filter).toEqual({ joinedFrom: new Date('2025-03-01T00:00:00Z'), joinedBefore: new Date('2025-04-01T00:00:00Z'), profession: 'nurse' });
    expect(read('from=2025-03-02&to=2025-03-01').errors.to).toBe('The last date must be the same as or after the first date.');
  });

  it('refuses a profession that is not in the list', () => {
    expect(read('profession=wizard').errors.profession).toBe('Choose a profession from the list.');
  });

  it('carries the filter between views, as the date input shows it', () => {
    const { values } = read('from=1/3/2025&profession=nurse');
    expect(filterQuery(values)).toBe('?from=2025-03-01&profession=nurse');
    expect(filterQuery(read('').values)).toBe('');
  });
});

describe('the course scope', () => {
  const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}` })) as never[];

  it('needs half the steps, rounded up, for 50%, and the certificate threshold for eligibility', () => {
    expect(courseScope('c', { steps: steps(7), assessments: [] }, 0.9)).toMatchObject({ halfway: 4, required: 7 });
    expect(courseScope('c', { steps: steps(70), assessments: [{ quizId: 'final' } as never] }, 0.9)).toMatchObject({ halfway: 35, required: 63, assessmentIds: ['final'] });
  });

  it('makes nobody eligible or halfway in a course with no steps', () => {
    expect(courseScope('c', { steps: [], assessments: [] }, 0.9)).toMatchObject({ halfway: 1, required: null });
  });
});

describe('the learners table', () => {
  it('sorts newest first unless asked, and ignores what it does not know', () => {
    expect(readLearnerQuery(new URLSearchParams(''))).toEqual({ search: '', sort: 'joined', direction: 'desc', page: 1 });
    expect(readLearnerQuery(new URLSearchParams('sort=name'))).toMatchObject({ sort: 'name', direction: 'asc' });
    expect(readLearnerQuery(new URLSearchParams('sort=password&dir=sideways&page=-2'))).toEqual({ search: '', sort: 'joined', direction: 'desc', page: 1 });
    expect(readLearnerQuery(new URLSearchParams('page=2.5')).page).toBe(1);
    expect(readLearnerQuery(new URLSearchParams(`q=${'x'.repeat(500)}`)).search).toHaveLength(200);
  });

  it('links keep the filter, search and sort, and start again at page 1 when asked', () => {
    const query = { search: 'ann lee', sort: 'complete' as const, direction: 'desc' as const, page: 3 };
    const values = { from: '2025-03-01', to: '', profession: 'nurse' };
    expect(learnersHref('/l', values, query)).toBe('/l?from=2025-03-01&profession=nurse&q=ann+lee&sort=complete&dir=desc&page=3');
    expect(learnersHref('/l.csv', values, query, { page: 1 })).toBe('/l.csv?from=2025-03-01&profession=nurse&q=ann+lee&sort=complete&dir=desc');
    expect(pageCount(0)).toBe(1);
    expect(pageCount(101)).toBe(3);
  });

  const record = (over: Partial<LearnerRecord>): LearnerRecord => ({
    userId: 'u',
    name: 'Ann Lee',
    email: 'ann@example.org',
    profession: 'occupational-therapist',
    joinedAt: new Date('2025-03-01T10:00:00Z'),
    lastActiveAt: new Date('2025-03-20T10:00:00Z'),
    done: 7,
    best: [72],
    certificateNumber: null,
    certificateRevoked: false,
    ...over,
  });

  it('shows each learner in words and whole per cents', () => {
    expect(learnerView(record({ certificateNumber: '0123456789ABCDEF' }), 10)).toEqual({
      name: 'Ann Lee',
      email: 'ann@example.org',
      profession: 'Occupational therapist',
      joined: '2025-03-01',
      lastActive: '2025-03-20',
      percent: 70,
      best: [72],
      certificate: '0123-4567-89AB-CDEF',
    });
    expect(learnerView(record({ certificateNumber: '0123456789ABCDEF', certificateRevoked: true, best: [null] }), 10)).toMatchObject({
      certificate: '0123-4567-89AB-CDEF (revoked)',
      best: [null],
    });
  });

  it('exports a CSV a spreadsheet opens as UTF-8 and never runs as formulas', () => {
    const csv = learnersCsv(
      [
        learnerView(record({ name: '=HYPERLINK("http://evil.example","Click")' }), 10),
        learnerView(record({ name: '+SUM(1,2)', email: '@cmd@example.org' }), 10),
        learnerView(record({ name: '-2+3', best: [null] }), 10),
        learnerView(record({ name: 'Zoë Łukasiewicz-Øberg' }), 10),
      ],
      ['Final assessment'],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(learnerHeadings(['Final assessment']).join(','));
    expect(lines[0]).toBe('Name,Email,Profession,Joined,Last active,Complete (%),Final assessment: best score (%),Certificate');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")",ann@example.org,Occupational therapist,2025-03-01,2025-03-20,70,72,`);
    expect(lines[2]).toBe(`"'+SUM(1,2)",'@cmd@example.org,Occupational therapist,2025-03-01,2025-03-20,70,72,`);
    expect(lines[3]!.startsWith(`'-2+3,`)).toBe(true);
    expect(lines[3]!.endsWith(',70,,')).toBe(true);
    expect(lines[4]!.startsWith('Zoë Łukasiewicz-Øberg,')).toBe(true);
    expect(lines.at(-1)).toBe('');
  });
});
