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
  // `htp://x` or `ftp://x` is a mistyped or unsupported address, not a file called that.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target)?.[1];
  if (!isUrl && scheme !== undefined && scheme.toLowerCase() !== "file")
    throw new Error(`${scheme}: is not a scheme newsgate fetches (http and https only)`);
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
