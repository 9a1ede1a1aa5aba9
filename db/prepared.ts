import type { Db } from './client';

/**
 * Builds statements once per connection. Drizzle otherwise turns the query builder into SQL and SQLite
 * prepares it on every call, which was most of a step page's database time.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let built = cache.get(db);
    if (!built) {
      built = build(db);
      cache.set(db, built);
    }
    return built;
  };
}
