import type { Rng } from "./prng";

const WORDS = (
  "market government policy report climate energy city council election court health study " +
  "research data privacy security network company shares investors quarter growth inflation " +
  "school students teachers housing prices transport railway airport football league season " +
  "museum festival film music artist science space mission rover telescope ocean storm flood " +
  "drought farmers harvest trade tariffs exports imports minister parliament vote budget tax " +
  "hospital doctors vaccine patients software chips startup funding cloud model robots drivers " +
  "battery electric vehicles bridge tunnel protest union workers wages strike talks agreement " +
  "summit leaders border migration refugees coast island mountain river wildlife forest fire " +
  "café Zürich São naïve résumé Kraków Île-de-France Malmö Düsseldorf Ōsaka"
).split(" ");

const NAMES = [
  "Lena Park",
  "Rosa Díaz",
  "Tom Becker",
  "Amara Okafor",
  "Jonas Lindqvist",
  "Priya Natarajan",
  "Mateo Rossi",
  "Chen Wei",
  "Fatima Zahra",
  "Olivia O'Brien",
  "Kenji Watanabe",
  "Zoë Martin",
];

const TAGS = [
  "World",
  "Politics",
  "Business",
  "Markets",
  "Technology",
  "Science",
  "Health",
  "Climate",
  "Sports",
  "Culture",
  "Data Privacy",
  "AI",
  "Energy",
  "Transport",
  "Education",
  "R&D",
  "Europe",
  "Asia",
  "Local News",
  "Opinion",
];

/** Returns a random person's name (some with non-ASCII letters or apostrophes). */
export function personName(rng: Rng): string {
  return rng.pick(NAMES);
}

/** Returns 0 to `max` distinct category names. */
export function categories(rng: Rng, max: number): string[] {
  const count = rng.int(0, max);
  return [...new Set(Array.from({ length: count }, () => rng.pick(TAGS)))];
}

/** Returns a lower-case word from the vocabulary. */
export function word(rng: Rng): string {
  return rng.pick(WORDS);
}

/** Returns words joined by spaces until the text is at least `min` characters long. */
export function wordsOfLength(rng: Rng, min: number): string {
  let text = word(rng);
  while (text.length < min) text += " " + word(rng);
  return text;
}

/** Returns a capitalized sentence of 6 to 18 words, ending in a full stop. */
export function sentence(rng: Rng): string {
  const text = Array.from({ length: rng.int(6, 18) }, () => word(rng)).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

/** Returns text of `min` to `max` characters, cut at a word boundary. */
export function textBetween(rng: Rng, min: number, max: number, make = sentence): string {
  const target = rng.int(min, max);
  let text = make(rng);
  while (text.length < target) text += " " + make(rng);
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return cut >= min ? text.slice(0, cut) : text.slice(0, max);
}

/** Returns a headline of 40 to 120 characters, sometimes with `&`, quotes or a dash. */
export function headline(rng: Rng): string {
  const base = textBetween(rng, 40, 100, (r) => wordsOfLength(r, 20));
  const flair = rng.pick(["", "", "", " & more", ": “live” updates", " — analysis", " (R&D)"]);
  const text = (base + flair).slice(0, 120).trimEnd();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
