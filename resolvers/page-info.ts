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

/** A Relay connection of a page of edges: the edges, the total, and the page info. */
export function connectionOf<E extends { cursor: string }>(
  edges: E[],
  page: { hasNextPage: boolean; totalCount: number },
  hasPreviousPage: boolean,
): { edges: E[]; totalCount: number; pageInfo: PageInfoType } {
  const pageInfo = pageInfoOf(edges, { hasNextPage: page.hasNextPage, hasPreviousPage });
  return { edges, totalCount: page.totalCount, pageInfo };
}
