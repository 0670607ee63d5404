/** Milliseconds elapsed since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Returns how long `fn` took, in milliseconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: msSince(start), value };
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds of one measurement: each round's time and their median. */
export interface Rounds {
  ms: number[];
  medianMs: number;
}

/**
 * Runs `round(-1)` once to warm up (JIT, caches, connections), then `round(0..count-1)`; each
 * round returns the milliseconds it measured itself (so setup stays out); the median is reported.
 */
export async function measureRounds(
  count: number,
  round: (i: number) => Promise<number>,
): Promise<Rounds> {
  await round(-1);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) ms.push(await round(i));
  return { ms, medianMs: median(ms) };
}

/** `count` events in `ms` milliseconds as a rate per second. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Infinity;
}

/**
 * Like measureRounds for several measurements at once: each warms up with `round(-1)`, then
 * they take turns, round by round (a b c, a b c, ...), so a burst of other work on the machine
 * falls on all of them alike rather than on whichever ran then; the median of each is reported.
 */
export async function measureInterleaved<K extends string>(
  count: number,
  rounds: Record<K, (i: number) => Promise<number>>,
): Promise<Record<K, Rounds>> {
  const names = Object.keys(rounds) as K[];
  const ms = {} as Record<K, number[]>;
  for (const name of names) {
    await rounds[name](-1);
    ms[name] = [];
  }
  for (let i = 0; i < count; i++) for (const name of names) ms[name].push(await rounds[name](i));
  const result = {} as Record<K, Rounds>;
  for (const name of names) result[name] = { ms: ms[name], medianMs: median(ms[name]) };
  return result;
}
