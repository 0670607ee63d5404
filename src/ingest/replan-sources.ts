import { ADAPTIVE_SAMPLE } from "../domain/adaptive-interval";
import { planNextCheck } from "../domain/plan-next-check";
import type { Source, SourceDefinition } from "../domain/source";
import { scheduleOf } from "../domain/source-schedule";
import type { Store } from "../store/store";

/**
 * Declares sources (see Store.upsertSources), then plans afresh the next check of those whose
 * timing (interval, schedule or adaptive) changed: a check planned under the old timing would
 * otherwise fire once more, maybe a day late. Resolves the ids re-planned.
 */
export async function declareSources(
  store: Store,
  defs: readonly SourceDefinition[],
): Promise<string[]> {
  const ids = defs.map((d) => d.id);
  const before = new Map((await store.getSources(ids)).map((s) => [s.id, timingKey(s)]));
  await store.upsertSources([...defs]);
  const changed = (await store.getSources(ids)).filter(
    (s) => before.has(s.id) && before.get(s.id) !== timingKey(s),
  );
  for (const source of changed) await replanSource(store, source);
  return changed.map((s) => s.id);
}

/**
 * Plans a source's next check under its current timing, from its last fetch (a source never
 * fetched is due already and keeps that); hints of its last response (ttl, max-age) are not
 * kept, and a backoff takes its middle length.
 */
export async function replanSource(store: Store, source: Source): Promise<void> {
  if (source.lastFetchedAt === null || source.removedAt != null) return;
  const schedule = scheduleOf(source);
  const publishedTimes =
    schedule.kind === "adaptive"
      ? await store.listRecentPublishTimes(source.id, ADAPTIVE_SAMPLE)
      : undefined;
  const next = planNextCheck({
    now: source.lastFetchedAt,
    schedule,
    failures: source.consecutiveFailures,
    publishedTimes,
    random: () => 0.5,
  });
  await store.setNextCheck(source.id, next);
}

function timingKey(source: Source): string {
  return JSON.stringify(scheduleOf(source));
}
