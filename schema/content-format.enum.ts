import { registerEnumType } from "type-graphql";

/** How an article's story is given. */
export enum ContentFormat {
  HTML = "html",
  TEXT = "text",
}

registerEnumType(ContentFormat, {
  name: "ContentFormat",
  description: "How an article's story is given.",
  valuesConfig: {
    HTML: { description: "Sanitized HTML: paragraphs, headings, lists, quotes, figures, links." },
    TEXT: { description: "Plain text, one line per block." },
  },
});
