/** Returns the language tag in canonical BCP 47 case (`en_us` → `en-US`), or null when blank or invalid. */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  const text = tag?.trim().replace(/_/g, "-");
  if (!text) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether an article in `language` is in the language asked for (both canonical): the same
 * tag, or, when a bare language is asked for, any regional form of it (`en` takes `en-GB`).
 */
export function matchesLanguage(asked: string, language: string | null): boolean {
  if (language === null) return false;
  return language === asked || (!asked.includes("-") && language.startsWith(`${asked}-`));
}
