/** Average adult silent-reading speed for news prose, in words per minute. */
const WORDS_PER_MINUTE = 230;

/** Minutes to read `wordCount` words, rounded up; 0 for no words. */
export function readingTimeMinutes(wordCount: number): number {
  return wordCount > 0 ? Math.ceil(wordCount / WORDS_PER_MINUTE) : 0;
}
