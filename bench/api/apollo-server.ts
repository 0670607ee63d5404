import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSchema } from "type-graphql";
import { createApolloResolver } from "./apollo-resolver";
import type { StartedServer } from "./bench-server";
import type { MemoryHeadlines } from "./memory-headlines";

/**
 * Starts Apollo Server 5 with type-graphql 2 as their documentation sets them up: default
 * options and plugins, the standalone server; over the same corpus in memory.
 */
export async function startApolloBaseline(
  headlines: MemoryHeadlines,
  port: number,
): Promise<StartedServer> {
  const schema = await buildSchema({ resolvers: [createApolloResolver(headlines)] });
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
  return { url: new URL("/graphql", url).toString(), stop: () => server.stop() };
}
