import { Agent, request } from "node:http";
import { setTimeout as delay } from "node:timers/promises";

/** One request the load sent, as it ended. */
export interface Sample {
  op: "front" | "article" | "view" | "refresh" | "abuse";
  /** When it was sent, in ms since the load started. */
  at: number;
  ms: number;
  /** HTTP status; 0 when no answer came (reset, timeout). */
  status: number;
  /** The codes of the GraphQL errors in the answer. */
  errors: string[];
  /** recordView: whether the view counted. */
  counted?: boolean;
}

/** A running load; `stop` ends it and returns every sample. */
export interface Load {
  /** ms since the load started. */
  clock(): number;
  samples: Sample[];
  /** Readers send no views (a front page instead) until `resumeViews`; resolves once none is in flight. */
  pauseViews(): Promise<void>;
  resumeViews(): void;
  /** Starts one client sending fresh searches as fast as it can from one address (the abuser). */
  startAbuse(): () => void;
  stop(): Promise<Sample[]>;
}

/** Options of {@link startLoad}. */
export interface LoadOptions {
  url: string;
  /** Readers, each from its own address, each waiting `thinkMs` between requests. */
  clients: number;
  thinkMs: number;
  /** Articles the readers open and view. */
  articleIds: readonly string[];
  /** Sources refreshed in turn every `refreshEveryMs` with the API key (the write path). */
  sourceIds: readonly string[];
  refreshEveryMs: number;
  apiKey: string;
}

const FRONT = `query Front { headlines(first: 20) { totalCount edges { node { id title url publishedAt source { name } tags { slug } } } } }`;
const ARTICLE = `query Story($id: ID!) { article(id: $id) { id title contentHtml author source { name } } }`;
const VIEW = `mutation View($id: ID!) { recordView(articleId: $id) { counted } }`;
// What the abusive client sends: a search that is new each time, so no cached answer spares it.
const SEARCH = `query Search($q: String!) { search(query: $q, first: 50) { totalCount edges { node { id title source { name } } } } }`;
const REFRESH = `mutation Refresh($id: ID!) { refreshSource(id: $id) { ok inserted error } }`;
// A reader gives up after this; a refresh (a fetch and a write that may wait for a lock) later.
const REQUEST_TIMEOUT_MS = 15_000;
const REFRESH_TIMEOUT_MS = 60_000;

/**
 * Starts the load: readers mixing the front page (60%), a story (25%) and a view (15%, each
 * from an address of its own, so every view sent should count once), and a writer refreshing
 * sources.
 */
export function startLoad(opts: LoadOptions): Load {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.clients + 16 });
  const started = performance.now();
  const clock = () => performance.now() - started;
  const samples: Sample[] = [];
  const loops: Promise<void>[] = [];
  let running = true;
  let viewer = 0;
  let viewsPaused = false;
  let viewsInFlight = 0;

  const send = async (
    op: Sample["op"],
    body: object,
    headers: Record<string, string>,
  ): Promise<Sample> => {
    const at = clock();
    const timeout = op === "refresh" ? REFRESH_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
    const answer = await post(agent, opts.url, body, headers, timeout);
    const sample: Sample = { op, at, ms: clock() - at, ...answer };
    samples.push(sample);
    return sample;
  };

  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];

  async function reader(index: number) {
    const address = { "x-forwarded-for": `10.1.${index >> 8}.${index & 255}` };
    await delay(Math.random() * opts.thinkMs);
    while (running) {
      const roll = Math.random();
      if (roll < 0.6) await send("front", { query: FRONT }, address);
      else if (roll < 0.85)
        await send(
          "article",
          { query: ARTICLE, variables: { id: pick(opts.articleIds) } },
          address,
        );
      else if (viewsPaused) await send("front", { query: FRONT }, address);
      else {
        const n = viewer++;
        const own = { "x-forwarded-for": `10.${2 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}` };
        viewsInFlight++;
        await send("view", { query: VIEW, variables: { id: pick(opts.articleIds) } }, own);
        viewsInFlight--;
      }
      await delay(opts.thinkMs * (0.5 + Math.random()));
    }
  }

  async function writer() {
    for (let i = 0; running; i++) {
      const id = opts.sourceIds[i % opts.sourceIds.length];
      await send(
        "refresh",
        { query: REFRESH, variables: { id } },
        { authorization: `Bearer ${opts.apiKey}` },
      );
      await delay(opts.refreshEveryMs);
    }
  }

  for (let i = 0; i < opts.clients; i++) loops.push(reader(i));
  loops.push(writer());

  return {
    clock,
    samples,
    async pauseViews() {
      viewsPaused = true;
      while (viewsInFlight > 0) await delay(20);
    },
    resumeViews: () => void (viewsPaused = false),
    startAbuse() {
      let abusing = true;
      const address = { "x-forwarded-for": "10.250.0.1" };
      let n = 0;
      const abuser = async () => {
        while (abusing && running) {
          const q = `story OR report OR n${n++}`;
          await send("abuse", { query: SEARCH, variables: { q } }, address);
        }
      };
      const abusers = Array.from({ length: 8 }, abuser);
      loops.push(...abusers);
      return () => void (abusing = false);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return samples;
    },
  };
}

/** POSTs a GraphQL body; never throws (no answer is status 0). */
function post(
  agent: Agent,
  url: string,
  body: object,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Omit<Sample, "op" | "at" | "ms">> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", () => resolve({ status: 0, errors: ["NO_ANSWER"] }));
        res.on("end", () => resolve(readAnswer(res.statusCode ?? 0, Buffer.concat(chunks))));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, errors: ["NO_ANSWER"] }));
    req.end(payload);
  });
}

function readAnswer(status: number, bytes: Buffer): Omit<Sample, "op" | "at" | "ms"> {
  try {
    const json = JSON.parse(bytes.toString()) as {
      data?: { recordView?: { counted: boolean } };
      errors?: { extensions?: { code?: string } }[];
    };
    const errors = (json.errors ?? []).map((e) => e.extensions?.code ?? "UNKNOWN");
    const counted = json.data?.recordView?.counted;
    return { status, errors, ...(counted === undefined ? {} : { counted }) };
  } catch {
    return { status, errors: status === 200 ? ["BAD_JSON"] : [] };
  }
}
