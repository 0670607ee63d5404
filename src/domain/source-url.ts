import { canonicalizeUrl } from "./canonical-url";

/** Thrown when a source cannot be declared as given; the message is one line and says why. */
export class SourceInputError extends Error {
  override readonly name: string = "SourceInputError";
}

/** Raised for a source id that names no declared source. */
export class SourceNotFoundError extends SourceInputError {
  override readonly name = "SourceNotFoundError";
  constructor(id: string) {
    super(`no source "${id}"`);
  }
}

/**
 * Returns the URL of a source declared outside the config file (command line, OPML): an absolute
 * http(s) URL with a host and no credentials, normalized. Throws SourceInputError otherwise.
 */
export function parseSourceUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new SourceInputError(`not a URL: "${trimmed}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SourceInputError(`not an http(s) URL: "${url.protocol}" is not allowed`);
  }
  if (!url.hostname) throw new SourceInputError("not an http(s) URL: no host");
  if (url.username || url.password) {
    throw new SourceInputError("credentials in the URL are not supported");
  }
  return url.href;
}

/** Returns the key two source URLs share when they name the same feed (canonical form). */
export function sourceUrlKey(url: string): string {
  return canonicalizeUrl(url) ?? url;
}
