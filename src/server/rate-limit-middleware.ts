import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import type { ClientLimits, RateClient } from "./client-limits";
import { rateLimitedBody, rateLimitedError } from "./rate-limited-error";

/** Units every /graphql request costs on arrival, also one the response cache answers. */
export const ARRIVAL_COST = 1;

/**
 * An Express middleware that charges each request its arrival cost before anything else reads
 * it, refuses an over-budget client with 429, `Retry-After` and `RATE_LIMITED`, and leaves who
 * was charged in `res.locals.rateClient` for {@link chargeOperation}.
 */
export function rateLimitMiddleware(
  limits: ClientLimits,
  addressOf: (req: IncomingMessage) => string,
): RequestHandler {
  return (req, res, next) => {
    const client = limits.identify(req.headers.authorization, addressOf(req));
    limits.charge(client, ARRIVAL_COST).then((charge) => {
      if (charge !== null && !charge.allowed) {
        res
          .writeHead(429, {
            "content-type": "application/json; charset=utf-8",
            "retry-after": String(charge.retryAfterSeconds),
          })
          .end(rateLimitedBody(charge.retryAfterSeconds));
        return;
      }
      res.locals.rateClient = client;
      next();
    }, next);
  };
}

/**
 * Charges an operation about to execute the rest of its estimated cost (its arrival was paid);
 * throws `RATE_LIMITED` when the client's budget does not cover it.
 */
export async function chargeOperation(
  limits: ClientLimits,
  client: RateClient | null,
  cost: number,
  over: "http" | "socket",
): Promise<void> {
  const paid = over === "http" ? ARRIVAL_COST : 0;
  if (client === null || cost <= paid) return;
  const charge = await limits.charge(client, cost, paid);
  if (charge !== null && !charge.allowed) throw rateLimitedError(charge.retryAfterSeconds, over);
}
