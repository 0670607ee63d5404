import { type ApiBenchResult, runApiBench } from "../../bench/api.bench";
import { TARGETS } from "../../bench/api/targets";
import { WORKLOAD_KEYS } from "../../bench/api/workloads";
import { builtBenchChild } from "../support/built";

// The bench on the small corpus, one short round at c=2: what must hold whatever the speed.
// No timing is asserted. Postgres runs only when TEST_DATABASE_URL is set.
describe("npm run bench:api (smoke: small corpus, 1 round of 1 s, c=2)", () => {
  const printed: string[] = [];
  let result: ApiBenchResult;

  beforeAll(async () => {
    result = await runApiBench({
      corpus: "small",
      rounds: 1,
      seconds: 1,
      warmupSeconds: 0,
      concurrency: [2],
      childScript: builtBenchChild(),
      print: (line) => printed.push(line),
    });
  }, 150_000);

  const expectedTargets = () =>
    TARGETS.filter((t) => t.key !== "postgres-redis" || !!process.env.TEST_DATABASE_URL);

  it("runs every target on every workload it serves", () => {
    for (const target of expectedTargets()) {
      const workloads = new Set(
        result.samples.filter((s) => s.target === target.key).map((s) => s.workload),
      );
      const expected = target.headlinesOnly
        ? ["headlines-5", "headlines-50", "headlines-100"]
        : [...WORKLOAD_KEYS];
      expect([...workloads].sort()).toEqual([...expected].sort());
    }
  });

  it("gets 2xx replies only, without GraphQL errors, connection errors or timeouts", () => {
    for (const sample of [...result.samples, ...result.colds]) {
      const { requests, non2xx, errors, timeouts, graphqlErrors } = sample.load;
      expect({ target: sample.target, requests: requests > 0 }).toEqual({
        target: sample.target,
        requests: true,
      });
      expect({ target: sample.target, non2xx, errors, timeouts, graphqlErrors }).toEqual({
        target: sample.target,
        non2xx: 0,
        errors: 0,
        timeouts: 0,
        graphqlErrors: 0,
      });
    }
  });

  it("prints a table row for each target, workload and concurrency", () => {
    const [header, ...rows] = result.rows;
    expect(header.slice(0, 3)).toEqual(["target", "workload", "c"]);
    const keys = rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`).sort();
    const expected = result.samples.map((s) => {
      const label = TARGETS.find((t) => t.key === s.target)?.label;
      return `${label}|${s.workload}|2`;
    });
    expect(keys).toEqual([...new Set(expected)].sort());
    expect(printed.join("\n")).toContain("== targets (printed, never asserted)");
  });

  it("measures a cold run on every gateway target", () => {
    const gateways = expectedTargets().filter((t) => t.kind === "gateway");
    expect(result.colds.map((c) => c.target).sort()).toEqual(gateways.map((t) => t.key).sort());
  });

  it("leaves no child process or redis-server running", () => {
    const children = result.processes.filter((p) => !p.label.startsWith("redis-server"));
    const redis = result.processes.filter((p) => p.label.startsWith("redis-server"));
    expect(children).toHaveLength(expectedTargets().length);
    expect(redis).toHaveLength(expectedTargets().filter((t) => t.redis).length);
    for (const { label, pid } of result.processes) {
      expect({ label, running: isRunning(pid) }).toEqual({ label, running: false });
    }
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
