import { createBatchSingleFlight } from "../../src/cache/single-flight";

describe("batch single flight", () => {
  it("loads each id once however many callers ask for it at the same time", async () => {
    const flight = createBatchSingleFlight<string>();
    const loads: string[][] = [];
    const load = async (ids: string[]) => {
      loads.push(ids);
      await new Promise((r) => setTimeout(r, 5));
      return new Map(ids.filter((id) => id !== "gone").map((id) => [id, `v-${id}`]));
    };
    const answers = await Promise.all([
      ...Array.from({ length: 500 }, () => flight(["a"], load)),
      flight(["a", "b", "gone"], load),
    ]);
    expect(loads).toEqual([["a"], ["b", "gone"]]);
    expect(answers[0]).toEqual(new Map([["a", "v-a"]]));
    expect(answers[500]).toEqual(
      new Map([
        ["a", "v-a"],
        ["b", "v-b"],
      ]),
    );
  });

  it("loads again once a flight has landed, and shares a failure with its waiters only", async () => {
    const flight = createBatchSingleFlight<string>();
    let calls = 0;
    const failing = async (): Promise<Map<string, string>> => {
      calls++;
      throw new Error("store down");
    };
    await expect(Promise.all([flight(["x"], failing), flight(["x"], failing)])).rejects.toThrow(
      "store down",
    );
    expect(calls).toBe(1);
    const ok = await flight(["x"], async (ids) => new Map(ids.map((id) => [id, "back"])));
    expect(ok.get("x")).toBe("back");
  });
});
