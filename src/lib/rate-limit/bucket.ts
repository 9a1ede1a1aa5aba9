/** A token bucket: `capacity` tries at once, refilled at `refillPerMinute`. Pure; storage is the caller's. */

export interface BucketRule {
  capacity: number;
  refillPerMinute: number;
}

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface BucketResult {
  allowed: boolean;
  state: BucketState;
  /** Whole seconds until a try is allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

export function takeToken(rule: BucketRule, previous: BucketState | undefined, now: number): BucketResult {
  const elapsedMinutes = previous ? Math.max(0, now - previous.updatedAt) / 60_000 : 0;
  const available = previous ? Math.min(rule.capacity, previous.tokens + elapsedMinutes * rule.refillPerMinute) : rule.capacity;
  if (available >= 1) {
    return { allowed: true, state: { tokens: available - 1, updatedAt: now }, retryAfterSeconds: 0 };
  }
  const secondsToOne = ((1 - available) / rule.refillPerMinute) * 60;
  return { allowed: false, state: { tokens: available, updatedAt: now }, retryAfterSeconds: Math.max(1, Math.ceil(secondsToOne)) };
}

/** The limits in force, named for where they apply. */
export const rules = {
  /** Sign-in per account: 5 tries, one more a minute. */
  signInAccount: { capacity: 5, refillPerMinute: 1 },
  /** Sign-in per address, looser since many clinicians share an NHS network address. */
  signInAddress: { capacity: 30, refillPerMinute: 10 },
  /** Comments and replies per person: 10 at once, then one every 6 seconds (10 a minute). */
  comment: { capacity: 10, refillPerMinute: 10 },
  /** Certificate checks per address: plenty for an auditor, too few to guess numbers. */
  verifyAddress: { capacity: 30, refillPerMinute: 30 },
  /** Access codes per person: ten tries in a row, then one every ten minutes. */
  accessCodeAccount: { capacity: 10, refillPerMinute: 0.1 },
  /** Access codes per address, looser since NHS sites share addresses. */
  accessCodeAddress: { capacity: 50, refillPerMinute: 5 },
  /** Password-reset emails per email address: three, then one every 20 minutes, so no inbox is flooded. */
  resetEmail: { capacity: 3, refillPerMinute: 0.05 },
  /** Password-reset requests per network address. */
  resetAddress: { capacity: 20, refillPerMinute: 2 },
  /** Confirmation emails per person (the sign-in address again, an NHS address): five, then one every ten minutes. */
  confirmationEmail: { capacity: 5, refillPerMinute: 0.1 },
} satisfies Record<string, BucketRule>;
