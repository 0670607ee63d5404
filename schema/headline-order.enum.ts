import { registerEnumType } from "type-graphql";

/** How headlines are ordered. */
export enum HeadlineOrder {
  LATEST = "LATEST",
  POPULAR = "POPULAR",
  HOT = "HOT",
}

registerEnumType(HeadlineOrder, {
  name: "HeadlineOrder",
  description: "How headlines are ordered.",
  valuesConfig: {
    LATEST: { description: "Newest first by publication time (ties broken by id)." },
    POPULAR: { description: "Most viewed in `window` first (views counted by recordView)." },
    HOT: {
      description:
        "Highest hot score first: (views in the last day + source rank bonus + 1) / (age in hours + 2)^1.5, over the last week's articles.",
    },
  },
});
