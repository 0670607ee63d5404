import { T0, MINUTE, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

const tag = (slug: string) => ({ slug, name: slug, origin: "feed" as const });

describe.each(listBackends())("headline filters on $name", (backend) => {
  const subject = useStore(backend);

  beforeEach(async () => {
    await subject.store().upsertSources([makeSource("news")]);
    await subject.store().upsertArticles([
      makeArticle("both", {
        tags: [tag("china"), tag("ai")],
        wordCount: 400,
        publishedAt: T0 + 3 * MINUTE,
      }),
      makeArticle("china", { tags: [tag("china")], wordCount: 40, publishedAt: T0 + 2 * MINUTE }),
      makeArticle("ai", { tags: [tag("ai")], wordCount: 150, publishedAt: T0 + MINUTE }),
    ]);
  });

  const ids = async (filter: object) =>
    (await subject.store().listLatest({ filter, first: 10 })).items.map((i) => i.id);

  it("keeps articles with every one of the tags, or any of them", async () => {
    expect(await ids({ allTagSlugs: ["china", "ai"] })).toEqual(["both"]);
    expect(await ids({ tagSlugs: ["china", "ai"] })).toEqual(["both", "china", "ai"]);
  });

  it("keeps whole stories, or only teasers", async () => {
    expect(await ids({ fullText: { present: true, minWords: 150 } })).toEqual(["both", "ai"]);
    expect(await ids({ fullText: { present: false, minWords: 150 } })).toEqual(["china"]);
  });

  it("leaves out the excluded ids and counts without them", async () => {
    expect(await ids({ excludeIds: ["both", "ai"] })).toEqual(["china"]);
    const page = await subject.store().listLatest({ filter: { excludeIds: ["both"] }, first: 1 });
    expect(page.totalCount).toBe(2);
  });

  it("takes a bare language with its regional forms, a regional one exactly", async () => {
    await subject
      .store()
      .upsertArticles([
        makeArticle("gb", { language: "en-GB", publishedAt: T0 + 6 * MINUTE }),
        makeArticle("us", { language: "en-US", publishedAt: T0 + 5 * MINUTE }),
        makeArticle("de", { language: "de", publishedAt: T0 + 4 * MINUTE }),
        makeArticle("eng", { language: "eng", publishedAt: T0 + 4 * MINUTE }),
      ]);
    const english = await ids({ language: "en" });
    expect(english.filter((id) => ["gb", "us", "de", "eng"].includes(id))).toEqual(["gb", "us"]);
    expect(await ids({ language: "en-GB" })).toEqual(["gb"]);
  });
});
