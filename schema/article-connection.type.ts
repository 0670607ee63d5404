import { ArticleType } from "./article.type";
import { connectionType } from "./connection.type";

export const ArticleConnectionType = connectionType(ArticleType, {
  name: "Article",
  noun: "article",
  plural: "articles",
  order: "in the order asked",
  total: "Articles matching the filter, across all pages.",
});

export type ArticleConnectionType = InstanceType<typeof ArticleConnectionType>;
