import type { ServerKind } from "./child-protocol";
import type { Workload } from "./workloads";

/** The names of the targets, in the order each round visits them. */
export const TARGET_KEYS = [
  "bare",
  "apollo",
  "sqlite-memory",
  "sqlite-uncached",
  "sqlite-redis",
  "postgres-redis",
] as const;

/** One target's name. */
export type TargetKey = (typeof TARGET_KEYS)[number];

/** A server the bench measures, and what it runs on. */
export interface TargetDef {
  key: TargetKey;
  label: string;
  kind: ServerKind;
  store: "sqlite" | "postgres" | null;
  redis: boolean;
  /** Extra environment for the gateway. */
  env: Record<string, string>;
  /** Runs only the workloads the baselines serve (the headline pages). */
  headlinesOnly: boolean;
}

const BASELINE = { store: null, redis: false, env: {}, headlinesOnly: true } as const;
const GATEWAY = { kind: "gateway", env: {}, headlinesOnly: false } as const;

/** Every target, in order. */
export const TARGETS: readonly TargetDef[] = [
  { key: "bare", label: "bare graphql-js", kind: "bare", ...BASELINE },
  { key: "apollo", label: "apollo + type-graphql", kind: "apollo", ...BASELINE },
  { key: "sqlite-memory", label: "sqlite + memory", ...GATEWAY, store: "sqlite", redis: false },
  {
    key: "sqlite-uncached",
    label: "sqlite + memory, uncached",
    ...GATEWAY,
    store: "sqlite",
    redis: false,
    // Switches the whole-response cache off once there is one; ignored until then.
    env: { RESPONSE_CACHE: "false" },
    // Its point is the headline pages against bare; the rest would add minutes, not answers.
    headlinesOnly: true,
  },
  { key: "sqlite-redis", label: "sqlite + redis", ...GATEWAY, store: "sqlite", redis: true },
  { key: "postgres-redis", label: "postgres + redis", ...GATEWAY, store: "postgres", redis: true },
];

/** Whether the target runs this workload. */
export function serves(target: TargetDef, workload: Workload): boolean {
  return workload.baseline || !target.headlinesOnly;
}

/** The label of a target key. */
export function targetLabel(key: TargetKey): string {
  return TARGETS.find((t) => t.key === key)?.label ?? key;
}
