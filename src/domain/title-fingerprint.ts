import { hash } from "node:crypto";

// Shorter headlines ("Live updates", "In brief") name no one story.
const MIN_WORDS = 5;

/**
 * Returns the fingerprint of a headline (16 hex characters), equal for the same words whatever
 * their case, accents, punctuation or spacing: the key that finds one story reached by two
 * routes under different URLs. Null for headlines of fewer than five words.
 */
export function titleFingerprint(title: string): string | null {
  // Printable ASCII has nothing to decompose, and its only letters and digits are [a-z0-9] once
  // lowered: most headlines take the short way.
  const words = NOT_PRINTABLE_ASCII.test(title)
    ? title
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[’']/g, "")
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
    : title
        .toLowerCase()
        .replace(/'/g, "")
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
  if (words.length < MIN_WORDS) return null;
  return hash("sha256", words.join(" "), "hex").slice(0, 16);
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
