import { registerEnumType } from "type-graphql";

/** How headlines are ordered. */
export enum HeadlineOrder {
  LATEST = "LATEST",
}

registerEnumType(HeadlineOrder, {
  name: "HeadlineOrder",
  description: "How headlines are ordered.",
  valuesConfig: {
    LATEST: { description: "Newest first by publication time (ties broken by id)." },
  },
});
