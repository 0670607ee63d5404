import { type FaultResult, missedGoals } from "./fault-result";

const P99_GOAL_MS = 300;

/** The report as a Markdown table, one row per fault, then the goals each missed. */
export function formatChaosReport(results: readonly FaultResult[], heading: string): string {
  const rows = results.map((r) => [
    r.name,
    String(r.requests),
    String(r.failed),
    errorsCell(r),
    latencyCell(r.during),
    latencyCell(r.after),
    r.recoveryMs === null ? "never" : `${(r.recoveryMs / 1000).toFixed(1)} s`,
    r.views.sent + r.views.unanswered === 0 && r.views.counted === 0
      ? "-"
      : `${r.views.sent}${r.views.unanswered ? `+${r.views.unanswered}?` : ""} / ${r.views.counted}`,
    `${r.articles.expected} / ${r.articles.stored} (${r.articles.lost}, ${r.articles.duplicated})`,
  ]);
  const head = [
    "fault",
    "requests",
    "5xx",
    "errors",
    "p50/p99 during",
    "p50/p99 after",
    "recovery",
    "views sent/counted",
    "articles expected/stored (lost, dup)",
  ];
  const lines = [
    heading,
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    ...results.map(
      (r) => `- ${r.name}: ${r.what}${r.notes.length ? `; ${r.notes.join("; ")}` : ""}`,
    ),
  ];
  const missed = results.flatMap((r) => missedGoals(r).map((m) => `${r.name}: ${m}`));
  const slow = results.filter((r) => r.redis && r.during.p99 >= P99_GOAL_MS);
  lines.push("");
  lines.push(
    missed.length === 0
      ? "Goals met: no 5xx, no reader errors, nothing lost or stored twice, every view counted."
      : "Goals missed:",
  );
  lines.push(...missed.map((m) => `- ${m}`));
  lines.push(
    slow.length === 0
      ? `p99 under ${P99_GOAL_MS} ms during every Redis fault.`
      : `p99 at or over ${P99_GOAL_MS} ms during: ${slow.map((r) => `${r.name} (${r.during.p99} ms)`).join(", ")} (reported, not failed: wall-clock figures depend on the machine).`,
  );
  return lines.join("\n");
}

function latencyCell(p: { requests: number; p50: number; p99: number }): string {
  return p.requests === 0 ? "-" : `${p.p50}/${p.p99} ms`;
}

function errorsCell(r: FaultResult): string {
  const parts = Object.entries(r.errors).map(([code, n]) => `${code}×${n}`);
  if (r.abuse) parts.push(`abuser ${r.abuse.limited}/${r.abuse.sent} refused (429)`);
  return parts.length === 0 ? "0" : parts.join(", ");
}
