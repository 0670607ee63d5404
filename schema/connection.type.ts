import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { PageInfoType } from "./page-info.type";

/** How a connection's types are named and described. */
export interface ConnectionNaming {
  /** The node type's name: `Tag` gives `TagEdge` and `TagConnection`. */
  name: string;
  /** One node in words, e.g. "tag". */
  noun: string;
  /** Many nodes in words, e.g. "tags". */
  plural: string;
  /** The order a page runs in, e.g. "most used first". */
  order: string;
  /** What `totalCount` counts, e.g. "Tags with articles, across all pages." */
  total: string;
}

/** A connection class (Relay) with its edge type, for nodes of `node`'s type. */
export function connectionType<N extends object>(node: ClassType<N>, naming: ConnectionNaming) {
  @ObjectType(`${naming.name}Edge`, {
    simpleResolvers: true,
    description: `One ${naming.noun} in a connection, with its cursor.`,
  })
  class Edge {
    @Field({ description: `Opaque position of this ${naming.noun}; pass as \`after\`.` })
    cursor: string;

    @Field(() => node, { description: `The ${naming.noun}.` })
    node: N;
  }

  @ObjectType(`${naming.name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${naming.plural}, ${naming.order} (Relay connection).`,
  })
  class Connection {
    @Field(() => [Edge], { description: `This page's ${naming.plural}, in order.` })
    edges: Edge[];

    @Field(() => PageInfoType, { description: "Where this page is, and how to get the next." })
    pageInfo: PageInfoType;

    @Field(() => Int, { description: naming.total })
    totalCount: number;
  }

  return Connection;
}
