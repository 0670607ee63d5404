import type { Store } from "../store/store";
import type { ViewCounter } from "./view-counter";

/** Adds the views counted since the last flush to the stored totals; returns how many articles. */
export async function flushViewCounts(views: ViewCounter, store: Store): Promise<number> {
  const taken = await views.takePending();
  if (taken.size > 0) await store.addViews(taken);
  return taken.size;
}
