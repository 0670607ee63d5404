import { createCacheKeys } from "../../src/cache/cache-keys";

describe("cache keys", () => {
  it("starts every key with the default prefix ng:", () => {
    const keys = createCacheKeys();
    const all = [keys.card("a1"), keys.generation("articles"), keys.headlines(3, "abc")];
    for (const key of all) expect(key.startsWith("ng:")).toBe(true);
  });

  it("starts every key with a configured prefix", () => {
    const keys = createCacheKeys("test-7:");
    expect(keys.card("a1")).toBe("test-7:c:card:v1:a1");
    expect(keys.generation("articles").startsWith("test-7:")).toBe(true);
    expect(keys.headlines(1, "q").startsWith("test-7:")).toBe(true);
  });

  it("puts the generation and the lists it versions in one cluster hash tag", () => {
    const keys = createCacheKeys();
    const tag = (key: string) => /\{([^}]*)\}/.exec(key)?.[1];
    expect(tag(keys.generation("articles"))).toBe("lists");
    expect(tag(keys.headlines(5, "q"))).toBe("lists");
  });

  it("leaves card keys untagged so they spread over a cluster", () => {
    expect(createCacheKeys().card("x")).not.toMatch(/[{}]/);
  });

  it("includes the generation in headline keys, so a bump makes old lists unreachable", () => {
    const keys = createCacheKeys();
    expect(keys.headlines(1, "q")).not.toBe(keys.headlines(2, "q"));
  });

  it("hashes equal queries equally whatever the key order", () => {
    const { hashQuery } = createCacheKeys();
    const a = hashQuery({ first: 20, filter: { tags: ["x", "y"], language: "en" } });
    const b = hashQuery({ filter: { language: "en", tags: ["x", "y"] }, first: 20 });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it("hashes different queries differently, including array order", () => {
    const { hashQuery } = createCacheKeys();
    expect(hashQuery({ tags: ["x", "y"] })).not.toBe(hashQuery({ tags: ["y", "x"] }));
    expect(hashQuery({ first: 20 })).not.toBe(hashQuery({ first: 21 }));
  });

  it("ignores undefined fields as JSON does", () => {
    const { hashQuery } = createCacheKeys();
    expect(hashQuery({ first: 20, after: undefined })).toBe(hashQuery({ first: 20 }));
  });
});
