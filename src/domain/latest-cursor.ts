/** Keyset position in the LATEST order (publishedAt desc, id desc). */
export interface LatestPosition {
  publishedAt: number;
  id: string;
}

/** Raised for a cursor that this server did not issue. */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
}

const PREFIX = "latest:";

/** An opaque cursor for a position in the LATEST order. */
export function encodeLatestCursor(p: LatestPosition): string {
  return Buffer.from(`${PREFIX}${p.publishedAt}:${p.id}`, "utf8").toString("base64url");
}

/** The position a cursor stands for; throws InvalidCursorError when it is not one of ours. */
export function decodeLatestCursor(cursor: string): LatestPosition {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^latest:(-?\d{1,16}):([A-Za-z0-9_-]{1,128})$/.exec(text);
  if (!match) throw new InvalidCursorError(`"${cursor}" is not a valid cursor`);
  return { publishedAt: Number(match[1]), id: match[2] };
}
