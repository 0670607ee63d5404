import { createStore } from "../../src/store/create-store";
import { chunk } from "../../src/store/chunk";
import type { NewsCorpus } from "./news-corpus";

const BATCH = 250;
const HOUR = 3_600_000;

/**
 * Writes the corpus into the store at `databaseUrl` through the store API: the sources, one
 * successful fetch each (so they have a site URL), then the articles in batches.
 */
export async function seedStore(databaseUrl: string, corpus: NewsCorpus): Promise<void> {
  const store = await createStore(databaseUrl, { now: () => corpus.now });
  try {
    await store.upsertSources(corpus.sources.map((s) => s.definition));
    for (const source of corpus.sources) {
      await store.recordFetch(
        {
          sourceId: source.definition.id,
          at: corpus.now,
          ok: true,
          status: "200",
          httpStatus: 200,
          error: null,
          siteUrl: source.siteUrl,
          language: "en",
          itemsSeen: corpus.spec.articlesPerSource,
          nextCheckAt: corpus.now + HOUR,
          nextCheckReason: "interval",
        },
        null,
      );
    }
    for (const batch of chunk(corpus.articles, BATCH)) await store.upsertArticles(batch);
  } finally {
    await store.close();
  }
}
