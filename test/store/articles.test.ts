import type { Tag } from "../../src/domain/article";
import type { Store } from "../../src/store/store";
import {
  MINUTE,
  T0,
  feedTag,
  listBackends,
  makeArticle,
  makeSource,
  useStore,
} from "./store-backends";

describe.each(listBackends())("store articles on $name", (backend) => {
  const subject = useStore(backend);

  beforeEach(() => subject.store().upsertSources([makeSource("news"), makeSource("wire")]));

  describe("upsertArticles", () => {
    it("inserts new articles and reports their ids", async () => {
      const result = await subject.store().upsertArticles([makeArticle("a1"), makeArticle("a2")]);
      expect(result.inserted.sort()).toEqual(["a1", "a2"]);
      expect(result).toMatchObject({ updated: [], unchanged: 0 });
    });

    it("inserts nothing the second time and reports the articles unchanged", async () => {
      const articles = [makeArticle("a1", { tags: [feedTag("tech")] }), makeArticle("a2")];
      await subject.store().upsertArticles(articles);
      const again = await subject.store().upsertArticles(articles);
      expect(again).toEqual({ inserted: [], updated: [], unchanged: 2 });
    });

    it("updates an article whose title changed and keeps when it was first ingested", async () => {
      await subject.store().upsertArticles([makeArticle("a1")]);
      const changed = makeArticle("a1", { title: "Corrected title", ingestedAt: T0 + 9 * MINUTE });
      expect(await subject.store().upsertArticles([changed])).toEqual({
        inserted: [],
        updated: ["a1"],
        unchanged: 0,
      });
      const [stored] = await subject.store().getArticles(["a1"]);
      expect(stored).toMatchObject({ title: "Corrected title", ingestedAt: T0 + MINUTE });
    });

    it("keeps the first-seen date of an item that states none, however often it is seen", async () => {
      // No stated date: published when first seen (publishedAt = ingestedAt).
      const undated = (at: number, title = "Undated") =>
        makeArticle("u1", { title, publishedAt: at, ingestedAt: at, updatedAt: null });
      await subject.store().upsertArticles([undated(T0)]);
      const again = await subject.store().upsertArticles([undated(T0 + 5 * MINUTE)]);
      expect(again).toEqual({ inserted: [], updated: [], unchanged: 1 });
      await subject.store().upsertArticles([undated(T0 + 9 * MINUTE, "Retitled")]);
      const [stored] = await subject.store().getArticles(["u1"]);
      expect(stored).toMatchObject({ title: "Retitled", publishedAt: T0 });
      // A date it states later is taken.
      await subject.store().upsertArticles([
        makeArticle("u1", {
          title: "Retitled",
          publishedAt: T0 - MINUTE,
          ingestedAt: T0 + 10 * MINUTE,
        }),
      ]);
      expect((await subject.store().getArticles(["u1"]))[0].publishedAt).toBe(T0 - MINUTE);
    });

    it("updates an article whose tag set changed", async () => {
      await subject.store().upsertArticles([makeArticle("a1", { tags: [feedTag("tech")] })]);
      const retagged = makeArticle("a1", { tags: [feedTag("tech"), feedTag("ai")] });
      expect((await subject.store().upsertArticles([retagged])).updated).toEqual(["a1"]);
      const tags = await subject.store().getTagsForArticles(["a1"]);
      expect(tags.get("a1")?.map((t) => t.slug)).toEqual(["tech", "ai"]);
    });

    it("treats an article reordering its tags as unchanged", async () => {
      await subject
        .store()
        .upsertArticles([makeArticle("a1", { tags: [feedTag("a"), feedTag("b")] })]);
      const reordered = makeArticle("a1", { tags: [feedTag("b"), feedTag("a")] });
      expect((await subject.store().upsertArticles([reordered])).unchanged).toBe(1);
    });

    it("merges an article from the same source whose url another id already has", async () => {
      await subject.store().upsertArticles([makeArticle("a1")]);
      const sameStory = makeArticle("b9", {
        guid: "new-guid-scheme",
        url: "https://news.example/a1",
        title: "Retitled",
      });
      expect(await subject.store().upsertArticles([sameStory])).toEqual({
        inserted: [],
        updated: ["a1"],
        unchanged: 0,
      });
      expect(await subject.store().getArticles(["b9"])).toEqual([]);
      expect((await subject.store().getArticles(["a1"]))[0]?.title).toBe("Retitled");
    });

    it("leaves an article to the source that stored its url first", async () => {
      await subject.store().upsertArticles([makeArticle("a1")]);
      const syndicated = makeArticle("w1", { sourceId: "wire", url: "https://news.example/a1" });
      expect(await subject.store().upsertArticles([syndicated])).toEqual({
        inserted: [],
        updated: [],
        unchanged: 1,
      });
      expect(await subject.store().findArticleIdByUrl("https://news.example/a1")).toBe("a1");
    });

    it("keeps an article's url when its new url belongs to another article", async () => {
      await subject.store().upsertArticles([makeArticle("a1"), makeArticle("a2")]);
      const moved = makeArticle("a1", { url: "https://news.example/a2", title: "New" });
      expect((await subject.store().upsertArticles([moved])).updated).toEqual(["a1"]);
      expect((await subject.store().getArticles(["a1"]))[0]).toMatchObject({
        url: "https://news.example/a1",
        title: "New",
      });
    });

    it("treats an article with a known source and guid under a new id as the stored one", async () => {
      await subject.store().upsertArticles([makeArticle("a1")]);
      const renamed = makeArticle("x1", { guid: "guid-a1", url: "https://news.example/moved" });
      expect((await subject.store().upsertArticles([renamed])).updated).toEqual(["a1"]);
      expect(await subject.store().findArticleIdByUrl("https://news.example/moved")).toBe("a1");
    });

    it("stores an article listed twice in one call once", async () => {
      const result = await subject
        .store()
        .upsertArticles([makeArticle("a1"), makeArticle("a1", { title: "Later copy" })]);
      expect(result.inserted).toEqual(["a1"]);
      expect((await subject.store().getArticles(["a1"]))[0]?.title).toBe("Later copy");
    });

    it("writes many articles in one call", async () => {
      const many = Array.from({ length: 700 }, (_, i) =>
        makeArticle(`m${String(i).padStart(4, "0")}`, { tags: [feedTag(`t${i % 7}`)] }),
      );
      expect((await subject.store().upsertArticles(many)).inserted).toHaveLength(700);
      expect(await subject.store().upsertArticles(many)).toMatchObject({ unchanged: 700 });
      expect(await subject.store().getArticles(many.map((a) => a.id))).toHaveLength(700);
    });

    it("rolls back the whole call when one article cannot be stored", async () => {
      const orphan = makeArticle("o1", { sourceId: "unknown-source" });
      // Not toThrow(): better-sqlite3's native addon, loaded once per jest worker, raises errors
      // from the first test file's realm, which later files do not see as instanceof Error.
      await expect(
        subject.store().upsertArticles([makeArticle("a1"), orphan]),
      ).rejects.toHaveProperty("message", expect.stringMatching(/foreign key/i));
      expect(await subject.store().getArticles(["a1"])).toEqual([]);
    });
  });

  describe("reading articles", () => {
    const tags: Tag[] = [
      { slug: "data-privacy", name: "Data Privacy", origin: "feed" },
      { slug: "europe", name: "Europe", origin: "page" },
      { slug: "gdpr", name: "GDPR", origin: "extracted" },
    ];

    it("round-trips every field, enclosures and tags with their origins", async () => {
      const article = makeArticle("a1", {
        guid: null,
        updatedAt: T0 + 2 * MINUTE,
        imageUrl: "https://news.example/a1.jpg",
        enclosures: [{ url: "https://news.example/a1.mp3", type: "audio/mpeg", length: 1234 }],
        tags,
      });
      await subject.store().upsertArticles([article]);
      // Read back, an article also says which story it belongs to (none yet).
      expect(await subject.store().getArticles(["a1"])).toEqual([{ ...article, clusterId: null }]);
    });

    it("returns no articles and no tags for an empty id list", async () => {
      expect(await subject.store().getArticles([])).toEqual([]);
      expect(await subject.store().getTagsForArticles([])).toEqual(new Map());
    });

    it("omits unknown ids from getArticles", async () => {
      await subject.store().upsertArticles([makeArticle("a1")]);
      expect((await subject.store().getArticles(["a1", "nope"])).map((a) => a.id)).toEqual(["a1"]);
    });

    it("gives every requested id a tag entry, empty when it has none", async () => {
      await subject.store().upsertArticles([makeArticle("a1", { tags }), makeArticle("a2")]);
      const byId = await subject.store().getTagsForArticles(["a1", "a2", "nope"]);
      expect([...byId.keys()].sort()).toEqual(["a1", "a2", "nope"]);
      expect(byId.get("a1")).toEqual(tags);
      expect(byId.get("a2")).toEqual([]);
      expect(byId.get("nope")).toEqual([]);
    });

    it("keeps the first display name seen for a tag slug", async () => {
      await subject
        .store()
        .upsertArticles([
          makeArticle("a1", { tags: [feedTag("ai", "AI")] }),
          makeArticle("a2", { tags: [feedTag("ai", "Artificial intelligence")] }),
        ]);
      expect((await subject.store().getTagsForArticles(["a2"])).get("a2")?.[0]?.name).toBe("AI");
    });

    it("finds an article id by its canonical url", async () => {
      await subject.store().upsertArticles([makeArticle("a1")]);
      expect(await subject.store().findArticleIdByUrl("https://news.example/a1")).toBe("a1");
      expect(await subject.store().findArticleIdByUrl("https://news.example/none")).toBeNull();
    });

    it("pages tags by article count, then slug, forward and back, counting them all", async () => {
      await subject
        .store()
        .upsertArticles([
          makeArticle("a1", { tags: [feedTag("b"), feedTag("c")] }),
          makeArticle("a2", { tags: [feedTag("c"), feedTag("a")] }),
          makeArticle("a3", { tags: [feedTag("c"), feedTag("b")] }),
        ]);
      expect(await subject.store().listTags({ first: 10 })).toEqual({
        items: [
          { slug: "c", name: "c", count: 3 },
          { slug: "b", name: "b", count: 2 },
          { slug: "a", name: "a", count: 1 },
        ],
        hasNextPage: false,
        totalCount: 3,
      });
      const slugs = async (query: Parameters<Store["listTags"]>[0]) => {
        const page = await subject.store().listTags(query);
        return { slugs: page.items.map((t) => t.slug), more: page.hasNextPage };
      };
      expect(await slugs({ first: 1 })).toEqual({ slugs: ["c"], more: true });
      expect(await slugs({ first: 5, after: { count: 3, slug: "c" } })).toEqual({
        slugs: ["b", "a"],
        more: false,
      });
      expect(await slugs({ first: 1, after: { count: 2, slug: "b" } })).toEqual({
        slugs: ["a"],
        more: false,
      });
      expect(await slugs({ first: 1, before: { count: 1, slug: "a" } })).toEqual({
        slugs: ["b"],
        more: true,
      });
      expect(await slugs({ first: 5, before: { count: 1, slug: "a" } })).toEqual({
        slugs: ["c", "b"],
        more: false,
      });
    });
  });
});
