import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { findFreePort } from "../support/redis-server";

const ROOT = join(__dirname, "..", "..");

/** Polls (bounded) until `check` holds. */
async function eventually(check: () => Promise<boolean>, tries = 300): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await delay(100);
  }
  return false;
}

describe("npm start under a process manager", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "newsgate-npm-start-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stops the server too when npm gets SIGTERM (the server is not left behind)", async () => {
    const port = await findFreePort();
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
        LOG_LEVEL: "warn",
        PARSE_THREADS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (d) => (output += String(d)));
    npm.stderr.on("data", (d) => (output += String(d)));
    const exited = once(npm, "exit");
    const answers = () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    try {
      expect(await eventually(answers)).toBe(true);
      npm.kill("SIGTERM");
      await exited;
      expect(await eventually(async () => !(await answers()), 100)).toBe(true);
    } finally {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
    }
    expect(output).toMatch(/GraphQL API at http:\/\/127\.0\.0\.1:\d+\/graphql/);
  }, 90_000);
});
