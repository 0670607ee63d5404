// The operations the API bench sends; the baselines' schema serves the first.

const CARD = /* GraphQL */ `
  fragment Card on Article {
    id
    title
    url
    summary
    author
    publishedAt
    updatedAt
    language
    imageUrl
    wordCount
    readingTimeMinutes
    source {
      id
      name
      siteUrl
    }
    tags {
      slug
      name
      origin
    }
  }
`;

/** A page of headlines in an order, with sources and tags: the same reply shape everywhere. */
export const HEADLINES = /* GraphQL */ `
  query Headlines($first: Int!, $orderBy: HeadlineOrder!) {
    headlines(first: $first, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          ...Card
        }
      }
    }
  }
  ${CARD}
`;

/** One article with its full story. */
export const ARTICLE = /* GraphQL */ `
  query Story($id: ID!) {
    article(id: $id) {
      ...Card
      content(format: HTML)
    }
  }
  ${CARD}
`;

/** The first page of a search, with snippets. */
export const SEARCH = /* GraphQL */ `
  query Search($query: String!) {
    search(query: $query, first: 20) {
      totalCount
      edges {
        cursor
        score
        snippet
        node {
          ...Card
        }
      }
    }
  }
  ${CARD}
`;

/** Counts a view. */
export const RECORD_VIEW = /* GraphQL */ `
  mutation View($id: ID!) {
    recordView(articleId: $id) {
      counted
      views
    }
  }
`;

/** The JSON body of a POST /graphql, with the query's whitespace squeezed. */
export function requestBody(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query: query.replace(/\s+/g, " ").trim(), variables });
}
