/** A 64-bit SimHash as two 32-bit halves. */
export interface SimHash {
  hi: number;
  lo: number;
}

/**
 * The SimHash (Charikar) of a text's words, over each word and each pair of neighbours: texts
 * that differ in a few words differ in a few bits.
 */
export function simHash(words: readonly string[]): SimHash {
  const weights = new Int32Array(64);
  const add = (feature: string) => {
    const hi = fnv1a(feature, 0x811c9dc5);
    const lo = fnv1a(feature, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] += ((hi >>> bit) & 1) * 2 - 1;
      weights[bit + 32] += ((lo >>> bit) & 1) * 2 - 1;
    }
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]);
    if (i > 0) add(words[i - 1] + " " + words[i]);
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit] > 0) hi |= 1 << bit;
    if (weights[bit + 32] > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** How many of the 64 bits two SimHashes differ in. */
export function hammingDistance(a: SimHash, b: SimHash): number {
  return popCount((a.hi ^ b.hi) >>> 0) + popCount((a.lo ^ b.lo) >>> 0);
}

// 32-bit FNV-1a over UTF-16 code units, from a chosen offset basis.
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche, so that short features spread over every bit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
