/** The longest URL accepted, in characters; longer ones are not usable links anywhere. */
export const MAX_URL_LENGTH = 8192;

/** Returns the URL made absolute against `base` when it is http(s), else null (unparseable, `mailto:`, ...). */
export function resolveUrl(url: string | null | undefined, base?: string | null): string | null {
  const parsed = parseHttpUrl(url, base);
  return parsed ? parsed.href : null;
}

/** Returns the parsed absolute http(s) URL, or null when it does not parse, has another scheme or is too long. */
export function parseHttpUrl(url: string | null | undefined, base?: string | null): URL | null {
  const text = url?.trim();
  if (!text || text.length > MAX_URL_LENGTH) return null;
  try {
    const parsed = new URL(text, base ?? undefined);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed : null;
  } catch {
    return null;
  }
}
