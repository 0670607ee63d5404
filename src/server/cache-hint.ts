import type { CacheScope } from "../cache/generations";

/**
 * How long a part of a response may be reused, and what it reads: a response lives as long as
 * its least fresh part and is retired when any generation it read is bumped.
 */
export interface CacheHint {
  /** Seconds the part stays fresh; 0 keeps the whole response out of the cache. */
  maxAge?: number;
  /** What the part is made of. */
  reads?: readonly CacheScope[];
}

/** The policy a whole response gets: the tightest of its parts' hints. */
export interface ResponsePolicy {
  maxAge: number;
  reads: Set<CacheScope>;
}

/** The extensions key a hint is kept under on schema fields and types. */
export const CACHE_HINT_EXTENSION = "cacheHint";

/** A policy with nothing read yet, fresh for `maxAge` seconds. */
export function openPolicy(maxAge: number): ResponsePolicy {
  return { maxAge, reads: new Set() };
}

/** Tightens a policy by a hint: the lower max age, and the union of what is read. */
export function restrictPolicy(policy: ResponsePolicy, hint: CacheHint | undefined): void {
  if (hint === undefined) return;
  if (hint.maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
  for (const scope of hint.reads ?? []) policy.reads.add(scope);
}

/** The hint kept in a schema element's extensions, if any. */
export function hintOf(extensions: Readonly<Record<string, unknown>> | null | undefined) {
  return extensions?.[CACHE_HINT_EXTENSION] as CacheHint | undefined;
}
