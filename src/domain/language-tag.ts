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
