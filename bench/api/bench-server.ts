/** A server running in a bench child, as the child's message loop drives it. */
export interface BenchServer {
  url: string;
  /** SQL statements since the last reset (0 for servers without a store). */
  statements(): number;
  resetCounters(): void;
  /** Drops every cached value (a no-op for servers without a cache). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** A started baseline server and how to stop it. */
export interface StartedServer {
  url: string;
  stop(): Promise<void>;
}
