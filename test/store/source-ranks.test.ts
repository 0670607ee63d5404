import { listBackends, makeArticle, makeSource, useStore } from "./store-backends";

const url = (id: string) => `https://news.example/${id}`;

describe.each(listBackends())("a source's popular list on $name", (backend) => {
  const subject = useStore(backend);

  beforeEach(async () => {
    await subject.store().upsertSources([makeSource("news"), makeSource("wire")]);
    await subject
      .store()
      .upsertArticles([
        makeArticle("a1"),
        makeArticle("a2"),
        makeArticle("a3"),
        makeArticle("w1", { sourceId: "wire" }),
      ]);
  });

  const ranks = async () => {
    const stats = await subject.store().getArticleStats(["a1", "a2", "a3", "w1"]);
    return Object.fromEntries([...stats].map(([id, s]) => [id, s.sourceRank]));
  };

  it("ranks the stored articles by their place in the list, rank 1 first", async () => {
    await subject
      .store()
      .recordSourceRanks("news", [url("a3"), url("a1"), "https://else.example/x"]);
    expect(await ranks()).toEqual({ a3: 1, a1: 2 });
  });

  it("replaces the source's last list: an article no longer listed loses its rank", async () => {
    await subject.store().recordSourceRanks("news", [url("a3"), url("a1")]);
    await subject.store().recordSourceRanks("news", [url("a2")]);
    expect(await ranks()).toEqual({ a1: null, a2: 1, a3: null });
  });

  it("can rank another source's copy of a story, which that source's list leaves alone", async () => {
    await subject.store().recordSourceRanks("news", [url("w1")]);
    await subject.store().recordSourceRanks("wire", []);
    expect(await ranks()).toEqual({ w1: null });
    await subject.store().recordSourceRanks("news", [url("w1")]);
    await subject.store().recordSourceRanks("news", []);
    expect(await ranks()).toEqual({ w1: 1 });
  });
});
