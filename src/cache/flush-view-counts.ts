import type { Store } from "../store/store";
import type { Generations } from "./generations";
import type { ViewCounter } from "./view-counter";

/**
 * Adds the views counted since the last flush to the stored totals and, when there were any,
 * bumps the `views` generation (rankings and popularity made before are retired); returns how
 * many articles had views. When the store cannot take them (locked, full), they are given back
 * to the counter for the next flush and the store's error is thrown: no view is lost.
 */
export async function flushViewCounts(
  views: ViewCounter,
  store: Store,
  generations: Generations,
): Promise<number> {
  const taken = await views.takePending();
  if (taken.size === 0) return 0;
  try {
    await store.addViews(taken);
  } catch (error) {
    await views.restorePending(taken);
    throw error;
  }
  await generations.bump("views");
  return taken.size;
}
