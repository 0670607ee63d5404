import type { Enclosure, Tag } from "../domain/article";
import type { ArticleBody, ArticleCard } from "../domain/article-card";
import type { CursoredPage } from "./article-reads";
import type { ValueCodec } from "./value-cache";

// A cached value is untrusted input: another version, a bad write or a person may have put it
// there. Each codec checks the shape it reads and answers null for anything else.

type Fields = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const orNull =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === null || check(v);
const isObject = (v: unknown): v is Fields =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function hasFields(value: unknown, checks: Record<string, (v: unknown) => boolean>): boolean {
  if (!isObject(value)) return false;
  for (const key in checks) if (!checks[key](value[key])) return false;
  return true;
}

const isTag = (v: unknown): v is Tag =>
  hasFields(v, {
    slug: isString,
    name: isString,
    origin: (o) => o === "feed" || o === "page" || o === "extracted",
  });
const isEnclosure = (v: unknown): v is Enclosure =>
  hasFields(v, { url: isString, type: orNull(isString), length: orNull(isNumber) });
const listOf =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    Array.isArray(v) && v.every(check);

const CARD_FIELDS = {
  id: isString,
  sourceId: isString,
  guid: orNull(isString),
  url: isString,
  title: isString,
  summary: orNull(isString),
  author: orNull(isString),
  publishedAt: isNumber,
  updatedAt: orNull(isNumber),
  ingestedAt: isNumber,
  language: orNull(isString),
  imageUrl: orNull(isString),
  wordCount: isNumber,
  readingTimeMinutes: isNumber,
  enclosures: listOf(isEnclosure),
  tags: listOf(isTag),
  clusterId: orNull(isString),
};

const BODY_FIELDS = { contentHtml: orNull(isString), contentText: orNull(isString) };

const PAGE_FIELDS = {
  items: listOf((p) => hasFields(p, { publishedAt: isNumber, id: isString })),
  cursors: listOf(isString),
  hasNextPage: (v: unknown) => typeof v === "boolean",
  totalCount: isNumber,
};

/** A JSON codec that accepts only values with the given fields. */
function checkedJson<T>(fields: Record<string, (v: unknown) => boolean>): ValueCodec<T> {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (text) => {
      const value: unknown = JSON.parse(text);
      return hasFields(value, fields) ? (value as T) : null;
    },
  };
}

/** Article cards as JSON, checked field by field. */
export const cardCodec: ValueCodec<ArticleCard> = checkedJson(CARD_FIELDS);
/** Story texts as JSON, checked. */
export const bodyCodec: ValueCodec<ArticleBody> = checkedJson(BODY_FIELDS);
/** Lists of ids (rankings) as JSON, checked. */
export const idListCodec: ValueCodec<string[]> = {
  encode: (ids) => JSON.stringify(ids),
  decode: (text) => {
    const value: unknown = JSON.parse(text);
    return listOf(isString)(value) ? (value as string[]) : null;
  },
};

/** Headline pages (with their cursors) as JSON, checked. */
export const pageCodec: ValueCodec<CursoredPage> = checkedJson(PAGE_FIELDS);
