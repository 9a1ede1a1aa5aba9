import { describe, expect, it } from 'vitest';
import { takeToken, rules } from '../../../src/lib/rate-limit/bucket';

describe('the sign-in token bucket', () => {
  it('allows five tries at once, refuses the sixth with a wait, and refills one a minute', () => {
    let state;
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      const r = takeToken(rules.signInAccount, state, t0);
      expect(r.allowed).toBe(true);
      state = r.state;
    }
    const refused = takeToken(rules.signInAccount, state, t0);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect(takeToken(rules.signInAccount, refused.state, t0 + 30_000).retryAfterSeconds).toBe(30);
    expect(takeToken(rules.signInAccount, refused.state, t0 + 60_000).allowed).toBe(true);
  });

  it('never holds more than its capacity, however long it waits', () => {
    const r = takeToken(rules.signInAccount, { tokens: 0, updatedAt: 0 }, 10 * 24 * 3600_000);
    expect(r.state.tokens).toBe(rules.signInAccount.capacity - 1);
  });
});
