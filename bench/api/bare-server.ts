import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { createBareSchema } from "./bare-schema";
import type { StartedServer } from "./bench-server";
import type { MemoryHeadlines } from "./memory-headlines";

const BODY_LIMIT_BYTES = 100 * 1024;
const MAX_CACHED_DOCUMENTS = 1000;

/** A GraphQL request body as clients send it. */
interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Starts the bare baseline over the corpus in memory on 127.0.0.1:`port`. */
export function startBareBaseline(
  headlines: MemoryHeadlines,
  port: number,
): Promise<StartedServer> {
  const server = createBareServer(createBareSchema(headlines));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${bound}/graphql`,
        stop: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * Returns bare graphql-js on node:http: POST /graphql with a JSON body, documents parsed and
 * validated once per query text, executed, and answered with JSON.stringify.
 */
export function createBareServer(schema: GraphQLSchema): Server {
  const documents = createDocumentCache(schema);
  return createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/graphql") return reply(res, 404, { errors: [] });
    readBody(req).then(
      async (text) => {
        const body = parseBody(text);
        if (!body)
          return reply(res, 400, { errors: [{ message: "expected a JSON body with a query" }] });
        const document = documents.get(body.query as string);
        if (!("kind" in document)) return reply(res, 400, { errors: document.errors });
        const result = await execute({
          schema,
          document,
          variableValues: body.variables as Record<string, unknown> | undefined,
          operationName: typeof body.operationName === "string" ? body.operationName : undefined,
        });
        reply(res, 200, result);
      },
      (error: Error) => reply(res, 413, { errors: [{ message: error.message }] }),
    );
  });
}

function createDocumentCache(schema: GraphQLSchema) {
  const cache = new Map<string, DocumentNode | { errors: readonly GraphQLError[] }>();
  const prepare = (query: string) => {
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      return errors.length > 0 ? { errors } : document;
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
  };
  return {
    get(query: string) {
      let entry = cache.get(query);
      if (!entry) {
        entry = prepare(query);
        if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
        cache.set(query, entry);
      }
      return entry;
    },
  };
}

function parseBody(text: string): GraphqlBody | null {
  try {
    const body = JSON.parse(text) as GraphqlBody;
    return body && typeof body.query === "string" ? body : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, body: ExecutionResult | object): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}
