import ts from "typescript";

/** The fields Postlight's custom-extractor tests assert, by their result names. */
export const POSTLIGHT_FIELDS = ["title", "author", "date_published", "lead_image_url"] as const;

/** A Postlight field name. */
export type PostlightField = (typeof POSTLIGHT_FIELDS)[number];

/** One fixture page of a Postlight test file, with the page URL and the asserted field values. */
export interface PostlightCase {
  fixture: string;
  url: string | null;
  expected: Partial<Record<PostlightField, string | null>>;
}

/**
 * Reads a Postlight custom-extractor test file (JavaScript) and returns one case per fixture it
 * loads (`fs.readFileSync('./fixtures/x.html')`): the URL its block gives `Mercury.parse`, and the
 * `assert.equal(<field>, <literal>)` calls of its describe/it block, not counting nested blocks
 * that load a fixture of their own. Values are string literals, template literals without
 * substitutions, or concatenations of them; `null` is kept (an asserted absence).
 */
export function readPostlightExpectations(source: string): PostlightCase[] {
  const file = ts.createSourceFile("test.js", source, ts.ScriptTarget.Latest, true);
  const loads: { call: ts.CallExpression; fixture: string }[] = [];
  visit(file, (node) => {
    const fixture = fixtureOf(node);
    if (fixture) loads.push({ call: node as ts.CallExpression, fixture });
  });
  const scopes = new Set(loads.map((load) => blockOf(load.call)));
  return loads.map(({ call, fixture }) => {
    const scope = blockOf(call);
    return { fixture, url: urlFor(scope), expected: assertionsIn(scope, scopes) };
  });
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

function fixtureOf(node: ts.Node): string | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  if (node.expression.name.text !== "readFileSync") return null;
  const path = node.arguments[0] ? literalOf(node.arguments[0]) : undefined;
  return typeof path === "string" ? path.replace(/^\.\/fixtures\//, "") : null;
}

// The describe/it call a node belongs to (the file itself at the top).
function blockOf(node: ts.Node): ts.Node {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isCallExpression(at) && ts.isIdentifier(at.expression)) {
      if (at.expression.text === "describe" || at.expression.text === "it") return at;
    }
  }
  return node.getSourceFile();
}

// The page URL given to `Mercury.parse` in the block: a literal, or the variable it names
// (`url` by default) as first assigned in the block, else in the blocks around it.
function urlFor(scope: ts.Node): string | null {
  let name = "url";
  let literal: string | null = null;
  visit(scope, (node) => {
    const arg = parseArgument(node);
    if (!arg || literal !== null) return;
    if (ts.isIdentifier(arg)) name = arg.text;
    else if (typeof literalOf(arg) === "string") literal = literalOf(arg) as string;
  });
  if (literal !== null) return literal;
  for (let at: ts.Node | undefined = scope; at; at = at.parent) {
    let found: string | null = null;
    visit(at, (node) => {
      if (found === null) found = valueAssigned(node, name);
    });
    if (found !== null) return found;
  }
  return null;
}

function parseArgument(node: ts.Node): ts.Expression | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  return node.expression.name.text === "parse" ? (node.arguments[0] ?? null) : null;
}

function valueAssigned(node: ts.Node, variable: string): string | null {
  let name: ts.Node | undefined;
  let value: ts.Expression | undefined;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    [name, value] = [node.left, node.right];
  } else if (ts.isVariableDeclaration(node)) {
    [name, value] = [node.name, node.initializer];
  }
  if (!name || !value || !ts.isIdentifier(name) || name.text !== variable) return null;
  const text = literalOf(value);
  return typeof text === "string" ? text : null;
}

function assertionsIn(
  scope: ts.Node,
  scopes: Set<ts.Node>,
): Partial<Record<PostlightField, string | null>> {
  const expected: Partial<Record<PostlightField, string | null>> = {};
  const walk = (node: ts.Node): void => {
    if (node !== scope && scopes.has(node)) return;
    const assertion = assertionOf(node);
    if (assertion && !(assertion.field in expected)) expected[assertion.field] = assertion.value;
    node.forEachChild(walk);
  };
  walk(scope);
  return expected;
}

function assertionOf(node: ts.Node): { field: PostlightField; value: string | null } | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  const callee = node.expression;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== "assert") return null;
  if (callee.name.text !== "equal" && callee.name.text !== "strictEqual") return null;
  const [subject, expectedNode] = node.arguments;
  const field = subject && fieldName(subject);
  const value = expectedNode ? literalOf(expectedNode) : undefined;
  return field && value !== undefined ? { field, value } : null;
}

function fieldName(node: ts.Expression): PostlightField | null {
  const name = ts.isIdentifier(node)
    ? node.text
    : ts.isPropertyAccessExpression(node)
      ? node.name.text
      : null;
  return (POSTLIGHT_FIELDS as readonly string[]).includes(name ?? "")
    ? (name as PostlightField)
    : null;
}

// A literal's value: string, null, or undefined when the expression is not a plain literal.
function literalOf(node: ts.Expression): string | null | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isParenthesizedExpression(node)) return literalOf(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalOf(node.left);
    const right = literalOf(node.right);
    return typeof left === "string" && typeof right === "string" ? left + right : undefined;
  }
  return undefined;
}
