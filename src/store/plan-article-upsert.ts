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

/** An article as stored: its row and its tags. */
export interface StoredArticle {
  row: ArticleRow;
  tags: Tag[];
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
  /** Every url any entry has held during the plan, so url changes never swap or chain. */
  heldUrls: Set<string>;
}

/**
 * Decides, without I/O, what upserting `incoming` over the `existing` rows it may collide with
 * (same id, url, or source and guid) writes. An article whose url belongs to another article
 * of the same source becomes that article; one whose url belongs to another source's article
 * is left to the source that stored it first, so two feeds sharing a story do not overwrite
 * each other on every pass. Later duplicates within `incoming` apply on top of earlier ones.
 */
export function planArticleUpsert(
  incoming: readonly Article[],
  existing: readonly StoredArticle[],
): ArticleUpsertPlan {
  const index: EntryIndex = {
    byId: new Map(),
    byUrl: new Map(),
    byGuid: new Map(),
    heldUrls: new Set(),
  };
  for (const stored of existing)
    addEntry(index, { row: { ...stored.row }, tags: stored.tags, ...unchangedFlags(false) });
  let unchanged = 0;
  for (const article of incoming) {
    const row = articleToRow(article);
    const tags = uniqueTags(article.tags);
    const target = findTarget(index, row);
    if (target === "foreign") unchanged += 1;
    else if (target === undefined) addEntry(index, { row, tags, ...unchangedFlags(true) });
    else if (!applyIncoming(index, target, row, tags)) unchanged += 1;
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
}

function findTarget(index: EntryIndex, row: ArticleRow): Entry | "foreign" | undefined {
  const byId = index.byId.get(row.id);
  if (byId !== undefined) return byId;
  const byUrl = index.byUrl.get(row.url);
  if (byUrl !== undefined) return byUrl.row.source_id === row.source_id ? byUrl : "foreign";
  const key = guidKey(row);
  return key === null ? undefined : index.byGuid.get(key);
}

/** Applies incoming content to an entry; returns whether anything changed. */
function applyIncoming(index: EntryIndex, entry: Entry, row: ArticleRow, tags: Tag[]): boolean {
  // The url is unique, and updates run in any order: an article moves only to a url no other
  // article has held in this batch, else it keeps its own.
  const free = row.url === entry.row.url || !index.heldUrls.has(row.url);
  const url = free ? row.url : entry.row.url;
  const content = pickContent({ ...row, url });
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
