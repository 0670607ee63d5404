import type { Article, Tag } from "../domain/article";
import type { ArticleRow } from "./database";
import {
  type ArticleContent,
  articleToRow,
  contentDiffers,
  pickContent,
  tagSetKey,
  uniqueTags,
} from "./article-row";
import { hasStatedDate, mergeRoutes, sameStoryByFingerprint, unionTags } from "./merge-routes";

/** An article as stored: its row and its tags. */
export interface StoredArticle {
  row: ArticleRow;
  tags: Tag[];
}

/** An article as the plan takes it: its row (see articleToRow) and its tags, one per slug. */
export function toStoredArticle(article: Article): StoredArticle {
  return { row: articleToRow(article), tags: uniqueTags(article.tags) };
}

/** A change to an existing article: new content and/or a new tag set (null = keep). */
export interface ArticleUpdate {
  id: string;
  content: ArticleContent | null;
  tags: Tag[] | null;
}

/** What an upsert must write: rows to insert, rows to update, and how many were unchanged. */
export interface ArticleUpsertPlan {
  inserts: StoredArticle[];
  updates: ArticleUpdate[];
  unchanged: number;
}

interface Entry extends StoredArticle {
  isNew: boolean;
  contentChanged: boolean;
  tagsChanged: boolean;
}

interface EntryIndex {
  byId: Map<string, Entry>;
  byUrl: Map<string, Entry>;
  byGuid: Map<string, Entry>;
  byFingerprint: Map<string, Entry[]>;
  /** Every url any entry has held during the plan, so url changes never swap or chain. */
  heldUrls: Set<string>;
}

/**
 * Decides, without I/O, what upserting `incoming` (see toStoredArticle; the plan may change
 * their rows) over the `existing` rows it may collide with
 * (same id, url, source and guid, or headline fingerprint) writes. An article the same source
 * stored by the same route is replaced by the new copy. One another source or route stored
 * (the feed item of a story whose page is read now; two feeds carrying one story) is merged
 * by trust (see mergeRoutes): it keeps its id and source, takes the better fields, and gains
 * the new tags; merging the same copy again changes nothing, so feeds sharing a story never
 * overwrite each other on every pass. Later duplicates within `incoming` apply on top.
 */
export function planArticleUpsert(
  incoming: readonly StoredArticle[],
  existing: readonly StoredArticle[],
): ArticleUpsertPlan {
  const index: EntryIndex = {
    byId: new Map(),
    byUrl: new Map(),
    byGuid: new Map(),
    byFingerprint: new Map(),
    heldUrls: new Set(),
  };
  for (const stored of existing)
    addEntry(index, { row: { ...stored.row }, tags: stored.tags, ...unchangedFlags(false) });
  let unchanged = 0;
  for (const { row, tags } of incoming) {
    const target = findTarget(index, row);
    if (target === undefined) addEntry(index, { row, tags, ...unchangedFlags(true) });
    else if (
      !(sameRoute(target.row, row) ? applyIncoming : mergeIncoming)(index, target, row, tags)
    )
      unchanged += 1;
  }
  return collectPlan(index, unchanged);
}

function unchangedFlags(isNew: boolean): Pick<Entry, "isNew" | "contentChanged" | "tagsChanged"> {
  return { isNew, contentChanged: false, tagsChanged: false };
}

function guidKey(row: ArticleRow): string | null {
  return row.guid_hash === null ? null : `${row.source_id}\u0000${row.guid_hash}`;
}

function addEntry(index: EntryIndex, entry: Entry): void {
  index.byId.set(entry.row.id, entry);
  index.byUrl.set(entry.row.url, entry);
  index.heldUrls.add(entry.row.url);
  const key = guidKey(entry.row);
  if (key !== null) index.byGuid.set(key, entry);
  indexFingerprint(index, entry);
}

function indexFingerprint(index: EntryIndex, entry: Entry): void {
  const fingerprint = entry.row.fingerprint;
  if (fingerprint === null) return;
  const entries = index.byFingerprint.get(fingerprint) ?? [];
  if (!entries.includes(entry)) index.byFingerprint.set(fingerprint, [...entries, entry]);
}

