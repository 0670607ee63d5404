import { declareSources } from "../../src/ingest/replan-sources";
import { MINUTE, T0, listBackends, makeSource, useStore } from "./store-backends";

const HOUR = 60 * MINUTE;

describe.each(listBackends())("declaring sources on $name", (backend) => {
  const subject = useStore(backend);

  async function fetchedOnce() {
    const store = subject.store();
    await store.upsertSources([makeSource("news", { intervalSeconds: 600 }), makeSource("wire")]);
    await store.recordFetch(
      {
        sourceId: "news",
        at: T0,
        ok: true,
        status: "200",
        httpStatus: 200,
        error: null,
        nextCheckAt: T0 + 10 * MINUTE,
        nextCheckReason: "interval",
      },
      null,
    );
    return store;
  }

  it("plans afresh, from the last fetch, a source whose timing changed", async () => {
    const store = await fetchedOnce();
    const changed = await declareSources(store, [
      makeSource("news", { intervalSeconds: null, schedule: "0 3 * * *" }),
      makeSource("wire"),
    ]);
    expect(changed).toEqual(["news"]);
    const [news] = await store.getSources(["news"]);
    expect(news).toMatchObject({ schedule: "0 3 * * *", nextCheckReason: "cron" });
    const next = new Date(news.nextCheckAt);
    expect(next.getUTCHours()).toBe(3);
    expect(news.nextCheckAt - T0).toBeGreaterThan(0);
    expect(news.nextCheckAt - T0).toBeLessThanOrEqual(24 * HOUR);
  });

  it("leaves the plan of a source whose timing is as it was", async () => {
    const store = await fetchedOnce();
    const changed = await declareSources(store, [
      makeSource("news", { intervalSeconds: 600, name: "Renamed" }),
    ]);
    expect(changed).toEqual([]);
    const [news] = await store.getSources(["news"]);
    expect(news).toMatchObject({ name: "Renamed", nextCheckAt: T0 + 10 * MINUTE });
  });
});
