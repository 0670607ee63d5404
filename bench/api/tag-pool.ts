import type { Tag, TagOrigin } from "../../src/domain/article";
import { slugifyTag } from "../../src/domain/slugify-tag";
import type { Rng } from "../prng";
import { word } from "../words";
import { createZipf } from "./zipf";

/** Tags to draw from: a few common ones, a long tail of rare ones. */
export interface TagPool {
  tags: readonly Tag[];
  /** Returns `count` distinct tags, the common ones far more often. */
  pick(rng: Rng, count: number): Tag[];
}

const ORIGINS: TagOrigin[] = ["feed", "feed", "feed", "page", "extracted"];

/** Returns `size` distinct tags named from the vocabulary, ranked by how common they are. */
export function createTagPool(rng: Rng, size: number): TagPool {
  const tags: Tag[] = [];
  const slugs = new Set<string>();
  while (tags.length < size) {
    const name = capitalize(`${word(rng)} ${word(rng)}`);
    const slug = slugifyTag(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    tags.push({ slug, name, origin: ORIGINS[tags.length % ORIGINS.length] });
  }
  const rank = createZipf(size, 1);
  return {
    tags,
    pick(rng, count) {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, size)) chosen.add(rank(rng));
      return [...chosen].map((i) => tags[i]);
    },
  };
}

function capitalize(text: string): string {
  return text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, c: string) => space + c.toUpperCase());
}
