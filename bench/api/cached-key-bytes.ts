import type { KeyBytes } from "./redis-probe";
import type { RunningTarget } from "./start-targets";
import type { TargetKey } from "./targets";

/** The mean size of a cached article on a target's Redis. */
export interface CachedKeyBytes extends KeyBytes {
  target: TargetKey;
}

const PREFIX = "ng:";
const SAMPLE = 200;

/**
 * Samples the cached article keys on each Redis target: list cards (`ng:c:card:*`) when the
 * gateway writes them, else whole articles (`ng:c:article:*`).
 */
export async function measureCachedKeyBytes(
  targets: readonly RunningTarget[],
): Promise<CachedKeyBytes[]> {
  const found: CachedKeyBytes[] = [];
  for (const target of targets) {
    const bytes = await target.redis?.meanKeyBytes(
      [`${PREFIX}c:card:*`, `${PREFIX}c:article:*`],
      SAMPLE,
    );
    if (bytes) found.push({ target: target.def.key, ...bytes });
  }
  return found;
}
