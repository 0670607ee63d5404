import { GraphQLError } from "graphql";
import type { PageInfoType } from "../schema/page-info.type";

/** The Relay page info of a page of edges: its first and last cursors and whether more follow. */
export function pageInfoOf(
  edges: readonly { cursor: string }[],
  page: { hasNextPage: boolean; hasPreviousPage: boolean },
): PageInfoType {
  return {
    ...page,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

/** A page request with its cursors decoded: forward after `after`, or back from `before`. */
export interface PageRequest<K> {
  first: number;
  after?: K;
  before?: K;
}

/**
 * Decodes a page's arguments with `decode` (which throws BAD_USER_INPUT naming the argument);
 * going back, the page size is `last`, else `first`. Both cursors at once is BAD_USER_INPUT.
 */
export function readPageRequest<K>(
  args: { first: number; after?: string | null; before?: string | null; last?: number | null },
  decode: (cursor: string, argument: "after" | "before") => K,
): PageRequest<K> {
  if (args.after != null && args.before != null) throw bothCursors();
  if (args.before != null) {
    return { first: args.last ?? args.first, before: decode(args.before, "before") };
  }
  return { first: args.first, after: args.after == null ? undefined : decode(args.after, "after") };
}

/**
 * A Relay connection of a keyset page. `page.hasNextPage` says whether more lie beyond the page
 * in the direction read: going back from `before`, that is earlier pages, and a next page (the
 * cursor's own) always exists.
 */
export function keysetConnection<E extends { cursor: string }>(
  edges: E[],
  page: { hasNextPage: boolean; totalCount: number },
  request: PageRequest<unknown>,
): { edges: E[]; totalCount: number; pageInfo: PageInfoType } {
  const back = request.before !== undefined;
  const pageInfo = pageInfoOf(edges, {
    hasNextPage: back ? true : page.hasNextPage,
    hasPreviousPage: back ? page.hasNextPage : request.after !== undefined,
  });
  return { edges, totalCount: page.totalCount, pageInfo };
}

/**
 * The slice of a ranked list (a snapshot) that a page covers. A ranked cursor is a position:
 * how many items lead up to and include its item. Going back from one, the page ends just
 * before it; a position past the end (the list shrank since) reads as the end.
 */
export function rankedSlice(
  request: PageRequest<number>,
  length: number,
): { start: number; end: number; hasNextPage: boolean; hasPreviousPage: boolean } {
  const stop = request.before === undefined ? null : Math.min(request.before - 1, length);
  const start =
    stop !== null ? Math.max(0, stop - request.first) : Math.min(request.after ?? 0, length);
  const end = Math.min(stop ?? start + request.first, length);
  return { start, end, hasNextPage: end < length, hasPreviousPage: start > 0 };
}

/**
 * A keyset page of a list sorted by a unique key (ascending, in `compare`): past `after`, or
 * just before `before`. `hasNextPage` says whether more lie beyond it in the direction read.
 */
export function pageOfSortedList<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  compare: (a: K, b: K) => number,
  request: PageRequest<K>,
): { items: T[]; hasNextPage: boolean; totalCount: number } {
  const { after, before, first } = request;
  if (before !== undefined) {
    const ahead = items.filter((item) => compare(keyOf(item), before) < 0);
    const page = ahead.slice(Math.max(0, ahead.length - first));
    return { items: page, hasNextPage: ahead.length > first, totalCount: items.length };
  }
  const past = after === undefined ? items : items.filter((i) => compare(keyOf(i), after) > 0);
  return {
    items: past.slice(0, first),
    hasNextPage: past.length > first,
    totalCount: items.length,
  };
}

/** The error for a page asked both after and before a cursor. */
export function bothCursors(): GraphQLError {
  return new GraphQLError("give after or before, not both", {
    extensions: { code: "BAD_USER_INPUT" },
  });
}
