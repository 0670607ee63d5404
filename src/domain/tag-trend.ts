/** A tag's use in a window against the window before. */
export interface TagUse {
  slug: string;
  current: number;
  previous: number;
}

/** How much a tag grew: (articles now + 1) / (articles in the window before + 1). */
export function tagGrowth(use: TagUse): number {
  return (use.current + 1) / (use.previous + 1);
}

/** The tags that grew most, most first; ties go to the more used, then by slug. */
export function rankTrendingTags<T extends TagUse>(uses: readonly T[], limit: number): T[] {
  return [...uses]
    .sort(
      (a, b) =>
        tagGrowth(b) - tagGrowth(a) || b.current - a.current || a.slug.localeCompare(b.slug),
    )
    .slice(0, limit);
}
