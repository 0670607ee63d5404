// Words that say nothing about which event a headline is about.
const STOPWORDS = new Set(
  (
    "a an the and or but of in on at to for from by with as is are was were be been has have had " +
    "it its this that these those after before over under into about amid new says say said will " +
    "would could can may more most than up out not no yes how why what who when where de la le les " +
    "der die das und el los las y en"
  ).split(" "),
);

/** How close two headlines must be (0 to 1) to tell the same event; see storySimilarity. */
export const SAME_STORY_THRESHOLD = 0.5;
/** How far apart in time two reports of one event may be published. */
export const SAME_STORY_WINDOW_MS = 48 * 3600_000;

/** The words of a headline that name its event: lower-case, accents folded, no stopwords. */
export function storyWords(title: string): Set<string> {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .match(/[\p{L}\p{N}]+/gu);
  return new Set((words ?? []).filter((w) => w.length > 1 && !STOPWORDS.has(w)));
}

/**
 * Returns how alike two headlines are: the share of their event words they have in common
 * (Jaccard), with a word's plural read as the word. 1 is the same words, 0 none shared.
 */
export function storySimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const stem = (w: string) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w);
  const left = new Set([...a].map(stem));
  const right = new Set([...b].map(stem));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** How many words of a teaser count besides the headline. */
const TEXT_WORDS = 40;
/** Headlines sharing less than this never make one story, whatever their teasers say. */
const MIN_TITLE_SIMILARITY = 0.25;

/** An article's event words: its headline's, and its headline's with its teaser's start. */
export interface StoryWords {
  title: Set<string>;
  all: Set<string>;
}

/** Returns an article's event words (see storyWords) for scoring. */
export function storyWordsOf(c: Pick<ClusterCandidate, "title" | "text">): StoryWords {
  const title = storyWords(c.title);
  const text = [...storyWords(c.text.split(/\s+/).slice(0, TEXT_WORDS).join(" "))];
  return { title, all: new Set([...title, ...text]) };
}

/**
 * Returns how alike two reports are (0 to 1): their headlines' similarity, or, when the headlines
 * share at least a quarter of their words, that of headline and teaser together if higher (two
 * outlets word a headline differently, and their first lines say the same).
 */
export function storyScore(a: StoryWords, b: StoryWords): number {
  const title = storySimilarity(a.title, b.title);
  if (title < MIN_TITLE_SIMILARITY) return title;
  return Math.max(title, storySimilarity(a.all, b.all));
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

/**
 * Returns the cluster each new article joins: the cluster (or, when it has none, the id) of the
 * most alike report of another source published within 48 hours, when alike enough; new
 * articles may also join each other. Articles without a match are absent from the result.
 */
export function planClusters(
  incoming: readonly ClusterCandidate[],
  stored: readonly ClusterCandidate[],
): Map<string, string> {
  const assigned = new Map<string, string>();
  const pool = [...stored];
  const words = new Map<string, StoryWords>();
  const wordsOf = (c: ClusterCandidate) =>
    words.get(c.id) ?? words.set(c.id, storyWordsOf(c)).get(c.id)!;
  for (const article of incoming) {
    let best: { candidate: ClusterCandidate; score: number } | null = null;
    for (const candidate of pool) {
      if (candidate.id === article.id || candidate.sourceId === article.sourceId) continue;
      if (Math.abs(candidate.publishedAt - article.publishedAt) > SAME_STORY_WINDOW_MS) continue;
      const score = storyScore(wordsOf(article), wordsOf(candidate));
      if (score >= SAME_STORY_THRESHOLD && (best === null || score > best.score))
        best = { candidate, score };
    }
    if (best !== null) {
      const cluster =
        assigned.get(best.candidate.id) ?? best.candidate.clusterId ?? best.candidate.id;
      assigned.set(article.id, cluster);
      if (best.candidate.clusterId === null) assigned.set(best.candidate.id, cluster);
    }
    pool.push({ ...article, clusterId: assigned.get(article.id) ?? null });
  }
  return assigned;
}
