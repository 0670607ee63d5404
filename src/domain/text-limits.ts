/** The longest title, in characters; longer titles are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 500;
/** The longest summary, in characters; longer text is cut at a word boundary. */
export const MAX_SUMMARY_LENGTH = 300;
/** The longest title made up from the summary when an item has no title. */
export const MAX_FALLBACK_TITLE_LENGTH = 100;
/** The longest feed description kept, in characters. */
export const MAX_DESCRIPTION_LENGTH = 1000;
/** The longest author byline kept, in characters. */
export const MAX_AUTHOR_LENGTH = 200;
/** The longest tag name kept, in characters. */
export const MAX_TAG_NAME_LENGTH = 100;
/** The most tags one article keeps (the first ones). */
export const MAX_TAGS = 50;
/** The most enclosures one article keeps (the first ones). */
export const MAX_ENCLOSURES = 20;
/** The most characters of an item's HTML that are sanitized; see capHtml. */
export const MAX_CONTENT_LENGTH = 1_000_000;
/** The most tags of an item's HTML that are sanitized; see capHtml. */
export const MAX_CONTENT_TAGS = 10_000;
/** Fewer words than this is a teaser or a headline; this many or more, a whole story. */
export const FULL_STORY_MIN_WORDS = 150;
