import { createRng } from "../prng";
import type { CorpusSpec } from "./corpus-spec";
import { listArticleIds } from "./news-corpus";
import { createZipf, shuffledIndices } from "./zipf";

/** One view to record before serving: who read which article when. */
export interface ViewSeed {
  articleId: string;
  /** Distinct per view, so no per-client limit refuses one. */
  client: string;
  at: number;
}

const DAY = 86_400_000;

/**
 * Returns the corpus's views, spread evenly over the day before `now`, skewed toward a few
 * articles (Zipf, exponent 1.1, over a shuffled order so no source is favoured).
 */
export function generateViews(spec: CorpusSpec, now: number): ViewSeed[] {
  const ids = listArticleIds(spec);
  const rng = createRng(spec.seed ^ 0x5eed);
  const order = shuffledIndices(rng, ids.length);
  const rank = createZipf(ids.length, 1.1);
  return Array.from({ length: spec.views }, (_, i) => ({
    articleId: ids[order[rank(rng)]],
    client: `bench-reader-${i}`,
    at: now - DAY + Math.floor(((i + 0.5) * DAY) / spec.views),
  }));
}
