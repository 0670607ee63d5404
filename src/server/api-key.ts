import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Returns a check of an `Authorization` header against the configured API keys (`Bearer KEY`):
 * digests are compared in constant time, and every key is compared, so the time taken says
 * nothing about which key, or how much of one, matched.
 */
export function createApiKeyCheck(keys: readonly string[]): (authorization?: string) => boolean {
  const digests = keys.map(digest);
  return (authorization) => {
    const given = readBearerKey(authorization);
    if (given === undefined) return false;
    const candidate = digest(given);
    let matched = false;
    for (const known of digests) matched = timingSafeEqual(known, candidate) || matched;
    return matched;
  };
}

/** The key of an `Authorization: Bearer KEY` header, if it has that shape. */
export function readBearerKey(authorization?: string): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
}

function digest(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}
