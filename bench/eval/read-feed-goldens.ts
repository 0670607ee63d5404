import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ExpectedFeed } from "./expected-feed";
import { mapFeedRs } from "./map-feedrs";
import { mapGofeed, type GofeedShape } from "./map-gofeed";

/** A feed document and what its suite expects newsgate to read from it. */
export interface FeedGolden {
  suite: string;
  name: string;
  /** The feed document. */
  path: string;
  expected: ExpectedFeed;
}

const GOFEED_FOLDERS: [string, GofeedShape][] = [
  ["translator/rss", "universal"],
  ["translator/atom", "universal"],
  ["translator/json", "universal"],
  ["parser/rss", "rss"],
  ["parser/atom", "atom"],
  ["parser/json", "json"],
];

/**
 * Returns gofeed's goldens under `dir`: in translator/* (its universal Feed) and parser/* (each
 * format's own shape), `X.xml` with `X.json`, or `X.json` with `X_expected.json`.
 */
export function readGofeedGoldens(dir: string): FeedGolden[] {
  return GOFEED_FOLDERS.flatMap(([folder, shape]) =>
    pairsIn(join(dir, folder), /_expected\.json$|\.json$/).map(({ name, input, expected }) => ({
      suite: "gofeed",
      name: `${folder}/${name}`,
      path: input,
      expected: mapGofeed(shape, JSON.parse(readFileSync(expected, "utf8"))),
    })),
  );
}

/** Returns feed-rs's goldens under `dir` (its fixture/ folder): `X.xml` or `X.json` with `X.serde.json`. */
export function readFeedRsGoldens(dir: string): FeedGolden[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      pairsIn(join(dir, entry.name), /\.serde\.json$/).map(({ name, input, expected }) => ({
        suite: "feed-rs",
        name: `${entry.name}/${name}`,
        path: input,
        expected: mapFeedRs(
          JSON.parse(readFileSync(expected, "utf8")),
          readFileSync(input, "utf8"),
        ),
      })),
    );
}

// Expected files by their suffix, each with the input of the same stem (XML first, then JSON;
// an input `X.json` is not its own golden, as it has no other input beside it).
function pairsIn(
  dir: string,
  expectedSuffix: RegExp,
): { name: string; input: string; expected: string }[] {
  if (!existsSync(dir)) return [];
  const files = new Set(readdirSync(dir));
  const pairs: { name: string; input: string; expected: string }[] = [];
  for (const file of [...files].sort()) {
    if (!expectedSuffix.test(file)) continue;
    const stem = file.replace(expectedSuffix, "");
    const input = [`${stem}.xml`, `${stem}.json`].find((f) => f !== file && files.has(f));
    if (!input) continue;
    pairs.push({ name: stem, input: join(dir, input), expected: join(dir, file) });
  }
  return pairs;
}
