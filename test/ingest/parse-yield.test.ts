import { parseDocument } from "../../src/ingest/parse-document";

const para = '<p>A paragraph with <a href="/x">a link</a> and <em>emphasis</em>.</p>';

function feedOf(items: number, contentChars: number): string {
  const content = para.repeat(Math.ceil(contentChars / para.length));
  const item = (i: number) =>
    `<item><guid>g${i}</guid><title>Item ${i}</title><link>https://e.example/${i}</link>` +
    `<description><![CDATA[${content}]]></description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://e.example/</link>${Array.from({ length: items }, (_, i) => item(i)).join("")}</channel></rss>`;
}

/** Whether the event loop got a turn (a setImmediate callback ran) while `work` was under way. */
async function loopTurnedDuring(work: () => Promise<unknown>): Promise<boolean> {
  let turned = false;
  const handle = setImmediate(() => (turned = true));
  await work();
  clearImmediate(handle);
  return turned;
}

describe("parseDocument and the event loop", () => {
  it("gives the event loop turns while it reads a large feed", async () => {
    const large = feedOf(20, 100_000);
    expect(
      await loopTurnedDuring(() => parseDocument(large, { url: "https://e.example/f", now: 0 })),
    ).toBe(true);
  });

  it("reads a small feed in one go", async () => {
    const small = feedOf(3, 500);
    expect(
      await loopTurnedDuring(() => parseDocument(small, { url: "https://e.example/f", now: 0 })),
    ).toBe(false);
  });
});
