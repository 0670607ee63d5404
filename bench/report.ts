/** Formats a number with thousands separators and `digits` decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Formats a byte count in MB. */
export function megabytes(bytes: number): string {
  return `${num(bytes / 1024 / 1024, 1)} MB`;
}

/** Prints rows as a left-aligned table, first row as the header. */
export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  console.log(line(rows[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows.slice(1)) console.log(line(row));
}

/** Prints a ratio against its target (if any), saying plainly whether it is met. */
export function printRatio(label: string, ratio: number, target: number | null, unit = ""): void {
  const value = `${label}: ${num(ratio, 2)}${unit}`;
  if (target === null) return console.log(`${value}  (for context, no target)`);
  const verdict = ratio >= target ? "MET" : "NOT MET";
  console.log(`${value}  (target >= ${target}${unit})  ${verdict}`);
}

/** Formats a status tally (`200 x1000`). */
export function statuses(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([status, n]) => `${status} x${n}`)
    .join(", ");
}
