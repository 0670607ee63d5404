import { GraphQLError } from "graphql";
import { normalizeLanguage } from "../src/domain/language-tag";
import { FULL_STORY_MIN_WORDS } from "../src/domain/text-limits";
import type { ArticleFilter } from "../src/store/store";
import type { HeadlineFilterInput } from "../schema/headline-filter.input";

/** The store's filter for a client's HeadlineFilter (absent: everything). */
export function toArticleFilter(f: HeadlineFilterInput | undefined): ArticleFilter {
  return {
    sourceIds: f?.sources,
    tagSlugs: f?.tags,
    allTagSlugs: f?.allTags,
    language: f?.language == null ? undefined : languageOf(f.language),
    fullText:
      f?.hasFullText == null
        ? undefined
        : { present: f.hasFullText, minWords: FULL_STORY_MIN_WORDS },
    excludeIds: f?.excludeIds,
    since: f?.since?.getTime(),
    until: f?.until?.getTime(),
  };
}

// The asked language in the stored form (`en-us` is stored `en-US`).
function languageOf(asked: string): string {
  const tag = normalizeLanguage(asked);
  if (tag === null) {
    throw new GraphQLError(`language: "${asked}" is not a language tag such as en or en-GB`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return tag;
}
