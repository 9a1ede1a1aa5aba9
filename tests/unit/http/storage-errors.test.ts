import { describe, expect, it } from 'vitest';
import { isReadOnlyStorage, isStorageUnavailable } from '../../../src/lib/http/storage-errors';

const sqlite = (code: string) => Object.assign(new Error('from SQLite'), { code });
const wrapped = (cause: unknown) => new Error('Failed query', { cause: new Error('Render failed', { cause }) });

describe('storage errors', () => {
  it('finds the SQLite code under the wrappers Drizzle and Astro add', () => {
    expect(isStorageUnavailable(wrapped(sqlite('SQLITE_FULL')))).toBe(true);
    expect(isStorageUnavailable(wrapped(sqlite('SQLITE_READONLY_DBMOVED')))).toBe(true);
    expect(isStorageUnavailable(sqlite('SQLITE_BUSY'))).toBe(true);
  });

  it('leaves bugs to be bugs: constraint failures and plain errors are not outages', () => {
    expect(isStorageUnavailable(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isStorageUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageUnavailable(undefined)).toBe(false);
  });

  it('tells a file that cannot be written from a disk that is full', () => {
    expect(isReadOnlyStorage(wrapped(sqlite('SQLITE_READONLY')))).toBe(true);
    expect(isReadOnlyStorage(sqlite('SQLITE_CANTOPEN'))).toBe(true);
    expect(isReadOnlyStorage(sqlite('SQLITE_FULL'))).toBe(false);
    expect(isReadOnlyStorage(sqlite('SQLITE_IOERR_WRITE'))).toBe(false);
  });
});
