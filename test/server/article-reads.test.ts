import { parse } from "graphql";
import { makeArticle, makeSource, listBackends, useStore } from "../store/store-backends";
import { createGraphqlHarness } from "../support/graphql-harness";

const sqlite = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqlite)("reading one article", (backend) => {
  const ctx = useStore(backend);

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("a1", { url: "https://news.example/story-1" })]);
    const api = await createGraphqlHarness({ store });
    try {
      return await api.execute(parse(query) as never, variables as never);
    } finally {
      await api.stop();
    }
  }

  it("finds an article by its URL whatever tracking parameters and fragment the link carries", async () => {
    const { data, errors } = await run(
      'query { hit: articleByUrl(url: "https://NEWS.example/story-1?utm_source=x#top") { id } miss: articleByUrl(url: "https://news.example/none") { id } bad: articleByUrl(url: "not a url") { id } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ hit: { id: "a1" }, miss: null, bad: null });
  });

  it("gives the story as HTML by default, or as plain text", async () => {
    const { data, errors } = await run(
      'query { article(id: "a1") { html: content text: content(format: TEXT) } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ article: { html: "<p>Body of a1</p>", text: "Body of a1" } });
  });

  it("filters headlines by every tag, by whole stories, and leaving ids out", async () => {
    const { data, errors } = await run(
      '{ a: headlines(filter: { hasFullText: false }) { totalCount } b: headlines(filter: { excludeIds: ["a1"] }) { totalCount } c: headlines(filter: { allTags: ["none"] }) { totalCount } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 0 }, c: { totalCount: 0 } });
  });
});
