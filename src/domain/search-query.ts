/** A search as a tree: terms (a word, a prefix, or a phrase) joined by AND, OR and NOT. */
export type SearchNode =
  | { kind: "term"; words: string[]; prefix: boolean }
  | { kind: "and"; include: SearchNode[]; exclude: SearchNode[] }
  | { kind: "or"; options: SearchNode[] };

/** Thrown for a query that cannot be searched; the message says why, for the user. */
export class SearchQueryError extends Error {
  override readonly name = "SearchQueryError";
}

const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;
const TOKEN = /"([^"]*)"?|(\S+)/g;
const WORD_PARTS = /[\p{L}\p{N}]+/gu;

/**
 * Reads a search the way search boxes do: words are all required (AND), `OR` offers
 * alternatives, `NOT word` or `-word` excludes, `"a phrase"` keeps words together, `word*`
 * matches a prefix. Only letters and digits reach the index, so no input is index syntax.
 */
export function parseSearchQuery(query: string): SearchNode {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(`query: at most ${MAX_QUERY_LENGTH} characters`);
  }
  const groups: { include: SearchNode[]; exclude: SearchNode[] }[] = [{ include: [], exclude: [] }];
  let negate = false;
  let terms = 0;
  for (const match of query.matchAll(TOKEN)) {
    const [, phrase, bare] = match;
    if (bare === "OR") groups.push({ include: [], exclude: [] });
    else if (bare === "NOT") negate = true;
    else if (bare !== "AND") {
      const minus = phrase === undefined && bare.startsWith("-");
      const term = termOf(phrase ?? bare.replace(/^-/, ""), phrase !== undefined);
      if (term === null) continue;
      if (++terms > MAX_TERMS) throw new SearchQueryError(`query: at most ${MAX_TERMS} terms`);
      groups[groups.length - 1][negate || minus ? "exclude" : "include"].push(term);
      negate = false;
    }
  }
  const options = groups.filter((g) => g.include.length > 0 || g.exclude.length > 0);
  if (options.length === 0) throw new SearchQueryError("query: give at least one word to look for");
  if (options.some((g) => g.include.length === 0)) {
    throw new SearchQueryError("query: NOT narrows a search; give a word to look for with it");
  }
  const ands = options.map((g): SearchNode => ({ kind: "and", ...g }));
  return ands.length === 1 ? ands[0] : { kind: "or", options: ands };
}

function termOf(text: string, quoted: boolean): SearchNode | null {
  const prefix = !quoted && text.endsWith("*");
  const words = (text.toLowerCase().match(WORD_PARTS) ?? []).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return { kind: "term", words, prefix: prefix && words.length === 1 };
}

/** The query in SQLite FTS5's syntax (every word quoted; NOT as FTS5's binary operator). */
export function toFts5Query(node: SearchNode): string {
  if (node.kind === "term") {
    const quoted = `"${node.words.join(" ")}"`;
    return node.prefix ? `${quoted}*` : quoted;
  }
  if (node.kind === "or") return node.options.map((o) => `(${toFts5Query(o)})`).join(" OR ");
  const include = node.include.map(toFts5Query).join(" AND ");
  const exclude = node.exclude.map((n) => ` NOT ${toFts5Query(n)}`).join("");
  return node.exclude.length > 0 ? `(${include})${exclude}` : include;
}

/** The query as a PostgreSQL tsquery (`&`, `|`, `!`, `<->` for phrases, `:*` for prefixes). */
export function toTsQuery(node: SearchNode): string {
  if (node.kind === "term") {
    const phrase = node.words.join(" <-> ");
    return node.prefix ? `${phrase}:*` : node.words.length > 1 ? `(${phrase})` : phrase;
  }
  if (node.kind === "or") return node.options.map((o) => `(${toTsQuery(o)})`).join(" | ");
  return [...node.include.map(toTsQuery), ...node.exclude.map((n) => `!${toTsQuery(n)}`)].join(
    " & ",
  );
}

/** Returns true when plain text (a headline and teaser) satisfies the search, word by word. */
export function matchesSearch(node: SearchNode, text: string): boolean {
  const words =
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const fold = (w: string) => w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const has = (term: Extract<SearchNode, { kind: "term" }>): boolean => {
    const wanted = term.words.map(fold);
    for (let i = 0; i + wanted.length <= words.length; i++) {
      const hit = wanted.every((w, j) =>
        term.prefix && j === wanted.length - 1 ? words[i + j].startsWith(w) : words[i + j] === w,
      );
      if (hit) return true;
    }
    return false;
  };
  const test = (n: SearchNode): boolean =>
    n.kind === "term"
      ? has(n)
      : n.kind === "or"
        ? n.options.some(test)
        : n.include.every(test) && !n.exclude.some(test);
  return test(node);
}
