// graphql-js ends validation and coercion messages with its guesses at what was meant, which
// spell out the schema's field, argument, type and enum value names.
const SUGGESTION = /\s*Did you mean [^\n]*\?$/;

/** Returns a GraphQL error message without graphql-js's `Did you mean "..."?` suggestion. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}
