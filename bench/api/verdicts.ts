import { num, type Print, printAtMost, printRatio } from "../report";
import type { CachedKeyBytes } from "./cached-key-bytes";
import type { ColdSample } from "./cold-run";
import { findSummary, type Summary } from "./summarize";
import { type TargetKey, targetLabel } from "./targets";
import type { WorkloadKey } from "./workloads";

/** What the verdicts are read from. */
export interface VerdictInputs {
  summaries: readonly Summary[];
  colds: readonly ColdSample[];
  keyBytes: readonly CachedKeyBytes[];
  concurrency: readonly number[];
}

// The targets hold on these; sqlite + redis is shown alongside.
const HELD: TargetKey[] = ["sqlite-memory", "postgres-redis", "sqlite-redis"];
const KB = 1024;

/** Prints the targets as verdict lines (MET / NOT MET); nothing here fails the run. */
export function printVerdicts(inputs: VerdictInputs, print: Print): void {
  print("\n== targets (printed, never asserted)");
  const find = (t: TargetKey, w: WorkloadKey, c: number) => findSummary(inputs.summaries, t, w, c);
  const each = (targets: TargetKey[], check: (t: TargetKey, c: number) => void) => {
    for (const t of targets) for (const c of inputs.concurrency) check(t, c);
  };
  const missing = (what: string) => print(`${what}: n/a (not run)`);
  each(HELD, (t, c) => {
    const s = find(t, "headlines-50", c);
    const what = `${targetLabel(t)}, 50 headlines warm, c=${c}`;
    if (!s) return missing(what);
    for (const [base, target] of [
      ["bare", 1.5],
      ["apollo", 4],
    ] as const) {
      const b = find(base, "headlines-50", c);
      if (b) printRatio(`${what}, vs ${base}`, s.perSecond / b.perSecond, target, "x", print);
      else missing(`${what}, vs ${base}`);
    }
    if (c === 50)
      printAtMost(`${what}, p99`, s.p99Ms, { max: 100, strict: true, unit: " ms" }, print);
  });
  each(["sqlite-uncached"], (t, c) => {
    const s = find(t, "headlines-50", c);
    const b = find("bare", "headlines-50", c);
    const what = `${targetLabel(t)}, 50 headlines, c=${c}, vs bare`;
    if (s && b) printRatio(what, s.perSecond / b.perSecond, 1, "x", print);
    else missing(what);
  });
  each(HELD, (t, c) => {
    const latest = find(t, "headlines-50", c);
    for (const w of ["hot-50", "popular-50"] as const) {
      const s = find(t, w, c);
      const what = `${targetLabel(t)}, ${w} vs headlines-50 (LATEST), c=${c}`;
      if (s && latest) printRatio(what, s.perSecond / latest.perSecond, 0.8, "x", print);
      else missing(what);
    }
  });
  each(HELD, (t, c) => {
    const s = find(t, "search-common", c);
    const what = `${targetLabel(t)}, common-word search p50, c=${c}`;
    if (s) printAtMost(what, s.p50Ms, { max: 30, strict: true, unit: " ms" }, print);
    else missing(what);
  });
  printLoopVerdicts(inputs.summaries, print);
  printMixedVerdicts(inputs.summaries, print);
  printColdVerdicts(inputs, print);
  for (const k of inputs.keyBytes) {
    const what = `${targetLabel(k.target)}, Redis bytes per cached key (${k.pattern}, ${k.keys} keys)`;
    printAtMost(what, k.meanBytes / KB, { max: 1.5, strict: false, unit: " KB", digits: 2 }, print);
  }
}

function printLoopVerdicts(summaries: readonly Summary[], print: Print): void {
  for (const target of new Set(summaries.map((s) => s.target))) {
    const worst = Math.max(...summaries.filter((s) => s.target === target).map((s) => s.loopP99Ms));
    const what = `${targetLabel(target)}, event-loop p99, worst run`;
    printAtMost(what, worst, { max: 50, strict: true, unit: " ms" }, print);
  }
}

function printMixedVerdicts(summaries: readonly Summary[], print: Print): void {
  for (const s of summaries.filter((s) => s.workload === "mixed" && s.connections === 50)) {
    const failed = s.non2xx + s.errors + s.timeouts + s.graphqlErrors;
    const what = `${targetLabel(s.target)}, mixed, c=50`;
    print(
      `${what}: ${num(failed)} failed of ${num(s.requests)}  (target 0)  ${failed === 0 ? "MET" : "NOT MET"}`,
    );
    printAtMost(`${what}, p99`, s.p99Ms, { max: 250, strict: true, unit: " ms" }, print);
  }
}

function printColdVerdicts(inputs: VerdictInputs, print: Print): void {
  for (const cold of inputs.colds) {
    const warm = findSummary(inputs.summaries, cold.target, "headlines-50", cold.connections);
    const what = `${targetLabel(cold.target)}, cold p99 / warm p99, 50 headlines, c=${cold.connections}`;
    if (!warm) {
      print(`${what}: n/a (no warm run); cold p99 ${num(cold.load.p99Ms, 1)} ms`);
      continue;
    }
    const ratio = cold.load.p99Ms / warm.p99Ms;
    const detail =
      ` (${num(cold.load.p99Ms, 1)} ms / ${num(warm.p99Ms, 1)} ms;` +
      ` slowest cold request ${num(cold.load.maxMs, 1)} ms)`;
    printAtMost(what + detail, ratio, { max: 3, strict: false, unit: "x", digits: 2 }, print);
  }
}
