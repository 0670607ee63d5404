import { Extensions } from "type-graphql";
import { CACHE_HINT_EXTENSION, type CacheHint } from "../src/server/cache-hint";

/**
 * Declares a cache hint on a field, a query or an object type (as type-graphql extensions, so
 * it lives in the schema, is read once per document, and costs nothing while resolving).
 */
export function CacheHintFor(hint: CacheHint) {
  return Extensions({ [CACHE_HINT_EXTENSION]: hint });
}
