/** How fast a client's bucket refills and how much it holds, in cost units. */
export interface BucketRate {
  /** Units added per minute. */
  perMinute: number;
  /** Most units the bucket holds (what a client may spend at once after a pause). */
  burst: number;
}

/** A bucket as kept between charges: its units at a moment (epoch ms). */
export interface BucketState {
  tokens: number;
  at: number;
}

/** The outcome of one charge. */
export interface Charge {
  allowed: boolean;
  /** Units left after this charge. */
  remaining: number;
  /** When refused: whole seconds until the charge would pass (at least 1); else 0. */
  retryAfterSeconds: number;
}

/**
 * Charges `cost` units to a bucket at `now`: refills it for the time passed, takes the cost when
 * it is there, and otherwise takes nothing and says when it would be. A cost above the burst is
 * charged as the burst, so a full bucket always lets one operation through.
 */
export function chargeBucket(
  state: BucketState | undefined,
  cost: number,
  now: number,
  rate: BucketRate,
): { state: BucketState; charge: Charge } {
  const perMs = rate.perMinute / 60_000;
  const elapsed = state === undefined ? 0 : Math.max(0, now - state.at);
  const tokens = Math.min(rate.burst, (state?.tokens ?? rate.burst) + elapsed * perMs);
  const due = Math.min(Math.max(0, cost), rate.burst);
  // A clock that went back (another instance's) keeps the later moment: no time is paid twice.
  const at = state === undefined ? now : Math.max(now, state.at);
  if (tokens >= due) {
    return {
      state: { tokens: tokens - due, at },
      charge: { allowed: true, remaining: tokens - due, retryAfterSeconds: 0 },
    };
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((due - tokens) / perMs / 1000));
  return {
    state: { tokens, at },
    charge: { allowed: false, remaining: tokens, retryAfterSeconds },
  };
}

/** How long an idle bucket takes to fill up again (after that, forgetting it changes nothing). */
export function refillSeconds(rate: BucketRate): number {
  return Math.ceil((rate.burst / rate.perMinute) * 60);
}
