import {
  type BucketState,
  chargeBucket,
  refillSeconds,
  type BucketRate,
} from "../../src/domain/token-bucket";

const RATE: BucketRate = { perMinute: 60, burst: 10 };
const T0 = 1_700_000_000_000;

/** Charges each cost in turn at the moments of an injected clock; returns every charge. */
function chargeAll(steps: { cost: number; at: number }[], rate = RATE) {
  let state: BucketState | undefined;
  return steps.map(({ cost, at }) => {
    const result = chargeBucket(state, cost, at, rate);
    state = result.state;
    return result.charge;
  });
}

describe("the token bucket", () => {
  it("starts full and takes each cost until the burst is spent", () => {
    const charges = chargeAll(Array.from({ length: 11 }, () => ({ cost: 1, at: T0 })));
    expect(charges.slice(0, 10).every((c) => c.allowed)).toBe(true);
    expect(charges.map((c) => c.remaining).slice(0, 10)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(charges[10]).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
  });

  it("takes nothing from a refused charge", () => {
    const [first, refused, after] = chargeAll([
      { cost: 8, at: T0 },
      { cost: 5, at: T0 },
      { cost: 2, at: T0 },
    ]);
    expect(first).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(refused).toEqual({ allowed: false, remaining: 2, retryAfterSeconds: 3 });
    expect(after).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });

  it("refills at the rate as the clock moves", () => {
    const charges = chargeAll([
      { cost: 10, at: T0 },
      { cost: 1, at: T0 + 500 },
      { cost: 1, at: T0 + 1000 },
      { cost: 3, at: T0 + 4000 },
    ]);
    expect(charges.map((c) => c.allowed)).toEqual([true, false, true, true]);
    expect(charges[1]!.remaining).toBeCloseTo(0.5);
    expect(charges[3]!.remaining).toBeCloseTo(0);
  });

  it("never holds more than the burst after a long pause", () => {
    const charges = chargeAll([
      { cost: 10, at: T0 },
      { cost: 0, at: T0 + 3_600_000 },
      { cost: 10, at: T0 + 3_600_000 },
      { cost: 1, at: T0 + 3_600_000 },
    ]);
    expect(charges[1]).toEqual({ allowed: true, remaining: 10, retryAfterSeconds: 0 });
    expect(charges[2]!.allowed).toBe(true);
    expect(charges[3]!.allowed).toBe(false);
  });

  it("says in whole seconds, rounded up, when a refused charge would pass", () => {
    const rate = { perMinute: 30, burst: 10 }; // one unit every 2 s
    const [, refused] = chargeAll(
      [
        { cost: 10, at: T0 },
        { cost: 3, at: T0 + 1000 },
      ],
      rate,
    );
    // 0.5 units there, 2.5 missing: 5 s.
    expect(refused).toEqual({ allowed: false, remaining: 0.5, retryAfterSeconds: 5 });
    const [, , later] = chargeAll(
      [
        { cost: 10, at: T0 },
        { cost: 3, at: T0 + 1000 },
        { cost: 3, at: T0 + 6000 },
      ],
      rate,
    );
    expect(later!.allowed).toBe(true);
  });

  it("says at least one second, however little is missing", () => {
    const [, refused] = chargeAll(
      [
        { cost: 10, at: T0 },
        { cost: 1, at: T0 + 999 },
      ],
      { perMinute: 60_000, burst: 10 },
    );
    expect(refused!.allowed).toBe(true);
    const [, short] = chargeAll(
      [
        { cost: 10, at: T0 },
        { cost: 1, at: T0 + 999 },
      ],
      RATE,
    );
    expect(short).toEqual({
      allowed: false,
      remaining: expect.closeTo(0.999),
      retryAfterSeconds: 1,
    });
  });

  it("charges a cost larger than the burst as the burst: a full bucket lets it through once", () => {
    const charges = chargeAll([
      { cost: 50, at: T0 },
      { cost: 50, at: T0 },
      { cost: 50, at: T0 + 10_000 },
    ]);
    expect(charges[0]).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    // Waiting for the whole burst, never for the cost it cannot hold.
    expect(charges[1]).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 10 });
    expect(charges[2]!.allowed).toBe(true);
  });

  it("neither refills nor breaks when the clock goes back", () => {
    const charges = chargeAll([
      { cost: 10, at: T0 },
      { cost: 1, at: T0 - 60_000 },
    ]);
    expect(charges[1]!.allowed).toBe(false);
    expect(charges[1]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("grants no second refill when a clock that went back comes forward again", () => {
    // Two instances a minute apart charging one bucket (as in Redis) must not mint units.
    const charges = chargeAll([
      { cost: 10, at: T0 },
      { cost: 1, at: T0 - 60_000 },
      { cost: 1, at: T0 },
    ]);
    expect(charges.map((c) => c.allowed)).toEqual([true, false, false]);
  });

  it("treats a negative cost as free", () => {
    const [charge] = chargeAll([{ cost: -5, at: T0 }]);
    expect(charge).toEqual({ allowed: true, remaining: 10, retryAfterSeconds: 0 });
  });

  it("knows how long an empty bucket takes to fill", () => {
    expect(refillSeconds(RATE)).toBe(10);
    expect(refillSeconds({ perMinute: 7, burst: 1 })).toBe(9);
  });
});
