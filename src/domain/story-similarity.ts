import { foldText, headlineMarks, marksConflict } from "./headline-marks";
import { hammingDistance, simHash, type SimHash } from "./sim-hash";
import { jaccard, jaccardOfCounts, sharedTrigramCounts, trigramsOf } from "./trigram-similarity";

// Words that say nothing about which event a headline is about.
const STOPWORDS = new Set(
  (
    "a an the and or but of in on at to for from by with as is are was were be been has have had " +
    "it its this that these those after before over under into about amid new says say said will " +
    "would could can may more most than up out not no yes how why what who when where " +
    "de la le les des du et un une der die das und ein eine den dem el los las y en una del"
  ).split(" "),
);

/*
 * Two reports from different sources, published within SAME_STORY_WINDOW_MS, tell one event
 * when (near-duplicate detection; thresholds set on test/fixtures/story-pairs.json, 163
 * labelled pairs, where these rules find 47% of the same-event pairs at 95% precision; the
 * test pins both figures):
 * - their teasers are one text: SimHashes at most SIMHASH_MAX_DISTANCE of 64 bits apart (a
 *   wire story republished under a rewritten headline); or
 * - both have a teaser: their headlines' character trigrams overlap by MIN_TITLE_SIMILARITY
 *   (Jaccard) and those of headline and teaser start by SAME_TEASER_SIMILARITY; or
 * - one has none: their headlines' trigrams overlap by SAME_HEADLINE_SIMILARITY;
 * and, for the last two, their headlines do not disagree on names or numbers (Leeds against
 * Bristol, 12 April against 19 April; see marksConflict).
 */

/** Teasers whose SimHashes differ in at most this many bits are one text. */
export const SIMHASH_MAX_DISTANCE = 10;
/** Headlines overlapping less than this are two events, whatever their teasers say. */
export const MIN_TITLE_SIMILARITY = 0.2;
/** How much headline and teaser start must overlap when both reports have a teaser. */
export const SAME_TEASER_SIMILARITY = 0.33;
/** How much two headlines must overlap when a report has no teaser. */
export const SAME_HEADLINE_SIMILARITY = 0.45;
/** How far apart in time two reports of one event may be published. */
export const SAME_STORY_WINDOW_MS = 48 * 3600_000;

/** Teasers with fewer event words than this count as none. */
const TEASER_MIN_WORDS = 8;
/** Teasers with fewer event words than this are too short for a SimHash to mean anything. */
const SIMHASH_MIN_WORDS = 12;
/** How many event words of a teaser count besides the headline for trigrams. */
const TEASER_WORDS = 40;

