import {
  buildSchema,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { Article, Tag } from "../../src/domain/article";
import { readingTimeMinutes } from "../../src/domain/reading-time";
import type { MemoryHeadlines } from "./memory-headlines";

// The types the baselines serve, copied from schema/schema.graphql (descriptions left out).
const SDL = /* GraphQL */ `
  scalar DateTimeISO

  enum HeadlineOrder {
    HOT
    LATEST
    POPULAR
  }

  enum TagOrigin {
    EXTRACTED
    FEED
    PAGE
  }

  type ArticleTag {
    name: String!
    origin: TagOrigin!
    slug: String!
  }

  type Source {
    id: ID!
    name: String!
    siteUrl: String
  }

  type Article {
    author: String
    guid: String
    id: ID!
    imageUrl: String
    ingestedAt: DateTimeISO!
    language: String
    publishedAt: DateTimeISO!
    readingTimeMinutes: Int!
    source: Source
    summary: String
    tags: [ArticleTag!]!
    title: String!
    updatedAt: DateTimeISO
    url: String!
    wordCount: Int!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  type ArticleEdge {
    cursor: String!
    node: Article!
  }

  type ArticleConnection {
    edges: [ArticleEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Query {
    headlines(after: String, first: Int! = 20, orderBy: HeadlineOrder! = LATEST): ArticleConnection!
  }
`;

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<never, unknown, never>>>;

/** The baseline schema: the SDL above with plain resolvers over the corpus in memory. */
export function createBareSchema(headlines: MemoryHeadlines): GraphQLSchema {
  const schema = buildSchema(SDL);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  attachResolvers(schema, {
    Query: {
      headlines: (_root, args: { first: number; after?: string | null; orderBy: string }) => {
        if (args.orderBy !== "LATEST") throw new Error("the baseline serves LATEST only");
        if (args.first < 1 || args.first > 100) throw new Error("first: 1 to 100");
        return headlines.page(args.first, args.after);
      },
    },
    Article: {
      publishedAt: (a: Article) => iso(a.publishedAt),
      ingestedAt: (a: Article) => iso(a.ingestedAt),
      updatedAt: (a: Article) => iso(a.updatedAt),
      readingTimeMinutes: (a: Article) => readingTimeMinutes(a.wordCount),
      source: (a: Article) => headlines.source(a.sourceId),
    },
    ArticleTag: { origin: (t: Tag) => t.origin.toUpperCase() },
  });
  return schema;
}

// What graphql-tools' addResolversToSchema does, for the few fields that need a resolver.
function attachResolvers(schema: GraphQLSchema, resolvers: Resolvers): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`no object type ${typeName}`);
    const defined = type.getFields();
    for (const [name, resolve] of Object.entries(fields)) {
      defined[name].resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
}
