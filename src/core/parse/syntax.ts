import type { Node, QueryMatch } from 'web-tree-sitter';
import type { Range } from '../result';
import type { ImportStatement, SymbolDefinition } from './facts';

/** What the scan needs to know of a language's syntax tree, beyond its detector queries. */
export interface LanguageSyntax {
  /** The node's own name when it defines a class or function (or a decorated one), else undefined. */
  definitionName(node: Node): string | undefined;
  /** The name an assignment binds, when the node is a simple assignment. */
  assignedName(node: Node): string | undefined;
  /**
   * Patterns the scan adds to the detectors' query, so that one walk of the tree serves both; their
   * matches, in the order found, are what `symbols` and `imports` are given.
   */
  query: string;
  symbols(root: Node, matches: readonly QueryMatch[]): SymbolDefinition[];
  imports(root: Node, matches: readonly QueryMatch[]): ImportStatement[];
  /** Java and Go: the package the file declares. */
  packageName?(root: Node): string | undefined;
  /**
   * A definition whose body declares what the module offers (a module's exported factory,
   * `module.exports = (sequelize) => { class User extends Model {} }`): what is defined in it is
   * named as the module's own, while what is written directly in it is the definition's.
   */
  hoists?(node: Node): boolean;
  /** The condition of the innermost `if` (or its `else`, negated) around a node, within its function, as written on one line. */
  guardingCondition?(node: Node): string | undefined;
}

/** The node a match captured as `name`. */
export function capturedAs(match: QueryMatch, name: string): Node | undefined {
  for (const capture of match.captures) if (capture.name === name) return capture.node;
  return undefined;
}

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/**
 * `Outer.Inner.method` for a node inside nested definitions, found by walking parents (iterative:
 * deeply nested code must not overflow the stack).
 */
export function qualifiedName(syntax: LanguageSyntax, node: Node, ownName?: string): string {
  const names: string[] = ownName ? [ownName] : [];
  for (let current = node.parent; current; current = current.parent) {
    const name = syntax.definitionName(current);
    if (name && current.type !== 'decorated_definition' && !(names.length > 0 && syntax.hoists?.(current))) names.unshift(name);
  }
  return names.join('.');
}

/**
 * A string literal's value without quotes and prefixes, implicit concatenations (`"a" "b"`) and
 * parentheses included; other nodes give their text.
 */
/** A value kept whole (a model's fields, a migration's operation) is bounded in size and depth. */
export const MAX_SHAPE_NODES = 400;
export const MAX_SHAPE_DEPTH = 16;

/** String literals of Java and Go, read by their quotes. */
const QUOTED_LITERALS = new Set(['string_literal', 'interpreted_string_literal', 'raw_string_literal']);

export function literalValue(node: Node): string {
  if (node.type === 'concatenated_string') return node.namedChildren.map((child) => (child ? literalValue(child) : '')).join('');
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1 && node.firstNamedChild) {
    const inner = node.firstNamedChild;
    if (inner.type === 'string' || inner.type === 'concatenated_string') return literalValue(inner);
  }
  if (QUOTED_LITERALS.has(node.type)) {
    // Java's `"a"` and text blocks, Go's `"a"` and raw strings: the text between the quotes, escapes as written.
    const { text } = node;
    const quote = [`"""`, '"', '`'].find((candidate) => text.length >= 2 * candidate.length && text.startsWith(candidate) && text.endsWith(candidate));
    return quote ? text.slice(quote.length, text.length - quote.length) : text;
  }
  if (node.type === 'string' || node.type === 'template_string') {
    const content = node.namedChildren.filter((child) => child?.type === 'string_content' || child?.type === 'string_fragment');
    if (content.length > 0) return content.map((child) => child?.text ?? '').join('');
    return node.text.replace(/^[a-zA-Z]*(['"`]{1,3})([\s\S]*)\1$/, '$2');
  }
  return node.text;
}

/** JavaScript's comments dropped from a piece of code (`polka().use(auth) // verify\n.get(...)`), so that what is called reads the same with or without them. */
export function withoutComments(text: string): string {
  return text.includes('/') ? text.replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|\/\/[^\n]*/g, '') : text;
}

/**
 * `OrderCreated(id=1, total=2).publish` → `OrderCreated().publish`: the shape a resolver follows.
 * With `typeArguments`, `<...>` outside the arguments are TypeScript's type arguments and dropped
 * (`find<Order>(id)` → `find()`); a `<` inside the arguments is a comparison, left to the arguments.
 */
export function normalizeCallee(text: string, typeArguments = false): string {
  let result = '';
  let depth = 0;
  let angles = 0;
  for (const character of text) {
    if (character === '(' || character === '[') {
      if (depth === 0 && angles === 0 && character === '(') result += '()';
      depth++;
    } else if (character === ')' || character === ']') {
      depth = Math.max(0, depth - 1);
    } else if (typeArguments && depth === 0 && character === '<') {
      angles++;
    } else if (typeArguments && depth === 0 && character === '>' && angles > 0) {
      angles--;
    } else if (depth === 0 && angles === 0 && !/\s/.test(character)) {
      result += character;
    }
  }
  return result;
}
