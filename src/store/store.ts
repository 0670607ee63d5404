import type { Article, ArticleStats, Tag } from "../domain/article";
import type { ArticleBody, ArticleCard } from "../domain/article-card";
import type { SearchNode } from "../domain/search-query";
import type { ClusterCandidate } from "../domain/story-similarity";
import type { FetchOutcome, NextCheckReason, Source, SourceDefinition } from "../domain/source";
import type { LatestPosition } from "../domain/latest-cursor";

/** A place in the LATEST order (defined with its cursor in domain/latest-cursor). */
export type { LatestPosition } from "../domain/latest-cursor";

/** Filters shared by every article list. All present filters must match (AND); each list is OR. */
export interface ArticleFilter {
  sourceIds?: string[];
  /** Articles with any of these tags. */
  tagSlugs?: string[];
  /** Articles with every one of these tags. */
  allTagSlugs?: string[];
  /** A canonical language tag; a bare one (`en`) takes its regional forms too (`en-GB`). */
  language?: string;
  /** True: only whole stories (at least `minWords` words); false: only teasers and headlines. */
  fullText?: { present: boolean; minWords: number };
  /** Articles left out (already shown, say). */
  excludeIds?: string[];
  /** Only these articles (a ranking's candidates). */
  onlyIds?: string[];
  /** Inclusive lower bound on publishedAt (epoch ms). */
  since?: number;
  /** Exclusive upper bound on publishedAt (epoch ms). */
  until?: number;
}

/** One page request in the LATEST order. */
export interface HeadlinePageQuery {
  filter: ArticleFilter;
  /** Page size. */
  first: number;
  after?: LatestPosition;
  /** The page just before this position (still newest first); `hasNextPage` then says whether
   * more newer articles precede the page. */
  before?: LatestPosition;
}

/** A full-text search: the parsed query, the usual filter, and a keyset page. */
export interface SearchQuery {
  search: SearchNode;
  filter: ArticleFilter;
  first: number;
  /** The last row of the previous page: its score and id. */
  after?: { score: number; id: string };
  /** The first row of the next page: the hits just before it, best first (`hasNextPage`
   * then says whether better ones precede). */
  before?: { score: number; id: string };
}

/** A page of search hits, best first: ids with their score and a highlighted snippet. */
export interface SearchPage {
  items: { id: string; score: number; snippet: string | null }[];
  hasNextPage: boolean;
  /** Matches counted, up to the store's cap. */
  totalCount: number;
  /** True when more matches exist than were counted. */
  totalCountCapped: boolean;
}

/** A story: articles from two sources or more about one event (a cluster). */
export interface StorySummary {
  id: string;
  sourceCount: number;
  firstSeenAt: number;
  lastUpdatedAt: number;
  /** Its articles, first published first. */
  articleIds: string[];
}

/** A page of article ids in order, with whether more follow, and the total matching the filter. */
export interface HeadlinePage {
  items: LatestPosition[];
  hasNextPage: boolean;
  totalCount: number;
}

/** What an upsert did: ids of new and changed articles; unchanged ones are counted only. */
export interface UpsertResult {
  inserted: string[];
  updated: string[];
  unchanged: number;
}

/** A tag with how many articles carry it. */
export interface TagCount {
  slug: string;
  name: string;
  count: number;
}

/** A tag's place in the most-used order: its article count and slug. */
export interface TagPosition {
  count: number;
  slug: string;
}

/** A tag's articles in a window and in the window before it. */
export interface TagTrend {
  slug: string;
  name: string;
  current: number;
  previous: number;
}

