/** Where a circuit breaker stands: closed lets calls through, open refuses them. */
export type BreakerState = "closed" | "open" | "half-open";

/** Options for {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  coolDownMs: number;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
  /** Called once per state change (not per call). */
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

/** A consecutive-failure circuit breaker; pure bookkeeping, no timers. */
export interface CircuitBreaker {
  /** Whether a call may go ahead now; in half-open, true for one trial call only. */
  allow(): boolean;
  /** Records that an allowed call succeeded. */
  succeed(): void;
  /** Records that an allowed call failed. */
  fail(): void;
  /** Closes the circuit and forgets past failures (e.g. a fresh connection is ready). */
  reset(): void;
  state(): BreakerState;
}

/** Returns a circuit breaker that opens after N consecutive failures for a cool-down. */
export function createCircuitBreaker(opts: CircuitBreakerOptions): CircuitBreaker {
  const now = opts.now ?? Date.now;
  let current: BreakerState = "closed";
  let failures = 0;
  let openedAt = 0;
  let trialStartedAt: number | null = null;

  const moveTo = (next: BreakerState): void => {
    if (next === current) return;
    const from = current;
    current = next;
    opts.onStateChange?.(from, next);
  };

  const open = (): void => {
    openedAt = now();
    trialStartedAt = null;
    moveTo("open");
  };

  const state = (): BreakerState => {
    if (current === "open" && now() - openedAt >= opts.coolDownMs) moveTo("half-open");
    return current;
  };

  return {
    allow() {
      const s = state();
      if (s === "closed") return true;
      if (s === "open") return false;
      // A trial that never reported back must not keep the circuit half-open forever.
      if (trialStartedAt !== null && now() - trialStartedAt < opts.coolDownMs) return false;
      trialStartedAt = now();
      return true;
    },
    succeed() {
      // Stragglers that started before the circuit opened do not decide anything.
      if (state() === "open") return;
      failures = 0;
      trialStartedAt = null;
      moveTo("closed");
    },
    fail() {
      const s = state();
      if (s === "open") return;
      failures += 1;
      if (s === "half-open" || failures >= opts.failureThreshold) open();
    },
    reset() {
      failures = 0;
      trialStartedAt = null;
      moveTo("closed");
    },
    state,
  };
}
