import { registerEnumType } from "type-graphql";

/** Why a source is next due when it is. */
export enum NextCheckReason {
  INTERVAL = "interval",
  CRON = "cron",
  ADAPTIVE = "adaptive",
  TTL = "ttl",
  MAX_AGE = "max-age",
  RETRY_AFTER = "retry-after",
  BACKOFF = "backoff",
}

registerEnumType(NextCheckReason, {
  name: "NextCheckReason",
  description: "Why a source is next due when it is.",
  valuesConfig: {
    INTERVAL: { description: "The source's fixed poll interval." },
    CRON: { description: "The next time the source's cron schedule fires (UTC)." },
    ADAPTIVE: {
      description:
        "The source's own pace: the median gap between its recent items (5 min to 24 h).",
    },
    TTL: { description: "The feed's `<ttl>` asked for a longer wait than the schedule." },
    MAX_AGE: { description: "The response's `Cache-Control: max-age` outlasts the schedule." },
    RETRY_AFTER: {
      description: "The server's `Retry-After` (e.g. on 429 or 503) asked for a pause.",
    },
    BACKOFF: { description: "Recent fetches failed: the wait doubles per failure, up to 24 h." },
  },
});
