import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Config } from "../config";
import { createFetcher } from "../fetch/fetch-source";
import { parseDocument } from "./parse-document";
import { toParseOutput, type ParseOutput } from "./parse-output";

/** `newsgate parse`: reads a file or fetches a URL and normalizes it, touching no store. */
export async function parseTarget(
  config: Config,
  target: string,
  baseUrl: string | undefined,
): Promise<ParseOutput> {
  const isUrl = /^https?:\/\//i.test(target);
  const fetcher = createFetcher(config.fetch);
  try {
    const url = isUrl ? target : pathToFileURL(resolve(target)).href;
    const res = await fetcher.fetchSource({ url, allowFile: !isUrl });
    const base = baseUrl ?? res.finalUrl;
    const parsed = await parseDocument(res.body ?? "", {
      url: base,
      sourceId: base,
      now: Date.now(),
    });
    return toParseOutput(parsed);
  } finally {
    await fetcher.close();
  }
}
