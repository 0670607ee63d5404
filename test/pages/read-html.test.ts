import { readHtml } from "../../src/pages/read-html";

describe("readHtml", () => {
  it("reads 200,000 character references in a paragraph as one text node", () => {
    const document = readHtml(`<html><body><p>${"&#65;".repeat(200_000)}</p></body></html>`);
    const paragraph = document.querySelector("p")!;
    expect(paragraph.childNodes).toHaveLength(1);
    expect(paragraph.textContent).toBe("A".repeat(200_000));
  });
});
