import { adaptiveIntervalMs } from "../../src/domain/adaptive-interval";

const T0 = Date.UTC(2026, 1, 4);
const MIN = 60_000;

describe("adaptiveIntervalMs", () => {
  it("returns the median gap, whatever order the times come in", () => {
    const times = [T0, T0 - 10 * MIN, T0 - 40 * MIN, T0 - 50 * MIN, T0 - 70 * MIN];
    // gaps 10, 30, 10, 20 → median 15
    expect(adaptiveIntervalMs([...times].reverse())).toBe(15 * MIN);
  });

  it("reads only the newest twenty items", () => {
    const recent = Array.from({ length: 20 }, (_, i) => T0 - i * 60 * MIN);
    const old = Array.from({ length: 30 }, (_, i) => T0 - 100 * 60 * MIN - i * MIN);
    expect(adaptiveIntervalMs([...old, ...recent])).toBe(60 * MIN);
  });

  it("ignores items published at the same instant (undated items share the fetch time)", () => {
    expect(adaptiveIntervalMs([T0, T0, T0, T0])).toBe(60 * MIN);
    expect(adaptiveIntervalMs([T0, T0, T0 - 30 * MIN, T0 - 60 * MIN])).toBe(30 * MIN);
  });

  it("falls back to an hour with fewer than two gaps", () => {
    expect(adaptiveIntervalMs([])).toBe(60 * MIN);
    expect(adaptiveIntervalMs([T0, T0 - 10 * MIN])).toBe(60 * MIN);
  });
});
