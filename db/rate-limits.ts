import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { perConnection } from './prepared';
import { rateLimits } from './schema';
import { takeToken, type BucketResult, type BucketRule } from '../src/lib/rate-limit/bucket';

const statements = perConnection((db) => ({
  find: db.select().from(rateLimits).where(eq(rateLimits.key, sql.placeholder('key'))).prepare(),
  save: db
    .insert(rateLimits)
    .values({ key: sql.placeholder('key'), tokens: sql.placeholder('tokens'), updatedAt: sql.placeholder('updatedAt') })
    .onConflictDoUpdate({ target: rateLimits.key, set: { tokens: sql`excluded.tokens`, updatedAt: sql`excluded.updated_at` } })
    .prepare(),
}));

/** Takes a token from each bucket in one write transaction, so concurrent servers cannot both spend the last one. */
export function consumeTokens(db: Db, buckets: { key: string; rule: BucketRule }[], now = Date.now()): BucketResult {
  return db.transaction((tx) => spendTokens(tx, buckets, now), { behavior: 'immediate' });
}

/**
 * Takes a token from each bucket inside a write transaction the caller holds (begun immediate), so a change and the
 * token it costs are stored together. A refused try spends nothing, so a blocked account refills while the limit holds.
 */
export function spendTokens(tx: Db, buckets: { key: string; rule: BucketRule }[], now: number): BucketResult {
  let worst: BucketResult | undefined;
  const results = buckets.map(({ key, rule }) => {
    const row = statements(tx).find.get({ key });
    const result = takeToken(rule, row && { tokens: row.tokens, updatedAt: row.updatedAt.getTime() }, now);
    return { key, result };
  });
  const refused = results.filter((r) => !r.result.allowed);
  if (refused.length === 0) {
    for (const { key, result } of results) {
      statements(tx).save.run({ key, tokens: result.state.tokens, updatedAt: new Date(result.state.updatedAt) });
    }
  }
  for (const { result } of refused.length ? refused : results) {
    if (!worst || result.retryAfterSeconds > worst.retryAfterSeconds) worst = result;
  }
  return worst ?? { allowed: true, state: { tokens: 0, updatedAt: now }, retryAfterSeconds: 0 };
}
