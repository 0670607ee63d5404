import { registerEnumType } from "type-graphql";

/** The format a source is read as. */
export enum SourceKind {
  RSS = "rss",
  ATOM = "atom",
  JSON = "json",
  HTML = "html",
}

registerEnumType(SourceKind, {
  name: "SourceKind",
  description: "The format a source is read as.",
  valuesConfig: {
    RSS: { description: "RSS 0.9x, 1.0 (RDF) or 2.0." },
    ATOM: { description: "Atom 0.3 or 1.0." },
    JSON: { description: "JSON Feed 1.0 or 1.1." },
    HTML: { description: "A plain HTML news page." },
  },
});
