/** How big the API bench's corpus is and what it holds. */
export interface CorpusSpec {
  size: CorpusSize;
  seed: number;
  sources: number;
  articlesPerSource: number;
  tags: number;
  tagsPerArticle: number;
  views: number;
  /** Articles holding the rare word (all full stories). */
  rareArticles: number;
  /** Share of articles holding the common word. */
  commonShare: number;
  rareWord: string;
  commonWord: string;
  /** Length of a full story's text, in characters (its HTML is a little longer). */
  storyChars: number;
  /** Words in a teaser (and in every summary). */
  teaserWords: number;
}

/** `full` is the measured corpus; `small` is for smoke runs. */
export type CorpusSize = "full" | "small";

const COMMON = {
  seed: 20260301,
  tagsPerArticle: 4,
  commonShare: 0.6,
  // Neither word is in the generated vocabulary, so each appears only where it is put.
  rareWord: "quokka",
  commonWord: "harbour",
  storyChars: 4700,
  teaserWords: 40,
};

/** Returns the corpus spec of a size. */
export function corpusSpec(size: CorpusSize): CorpusSpec {
  if (size === "small") {
    return {
      ...COMMON,
      size,
      sources: 20,
      articlesPerSource: 15,
      tags: 40,
      views: 400,
      rareArticles: 3,
    };
  }
  return {
    ...COMMON,
    size,
    sources: 220,
    articlesPerSource: 50,
    tags: 300,
    views: 4800,
    rareArticles: 7,
  };
}
