import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeBody } from "../src/fetch/decode-text";
import { parseDocument, type ParsedDocument } from "../src/ingest/parse-document";

/** The fixture pages and what each must yield (from dist/bench or bench, the same folder). */
export const HTML_FIXTURES_DIR = join(
  __dirname,
  __dirname.includes("dist") ? "../.." : "..",
  "test",
  "fixtures",
  "html",
);

/** Names of every fixture with an expected result. */
export function htmlFixtureNames(): string[] {
  return readdirSync(HTML_FIXTURES_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.replace(/\.expected\.json$/, ""))
    .sort();
}

/** A listing fixture's expected headlines and popular list (see the fixtures' README). */
export interface ListingExpectation {
  kind: "listing";
  pageUrl: string;
  headlines: {
    title: string;
    url: string;
    summary: string | null;
    publishedAt: string | null;
    imageUrl: string | null;
  }[];
  popular: string[];
  mustNotAppearInAnyTitleOrSummary?: string[];
}

/** A story fixture's expected article (see the fixtures' README). */
export interface StoryExpectation {
  kind: "story";
  pageUrl: string;
  canonicalUrl: string;
  title: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  author: string | null;
  section: string | null;
  tags: string[];
  language: string | null;
  imageUrl: string | null;
  sectionHeadings: string[];
  containsText: string[];
  wordCountBetween: [number, number];
  mustNotContain: string[];
}

/** A fixture's expected result. */
export type HtmlExpectation = ListingExpectation | StoryExpectation;

/** A fixture page as fetched (bytes decoded by their declared charset) with its expectation. */
export function readHtmlFixture(name: string): { expected: HtmlExpectation; text: string } {
  const path = join(HTML_FIXTURES_DIR, `${name}.expected.json`);
  const expected = JSON.parse(readFileSync(path, "utf8")) as HtmlExpectation;
  const bytes = readFileSync(join(HTML_FIXTURES_DIR, `${name}.html`));
  return { expected, text: decodeBody(bytes, "text/html").text };
}

/** Reads a fixture page and parses it as the service does. */
export async function parseHtmlFixture(
  name: string,
): Promise<{ expected: HtmlExpectation; parsed: ParsedDocument }> {
  const { expected, text } = readHtmlFixture(name);
  const parsed = await parseDocument(text, {
    url: expected.pageUrl,
    sourceId: "fixture",
    now: Date.parse("2026-06-01T00:00:00Z"),
    kind: "html",
  });
  return { expected, parsed };
}

/** Every way the parsed page differs from the expectation, one line each; empty when exact. */
export function differences(expected: HtmlExpectation, parsed: ParsedDocument): string[] {
  return expected.kind === "listing"
    ? listingDiffs(expected, parsed)
    : storyDiffs(expected, parsed);
}

const iso = (ms: number | null | undefined, ingested: number) =>
  ms === null || ms === undefined || ms === ingested ? null : new Date(ms).toISOString();

function listingDiffs(expected: ListingExpectation, parsed: ParsedDocument): string[] {
  const out: string[] = [];
  if (parsed.pageKind !== "listing") out.push(`pageKind ${parsed.pageKind}`);
  const got = parsed.articles;
  const want = expected.headlines;
  if (got.length !== want.length)
    out.push(
      `headlines ${got.length} (want ${want.length}): ${got.map((a) => a.title).join(" / ")}`,
    );
  want.forEach((w, i) => {
    const a = got[i];
    if (!a) return;
    const fields: [string, unknown, unknown][] = [
      ["title", a.title, w.title],
      ["url", a.url, w.url],
      ["summary", a.summary, w.summary],
      ["publishedAt", iso(a.publishedAt, a.ingestedAt), w.publishedAt],
      ["imageUrl", a.imageUrl, w.imageUrl],
    ];
    for (const [field, value, wanted] of fields) {
      if (value !== wanted)
        out.push(`#${i} ${field}: ${JSON.stringify(value)} (want ${JSON.stringify(wanted)})`);
    }
  });
  if (JSON.stringify(parsed.popular) !== JSON.stringify(expected.popular)) {
    out.push(
      `popular: ${JSON.stringify(parsed.popular)} (want ${JSON.stringify(expected.popular)})`,
    );
  }
  const text = got.map((a) => `${a.title}\n${a.summary ?? ""}`).join("\n");
  for (const chrome of expected.mustNotAppearInAnyTitleOrSummary ?? []) {
    if (text.includes(chrome)) out.push(`chrome in a title or summary: ${chrome}`);
  }
  return out;
}

function storyDiffs(expected: StoryExpectation, parsed: ParsedDocument): string[] {
  const out: string[] = [];
  if (parsed.pageKind !== "story") return [`pageKind ${parsed.pageKind}`];
  const a = parsed.articles[0];
  const pageTags = a.tags.map((t) => t.slug);
  const fields: [string, unknown, unknown][] = [
    ["url", a.url, expected.canonicalUrl],
    ["title", a.title, expected.title],
    ["publishedAt", iso(a.publishedAt, a.ingestedAt), expected.publishedAt],
    ["modifiedAt", iso(a.updatedAt, a.ingestedAt), expected.modifiedAt],
    ["author", a.author, expected.author],
    ["language", a.language, expected.language],
    ["imageUrl", a.imageUrl, expected.imageUrl],
  ];
  for (const [field, value, wanted] of fields) {
    if (value !== wanted)
      out.push(`${field}: ${JSON.stringify(value)} (want ${JSON.stringify(wanted)})`);
  }
  const slug = (t: string) =>
    t
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "");
  const wantTags = [...(expected.section ? [expected.section] : []), ...expected.tags].map(slug);
  if (JSON.stringify([...new Set(wantTags)].sort()) !== JSON.stringify([...pageTags].sort())) {
    out.push(`tags: ${JSON.stringify(pageTags)} (want ${JSON.stringify(wantTags)})`);
  }
  const headings = [...(a.contentHtml ?? "").matchAll(/<h[2-4]>([\s\S]*?)<\/h[2-4]>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  if (JSON.stringify(headings) !== JSON.stringify(expected.sectionHeadings)) {
    out.push(
      `headings: ${JSON.stringify(headings)} (want ${JSON.stringify(expected.sectionHeadings)})`,
    );
  }
  for (const phrase of expected.containsText) {
    if (!(a.contentText ?? "").includes(phrase)) out.push(`missing text: ${phrase}`);
  }
  const [min, max] = expected.wordCountBetween;
  if (a.wordCount < min || a.wordCount > max)
    out.push(`wordCount ${a.wordCount} (want ${min}-${max})`);
  const text = [a.title, a.summary, a.contentText].join("\n");
  for (const chrome of expected.mustNotContain) {
    if (text.includes(chrome)) out.push(`chrome in the story: ${chrome}`);
  }
  return out;
}
