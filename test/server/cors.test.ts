import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { testConfig } from "../support/test-config";

const APP = "https://app.news.example";

describe("CORS_ORIGINS", () => {
  it("takes a list of origins or *, and refuses paths, other schemes and * with credentials", () => {
    const load = (env: Record<string, string>) => loadConfig(env, { cwd: "/nonexistent" });
    expect(load({ CORS_ORIGINS: `${APP}, http://localhost:3000/` }).cors).toEqual({
      origins: [APP, "http://localhost:3000"],
      credentials: false,
    });
    expect(load({ CORS_ORIGINS: "*" }).cors).toEqual({ origins: "*", credentials: false });
    expect(load({}).cors).toBeNull();
    expect(() => load({ CORS_ORIGINS: `${APP}/app` })).toThrow(
      /CORS_ORIGINS.*not an origin: write it as https:\/\/app\.news\.example/,
    );
    expect(() => load({ CORS_ORIGINS: "ftp://x.example" })).toThrow(/CORS_ORIGINS/);
    expect(() => load({ CORS_ORIGINS: "*", CORS_CREDENTIALS: "true" })).toThrow(
      /CORS_CREDENTIALS: true needs the origins named/,
    );
  });
});

describe("CORS on /graphql", () => {
  let running: Running;
  beforeAll(async () => {
    running = await startServer(
      testConfig({
        cors: { origins: [APP], credentials: false },
        rateLimit: { anonymous: { perMinute: 60, burst: 3 }, apiKey: null },
      }),
      createLogger({ level: "silent" }),
    );
  });
  afterAll(() => running.stop());

  const preflight = (origin: string) =>
    fetch(running.url!, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });

  it("answers an allowed origin's preflight, and names no other origin", async () => {
    const ok = await preflight(APP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP);
    expect(ok.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(ok.headers.get("access-control-max-age")).toBe("600");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps the CSRF check for a request a browser sends without preflight", async () => {
    const res = await fetch(running.url!, {
      method: "POST",
      headers: { origin: APP, "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it("names the origin on a 429 too, so the app can read why", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const res = await fetch(running.url!, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (res.status === 429) limited = res;
    }
    expect(limited?.headers.get("access-control-allow-origin")).toBe(APP);
    expect(limited?.headers.get("access-control-expose-headers")).toMatch(/retry-after/);
  });
});
