import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvHeaders, toCsv } from '../../../src/lib/csv/csv';

describe('formula-safe CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Jo = Bloggs')).toBe('Jo = Bloggs');
  });

  it('quotes commas, quotes and line breaks, and writes numbers, booleans, dates and blanks plainly', () => {
    expect(csvCell('Bloggs, Jo')).toBe('"Bloggs, Jo"');
    expect(csvCell('Jo "JB" Bloggs')).toBe('"Jo ""JB"" Bloggs"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('Yes');
    expect(csvCell(false)).toBe('No');
    expect(csvCell(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01T00:00:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('never lets a text cell start with a formula character, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text).replace(/^"/, '');
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('makes a file with a BOM, a header and CRLF line ends', () => {
    expect(toCsv(['Name', 'Score'], [['Jo', 90], ['=cmd', null]])).toBe('\uFEFFName,Score\r\nJo,90\r\n\'=cmd,\r\n');
    expect(csvHeaders('Trust "A"/learners.csv')['Content-Disposition']).toBe('attachment; filename="Trust--A--learners.csv"');
  });
});