/** The store of record (SQLite or PostgreSQL behind Kysely). */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  /**
   * Inserts new sources and updates the declared fields (name, url, kind, interval, schedule,
   * user agent, tags) of existing ones, bringing removed ones back; keeps fetch state. Never
   * deletes: sources it is not given stay as they are.
   */
  upsertSources(defs: SourceDefinition[]): Promise<void>;
  /** The declared sources, by id; removed ones are left out. */
  listSources(): Promise<Source[]>;
  /** Sources by id, removed ones included (their articles still name them). */
  getSources(ids: readonly string[]): Promise<Source[]>;
  /**
   * Marks a source removed: no longer listed or claimed; its row and articles stay (articles
   * reference it). Resolves false when no declared source has this id.
   */
  removeSource(id: string): Promise<boolean>;
  /**
   * Claims up to `limit` sources due at `now` (nextCheckAt <= now, lease free or expired) for
   * `owner` until `now + leaseMs`. With `all`, claims every source whose lease is free.
   */
  claimDueSources(opts: {
    now: number;
    owner: string;
    leaseMs: number;
    limit: number;
    all?: boolean;
    ids?: string[];
  }): Promise<Source[]>;
  /**
   * Records a fetch outcome on its source (status, health counters, next check and why),
   * releases the lease, and resolves true; only while `leaseOwner` still holds the lease
   * (null: the source is not leased), else writes nothing and resolves false.
   */
  recordFetch(outcome: FetchOutcome, leaseOwner: string | null): Promise<boolean>;
  /** Sets when a declared source is next due and why (its timing changed); no fetch is recorded. */
  setNextCheck(id: string, next: { at: number; reason: NextCheckReason }): Promise<void>;
  /** Frees every lease `owner` holds (claimed but never recorded); resolves how many. */
  releaseLeases(owner: string): Promise<number>;
  /**
   * Extends to `until` the leases `owner` still holds among `ids` (a worker's heartbeat) and
   * resolves their ids; a source whose lease another owner took over, or that was recorded or
   * released, is left as it is and is absent from the answer.
   */
  renewLeases(owner: string, ids: readonly string[], until: number): Promise<string[]>;
  /** Publish times (epoch ms) of a source's newest stored articles, newest first. */
  listRecentPublishTimes(sourceId: string, limit: number): Promise<number[]>;
  /** Inserts or updates articles (and their tags) idempotently; unchanged rows are not written. */
  upsertArticles(articles: Article[]): Promise<UpsertResult>;
  /** Articles by id, in no particular order; missing ids are absent. Tags are included. */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  /** Cards (all but the story's text) by id, with tags, in no particular order; missing ids are
   * absent. */
  getArticleCards(ids: readonly string[]): Promise<ArticleCard[]>;
  /** The story text of articles by id; missing ids are absent. */
  getArticleBodies(ids: readonly string[]): Promise<Map<string, ArticleBody>>;
  /** The id of the article with this canonical URL, if any. */
  findArticleIdByUrl(url: string): Promise<string | null>;
  /** Tags per article id, for batching `Article.tags`. */
  getTagsForArticles(ids: readonly string[]): Promise<Map<string, Tag[]>>;
  /** Articles published in [from, to], newest first (at most 5,000), for clustering. */
  listClusterCandidates(from: number, to: number): Promise<ClusterCandidate[]>;
  /** Puts articles in story clusters (article id → cluster id). */
  setClusters(assignments: ReadonlyMap<string, string>): Promise<void>;
  /** A page of stories with an article published since `since`, latest first. */
  listStories(query: {
    since: number;
    first: number;
    /** The last story of the previous page: its latest report's time and its id. */
    after?: { lastUpdatedAt: number; id: string };
    /** The first story of the next page: the stories just before it, latest first
     * (`hasNextPage` then says whether later ones precede). */
    before?: { lastUpdatedAt: number; id: string };
  }): Promise<{ items: StorySummary[]; hasNextPage: boolean; totalCount: number }>;
  /**
   * Ids of the articles related to each of these, up to `first` each: its story's other reports
   * first (newest first), then those sharing most of its tags (newest first among equals);
   * never the article itself. Every id asked for has an entry, possibly empty.
   */
  listRelated(ids: readonly string[], first: number): Promise<Map<string, string[]>>;
  /** Stories by cluster id; a cluster of one source is no story and is absent. */
  getStories(clusterIds: readonly string[]): Promise<StorySummary[]>;
  /** A page of articles matching a full-text search, most relevant first. */
  searchArticles(query: SearchQuery): Promise<SearchPage>;
  /** A page of headlines in the LATEST order. */
  listLatest(query: HeadlinePageQuery): Promise<HeadlinePage>;
  /**
   * Records a source's own "most popular" list (story URLs, rank 1 first) on the stored
   * articles with those URLs; the source's articles no longer listed lose their rank.
   */
  recordSourceRanks(sourceId: string, urls: readonly string[]): Promise<void>;
  /** Adds counted views to the stored totals; ids of no stored article are ignored. */
  addViews(views: ReadonlyMap<string, number>): Promise<void>;
  /** Counters per article id; ids never counted are absent. */
  getArticleStats(ids: readonly string[]): Promise<Map<string, ArticleStats>>;
  /** A page of the tags with articles, most used first (ties by slug), and how many there are. */
  listTags(query: {
    first: number;
    /** The last tag of the previous page. */
    after?: TagPosition;
    /** The first tag of the next page: the tags just before it (`hasNextPage` then says
     * whether more used ones precede). */
    before?: TagPosition;
  }): Promise<{ items: TagCount[]; hasNextPage: boolean; totalCount: number }>;
  /** Tags with articles published in [now - windowMs, now), with their counts in the window before. */
  listTagTrends(windowMs: number, now: number): Promise<TagTrend[]>;
  /** Tags with their article counts, by slug; unknown slugs are absent. */
  getTags(slugs: readonly string[]): Promise<TagCount[]>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
