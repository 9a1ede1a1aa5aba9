import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Builds statements once per connection. Drizzle otherwise turns the query builder into SQL and SQLite
 * prepares it on every call, which was most of a step page's database time.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    // A transaction is a new Drizzle object each time but shares the connection's session, and a statement of the
    // connection runs inside its transactions: keyed by the object, every transaction prepared its statements anew.
    const connection = (db as unknown as { session: object }).session;
    let built = cache.get(connection);
    if (!built) {
      built = build(db);
      cache.set(connection, built);
    }
    return built;
  };
}

/**
 * A LIMIT written into the statement's text rather than bound. Drizzle binds limits as parameters, and SQLite
 * ran a bound LIMIT ten times slower over the same index (measured on a step's comment thread). Only for
 * whole numbers the code chooses, never for input.
 */
export function literalLimit(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A limit must be a whole number, not ${n}`);
  // Drizzle's limit() accepts a number or a placeholder; raw SQL in its place is written out as it stands.
  return sql.raw(String(n)) as unknown as number;
}
