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
