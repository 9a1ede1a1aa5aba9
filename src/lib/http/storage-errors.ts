/**
 * SQLite failures that mean "the store cannot take writes just now" (disk full, read-only, I/O trouble, locked
 * past the busy timeout) rather than a bug. They get a 503 and a plain message; nothing half-written stays,
 * since every change runs in one transaction.
 */
const unavailableCodes = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB)/;
/** The file itself cannot be written: a read-only file or mount. A fresh connection may do once that clears. */
const readOnlyCodes = /^SQLITE_(READONLY|CANTOPEN)/;

/** The SQLite code of an error, if any: Drizzle and Astro wrap errors, and the code sits on the innermost cause. */
function sqliteCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isStorageUnavailable(error: unknown): boolean {
  return unavailableCodes.test(sqliteCode(error) ?? '');
}

export function isReadOnlyStorage(error: unknown): boolean {
  return readOnlyCodes.test(sqliteCode(error) ?? '');
}

export const unavailableMessage =
  'The service cannot save changes at the moment. Nothing you sent was stored. Please try again in a few minutes.';

/**
 * The answer to a storage failure, or undefined when the error is a bug. It is logged with the address (never the
 * body), and a read-only store is noted so that the next change reopens it.
 */
export function storageFailureAnswer(
  error: unknown,
  where: { method: string; path: string; wantsJson: boolean },
  noteReadOnly: () => void,
): { status: 503; headers: Record<string, string>; body: string } | undefined {
  if (!isStorageUnavailable(error)) return undefined;
  if (isReadOnlyStorage(error)) noteReadOnly();
  console.error(`Storage unavailable for ${where.method} ${where.path}: ${(error as Error).message}`);
  return {
    status: 503,
    headers: { 'Content-Type': where.wantsJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', 'Retry-After': '60' },
    body: where.wantsJson ? JSON.stringify({ error: unavailableMessage }) : unavailableMessage,
  };
}
