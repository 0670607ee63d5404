/** What a source id must look like (the config file and the command line agree). */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

// Leaves room for a `-NNN` suffix within the 64 characters of an id.
const MAX_BASE_LENGTH = 56;

/**
 * Returns a source id slug from the title (`Ars Technica` → `ars-technica`), else from the URL's
 * host without `www.` (`feeds.example.com` → `feeds-example-com`), else `source`.
 */
export function deriveSourceId(title: string, url: string): string {
  return asciiSlug(title) || asciiSlug(hostOf(url).replace(/^www\./, "")) || "source";
}

/** Returns `base` when it is free, else the first free `base-2`, `base-3`, ... */
export function uniqueSourceId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function asciiSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, "");
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}
