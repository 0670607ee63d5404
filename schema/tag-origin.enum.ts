import { registerEnumType } from "type-graphql";

/** Where a tag on an article came from. */
export enum TagOrigin {
  FEED = "feed",
  PAGE = "page",
  EXTRACTED = "extracted",
}

// Schema metadata, declared beside the enum like the decorators of the object types.
registerEnumType(TagOrigin, {
  name: "TagOrigin",
  description: "Where a tag on an article came from.",
  valuesConfig: {
    FEED: { description: "The feed's categories (category, dc:subject, Atom category)." },
    PAGE: { description: "The page's metadata (article:tag, rel=tag, JSON-LD keywords)." },
    EXTRACTED: { description: "Extracted from the article's text." },
  },
});
