/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Article($id: ID!) {\n  article(id: $id) {\n    id\n    guid\n    title\n    url\n    summary\n    contentHtml\n    contentText\n    author\n    publishedAt\n    updatedAt\n    ingestedAt\n    language\n    imageUrl\n    wordCount\n    readingTimeMinutes\n    enclosures {\n      url\n      type\n      length\n    }\n    tags {\n      slug\n      name\n      origin\n    }\n    source {\n      id\n      name\n      kind\n    }\n  }\n}": typeof types.ArticleDocument,
    "query Headlines($first: Int, $after: String, $filter: HeadlineFilter) {\n  headlines(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        url\n        summary\n        publishedAt\n        source {\n          id\n          name\n        }\n        tags {\n          slug\n          name\n          origin\n        }\n      }\n    }\n  }\n}": typeof types.HeadlinesDocument,
    "query Sources($first: Int, $after: String, $filter: SourceFilter) {\n  sources(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        url\n        kind\n        siteUrl\n        language\n        intervalSeconds\n        schedule\n        tags\n        health {\n          status\n          lastStatus\n          lastHttpStatus\n          lastError\n          lastFetchedAt\n          lastSuccessAt\n          nextCheckAt\n          nextCheckReason\n          consecutiveFailures\n          itemsSeen\n          fetchCount\n          notModifiedCount\n          notModifiedShare\n        }\n      }\n    }\n  }\n}\n\nquery Source($id: ID!, $first: Int, $after: String) {\n  source(id: $id) {\n    id\n    name\n    health {\n      status\n      consecutiveFailures\n    }\n    articles(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n}": typeof types.SourcesDocument,
    "query Tags($first: Int, $after: String, $orderBy: TagOrder) {\n  tags(first: $first, after: $after, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        articleCount\n      }\n    }\n  }\n}": typeof types.TagsDocument,
};
const documents: Documents = {
    "query Article($id: ID!) {\n  article(id: $id) {\n    id\n    guid\n    title\n    url\n    summary\n    contentHtml\n    contentText\n    author\n    publishedAt\n    updatedAt\n    ingestedAt\n    language\n    imageUrl\n    wordCount\n    readingTimeMinutes\n    enclosures {\n      url\n      type\n      length\n    }\n    tags {\n      slug\n      name\n      origin\n    }\n    source {\n      id\n      name\n      kind\n    }\n  }\n}": types.ArticleDocument,
    "query Headlines($first: Int, $after: String, $filter: HeadlineFilter) {\n  headlines(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        url\n        summary\n        publishedAt\n        source {\n          id\n          name\n        }\n        tags {\n          slug\n          name\n          origin\n        }\n      }\n    }\n  }\n}": types.HeadlinesDocument,
    "query Sources($first: Int, $after: String, $filter: SourceFilter) {\n  sources(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        url\n        kind\n        siteUrl\n        language\n        intervalSeconds\n        schedule\n        tags\n        health {\n          status\n          lastStatus\n          lastHttpStatus\n          lastError\n          lastFetchedAt\n          lastSuccessAt\n          nextCheckAt\n          nextCheckReason\n          consecutiveFailures\n          itemsSeen\n          fetchCount\n          notModifiedCount\n          notModifiedShare\n        }\n      }\n    }\n  }\n}\n\nquery Source($id: ID!, $first: Int, $after: String) {\n  source(id: $id) {\n    id\n    name\n    health {\n      status\n      consecutiveFailures\n    }\n    articles(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n}": types.SourcesDocument,
    "query Tags($first: Int, $after: String, $orderBy: TagOrder) {\n  tags(first: $first, after: $after, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        articleCount\n      }\n    }\n  }\n}": types.TagsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Article($id: ID!) {\n  article(id: $id) {\n    id\n    guid\n    title\n    url\n    summary\n    contentHtml\n    contentText\n    author\n    publishedAt\n    updatedAt\n    ingestedAt\n    language\n    imageUrl\n    wordCount\n    readingTimeMinutes\n    enclosures {\n      url\n      type\n      length\n    }\n    tags {\n      slug\n      name\n      origin\n    }\n    source {\n      id\n      name\n      kind\n    }\n  }\n}"): (typeof documents)["query Article($id: ID!) {\n  article(id: $id) {\n    id\n    guid\n    title\n    url\n    summary\n    contentHtml\n    contentText\n    author\n    publishedAt\n    updatedAt\n    ingestedAt\n    language\n    imageUrl\n    wordCount\n    readingTimeMinutes\n    enclosures {\n      url\n      type\n      length\n    }\n    tags {\n      slug\n      name\n      origin\n    }\n    source {\n      id\n      name\n      kind\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Headlines($first: Int, $after: String, $filter: HeadlineFilter) {\n  headlines(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        url\n        summary\n        publishedAt\n        source {\n          id\n          name\n        }\n        tags {\n          slug\n          name\n          origin\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Headlines($first: Int, $after: String, $filter: HeadlineFilter) {\n  headlines(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        url\n        summary\n        publishedAt\n        source {\n          id\n          name\n        }\n        tags {\n          slug\n          name\n          origin\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sources($first: Int, $after: String, $filter: SourceFilter) {\n  sources(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        url\n        kind\n        siteUrl\n        language\n        intervalSeconds\n        schedule\n        tags\n        health {\n          status\n          lastStatus\n          lastHttpStatus\n          lastError\n          lastFetchedAt\n          lastSuccessAt\n          nextCheckAt\n          nextCheckReason\n          consecutiveFailures\n          itemsSeen\n          fetchCount\n          notModifiedCount\n          notModifiedShare\n        }\n      }\n    }\n  }\n}\n\nquery Source($id: ID!, $first: Int, $after: String) {\n  source(id: $id) {\n    id\n    name\n    health {\n      status\n      consecutiveFailures\n    }\n    articles(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Sources($first: Int, $after: String, $filter: SourceFilter) {\n  sources(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        url\n        kind\n        siteUrl\n        language\n        intervalSeconds\n        schedule\n        tags\n        health {\n          status\n          lastStatus\n          lastHttpStatus\n          lastError\n          lastFetchedAt\n          lastSuccessAt\n          nextCheckAt\n          nextCheckReason\n          consecutiveFailures\n          itemsSeen\n          fetchCount\n          notModifiedCount\n          notModifiedShare\n        }\n      }\n    }\n  }\n}\n\nquery Source($id: ID!, $first: Int, $after: String) {\n  source(id: $id) {\n    id\n    name\n    health {\n      status\n      consecutiveFailures\n    }\n    articles(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tags($first: Int, $after: String, $orderBy: TagOrder) {\n  tags(first: $first, after: $after, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        articleCount\n      }\n    }\n  }\n}"): (typeof documents)["query Tags($first: Int, $after: String, $orderBy: TagOrder) {\n  tags(first: $first, after: $after, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        articleCount\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;