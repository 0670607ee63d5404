/**
 * The character trigrams of words, each word padded with a space on both sides (word order
 * does not matter, and inflections such as close, closes, closed keep most of their trigrams),
 * as sorted distinct 32-bit hashes: comparing two is one merge, with no strings built.
 */
export function trigramsOf(words: readonly string[]): Uint32Array {
  const grams: number[] = [];
  for (const word of words) {
    let a = 32;
    let b = word.charCodeAt(0);
    for (let i = 1; i <= word.length; i++) {
      const c = i < word.length ? word.charCodeAt(i) : 32;
      grams.push(trigramHash(a, b, c));
      a = b;
      b = c;
    }
  }
  const sorted = Uint32Array.from(grams).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

function trigramHash(a: number, b: number, c: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Shared members over all members (Jaccard) of two sorted distinct lists: 1 the same, 0 none. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * How many trigrams each of `queries` shares with each of `lists` (`counts[q][l]`), in one
 * pass over `lists` through an index of the queries: a few new reports against thousands
 * stored cost one lookup per stored trigram, not one merge per pair.
 */
export function sharedTrigramCounts(
  queries: readonly Uint32Array[],
  lists: readonly Uint32Array[],
): Int32Array[] {
  const index = new Map<number, number[]>();
  queries.forEach((query, q) => {
    for (const gram of query) {
      const holders = index.get(gram);
      if (holders) holders.push(q);
      else index.set(gram, [q]);
    }
  });
  const counts = queries.map(() => new Int32Array(lists.length));
  lists.forEach((list, l) => {
    for (const gram of list) {
      const holders = index.get(gram);
      if (holders) for (const q of holders) counts[q][l]++;
    }
  });
  return counts;
}

/** The Jaccard similarity of two sets of these sizes sharing `shared` members. */
export function jaccardOfCounts(shared: number, sizeA: number, sizeB: number): number {
  return sizeA === 0 || sizeB === 0 ? 0 : shared / (sizeA + sizeB - shared);
}
