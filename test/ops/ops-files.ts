import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

/** The repository root (where docker-compose.yml and the Dockerfile live). */
export const repoRoot = resolve(__dirname, "..", "..");

/** The parts of a compose service these tests look at. */
export interface ComposeService {
  image?: string;
  build?: string | { context?: string };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  ports?: (string | number | { target?: number; published?: number | string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: (string | { source?: string; target?: string })[];
}

/** The compose file, with `<<` merge keys resolved the way Docker Compose resolves them. */
export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Reads and parses docker-compose.yml from the repository root. */
export function readCompose(): ComposeFile {
  const text = readFileSync(join(repoRoot, "docker-compose.yml"), "utf8");
  return parse(text, { merge: true }) as ComposeFile;
}

/** A service's environment as a string map, whether written as a map or as KEY=VALUE lines. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => {
        const eq = line.indexOf("=");
        return eq === -1 ? [line, ""] : [line.slice(0, eq), line.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? "" : String(v)]));
}

/** The host ports a service publishes, from short ("4000:4000") or long port syntax. */
export function publishedPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === "object") return Number(port.published);
    const parts = String(port).split("/")[0].split(":");
    return Number(parts.length >= 2 ? parts[parts.length - 2] : parts[0]);
  });
}

/** The names of the services a service waits for, with the condition it waits on. */
export function dependenciesOf(service: ComposeService): { name: string; condition?: string }[] {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return deps.map((name) => ({ name }));
  return Object.entries(deps).map(([name, d]) => ({ name, condition: d?.condition }));
}

/** A command or healthcheck test as one string, for matching. */
export function commandText(command: string | string[] | undefined): string {
  return Array.isArray(command) ? command.join(" ") : (command ?? "");
}

/** One Dockerfile instruction: the keyword upper-cased and its arguments as written. */
export interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions grouped by build stage (each stage starts with FROM). */
export function readDockerfileStages(): Instruction[][] {
  const text = readFileSync(join(repoRoot, "Dockerfile"), "utf8");
  const logical = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, " ") };
    if (instruction.keyword === "FROM") stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** The arguments of an exec-form instruction (`["node", "x"]`), or null for shell form. */
export function execForm(args: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) ? parsed.map(String) : null;
  } catch {
    return null;
  }
}

/** KEY=value pairs of the ENV instructions in a stage. */
export function envOfStage(stage: Instruction[]): Record<string, string> {
  const pairs = stage
    .filter((i) => i.keyword === "ENV")
    .flatMap((i) => i.args.split(" "))
    .map((pair) => pair.split("="));
  return Object.fromEntries(pairs.map(([k, ...v]) => [k, v.join("=")]));
}
