import { slugifyTag } from "../../src/domain/slugify-tag";
import { tagsFromCategories } from "../../src/domain/tags-from-categories";

describe("slugifyTag", () => {
  it("lower-cases and joins words with hyphens", () => {
    expect(slugifyTag("Data Privacy")).toBe("data-privacy");
  });

  it("strips diacritics", () => {
    expect(slugifyTag("Café Culture")).toBe("cafe-culture");
    expect(slugifyTag("Über Straße")).toBe("uber-straße");
  });

  it("turns runs of other characters into one hyphen and trims hyphens", () => {
    expect(slugifyTag("  Food & Drink!! ")).toBe("food-drink");
    expect(slugifyTag("--C++ / Rust--")).toBe("c-rust");
  });

  it("keeps letters of other scripts", () => {
    expect(slugifyTag("中国 经济")).toBe("中国-经济");
  });

  it("caps the slug at 64 characters without a trailing hyphen", () => {
    const slug = slugifyTag(`${"a".repeat(63)} bcd`);
    expect(slug).toBe("a".repeat(63));
    expect(slugifyTag("x".repeat(100))).toHaveLength(64);
  });

  it("returns an empty slug when nothing is left", () => {
    expect(slugifyTag(" -- !! ")).toBe("");
  });
});

describe("tagsFromCategories", () => {
  it("keeps the trimmed original text as the name and remembers the origin", () => {
    expect(tagsFromCategories(["  Data Privacy "], "feed")).toEqual([
      { slug: "data-privacy", name: "Data Privacy", origin: "feed" },
    ]);
  });

  it("deduplicates by slug, keeping the first spelling", () => {
    expect(
      tagsFromCategories(["Local Business", "local business", "LOCAL-BUSINESS"], "page"),
    ).toEqual([{ slug: "local-business", name: "Local Business", origin: "page" }]);
  });

  it("drops categories whose slug is empty", () => {
    expect(tagsFromCategories(["", "  ", "!!!", "AI"], "feed").map((t) => t.slug)).toEqual(["ai"]);
  });

  it("names a tag by its text, entities decoded", () => {
    expect(tagsFromCategories(["Food &amp; Drink"], "feed")).toEqual([
      { slug: "food-drink", name: "Food & Drink", origin: "feed" },
    ]);
  });

  it("slugs a category from its term and names it by its label (Atom)", () => {
    expect(tagsFromCategories([{ name: "Data Privacy", term: "privacy_data" }], "feed")).toEqual([
      { slug: "privacy-data", name: "Data Privacy", origin: "feed" },
    ]);
  });

  it("slugs a term that is a URL from its last step", () => {
    const category = { name: "Open Source", term: "https://example.com/tags/open%20source/" };
    expect(tagsFromCategories([category], "feed").map((t) => t.slug)).toEqual(["open-source"]);
  });
});
