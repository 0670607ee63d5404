/** What one extractor read from one page: the story's text and its metadata (null when not found). */
export interface PageReading {
  /** The story's visible text ("" when no story came out). */
  text: string;
  title: string | null;
  author: string | null;
  /** Publication instant, epoch ms. */
  published: number | null;
  imageUrl: string | null;
  /** Why nothing came out (an error message, or the page kind it was read as), if so. */
  note: string | null;
}

/** An extractor under evaluation: HTML and its URL in, a reading out. */
export type PageExtractor = (html: string, url: string) => Promise<PageReading>;

/** A reading with nothing found, and why. */
export function emptyReading(note: string): PageReading {
  return { text: "", title: null, author: null, published: null, imageUrl: null, note };
}
