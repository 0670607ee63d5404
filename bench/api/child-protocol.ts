import type { CorpusSize } from "./corpus-spec";
import type { GatewayLaunch } from "./gateway-server";

/** Which server a bench child runs. */
export type ServerKind = "bare" | "apollo" | "gateway";

/** What a child is started with (as JSON in its first argument). */
export interface ChildSpec {
  kind: ServerKind;
  corpus: CorpusSize;
  /** The run's start: the child regenerates the same corpus (or views) from it. */
  now: number;
  /** For the gateway only. */
  gateway?: GatewayLaunch;
}

/** What the parent asks a child. */
export type ChildCommand = "reset" | "stats" | "flush" | "stop";

/** A command with the id its reply carries. */
export interface ParentMessage {
  id: number;
  command: ChildCommand;
}

/** What a child measured since its last reset. */
export interface ChildStats {
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  rssMb: number;
  heapUsedMb: number;
  statements: number;
}

/** What a child tells the parent. */
export type ChildMessage =
  | { type: "ready"; url: string }
  | { type: "reply"; id: number; stats?: ChildStats }
  | { type: "failed"; id?: number; error: string };
