import { describe, expect, it } from 'vitest';
import { checkBatch, checkOrganisationName, parseDay } from '../../../src/lib/access/batches';

const now = new Date('2026-03-10T12:00:00Z');
const options = { courses: ['best', 'fixture-tiered'], organisations: ['org-1'], now };

describe('making a batch of codes', () => {
  it('reads a day written the British way or as ISO, as the end of that day', () => {
    expect(parseDay('31/3/2027')).toEqual(new Date('2027-03-31T23:59:59.999Z'));
    expect(parseDay('2027-03-31')).toEqual(new Date('2027-03-31T23:59:59.999Z'));
    expect(parseDay('31-03-2027')).toEqual(new Date('2027-03-31T23:59:59.999Z'));
    expect(parseDay('31/2/2027')).toBeNull();
    expect(parseDay('tomorrow')).toBeNull();
    expect(parseDay('')).toBeNull();
  });

  it('accepts a good batch, today included as the last day', () => {
    expect(checkBatch({ course: 'fixture-tiered', count: ' 25 ', expires: '10/3/2026', note: ' Invoice  1234 ', organisation: 'org-1' }, options)).toEqual({
      ok: true,
      value: { courseSlug: 'fixture-tiered', count: 25, expiresAt: new Date('2026-03-10T23:59:59.999Z'), note: 'Invoice 1234', organisationId: 'org-1' },
    });
    expect(checkBatch({ course: 'best', count: '1', expires: '2026-12-01', note: '', organisation: '' }, options)).toMatchObject({
      ok: true,
      value: { organisationId: null },
    });
  });

  it('explains every bad field at once', () => {
    const result = checkBatch({ course: 'nope', count: '0', expires: '9/3/2026', note: 'x'.repeat(201), organisation: 'org-2' }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      course: 'Choose the course the codes are for.',
      count: 'Enter how many codes to make, a whole number from 1 to 1000.',
      expires: 'The last day the codes work must be today or later.',
      note: 'Keep the note to 200 characters.',
      organisation: 'Choose an organisation from the list, or none.',
    });
    for (const count of ['1001', '2.5', '-3', 'ten', '']) {
      expect(checkBatch({ course: 'best', count, expires: '1/1/2027' }, options).ok, count).toBe(false);
    }
  });

  it('needs an organisation name', () => {
    expect(checkOrganisationName('  Royal   Devon NHS Trust ')).toEqual({ name: 'Royal Devon NHS Trust' });
    expect(checkOrganisationName('   ').error).toContain('Enter the organisation');
    expect(checkOrganisationName('x'.repeat(121)).error).toContain('120 characters');
  });
});
