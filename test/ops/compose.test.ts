import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_KEYS, loadConfig } from "../../src/config";
import {
  commandText,
  dependenciesOf,
  envOfStage,
  environmentOf,
  execForm,
  publishedPorts,
  readCompose,
  readDockerfileStages,
  repoRoot,
} from "./ops-files";

const compose = readCompose();
const { services } = compose;
const newsgateServices = ["gateway", "worker"] as const;

/** Inside the image the app lives in /app (the Dockerfile's WORKDIR), i.e. the repository root. */
const fromImagePath = (path: string) => path.replace(/^\/app\//, `${repoRoot}/`);

const hasHealthcheck = (name: string) =>
  Boolean(services[name].healthcheck?.test) && !services[name].healthcheck?.disable;

describe("docker-compose.yml", () => {
  it("defines the gateway, worker, redis and postgres services", () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(["gateway", "worker", "redis", "postgres"]),
    );
  });

  it("publishes the gateway's API on host port 4000", () => {
    expect(publishedPorts(services.gateway)).toContain(4000);
    expect(environmentOf(services.gateway).PORT ?? "4000").toBe("4000");
  });

  it("runs serve on the gateway and worker on the worker, both from the image built here", () => {
    expect(commandText(services.gateway.command)).toBe("serve");
    expect(commandText(services.worker.command)).toBe("worker");
    for (const name of newsgateServices) {
      expect(services[name].build).toBeDefined();
      expect(services[name].image).toBe(services.gateway.image);
    }
  });

  it.each(newsgateServices)("gives %s only environment keys that newsgate reads", (name) => {
    const unknown = Object.keys(environmentOf(services[name])).filter(
      (key) => !CONFIG_KEYS.includes(key),
    );
    expect(unknown).toEqual([]);
  });

  it.each(newsgateServices)("runs %s in production, listening on all interfaces", (name) => {
    const env = environmentOf(services[name]);
    expect(env.NODE_ENV).toBe("production");
    expect(env.HOST).toBe("0.0.0.0");
  });

  it("keeps the scheduler off in the gateway, so only workers fetch", () => {
    expect(environmentOf(services.gateway).SCHEDULER_ENABLED).toBe("false");
    expect(environmentOf(services.worker).SCHEDULER_ENABLED ?? "true").toBe("true");
  });

  it.each(newsgateServices)("points %s's DATABASE_URL at the postgres service", (name) => {
    const url = new URL(environmentOf(services[name]).DATABASE_URL);
    const pg = environmentOf(services.postgres);
    expect(url.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url.hostname).toBe("postgres");
    expect(url.port || "5432").toBe("5432");
    expect(url.username).toBe(pg.POSTGRES_USER);
    expect(url.password).toBe(pg.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
  });

  it.each(newsgateServices)("points %s's REDIS_URL at the redis service", (name) => {
    const url = new URL(environmentOf(services[name]).REDIS_URL);
    expect(url.protocol).toBe("redis:");
    expect(url.hostname).toBe("redis");
    expect(url.port || "6379").toBe("6379");
  });

  it("waits only for services that exist and have a healthcheck, until they are healthy", () => {
    const problems = Object.entries(services).flatMap(([name, service]) =>
      dependenciesOf(service).flatMap(({ name: dep, condition }) => {
        if (!(dep in services)) return [`${name} depends on ${dep}, which is not a service`];
        if (!hasHealthcheck(dep)) return [`${name} waits for ${dep}: no healthcheck`];
        if (condition !== "service_healthy") return [`${name} starts before ${dep} is healthy`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it.each(newsgateServices)("starts %s after postgres and redis", (name) => {
    const deps = dependenciesOf(services[name]).map((d) => d.name);
    expect(deps.sort()).toEqual(["postgres", "redis"]);
  });

  it("gives every service an enabled healthcheck", () => {
    expect(Object.keys(services).filter((name) => !hasHealthcheck(name))).toEqual([]);
  });

  it("checks the gateway's readiness on /readyz with node's fetch (the image has no curl)", () => {
    const test = commandText(services.gateway.healthcheck?.test);
    expect(test).toMatch(/^CMD node -e /);
    expect(test).toContain("fetch(");
    expect(test).toContain(":4000/readyz");
  });

  it("checks redis with redis-cli ping and postgres with pg_isready for the newsgate user", () => {
    expect(commandText(services.redis.healthcheck?.test)).toContain("redis-cli ping");
    expect(commandText(services.postgres.healthcheck?.test)).toContain("pg_isready -U newsgate");
  });

  it("runs redis as a bounded cache that evicts least recently used keys", () => {
    expect(services.redis.image).toBe("redis:7-alpine");
    const command = commandText(services.redis.command);
    expect(command).toContain("--maxmemory 256mb");
    expect(command).toContain("--maxmemory-policy allkeys-lru");
  });

  it("keeps postgres data in a named volume", () => {
    expect(services.postgres.image).toBe("postgres:16-alpine");
    const mounts = (services.postgres.volumes ?? []).map(String);
    const named = mounts.find((m) => m.endsWith(":/var/lib/postgresql/data"))?.split(":")[0];
    expect(named).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(named);
  });

  it.each(newsgateServices)("gives %s an environment that loadConfig accepts", (name) => {
    const env = environmentOf(services[name]);
    const configFile = env.NEWSGATE_CONFIG && fromImagePath(env.NEWSGATE_CONFIG);
    if (configFile) expect(existsSync(configFile)).toBe(true);

    const config = loadConfig(
      { ...env, NEWSGATE_CONFIG: configFile },
      { cwd: repoRoot, packageRoot: repoRoot },
    );

    expect(config.env).toBe("production");
    expect(config.databaseUrl).toMatch(/^postgres:\/\//);
    expect(config.redisUrl).toMatch(/^redis:\/\//);
    expect(config.scheduler.enabled).toBe(name === "worker");
    expect(config.sources.length).toBeGreaterThanOrEqual(3);
    for (const source of config.sources) {
      expect(existsSync(fileURLToPath(source.url))).toBe(true);
    }
  });
});

describe("Dockerfile", () => {
  const stages = readDockerfileStages();
  const runtime = stages.at(-1) ?? [];
  const argsOf = (keyword: string, stage = runtime) =>
    stage.filter((i) => i.keyword === keyword).map((i) => i.args);

  it("builds in one stage and runs from another, both on node:20-bookworm-slim", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0].args).toMatch(/^node:20-bookworm-slim\b/);
  });

  it("installs the tools better-sqlite3 compiles with in the build stage, not at runtime", () => {
    const build = stages[0].map((i) => i.args).join("\n");
    expect(build).toMatch(/apt-get install[^\n]*\bpython3\b[^\n]*\bmake\b[^\n]*\bg\+\+/);
    expect(argsOf("RUN").join("\n")).not.toContain("apt-get install");
  });

  it("builds with npm ci and npm run build, then prunes dev dependencies", () => {
    const runs = argsOf("RUN", stages[0]).join("\n");
    expect(runs).toContain("npm ci");
    expect(runs).toContain("npm run build");
    expect(runs).toContain("npm prune --omit=dev");
  });

  it("starts bin/newsgate.js serve by default", () => {
    expect(argsOf("ENTRYPOINT").map(execForm)).toEqual([["node", "bin/newsgate.js"]]);
    expect(argsOf("CMD").map(execForm)).toEqual([["serve"]]);
  });

  it("runs as the node user in production mode, listening on all interfaces", () => {
    expect(argsOf("USER")).toEqual(["node"]);
    expect(envOfStage(runtime)).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0" });
  });

  it("works in /app, where the compose file's NEWSGATE_CONFIG points", () => {
    expect(argsOf("WORKDIR")).toEqual(["/app"]);
    for (const name of newsgateServices) {
      expect(environmentOf(services[name]).NEWSGATE_CONFIG).toMatch(/^\/app\//);
    }
  });

  it("copies only the compiled app, its production dependencies and the examples to runtime", () => {
    const copied = argsOf("COPY").map((args) => args.split(" ").at(-1)?.replace(/^\.\//, ""));
    expect(copied.sort()).toEqual(["bin", "dist", "examples", "node_modules", "package.json"]);
  });

  it("exposes port 4000 and checks liveness on /healthz with node's fetch", () => {
    expect(argsOf("EXPOSE")).toEqual(["4000"]);
    const [healthcheck] = argsOf("HEALTHCHECK");
    expect(healthcheck).toContain("fetch(");
    expect(healthcheck).toContain("/healthz");
  });

  it("leaves node_modules, dist, data, .git and coverage out of the build context", () => {
    const ignored = readFileSync(join(repoRoot, ".dockerignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    expect(ignored).toEqual(
      expect.arrayContaining(["node_modules", "dist", "data", ".git", "coverage"]),
    );
  });
});
