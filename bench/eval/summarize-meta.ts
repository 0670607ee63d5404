import { META_FIELDS, type ExtractorName, type MetaField, type PageOutcome } from "./page-outcome";

/** How one extractor did on one metadata field: pages expecting it, matched, matched exactly. */
export interface FieldTally {
  field: MetaField;
  expected: number;
  matched: number;
  exact: number;
}

/** A metadata field an extractor got wrong on a page, with both values. */
export interface MetaMiss {
  page: string;
  field: MetaField;
  expected: string;
  found: string | null;
}

/** Tallies each metadata field over the pages that expect it. */
export function tallyMeta(outcomes: readonly PageOutcome[], by: ExtractorName): FieldTally[] {
  return META_FIELDS.map((field) => {
    const kinds = outcomes.flatMap((o) => (o.by[by].meta[field] ? [o.by[by].meta[field]] : []));
    return {
      field,
      expected: kinds.length,
      matched: kinds.filter((k) => k !== "miss").length,
      exact: kinds.filter((k) => k === "exact").length,
    };
  });
}

/** Lists every expected metadata field the extractor missed, page by page. */
export function metaMisses(outcomes: readonly PageOutcome[], by: ExtractorName): MetaMiss[] {
  return outcomes.flatMap((o) =>
    META_FIELDS.filter((field) => o.by[by].meta[field] === "miss").map((field) => ({
      page: o.page.name,
      field,
      expected: String(o.page.meta?.[field] ?? ""),
      found: shown(o.by[by].reading[field]),
    })),
  );
}

function shown(value: string | number | null): string | null {
  if (value === null) return null;
  return typeof value === "number" ? new Date(value).toISOString() : value;
}
