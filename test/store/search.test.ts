import { parseSearchQuery } from "../../src/domain/search-query";
import { MINUTE, T0, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

const story = (id: string, title: string, body: string, extra = {}) =>
  makeArticle(id, {
    title,
    summary: null,
    contentText: body,
    contentHtml: `<p>${body}</p>`,
    ...extra,
  });

describe.each(listBackends())("full-text search on $name", (backend) => {
  const subject = useStore(backend);

  beforeEach(async () => {
    await subject.store().upsertSources([makeSource("news"), makeSource("wire")]);
    await subject.store().upsertArticles([
      story("t", "Tariffs hit car makers", "Exporters worry about new rules on data.", {
        publishedAt: T0,
      }),
      story("b", "Markets open lower", "Car makers fell after tariffs were announced today.", {
        publishedAt: T0 + MINUTE,
      }),
      story("r", "Robotics firms show humanoid robots", "The show had robots of every size.", {
        sourceId: "wire",
        publishedAt: T0 + 2 * MINUTE,
      }),
      story("c", "Café owners protest", "Owners of cafés say the rules are unclear <script>.", {
        publishedAt: T0 + 3 * MINUTE,
      }),
    ]);
  });

  const search = async (q: string, opts: { filter?: object; first?: number } = {}) =>
    subject.store().searchArticles({
      search: parseSearchQuery(q),
      filter: opts.filter ?? {},
      first: opts.first ?? 10,
    });
  const ids = async (q: string, filter: object = {}) =>
    (await search(q, { filter })).items.map((i) => i.id);

  it("finds every word, ranking a match in the title above one in the body", async () => {
    expect(await ids("tariffs car")).toEqual(["t", "b"]);
  });

  it("reads phrases, OR, NOT and -word, and prefixes", async () => {
    expect(await ids('"car makers fell"')).toEqual(["b"]);
    expect(await ids("humanoid OR exporters")).toEqual(expect.arrayContaining(["r", "t"]));
    expect(await ids("tariffs NOT markets")).toEqual(["t"]);
    expect(await ids("tariffs -exporters")).toEqual(["b"]);
    expect(await ids("robot*")).toEqual(["r"]);
  });

  it("matches whatever the case, and applies the usual filters", async () => {
    expect(await ids("OWNERS unclear")).toEqual(["c"]);
    expect(await ids("show", { sourceIds: ["news"] })).toEqual([]);
    expect(await ids("show", { sourceIds: ["wire"] })).toEqual(["r"]);
  });

  it("pages by score and id, and counts every match", async () => {
    const firstPage = await search("car OR robots OR rules", { first: 2 });
    expect(firstPage.totalCount).toBe(4);
    expect(firstPage.hasNextPage).toBe(true);
    const last = firstPage.items[1];
    const rest = await subject.store().searchArticles({
      search: parseSearchQuery("car OR robots OR rules"),
      filter: {},
      first: 10,
      after: { score: last.score, id: last.id },
    });
    const all = [...firstPage.items, ...rest.items].map((i) => i.id);
    expect(new Set(all).size).toBe(4);
    expect(rest.hasNextPage).toBe(false);
  });

  it("pages back with before: the hits just ahead of a position, still best first", async () => {
    const q = parseSearchQuery("car OR robots OR rules");
    const all = (await search("car OR robots OR rules")).items;
    expect(all).toHaveLength(4);
    const back = await subject.store().searchArticles({
      search: q,
      filter: {},
      first: 2,
      before: { score: all[3].score, id: all[3].id },
    });
    expect(back.items.map((i) => i.id)).toEqual([all[1].id, all[2].id]);
    // More precede the page: the best hit.
    expect(back.hasNextPage).toBe(true);
    const start = await subject.store().searchArticles({
      search: q,
      filter: {},
      first: 2,
      before: { score: all[1].score, id: all[1].id },
    });
    expect(start.items.map((i) => i.id)).toEqual([all[0].id]);
    expect(start.hasNextPage).toBe(false);
  });

  it("highlights the matched words in a snippet that is safe HTML", async () => {
    const [hit] = (await search("unclear")).items;
    expect(hit.snippet).toContain("<mark>unclear</mark>");
    expect(hit.snippet).not.toContain("<script>");
  });

  it("keeps the index in step when an article changes", async () => {
    await subject.store().upsertArticles([
      story("t", "Tariffs hit car makers", "Now about shipbuilding instead.", {
        publishedAt: T0,
      }),
    ]);
    expect(await ids("exporters")).toEqual([]);
    expect(await ids("shipbuilding")).toEqual(["t"]);
  });
});