/** The words of a text that name its event: lower-case, accents folded, no stopwords. */
export function storyWords(text: string): string[] {
  const words = foldText(text)
    .replace(/['’]s\b/g, "")
    .match(/[\p{L}\p{N}]+/gu);
  return (words ?? []).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/** A stored or new article as clustering sees it. */
export interface ClusterCandidate {
  id: string;
  sourceId: string;
  title: string;
  /** Its teaser (or the start of its story); empty when it has none. */
  text: string;
  publishedAt: number;
  clusterId: string | null;
}

/** What clustering compares of a report; the costlier parts are computed when first asked. */
export interface StoryFeatures {
  /** Trigrams of the headline's event words. */
  readonly title: Uint32Array;
  /** SimHash of the teaser, when it is long enough to have one. */
  readonly hash: SimHash | null;
  /** Whether it has a teaser worth comparing. */
  readonly hasTeaser: boolean;
  /** Trigrams of the headline's and the teaser's first event words. */
  readonly all: Uint32Array;
  /** The headline's names and numbers, and its headline and teaser folded, for marksConflict. */
  readonly marks: string[];
  readonly folded: string;
}

/** Returns a report's features (see StoryFeatures). */
export function storyFeaturesOf(c: Pick<ClusterCandidate, "title" | "text">): StoryFeatures {
  const titleWords = storyWords(c.title);
  const teaserWords = storyWords(c.text);
  let all: Uint32Array | undefined;
  let marks: string[] | undefined;
  let folded: string | undefined;
  return {
    title: trigramsOf(titleWords),
    hash: teaserWords.length >= SIMHASH_MIN_WORDS ? simHash(teaserWords) : null,
    hasTeaser: teaserWords.length >= TEASER_MIN_WORDS,
    get all() {
      return (all ??= trigramsOf([...titleWords, ...teaserWords.slice(0, TEASER_WORDS)]));
    },
    get marks() {
      return (marks ??= headlineMarks(c.title));
    },
    get folded() {
      return (folded ??= foldText(`${c.title} ${c.text}`));
    },
  };
}

/**
 * Returns how alike two reports are when they tell one event by the rules above (higher is
 * closer: 1 - distance/64 for one text, else the trigram overlap the rule read), or null
 * when they do not. `title` is their headlines' trigram similarity, when already known.
 */
export function storyMatch(
  a: StoryFeatures,
  b: StoryFeatures,
  title = jaccard(a.title, b.title),
): number | null {
  if (a.hash !== null && b.hash !== null) {
    const distance = hammingDistance(a.hash, b.hash);
    if (distance <= SIMHASH_MAX_DISTANCE) return 1 - distance / 64;
  }
  if (a.hasTeaser && b.hasTeaser) {
    if (title < MIN_TITLE_SIMILARITY) return null;
    const all = jaccard(a.all, b.all);
    return all >= SAME_TEASER_SIMILARITY && !marksConflict(a, b) ? all : null;
  }
  return title >= SAME_HEADLINE_SIMILARITY && !marksConflict(a, b) ? title : null;
}

/**
 * Returns the cluster each new article joins: the cluster (or, when it has none, the id) of the
 * closest report of another source published within 48 hours that tells the same event (see
 * storyMatch); new articles may also join each other. Articles without a match are absent.
 * `features` may serve them from a longer-lived cache (they depend on title and text only).
 */
export function planClusters(
  incoming: readonly ClusterCandidate[],
  stored: readonly ClusterCandidate[],
  features: (c: ClusterCandidate) => StoryFeatures = storyFeaturesOf,
): Map<string, string> {
  const assigned = new Map<string, string>();
  const own = incoming.map(features);
  const theirs = stored.map(features);
  // Headline overlaps with every stored report at once (the costly part, done in one pass).
  const shared = sharedTrigramCounts(
    own.map((f) => f.title),
    theirs.map((f) => f.title),
  );
  incoming.forEach((article, i) => {
    let best: { candidate: ClusterCandidate; score: number } | null = null;
    const consider = (candidate: ClusterCandidate, score: () => number | null) => {
      if (candidate.id === article.id || candidate.sourceId === article.sourceId) return;
      if (Math.abs(candidate.publishedAt - article.publishedAt) > SAME_STORY_WINDOW_MS) return;
      const s = score();
      if (s !== null && (best === null || s > best.score)) best = { candidate, score: s };
    };
    stored.forEach((candidate, j) => {
      const title = jaccardOfCounts(shared[i][j], own[i].title.length, theirs[j].title.length);
      consider(candidate, () => storyMatch(own[i], theirs[j], title));
    });
    // Earlier new articles, with the clusters they were given.
    for (let k = 0; k < i; k++) {
      const earlier = { ...incoming[k], clusterId: assigned.get(incoming[k].id) ?? null };
      consider(earlier, () => storyMatch(own[i], own[k]));
    }
    const found = best as { candidate: ClusterCandidate; score: number } | null;
    if (found === null) return;
    const cluster =
      assigned.get(found.candidate.id) ?? found.candidate.clusterId ?? found.candidate.id;
    assigned.set(article.id, cluster);
    if (found.candidate.clusterId === null) assigned.set(found.candidate.id, cluster);
  });
  return assigned;
}
