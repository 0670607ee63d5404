import { GraphQLError } from "graphql";
import { type StoreFault, StoreUnavailableError } from "../store/store-unavailable-error";

/** The code of errors the store's state caused (busy, timeouts, read-only, disk full). */
export const STORE_UNAVAILABLE_CODE = "STORE_UNAVAILABLE";

/** The error a client gets when the store cannot serve a call now; `fault` says why, if known. */
export function storeUnavailableError(fault?: StoreFault): GraphQLError {
  return new GraphQLError("The store cannot take this request right now; try again shortly.", {
    extensions: { code: STORE_UNAVAILABLE_CODE, ...(fault ? { fault } : {}) },
  });
}

/** The StoreUnavailableError behind a resolver's error (however wrapped), if there is one. */
export function findStoreUnavailable(error: unknown): StoreUnavailableError | null {
  for (let e = error, depth = 0; e != null && depth < 5; depth++) {
    if (e instanceof StoreUnavailableError) return e;
    e = (e as { originalError?: unknown }).originalError;
  }
  return null;
}
