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

/** Where a report's lines go: the console unless a caller collects them. */
export type Print = (line: string) => void;

/** Prints rows as a left-aligned table, first row as the header. */
export function printTable(rows: string[][], print: Print = console.log): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  print(line(rows[0]));
  print(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows.slice(1)) print(line(row));
}

/** Prints a ratio against its target (if any), saying plainly whether it is met. */
export function printRatio(
  label: string,
  ratio: number,
  target: number | null,
  unit = "",
  print: Print = console.log,
): void {
  const value = `${label}: ${num(ratio, 2)}${unit}`;
  if (target === null) return print(`${value}  (for context, no target)`);
  const verdict = ratio >= target ? "MET" : "NOT MET";
  print(`${value}  (target >= ${target}${unit})  ${verdict}`);
}

/** Prints a value against its ceiling (`< limit`, or `<= limit` when not strict), MET or NOT MET. */
export function printAtMost(
  label: string,
  value: number,
  limit: { max: number; strict: boolean; unit: string; digits?: number },
  print: Print = console.log,
): void {
  const met = limit.strict ? value < limit.max : value <= limit.max;
  const shown = `${num(value, limit.digits ?? 1)}${limit.unit}`;
  const target = `${limit.strict ? "<" : "<="} ${limit.max}${limit.unit}`;
  print(`${label}: ${shown}  (target ${target})  ${met ? "MET" : "NOT MET"}`);
}

/** Formats a status tally (`200 x1000`). */
export function statuses(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([status, n]) => `${status} x${n}`)
    .join(", ");
}
