import type { Rng } from "../prng";
import { sentence, word } from "../words";

/** A full story as stored: sanitized HTML, its plain text (one line per block), its words. */
export interface StoryText {
  html: string;
  text: string;
  wordCount: number;
}

/** Returns `count` vocabulary words as sentences (capitalized, full stops), about `count` long. */
export function teaserText(rng: Rng, count: number): string {
  const words: string[] = [];
  let sentenceStart = 0;
  for (let i = 0; i < count; i++) {
    const w = word(rng);
    words.push(i === sentenceStart ? w.charAt(0).toUpperCase() + w.slice(1) : w);
    if (i - sentenceStart >= 8 && rng.chance(0.2)) {
      words[i] += ".";
      sentenceStart = i + 1;
    }
  }
  return words.join(" ").replace(/\.?$/, ".");
}

/** Returns `text` with `inserted` put between two of its words (never first). */
export function withWord(rng: Rng, text: string, inserted: string): string {
  const words = text.split(" ");
  words.splice(rng.int(1, words.length - 1), 0, inserted);
  return words.join(" ");
}

/**
 * Returns a story of about `chars` characters: `lead` as its first paragraph, then paragraphs
 * of three to six sentences, with a subheading after the third; `extra` goes in a middle one.
 */
export function fullStory(rng: Rng, lead: string, chars: number, extra?: string): StoryText {
  const paragraphs = [lead];
  let length = lead.length;
  while (length < chars) {
    const p = Array.from({ length: rng.int(3, 6) }, () => sentence(rng)).join(" ");
    paragraphs.push(p);
    length += p.length + 1;
  }
  if (extra) {
    const middle = paragraphs.length >> 1;
    paragraphs[middle] = withWord(rng, paragraphs[middle], extra);
  }
  const heading = sentence(rng).slice(0, -1);
  const blocks = paragraphs.map((p) => `<p>${p}</p>`);
  blocks.splice(Math.min(3, blocks.length), 0, `<h2>${heading}</h2>`);
  const lines = [...paragraphs];
  lines.splice(Math.min(3, lines.length), 0, heading);
  const text = lines.join("\n");
  return { html: blocks.join("\n"), text, wordCount: countWords(text) };
}

/** Words in a text: runs of non-space characters. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
