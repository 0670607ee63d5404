/** Elements that label a story (kicker, category, section) rather than tell it. */
export const LABEL_SELECTOR =
  '[class*="kicker"], [class*="category"], [class*="eyebrow"], [class*="overline"], [class*="section-label"]';
