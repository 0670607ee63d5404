/** How much one GraphQL request may ask for. */
export interface QueryLimits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Most lexical tokens in one document (checked while parsing, before anything else). */
  maxTokens: number;
  /** Highest estimated cost: one per field, lists counted `first` times. */
  maxCost: number;
}
