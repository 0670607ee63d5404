import { createSourceDirectory } from "../../src/cache/source-directory";
import type { Source } from "../../src/domain/source";
import { countCalls } from "../support/count-calls";

const source = (id: string, name = id) => ({ id, name }) as Source;

describe("source directory", () => {
  function setup() {
    let now = 1_000_000;
    const names = new Map([["s1", "One"]]);
    const store = countCalls({
      getSources: async (ids: readonly string[]) =>
        ids.filter((id) => names.has(id)).map((id) => source(id, names.get(id))),
    });
    const directory = createSourceDirectory({
      store: store.proxy,
      view: (s) => ({ label: s.name }),
      ttlMs: 30_000,
      maxEntries: 100,
      now: () => now,
    });
    return { directory, store, names, pass: (ms: number) => void (now += ms) };
  }

  it("reads a source once, then serves it from memory until its time is up", async () => {
    const { directory, store, names, pass } = setup();
    const first = await directory.get(["s1", "none"]);
    expect(first.get("s1")).toEqual({ label: "One" });
    expect(first.has("none")).toBe(false);
    names.set("s1", "Renamed");
    expect((await directory.get(["s1"])).get("s1")).toBe(first.get("s1"));
    expect(store.total()).toBe(1);
    pass(30_001);
    expect((await directory.get(["s1"])).get("s1")).toEqual({ label: "Renamed" });
    expect(store.total()).toBe(2);
  });

  it("reads a source afresh once it is invalidated", async () => {
    const { directory, names } = setup();
    await directory.get(["s1"]);
    names.set("s1", "Changed");
    directory.invalidate(["s1"]);
    expect((await directory.get(["s1"])).get("s1")).toEqual({ label: "Changed" });
  });
});
