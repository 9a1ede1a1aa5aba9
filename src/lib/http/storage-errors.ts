/**
 * SQLite failures that mean "the store cannot take writes just now" (disk full, read-only, I/O trouble, locked
 * past the busy timeout) rather than a bug. They get a 503 and a plain message; nothing half-written stays,
 * since every change runs in one transaction.
 */
const unavailableCodes = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB)/;

export function isStorageUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // Drizzle and Astro wrap errors; the SQLite code sits on the innermost cause.
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableCodes.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export const unavailableMessage =
  'The service cannot save changes at the moment. Nothing you sent was stored. Please try again in a few minutes.';
