import { MINUTE, T0, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

const claim = { owner: "w1", leaseMs: 5 * MINUTE, limit: 10 };

describe.each(listBackends())("removing a source on $name", (backend) => {
  const subject = useStore(backend);

  beforeEach(async () => {
    await subject.store().upsertSources([makeSource("news"), makeSource("wire")]);
    await subject.store().upsertArticles([makeArticle("a1"), makeArticle("a2")]);
  });

  it("keeps its articles and its row, which articles still resolve to", async () => {
    subject.setNow(T0 + MINUTE);
    expect(await subject.store().removeSource("news")).toBe(true);
    expect((await subject.store().getArticles(["a1", "a2"])).map((a) => a.id).sort()).toEqual([
      "a1",
      "a2",
    ]);
    const [kept] = await subject.store().getSources(["news"]);
    expect(kept).toMatchObject({ id: "news", removedAt: T0 + MINUTE });
  });

  it("leaves it out of the source list and of every claim", async () => {
    await subject.store().removeSource("news");
    expect((await subject.store().listSources()).map((s) => s.id)).toEqual(["wire"]);
    const claimed = await subject.store().claimDueSources({ ...claim, now: T0, all: true });
    expect(claimed.map((s) => s.id)).toEqual(["wire"]);
    const byId = await subject.store().claimDueSources({ ...claim, now: T0, ids: ["news"] });
    expect(byId).toEqual([]);
  });

  it("answers false for an unknown or already removed id", async () => {
    expect(await subject.store().removeSource("ghost")).toBe(false);
    expect(await subject.store().removeSource("news")).toBe(true);
    expect(await subject.store().removeSource("news")).toBe(false);
  });

  it("brings a removed source back when it is declared again", async () => {
    await subject.store().removeSource("news");
    await subject.store().upsertSources([makeSource("news", { name: "News again" })]);
    expect((await subject.store().listSources()).map((s) => s.name)).toEqual([
      "News again",
      "Source wire",
    ]);
  });

  it("does not touch sources an upsert leaves out", async () => {
    await subject.store().upsertSources([makeSource("wire")]);
    expect((await subject.store().listSources()).map((s) => s.id)).toEqual(["news", "wire"]);
  });
});