// One source's one route names its articles by id, url and guid; the same story reached by
// another source or route may carry another url, and is known by its headline's fingerprint.
// A stored article that has taken fields from another route is merged into, never replaced.
function sameRoute(a: ArticleRow, b: ArticleRow): boolean {
  return (
    a.source_id === b.source_id &&
    a.content_route === b.content_route &&
    a.meta_route === b.meta_route
  );
}

function findTarget(index: EntryIndex, row: ArticleRow): Entry | undefined {
  const byKey = index.byId.get(row.id) ?? index.byUrl.get(row.url);
  if (byKey !== undefined) return byKey;
  const key = guidKey(row);
  const byGuid = key === null ? undefined : index.byGuid.get(key);
  if (byGuid !== undefined || row.fingerprint === null) return byGuid;
  return index.byFingerprint
    .get(row.fingerprint)
    ?.find((entry) => !sameRoute(entry.row, row) && sameStoryByFingerprint(entry.row, row));
}

/** Applies incoming content to an entry; returns whether anything changed. */
function applyIncoming(index: EntryIndex, entry: Entry, row: ArticleRow, tags: Tag[]): boolean {
  // The url is unique, and updates run in any order: an article moves only to a url no other
  // article has held in this batch, else it keeps its own.
  const free = row.url === entry.row.url || !index.heldUrls.has(row.url);
  const url = free ? row.url : entry.row.url;
  // An item that states no date was dated when first seen; seeing it again changes nothing.
  const dates = hasStatedDate(row)
    ? {}
    : { published_at: entry.row.published_at, updated_at: row.updated_at ?? entry.row.updated_at };
  const content = pickContent({ ...row, url, ...dates });
  const contentChanged = contentDiffers(content, entry.row);
  const tagsChanged = tagSetKey(tags) !== tagSetKey(entry.tags);
  if (!contentChanged && !tagsChanged) return false;
  if (url !== entry.row.url) {
    index.byUrl.delete(entry.row.url);
    index.byUrl.set(url, entry);
    index.heldUrls.add(url);
  }
  Object.assign(entry.row, content);
  if (tagsChanged) entry.tags = tags;
  entry.contentChanged ||= contentChanged;
  entry.tagsChanged ||= tagsChanged;
  return true;
}

/** Merges another route's copy of the story into an entry; returns whether anything changed. */
function mergeIncoming(index: EntryIndex, entry: Entry, row: ArticleRow, tags: Tag[]): boolean {
  const merged = mergeRoutes(entry.row, row);
  // As in applyIncoming: an article moves only to a url no article has held in this batch.
  if (merged.url !== entry.row.url && index.heldUrls.has(merged.url)) merged.url = entry.row.url;
  const mergedTags = unionTags(entry.tags, tags);
  const contentChanged = contentDiffers(merged, entry.row);
  const tagsChanged = tagSetKey(mergedTags) !== tagSetKey(entry.tags);
  if (!contentChanged && !tagsChanged) return false;
  if (merged.url !== entry.row.url) {
    index.byUrl.delete(entry.row.url);
    index.byUrl.set(merged.url, entry);
    index.heldUrls.add(merged.url);
  }
  Object.assign(entry.row, merged);
  indexFingerprint(index, entry);
  entry.tags = mergedTags;
  entry.contentChanged ||= contentChanged;
  entry.tagsChanged ||= tagsChanged;
  return true;
}

function collectPlan(index: EntryIndex, unchanged: number): ArticleUpsertPlan {
  const plan: ArticleUpsertPlan = { inserts: [], updates: [], unchanged };
  for (const entry of index.byId.values()) {
    if (entry.isNew) plan.inserts.push({ row: entry.row, tags: entry.tags });
    else if (entry.contentChanged || entry.tagsChanged) {
      plan.updates.push({
        id: entry.row.id,
        content: entry.contentChanged ? pickContent(entry.row) : null,
        tags: entry.tagsChanged ? entry.tags : null,
      });
    }
  }
  return plan;
}
