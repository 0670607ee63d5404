import type { Article } from "../../src/domain/article";
import { articleId } from "../../src/domain/article-id";
import type { SourceDefinition } from "../../src/domain/source";
import { createRng, type Rng } from "../prng";
import { headline, personName, word } from "../words";
import type { CorpusSpec } from "./corpus-spec";
import { fullStory, teaserText, withWord, countWords } from "./story-text";
import { createTagPool, type TagPool } from "./tag-pool";

/** A source of the corpus and the site URL its last fetch recorded. */
export interface CorpusSource {
  definition: SourceDefinition;
  siteUrl: string;
}

/** The generated corpus: the same spec and `now` always give the same articles. */
export interface NewsCorpus {
  spec: CorpusSpec;
  /** The run's start (epoch ms): every article is published in the two days before it. */
  now: number;
  sources: CorpusSource[];
  /** Grouped by source, in source order. */
  articles: Article[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The id of corpus source `index` (`news-007`). */
export function sourceIdAt(index: number): string {
  return `news-${String(index).padStart(3, "0")}`;
}

function hostAt(index: number): string {
  return `${sourceIdAt(index)}.example.com`;
}

/** The guid (and URL) of article `n` of source `s`. */
function guidAt(s: number, n: number): string {
  return `https://${hostAt(s)}/story/${n}`;
}

/** The id of article `n` of source `s`: cheap, without generating any text. */
export function articleIdAt(s: number, n: number): string {
  return articleId({ sourceId: sourceIdAt(s), guid: guidAt(s, n), url: guidAt(s, n), title: "" });
}

/** Ids of every article of the corpus, in corpus order. */
export function listArticleIds(spec: CorpusSpec): string[] {
  return Array.from({ length: spec.sources * spec.articlesPerSource }, (_, i) =>
    articleIdAt(Math.floor(i / spec.articlesPerSource), i % spec.articlesPerSource),
  );
}

/** Whether article `n` of source `s` carries a full story (exactly half of them do). */
export function isFullStory(s: number, n: number): boolean {
  return (s + n) % 2 === 0;
}

/** Corpus positions of the articles given the rare word: full stories spread evenly. */
function rarePositions(spec: CorpusSpec): Set<number> {
  const total = spec.sources * spec.articlesPerSource;
  const step = Math.floor(total / spec.rareArticles);
  const positions = new Set<number>();
  for (let k = 0; k < spec.rareArticles; k++) {
    const i = k * step + (step >> 1);
    const s = Math.floor(i / spec.articlesPerSource);
    positions.add(isFullStory(s, i % spec.articlesPerSource) ? i : i + 1);
  }
  return positions;
}

/** Generates the corpus (a second or two for the full size). */
export function generateNewsCorpus(spec: CorpusSpec, now: number): NewsCorpus {
  const tagPool = createTagPool(createRng(spec.seed), spec.tags);
  const rare = rarePositions(spec);
  const sources: CorpusSource[] = [];
  const articles: Article[] = [];
  for (let s = 0; s < spec.sources; s++) {
    // One stream per source: source s is the same whatever the corpus size.
    const rng = createRng(spec.seed + (s + 1) * 0x9e3779b1);
    sources.push(generateSource(rng, s));
    for (let n = 0; n < spec.articlesPerSource; n++) {
      const make = { spec, now, tagPool, rare: rare.has(s * spec.articlesPerSource + n) };
      articles.push(generateArticle(rng, s, n, make));
    }
  }
  return { spec, now, sources, articles };
}

function generateSource(rng: Rng, s: number): CorpusSource {
  const name = `The ${word(rng)} ${word(rng)} ${s}`.replace(/ (\p{Ll})/gu, (m) => m.toUpperCase());
  return {
    siteUrl: `https://${hostAt(s)}/`,
    definition: {
      id: sourceIdAt(s),
      name,
      url: `https://${hostAt(s)}/feed.xml`,
      kind: "rss",
      intervalSeconds: 600,
      schedule: null,
      userAgent: null,
      tags: [],
      fullText: false,
      selectors: null,
    },
  };
}

interface ArticlePlan {
  spec: CorpusSpec;
  now: number;
  tagPool: TagPool;
  rare: boolean;
}

function generateArticle(rng: Rng, s: number, n: number, plan: ArticlePlan): Article {
  const { spec, now } = plan;
  const guid = guidAt(s, n);
  const publishedAt = now - MINUTE - Math.floor(rng.next() * (2 * DAY - 2 * MINUTE));
  let summary = teaserText(rng, spec.teaserWords);
  if (rng.chance(spec.commonShare)) summary = withWord(rng, summary, spec.commonWord);
  const story = isFullStory(s, n)
    ? fullStory(rng, summary, spec.storyChars, plan.rare ? spec.rareWord : undefined)
    : null;
  return {
    id: articleIdAt(s, n),
    sourceId: sourceIdAt(s),
    guid,
    url: guid,
    title: headline(rng),
    summary,
    contentHtml: story?.html ?? null,
    contentText: story?.text ?? null,
    author: rng.chance(0.8) ? personName(rng) : null,
    publishedAt,
    updatedAt: null,
    ingestedAt: Math.min(now, publishedAt + rng.int(1, 10) * MINUTE),
    language: "en",
    imageUrl: rng.chance(0.7) ? `https://${hostAt(s)}/images/${n}.jpg` : null,
    wordCount: story?.wordCount ?? countWords(summary),
    enclosures: [],
    tags: plan.tagPool.pick(rng, spec.tagsPerArticle),
    route: "feed",
  };
}
