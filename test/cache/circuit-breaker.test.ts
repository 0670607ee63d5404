import { createCircuitBreaker, type BreakerState } from "../../src/cache/circuit-breaker";

function setup(failureThreshold = 3, coolDownMs = 1000) {
  let now = 0;
  const changes: string[] = [];
  const breaker = createCircuitBreaker({
    failureThreshold,
    coolDownMs,
    now: () => now,
    onStateChange: (from: BreakerState, to: BreakerState) => changes.push(`${from}->${to}`),
  });
  const advance = (ms: number) => void (now += ms);
  const failTimes = (n: number) => {
    for (let i = 0; i < n; i++) if (breaker.allow()) breaker.fail();
  };
  return { breaker, advance, changes, failTimes };
}

describe("circuit breaker", () => {
  it("starts closed and lets calls through", () => {
    const { breaker } = setup();
    expect(breaker.state()).toBe("closed");
    expect(breaker.allow()).toBe(true);
  });

  it("stays closed below the failure threshold", () => {
    const { breaker, failTimes } = setup(3);
    failTimes(2);
    expect(breaker.state()).toBe("closed");
    expect(breaker.allow()).toBe(true);
  });

  it("opens after N consecutive failures and refuses calls", () => {
    const { breaker, failTimes, changes } = setup(3);
    failTimes(3);
    expect(breaker.state()).toBe("open");
    expect(breaker.allow()).toBe(false);
    expect(changes).toEqual(["closed->open"]);
  });

  it("counts only consecutive failures: a success starts the count again", () => {
    const { breaker, failTimes } = setup(3);
    failTimes(2);
    breaker.succeed();
    failTimes(2);
    expect(breaker.state()).toBe("closed");
  });

  it("stays open for the whole cool-down", () => {
    const { breaker, failTimes, advance } = setup(3, 1000);
    failTimes(3);
    advance(999);
    expect(breaker.allow()).toBe(false);
    expect(breaker.state()).toBe("open");
  });

  it("turns half-open after the cool-down and lets exactly one trial through", () => {
    const { breaker, failTimes, advance } = setup(3, 1000);
    failTimes(3);
    advance(1000);
    expect(breaker.state()).toBe("half-open");
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
  });

  it("closes when the trial succeeds", () => {
    const { breaker, failTimes, advance, changes } = setup(3, 1000);
    failTimes(3);
    advance(1000);
    breaker.allow();
    breaker.succeed();
    expect(breaker.state()).toBe("closed");
    expect(breaker.allow()).toBe(true);
    expect(changes).toEqual(["closed->open", "open->half-open", "half-open->closed"]);
  });

  it("reopens for a fresh cool-down when the trial fails", () => {
    const { breaker, failTimes, advance } = setup(3, 1000);
    failTimes(3);
    advance(1000);
    breaker.allow();
    breaker.fail();
    expect(breaker.state()).toBe("open");
    advance(999);
    expect(breaker.allow()).toBe(false);
    advance(1);
    expect(breaker.allow()).toBe(true);
  });

  it("lets another trial through when the first never reports back", () => {
    const { breaker, failTimes, advance } = setup(3, 1000);
    failTimes(3);
    advance(1000);
    expect(breaker.allow()).toBe(true);
    advance(1000);
    expect(breaker.allow()).toBe(true);
  });

  it("ignores late results of calls that started before it opened", () => {
    const { breaker, failTimes } = setup(3, 1000);
    failTimes(3);
    breaker.succeed();
    breaker.fail();
    expect(breaker.state()).toBe("open");
  });

  it("closes at once on reset", () => {
    const { breaker, failTimes, changes } = setup(3);
    failTimes(3);
    breaker.reset();
    expect(breaker.state()).toBe("closed");
    expect(breaker.allow()).toBe(true);
    expect(changes).toEqual(["closed->open", "open->closed"]);
  });
});
