import { cpus, loadavg } from "node:os";
import { num, type Print } from "../report";
import type { CorpusFigures } from "./corpus-figures";
import type { CorpusSpec } from "./corpus-spec";

/** Prints the machine: CPUs, load average, Node version (other work skews absolute numbers). */
export function printMachine(when: string, print: Print): void {
  const load = loadavg().map((l) => num(l, 2));
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  print(
    `machine at ${when}: ${cpus().length} CPUs (${model}), load average ${load.join(" ")}, ` +
      `Node ${process.version}`,
  );
}

/** Prints what the generated corpus really holds. */
export function printCorpus(spec: CorpusSpec, f: CorpusFigures, ms: number, print: Print): void {
  const pct = (n: number) => `${num((100 * n) / f.articles, 1)}%`;
  print(`\n== corpus (${spec.size}, seeded, generated in ${num(ms)} ms)`);
  print(
    `${num(f.sources)} sources, ${num(f.articles)} articles (${num(f.fullStories)} full stories of ` +
      `${num(f.meanStoryTextBytes / 1024, 1)} KB text, ${num(f.meanStoryHtmlBytes / 1024, 1)} KB HTML on average), ` +
      `published over the last two days`,
  );
  print(
    `${num(f.tagsUsed)} tags, ${spec.tagsPerArticle} per article (the most used on ${pct(f.articles * f.topTagShare)})`,
  );
  print(
    `rare word "${spec.rareWord}" in ${num(f.rareArticles)} articles, common word "${spec.commonWord}" ` +
      `in ${num(f.commonArticles)} (${pct(f.commonArticles)})`,
  );
  print(
    `${num(f.views)} views over the last day on ${num(f.viewedArticles)} articles ` +
      `(the ten most viewed have ${num(100 * f.topTenViewShare, 1)}% of them)`,
  );
}
