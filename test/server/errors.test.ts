import { ArticleDocument, HeadlinesDocument } from "../generated/graphql";
import { StoreUnavailableError } from "../../src/store/store-unavailable-error";
import { createGraphqlHarness } from "../support/graphql-harness";
import { listBackends, makeArticle, makeSource, useStore } from "../store/store-backends";

describe.each(listBackends())("errors on $name", (backend) => {
  const ctx = useStore(backend);

  it("masks an unexpected failure as INTERNAL_SERVER_ERROR with nothing internal in it", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("e1")]);
    const broken = Object.create(store);
    broken.listLatest = async () => {
      throw new Error(
        "connect ECONNREFUSED 10.1.2.3:5432 at /srv/app/src/store/headline-queries.ts:40",
      );
    };
    const api = await createGraphqlHarness({ store: broken });
    const { errors } = await api.execute(HeadlinesDocument, {});
    await api.stop();
    expect(errors).toHaveLength(1);
    expect(errors![0]).toEqual({
      message: "Internal server error",
      locations: expect.any(Array),
      path: ["headlines"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("reports a store fault as STORE_UNAVAILABLE with its kind and nothing internal", async () => {
    const broken = Object.create(ctx.store());
    broken.listLatest = async () => {
      throw new StoreUnavailableError("lock-timeout", "listLatest", 1, new Error("55P03 at pg"));
    };
    const api = await createGraphqlHarness({ store: broken });
    const { errors } = await api.execute(HeadlinesDocument, {});
    await api.stop();
    expect(errors).toEqual([
      {
        message: "The store cannot take this request right now; try again shortly.",
        locations: expect.any(Array),
        path: ["headlines"],
        extensions: { code: "STORE_UNAVAILABLE", fault: "lock-timeout" },
      },
    ]);
  });

  it("keeps the rest of the response when one field fails", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("e2")]);
    const broken = Object.create(store);
    broken.getSources = async () => {
      throw new Error("sources table is gone");
    };
    const api = await createGraphqlHarness({ store: broken });
    const { data, errors } = await api.execute(ArticleDocument, { id: "e2" });
    await api.stop();
    expect(data!.article).toMatchObject({ id: "e2", source: null });
    expect(errors![0]).toMatchObject({
      path: ["article", "source"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});
