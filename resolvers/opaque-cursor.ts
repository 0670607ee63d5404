import { GraphQLError } from "graphql";

/** Returns an opaque cursor for a position (base64url of its JSON). */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/**
 * Reads a cursor made by encodeCursor and checks its shape with `read` (null: not this kind);
 * anything else is a BAD_USER_INPUT saying `message`.
 */
export function decodeCursor<T>(
  cursor: string,
  read: (fields: Record<string, unknown>) => T | null,
  message: string,
): T {
  let found: T | null = null;
  try {
    const fields: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof fields === "object" && fields !== null)
      found = read(fields as Record<string, unknown>);
  } catch {
    found = null;
  }
  if (found === null) throw new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
  return found;
}

/** A place in a ranking: a 1-based position, in the generation of the ranking it was read in. */
export interface RankPosition {
  position: number;
  generation?: string;
}

/** The cursor of a position in a ranking named `by` (a snapshot order). */
export function encodeRankCursor(by: string, at: RankPosition): string {
  return encodeCursor({ r: by, p: at.position, g: at.generation });
}

/** The place a ranking's cursor holds; one of another ranking is BAD_USER_INPUT. */
export function decodeRankCursor(cursor: string, argument: string, by: string): RankPosition {
  return decodeCursor(
    cursor,
    ({ r, p, g }) =>
      r === by &&
      typeof p === "number" &&
      Number.isInteger(p) &&
      p >= 1 &&
      (g === undefined || typeof g === "string")
        ? { position: p, generation: g }
        : null,
    `${argument}: not a cursor of this order`,
  );
}
