import type { KnownSources } from "../domain/declare-source";
import type { Source } from "../domain/source";
import type { Store } from "../store/store";

/**
 * Runs `plan` against the declared sources until none of the ids it picks belongs to a removed
 * source (whose row stays for its articles), reserving each such id for the next round.
 */
export async function planAroundRemoved<T>(
  store: Store,
  sources: Source[],
  plan: (known: KnownSources) => T,
  idsOf: (planned: T) => string[],
): Promise<T> {
  const declared = new Set(sources.map((s) => s.id));
  const reservedIds = new Set<string>();
  for (;;) {
    const planned = plan({ sources, reservedIds });
    const removed = (await store.getSources(idsOf(planned))).filter((s) => !declared.has(s.id));
    if (removed.length === 0) return planned;
    for (const source of removed) reservedIds.add(source.id);
  }
}
