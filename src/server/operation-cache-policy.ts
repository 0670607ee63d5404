import {
  type DocumentNode,
  getNamedType,
  getOperationAST,
  type GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import {
  type CacheHint,
  hintOf,
  openPolicy,
  type ResponsePolicy,
  restrictPolicy,
} from "./cache-hint";

/**
 * The cache policy of an operation, read from the schema's hints alone: `base` tightened by the
 * hint of every field it selects and of every type those fields return (fragments included). Null for
 * what is never cached: mutations, subscriptions, or an operation that cannot be found.
 */
export function operationCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  base: CacheHint,
): ResponsePolicy | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return null;
  const policy = openPolicy(Infinity);
  restrictPolicy(policy, base);
  const typeInfo = new TypeInfo(schema);
  // The whole document is walked: validation leaves no fragment unused, and a fragment of
  // another operation can only make this policy stricter.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        if (!field) return;
        restrictPolicy(policy, hintOf(field.extensions));
        restrictPolicy(policy, hintOf(getNamedType(field.type).extensions));
      },
    }),
  );
  return policy;
}
