import type { FeedOutcome } from "./evaluate-feeds";

/** Expected and matched field counts, for one field kind or for all of them. */
export interface FieldShare {
  field: string;
  expected: number;
  matched: number;
}

/** A missed field of one golden. */
export interface FeedMiss {
  golden: string;
  path: string;
  expected: string;
  found: string | null;
}

/** Returns the field kind of a check path: `items[3].published` → `item.published`. */
export function fieldKind(path: string): string {
  return path.replace(/^items\[\d+\]/, "item");
}

/** Counts expected and matched fields per field kind, sorted by kind, with the total first. */
export function shareByField(outcomes: readonly FeedOutcome[]): FieldShare[] {
  const byKind = new Map<string, FieldShare>();
  const total: FieldShare = { field: "all fields", expected: 0, matched: 0 };
  for (const check of outcomes.flatMap((o) => o.checks)) {
    const kind = fieldKind(check.path);
    const share = byKind.get(kind) ?? { field: kind, expected: 0, matched: 0 };
    byKind.set(kind, share);
    for (const s of [share, total]) {
      s.expected += 1;
      if (check.ok) s.matched += 1;
    }
  }
  return [total, ...[...byKind.values()].sort((a, b) => a.field.localeCompare(b.field))];
}

/** Lists every missed field, golden by golden. */
export function feedMisses(outcomes: readonly FeedOutcome[]): FeedMiss[] {
  return outcomes.flatMap((o) =>
    o.checks
      .filter((c) => !c.ok)
      .map((c) => ({ golden: o.golden.name, path: c.path, expected: c.expected, found: c.found })),
  );
}
