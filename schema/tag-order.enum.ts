import { registerEnumType } from "type-graphql";

/** How a list of tags is ordered. */
export enum TagOrder {
  COUNT = "count",
  TRENDING = "trending",
}

registerEnumType(TagOrder, {
  name: "TagOrder",
  description: "How a list of tags is ordered.",
  valuesConfig: {
    COUNT: { description: "Most articles first." },
    TRENDING: { description: "Most growth in the window against the window before it first." },
  },
});
