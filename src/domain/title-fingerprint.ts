import { createHash } from "node:crypto";

// Shorter headlines ("Live updates", "In brief") name no one story.
const MIN_WORDS = 5;

/**
 * Returns the fingerprint of a headline (16 hex characters), equal for the same words whatever
 * their case, accents, punctuation or spacing: the key that finds one story reached by two
 * routes under different URLs. Null for headlines of fewer than five words.
 */
export function titleFingerprint(title: string): string | null {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length < MIN_WORDS) return null;
  return createHash("sha256").update(words.join(" ")).digest("hex").slice(0, 16);
}
