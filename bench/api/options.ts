import { parseArgs } from "node:util";
import type { Print } from "../report";
import type { CorpusSize } from "./corpus-spec";
import { TARGET_KEYS, type TargetKey } from "./targets";
import { WORKLOAD_KEYS, type WorkloadKey } from "./workloads";

/** Everything a run of the API bench is told. */
export interface ApiBenchOptions {
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  concurrency: number[];
  corpus: CorpusSize;
  targets: TargetKey[];
  workloads: WorkloadKey[];
  /** TEST_DATABASE_URL: where the postgres target creates its database; null leaves it out. */
  postgresUrl: string | null;
  /** The compiled child script (dist/bench/api/server-child.js). */
  childScript: string;
  print: Print;
}

/** The defaults: a full run, every target the machine can run, every workload. */
export function defaultOptions(postgresUrl: string | null, childScript: string): ApiBenchOptions {
  return {
    seconds: 5,
    rounds: 3,
    warmupSeconds: 1,
    concurrency: [10, 50],
    corpus: "full",
    targets: TARGET_KEYS.filter((t) => t !== "postgres-redis" || postgresUrl !== null),
    workloads: [...WORKLOAD_KEYS],
    postgresUrl,
    childScript,
    print: console.log,
  };
}

const USAGE =
  "usage: npm run bench:api -- [--seconds N] [--rounds N] [--warmup N] [--targets a,b] " +
  "[--workloads a,b] [--concurrency 10,50] [--corpus full|small] [--quick]\n" +
  `  targets: ${TARGET_KEYS.join(", ")}\n  workloads: ${WORKLOAD_KEYS.join(", ")}`;

/** Reads the command line into options over the defaults; throws with the usage when wrong. */
export function parseApiBenchArgs(argv: string[], defaults: ApiBenchOptions): ApiBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      targets: { type: "string" },
      workloads: { type: "string" },
      concurrency: { type: "string" },
      corpus: { type: "string" },
      quick: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) throw new Error(USAGE);
  const quick: Partial<ApiBenchOptions> = values.quick
    ? { corpus: "small", rounds: 1, seconds: 1, warmupSeconds: 0.5, concurrency: [10] }
    : {};
  const opts = { ...defaults, ...quick };
  if (values.seconds) opts.seconds = positive("--seconds", values.seconds);
  if (values.rounds) opts.rounds = Math.round(positive("--rounds", values.rounds));
  if (values.warmup) opts.warmupSeconds = Number(values.warmup);
  if (values.concurrency)
    opts.concurrency = list(values.concurrency).map((c) =>
      Math.round(positive("--concurrency", c)),
    );
  if (values.corpus) opts.corpus = oneOf("--corpus", values.corpus, ["full", "small"] as const);
  if (values.targets)
    opts.targets = list(values.targets).map((t) => oneOf("--targets", t, TARGET_KEYS));
  if (values.workloads)
    opts.workloads = list(values.workloads).map((w) => oneOf("--workloads", w, WORKLOAD_KEYS));
  if (opts.targets.includes("postgres-redis") && !opts.postgresUrl) {
    throw new Error("--targets postgres-redis needs TEST_DATABASE_URL (a PostgreSQL server URL)");
  }
  return opts;
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name}: expected a positive number, got "${value}"\n${USAGE}`);
  return n;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name}: unknown "${value}" (one of ${allowed.join(", ")})`);
}
