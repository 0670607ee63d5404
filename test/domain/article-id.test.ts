import { createHash } from "node:crypto";
import { articleId } from "../../src/domain/article-id";

const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

describe("articleId", () => {
  it("hashes the source id and the guid when there is a guid", () => {
    const id = articleId({ sourceId: "wn", guid: "g-1", url: "https://e.com/a", title: "T" });
    expect(id).toBe(sha("wn\ng-1"));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("hashes the canonical url when there is no guid", () => {
    expect(articleId({ sourceId: "wn", guid: null, url: "https://e.com/a", title: "T" })).toBe(
      sha("https://e.com/a"),
    );
  });

  it("hashes the source id and the title when there is neither guid nor url", () => {
    expect(articleId({ sourceId: "wn", guid: null, url: null, title: "T" })).toBe(sha("wn\nT"));
  });

  it("adds the published date to the title when there is one, so reruns of a title differ", () => {
    const at = Date.parse("2026-02-04T10:00:00Z");
    expect(articleId({ sourceId: "wn", guid: null, url: null, title: "T", date: at })).toBe(
      sha(`wn\nT\n${at}`),
    );
    expect(articleId({ sourceId: "wn", guid: null, url: null, title: "T", date: null })).toBe(
      sha("wn\nT"),
    );
  });

  it("ignores the date when there is a guid or a url", () => {
    const at = Date.parse("2026-02-04T10:00:00Z");
    expect(articleId({ sourceId: "wn", guid: "g", url: null, title: "T", date: at })).toBe(
      sha("wn\ng"),
    );
  });

  it("gives the same guid different ids in different sources", () => {
    const a = articleId({ sourceId: "a", guid: "1", url: null, title: "" });
    const b = articleId({ sourceId: "b", guid: "1", url: null, title: "" });
    expect(a).not.toBe(b);
  });
});
