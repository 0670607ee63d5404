import { registerEnumType } from "type-graphql";

/** The span popularity is measured over. */
export enum PopularityWindowEnum {
  HOUR = "hour",
  DAY = "day",
  WEEK = "week",
}

registerEnumType(PopularityWindowEnum, {
  name: "PopularityWindow",
  description: "The span popularity is measured over (sliding, in hourly steps).",
  valuesConfig: {
    HOUR: { description: "The last hour." },
    DAY: { description: "The last 24 hours." },
    WEEK: { description: "The last 7 days." },
  },
});
