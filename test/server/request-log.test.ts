import { Writable } from "node:stream";
import pino from "pino";
import { startServer, type Running } from "../../src/main";
import { testConfig } from "../support/test-config";

describe("one log line per /graphql request", () => {
  const lines: Record<string, unknown>[] = [];
  let running: Running;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    running = await startServer(testConfig(), pino({ level: "info" }, sink));
  });
  afterAll(() => running.stop());

  const post = (body: object) =>
    fetch(running.url!, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
      body: JSON.stringify(body),
    });

  it("says the operation, status, duration, cost, cache outcome and client", async () => {
    const query = "query Front { headlines(first: 5) { totalCount } }";
    await post({ query, operationName: "Front" });
    await post({ query, operationName: "Front" });
    await post({ query: "query Broken { nope }", operationName: "Broken" });
    const logged = lines.filter((l) => l.msg === "request");
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({
      operation: "Front",
      status: 200,
      cache: "miss",
      client: "127.0.0.1",
    });
    expect(logged[0].cost).toEqual(expect.any(Number));
    expect(logged[0].ms).toEqual(expect.any(Number));
    // Served from the response cache: not executed, so no cost.
    expect(logged[1]).toMatchObject({ operation: "Front", status: 200, cache: "hit", cost: null });
    expect(logged[2]).toMatchObject({ operation: "Broken", status: 400, cost: null });
  });
});
