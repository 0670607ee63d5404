import type { PageCase } from "../../../bench/eval/page-case";
import type { PageOutcome } from "../../../bench/eval/page-outcome";
import { emptyReading, type PageReading } from "../../../bench/eval/page-reading";
import { scorePage } from "../../../bench/eval/score-page";
import { metaMisses, tallyMeta } from "../../../bench/eval/summarize-meta";
import { isLostStory, meanTextScore, worstPages } from "../../../bench/eval/summarize-pages";

const STORY = "the council voted on tuesday to close the old bridge for repairs";

function page(name: string, extra: Partial<PageCase> = {}): PageCase {
  return { suite: "s", name, url: "https://example.org/", path: "/dev/null", ...extra };
}

function reading(text: string, meta: Partial<PageReading> = {}): PageReading {
  return { ...emptyReading(""), note: null, text, ...meta };
}

function outcome(p: PageCase, ours: PageReading, theirs: PageReading): PageOutcome {
  return { page: p, by: { newsgate: scorePage(p, ours), readability: scorePage(p, theirs) } };
}

describe("page scores", () => {
  const textPage = page("text", { expectedText: STORY });
  const good = outcome(textPage, reading(STORY), reading(STORY));
  const lost = outcome(
    page("lost", { expectedText: STORY }),
    emptyReading("read as listing"),
    reading(STORY),
  );

  it("scores a page by text F1, else by its own snippet F1", () => {
    expect(good.by.newsgate.score).toBe(1);
    const snippetPage = page("snip", { snippets: { with: ["old bridge"], without: ["Menu"] } });
    const scored = scorePage(snippetPage, reading(`${STORY} Menu`));
    expect(scored.snippets).toEqual({ tp: 1, fn: 0, fp: 1, tn: 0 });
    expect(scored.score).toBeCloseTo(2 / 3);
  });

  it("averages text scores per page", () => {
    expect(meanTextScore([good, lost], "newsgate")).toEqual({
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      pages: 2,
    });
    expect(meanTextScore([good, lost], "readability").f1).toBe(1);
  });

  it("counts a story lost when Readability finds it and newsgate gives nothing", () => {
    expect(isLostStory(lost)).toBe(true);
    expect(isLostStory(good)).toBe(false);
    const bothEmpty = outcome(page("e", { expectedText: STORY }), reading(""), reading(""));
    expect(isLostStory(bothEmpty)).toBe(false);
  });

  it("lists the worst pages first", () => {
    expect(worstPages([good, lost], 1).map((o) => o.page.name)).toEqual(["lost"]);
  });

  it("tallies metadata fields over the pages that expect them and lists the misses", () => {
    const metaPage = page("m", {
      meta: { title: "Bridge closes", author: null, published: "2020-05-01" },
    });
    const o = outcome(
      metaPage,
      reading("", { title: "Bridge Closes", published: Date.UTC(2020, 4, 2, 12) }),
      reading("", { title: "Bridge closes" }),
    );
    expect(tallyMeta([o], "newsgate").filter((t) => t.expected > 0)).toEqual([
      { field: "title", expected: 1, matched: 1, exact: 0 },
      { field: "published", expected: 1, matched: 0, exact: 0 },
    ]);
    expect(metaMisses([o], "newsgate")).toEqual([
      { page: "m", field: "published", expected: "2020-05-01", found: "2020-05-02T12:00:00.000Z" },
    ]);
  });
});
