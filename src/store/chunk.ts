/** Largest id list bound in one statement, well under SQLite's parameter limit. */
export const ID_CHUNK_SIZE = 500;

/** Splits `items` into consecutive slices of at most `size` elements. */
export function chunk<T>(items: readonly T[], size: number = ID_CHUNK_SIZE): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}
