/** The shortest and longest poll interval a source may declare, in seconds. */
export const INTERVAL_BOUNDS_SECONDS = { min: 60, max: 86_400 } as const;

import type { SourceDefinition } from "./source";

/** How a source is polled: every N seconds, on a cron schedule, or adaptively. */
export type SourceSchedule =
  | { kind: "interval"; seconds: number }
  | { kind: "cron"; expression: string }
  | { kind: "adaptive" };

/** The schedule a definition declares: its interval, else its cron expression, else adaptive. */
export function scheduleOf(
  def: Pick<SourceDefinition, "intervalSeconds" | "schedule">,
): SourceSchedule {
  if (def.intervalSeconds != null) return { kind: "interval", seconds: def.intervalSeconds };
  if (def.schedule != null && def.schedule.trim() !== "") {
    return { kind: "cron", expression: def.schedule };
  }
  return { kind: "adaptive" };
}
