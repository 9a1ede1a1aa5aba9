import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { rateLimits } from './schema';
import { takeToken, type BucketResult, type BucketRule } from '../src/lib/rate-limit/bucket';

/** Takes a token from each bucket in one write transaction, so concurrent servers cannot both spend the last one. */
export function consumeTokens(db: Db, buckets: { key: string; rule: BucketRule }[], now = Date.now()): BucketResult {
  return db.transaction(
    (tx) => {
      let worst: BucketResult | undefined;
      const results = buckets.map(({ key, rule }) => {
        const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
        const result = takeToken(rule, row && { tokens: row.tokens, updatedAt: row.updatedAt.getTime() }, now);
        return { key, result };
      });
      const refused = results.filter((r) => !r.result.allowed);
      // A refused try spends nothing, so a blocked account refills while the limit holds.
      if (refused.length === 0) {
        for (const { key, result } of results) {
          const values = { key, tokens: result.state.tokens, updatedAt: new Date(result.state.updatedAt) };
          tx.insert(rateLimits).values(values).onConflictDoUpdate({ target: rateLimits.key, set: values }).run();
        }
      }
      for (const { result } of refused.length ? refused : results) {
        if (!worst || result.retryAfterSeconds > worst.retryAfterSeconds) worst = result;
      }
      return worst ?? { allowed: true, state: { tokens: 0, updatedAt: now }, retryAfterSeconds: 0 };
    },
    { behavior: 'immediate' },
  );
}
