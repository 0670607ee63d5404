import { num, type Print, printTable } from "../report";
import { findSummary, type Summary } from "./summarize";
import { targetLabel } from "./targets";
import type { WorkloadKey } from "./workloads";

const HEADER = [
  "target",
  "workload",
  "c",
  "req/s",
  "p50 ms",
  "p99 ms",
  "x bare",
  "x apollo",
  "SQL/req",
  "Redis/req",
  "loop p99",
  "loop max",
  "RSS MB",
  "failed",
];

/** Returns the results table (header first): one row per target x workload x concurrency. */
export function resultRows(
  summaries: readonly Summary[],
  baselineWorkloads: readonly WorkloadKey[],
): string[][] {
  const ratio = (s: Summary, to: "bare" | "apollo") => {
    const base = baselineWorkloads.includes(s.workload)
      ? findSummary(summaries, to, s.workload, s.connections)
      : undefined;
    return base && s.target !== to ? `${num(s.perSecond / base.perSecond, 2)}x` : "";
  };
  const rows = [...summaries].sort(
    (a, b) => a.connections - b.connections || order(a.workload) - order(b.workload),
  );
  return [
    HEADER,
    ...rows.map((s) => [
      targetLabel(s.target),
      s.workload,
      String(s.connections),
      num(s.perSecond),
      num(s.p50Ms, 1),
      num(s.p99Ms, 1),
      ratio(s, "bare"),
      ratio(s, "apollo"),
      s.target === "bare" || s.target === "apollo" ? "" : num(s.sqlPerRequest, 2),
      s.redisPerRequest === null ? "" : num(s.redisPerRequest, 2),
      num(s.loopP99Ms, 1),
      num(s.loopMaxMs, 1),
      num(s.rssMb),
      failures(s),
    ]),
  ];

  function order(workload: WorkloadKey): number {
    return summaries.findIndex((s) => s.workload === workload);
  }
}

// Non-2xx replies, connection errors, timeouts and replies with GraphQL errors, as counted.
function failures(s: Summary): string {
  const parts = [
    [s.non2xx, "non-2xx"],
    [s.errors, "errors"],
    [s.timeouts, "timeouts"],
    [s.graphqlErrors, "gql errors"],
  ].filter(([n]) => (n as number) > 0);
  return parts.length ? parts.map(([n, what]) => `${n} ${what}`).join(", ") : "0";
}

/** Prints the results table under a heading that says what its columns mean. */
export function printResults(rows: string[][], rounds: number, print: Print): void {
  print(
    `\n== results (median of ${rounds} round${rounds === 1 ? "" : "s"}; loop p99/max and RSS: ` +
      `the worst round; failed: totals over the rounds)`,
  );
  printTable(rows, print);
}
