/** Things to undo at the end of a run, last added first; errors are reported, not thrown. */
export interface Cleanup {
  add(label: string, undo: () => Promise<void>): void;
  /** Runs every undo once (later calls wait for the first). */
  run(): Promise<void>;
}

/** Returns an empty cleanup list; `report` hears of an undo that failed. */
export function createCleanup(report: (message: string) => void): Cleanup {
  const steps: { label: string; undo: () => Promise<void> }[] = [];
  let running: Promise<void> | null = null;
  const runAll = async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      await step.undo().catch((error: Error) => report(`cleanup: ${step.label}: ${error.message}`));
    }
  };
  return {
    add: (label, undo) => void steps.push({ label, undo }),
    run: () => (running ??= runAll()),
  };
}

/**
 * Runs the cleanup when the process is interrupted (Ctrl-C, SIGTERM), then exits with 130;
 * returns a function that removes the handlers again.
 */
export function cleanUpOnInterrupt(
  cleanup: Cleanup,
  report: (message: string) => void,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    report(`\n${signal}: stopping servers, dropping databases, removing temp files...`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}
