import { type Language, type Node, Query, type QueryMatch } from 'web-tree-sitter';
import type { Attribute, CallShape, CallSite, DocumentedOutcome, FillFact, FlagTest, HandlerFact, ImportStatement, Local, LoopFact, Parameter, RaiseFact, RefusalFact, SymbolDefinition, TypeCheckFact, ValueShape } from './facts';
import { capturedAs, type LanguageSyntax, MAX_SHAPE_DEPTH, MAX_SHAPE_NODES, literalValue, normalizeCallee, rangeOf } from './syntax';
import { listIn } from '../lists';
import { beforeFirst } from '../text';

/** Statements whose blocks still hold module- or class-level definitions (`if TYPE_CHECKING:`, `try:`). */
const CONTAINER_STATEMENTS = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'except_group_clause', 'finally_clause', 'with_statement', 'block',
]);

/** Argument texts longer than this are cut: they are read for literals and names, never whole. */
const MAX_ARGUMENT_LENGTH = 200;

export const pythonSyntax: LanguageSyntax = {
  guardingCondition: (node) => caughtCondition(node) ?? guardingCondition(node),

  definitionName(node) {
    if (node.type === 'class_definition' || node.type === 'function_definition') return node.childForFieldName('name')?.text;
    if (node.type === 'decorated_definition') return node.childForFieldName('definition')?.childForFieldName('name')?.text;
    return undefined;
  },

  assignedName(node) {
    const assignment = node.type === 'expression_statement' ? node.firstNamedChild : node;
    if (assignment?.type !== 'assignment') return undefined;
    const left = assignment.childForFieldName('left');
    return left?.type === 'identifier' ? left.text : undefined;
  },

  symbols(root, matches) {
    const symbols: SymbolDefinition[] = [];
    const bodies = new Map<number, BodyScope>();
    const pending: { node: Node; container?: SymbolDefinition }[] = [];
    const pushChildren = (node: Node, container?: SymbolDefinition) => {
      for (let index = node.namedChildCount - 1; index >= 0; index--) {
        const child = node.namedChild(index);
        if (child) pending.push({ node: child, ...(container ? { container } : {}) });
      }
    };
    pushChildren(root);
    for (let item = pending.pop(); item; item = pending.pop()) {
      const { node, container } = item;
      const prefix = container ? `${container.name}.` : '';
      if (CONTAINER_STATEMENTS.has(node.type)) {
        pushChildren(node, container);
        continue;
      }
      const decorators: string[] = [];
      const decoratorCalls: NonNullable<SymbolDefinition['decoratorCalls']> = {};
      let definition = node;
      if (node.type === 'decorated_definition') {
        for (const child of node.namedChildren) {
          if (child?.type !== 'decorator') continue;
          const name = decoratorName(child);
          decorators.push(name);
          if (child.firstNamedChild?.type === 'call') decoratorCalls[name] = callShape(child.firstNamedChild);
        }
        definition = node.childForFieldName('definition') ?? node;
      }
      const withCalls = Object.keys(decoratorCalls).length ? { decoratorCalls } : {};
      const name = definition.childForFieldName('name')?.text;
      if (definition.type === 'class_definition' && name) {
        const body = definition.childForFieldName('body');
        const docstring = docstringOf(body);
        const symbol: SymbolDefinition = { name: prefix + name, kind: 'class', range: rangeOf(node), decorators, ...withCalls, attributes: [], ...classBases(definition), ...(docstring ? { docstring } : {}) };
        symbols.push(symbol);
        if (body) pushChildren(body, symbol);
      } else if (definition.type === 'function_definition' && name) {
        const inClass = container?.kind === 'class';
        const symbol = Object.assign(functionSymbol(definition, prefix + name, rangeOf(node), decorators, inClass ? container : undefined, bodies), withCalls);
        symbols.push(symbol);
        for (const nested of registeredFunctionsIn(definition)) pending.push({ node: nested, container: symbol });
      } else {
        const assigned = assignment(node);
        if (!container) addToModuleVariable(node, symbols);
        if (!assigned) continue;
        const { target, annotation, value } = assigned;
        if (container?.kind === 'class') {
          const attribute = attributeOf(target, annotation, value, node.startPosition.row);
          if (value) attribute.shape = valueShape(value);
          else if (annotation) attribute.unassigned = true;
          container.attributes?.push(attribute);
        }
        const call = value?.type === 'call' ? callShape(value) : undefined;
        // Module variables: calls (`Table(...)`), sequences (Alembic's `down_revision = ("a", "b")`), tables (`HANDLERS = {Allocate: allocate}`) and numbers (`API_VERSION = 1`).
        const shape = !container && value && (value.type === 'call' || value.type === 'tuple' || value.type === 'list' || value.type === 'dictionary' || value.type === 'integer') ? valueShape(value) : undefined;
        const literal = stringLiteral(value);
        // A type alias: `SessionDep = Annotated[...]`, `Id = int | str`, or another name for a class (`BaseModel = db.Model`).
        const alias =
          value?.type === 'subscript' || (value?.type === 'binary_operator' && value.text.includes('|')) || value?.type === 'identifier' || (value?.type === 'attribute' && isDottedName(value))
            ? value.text.replace(/\s+/g, ' ').slice(0, 300)
            : undefined;
        symbols.push({
          name: prefix + target,
          kind: 'variable',
          range: rangeOf(node),
          bases: [],
          decorators: [],
          ...(call ? { value: call } : {}),
          ...(shape ? { shape } : {}),
          ...(literal !== undefined ? { literal } : {}),
          ...(alias ? { alias } : {}),
        });
      }
    }
    fillBodies(root, bodies, matches, handedOnNames(symbols));
    return symbols;
  },

  /**
   * Every import statement, function-local ones too (`def ready(self): from .signals import x`):
   * resolution treats a name imported anywhere in the file as visible in it.
   */
  imports(_root, matches) {
    const imports: ImportStatement[] = [];
    for (const match of matches) {
      const statement = capturedAs(match, 'import');
      const written = statement?.type === 'import_statement' ? plainImports(statement) : statement?.type === 'import_from_statement' ? [fromImport(statement)] : [];
      const typeOnly = statement !== undefined && underTypeChecking(statement);
      imports.push(...written.map((imported) => (typeOnly ? { ...imported, typeOnly } : imported)));
    }
    return imports.sort((a, b) => a.line - b.line);
  },

  get query() {
    return SYNTAX_QUERY;
  },
};

/** Methods that add to a list or dict, and whether their argument is one item or a sequence (a dict) of them. */
const ADDING_METHODS: Readonly<Record<string, 'item' | 'items'>> = { append: 'item', add: 'item', insert: 'item', extend: 'items', update: 'items' };

/**
 * Records on a module-level list or dict what a later module statement adds to it: `X.append(Y)`,
 * `X.extend([...])`, `X.update({...})`, `X += [...]`, `X[key] = Y`; a registry is its literal plus these.
 */
function addToModuleVariable(statement: Node, symbols: readonly SymbolDefinition[]): void {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  if (!node) return;
  let target: string | undefined;
  let shape: ValueShape | undefined;
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const how = method ? ADDING_METHODS[method] : undefined;
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((argument): argument is Node => argument !== null && argument.type !== 'comment');
    const argument = args[args.length - 1];
    target = callee?.childForFieldName('object')?.type === 'identifier' ? callee.childForFieldName('object')?.text : undefined;
    if (how && argument) shape = how === 'item' ? { kind: 'list', items: [valueShape(argument)] } : valueShape(argument);
  } else if (node.type === 'augmented_assignment' && ['+=', '|='].includes(node.childForFieldName('operator')?.text ?? '')) {
    target = node.childForFieldName('left')?.type === 'identifier' ? node.childForFieldName('left')?.text : undefined;
    const right = node.childForFieldName('right');
    if (right) shape = valueShape(right);
  } else if (node.type === 'assignment' && node.childForFieldName('left')?.type === 'subscript') {
    const left = node.childForFieldName('left');
    const key = left?.childForFieldName('subscript');
    const right = node.childForFieldName('right');
    target = left?.childForFieldName('value')?.type === 'identifier' ? left.childForFieldName('value')?.text : undefined;
    if (key && right) shape = { kind: 'dict', entries: [{ key: valueShape(key), value: valueShape(right) }] };
  }
  if (!target || !shape || (shape.kind !== 'list' && shape.kind !== 'dict')) return;
  const variable = [...symbols].reverse().find((symbol) => symbol.kind === 'variable' && symbol.name === target && (symbol.shape?.kind === 'list' || symbol.shape?.kind === 'dict'));
  if (!variable) return;
  const inside = enclosingCondition(statement);
  const requires = inside === 'try' ? guardingImports(statement) : [];
  (variable.additions ??= []).push({ shape, line: statement.startPosition.row, ...(inside ? { inside } : {}), ...(requires.length ? { requires } : {}) });
}

/**
 * The modules an optional-dependency guard imports, when a statement sits in one: the innermost
 * `try` whose body imports them and whose `except` catches ImportError (or ModuleNotFoundError),
 * the statement in its body after the imports or in its `else`.
 */
function guardingImports(node: Node): string[] {
  let parent = node.parent;
  while (parent && parent.type !== 'try_statement') parent = parent.parent;
  const body = parent?.childForFieldName('body');
  const catchesImportError = (parent?.namedChildren ?? []).some((clause) => clause?.type === 'except_clause' && caughtBy(clause).some((name) => /^(ImportError|ModuleNotFoundError)$/.test(name)));
  if (!body || !catchesImportError) return [];
  return body.namedChildren.flatMap((statement) => {
    if (statement?.type === 'import_statement') return statement.namedChildren.flatMap((name) => (name?.type === 'dotted_name' ? [name.text] : name?.type === 'aliased_import' ? [name.childForFieldName('name')?.text ?? ''] : [])).filter(Boolean);
    if (statement?.type === 'import_from_statement') return [statement.childForFieldName('module_name')?.text ?? ''].filter((module) => module && !module.startsWith('.'));
    return [];
  });
}

/** The `if` or `try` a module statement sits in, if any. */
function enclosingCondition(node: Node): 'if' | 'try' | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'try_statement') return 'try';
    if (parent.type === 'if_statement') return 'if';
  }
  return undefined;
}

/** `name = value` or `name: T = value` at the statement level, with a simple name on the left. */
function assignment(statement: Node): { target: string; annotation?: string; value?: Node } | undefined {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : statement;
  if (node?.type !== 'assignment') return undefined;
  const left = node.childForFieldName('left');
  if (left?.type !== 'identifier') return undefined;
  const annotation = node.childForFieldName('type')?.text;
  const value = node.childForFieldName('right') ?? undefined;
  return { target: left.text, ...(annotation ? { annotation } : {}), ...(value ? { value } : {}) };
}

function attributeOf(name: string, annotation: string | undefined, value: Node | undefined, line: number, parameters: readonly Parameter[] = []): Attribute {
  const call = value?.type === 'call' ? callShape(value) : undefined;
  let type = annotation;
  if (!type && value?.type === 'identifier') type = parameters.find((parameter) => parameter.name === value.text)?.annotation;
  if (!type && call) type = call.callee;
  // `self.router = router or Router()`: the given object's type, else the default's.
  if (!type && value?.type === 'boolean_operator' && value.childForFieldName('operator')?.text === 'or') {
    const sides = [value.childForFieldName('left'), value.childForFieldName('right')];
    type = sides.map((side) => (side ? attributeOf(name, undefined, side, line, parameters).type : undefined)).find((found) => found !== undefined);
  }
  const literal = stringLiteral(value);
  return { name, line, ...(type ? { type } : {}), ...(call ? { call } : {}), ...(literal !== undefined ? { literal } : {}) };
}

/** A function whose body the query pass fills in: its calls, its locals, its owner's `self.x` attributes. */
interface BodyScope {
  symbol: SymbolDefinition;
  owner: SymbolDefinition | undefined;
  selfName: string | undefined;
}

/**
 * The functions a function defines in its body with a decorator (through `if`, `try`, `with`):
 * the decorator registers them (the routes of an application factory, `@app.route('/logout')`; a
 * task made in a setup function), so they are symbols of their own, named after the function
 * around (`create_app.logout`). Those it returns are left out: a decorator's wrapper
 * (`@wraps(f) def wrapper`) is returned, and what it does is told to the decorator.
 */
function registeredFunctionsIn(definition: Node): Node[] {
  const body = definition.childForFieldName('body');
  if (!body) return [];
  const decorated: Node[] = [];
  const returned = new Set<string>();
  const blocks = [body];
  for (let block = blocks.pop(); block; block = blocks.pop()) {
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      if (statement.type === 'decorated_definition' && statement.childForFieldName('definition')?.type === 'function_definition') decorated.push(statement);
      // Returned in any form (`return wrapper`, `return cast(F, wrapper)`, `return aw if iscoroutinefunction(f) else sw`).
      else if (statement.type === 'return_statement') for (const name of statement.text.match(/[A-Za-z_]\w*/g) ?? []) returned.add(name);
      else if (CONTAINER_STATEMENTS.has(statement.type)) blocks.push(statement);
    }
  }
  return decorated.filter((statement) => !returned.has(statement.childForFieldName('definition')?.childForFieldName('name')?.text ?? ''));
}

function functionSymbol(definition: Node, name: string, range: SymbolDefinition['range'], decorators: string[], owner: SymbolDefinition | undefined, bodies: Map<number, BodyScope>): SymbolDefinition {
  const parameters = parametersOf(definition.childForFieldName('parameters'));
  const returns = definition.childForFieldName('return_type')?.text;
  const body = definition.childForFieldName('body');
  const symbol: SymbolDefinition = {
    name,
    kind: owner ? 'method' : 'function',
    range,
    bases: [],
    decorators,
    parameters,
    calls: [],
    ...(returns ? { returns } : {}),
    ...(body && raisesNotImplemented(body) ? { notImplemented: true } : {}),
    ...(body && isStub(body) ? { stub: true } : {}),
    ...(definition.children[0]?.type === 'async' ? { async: true } : {}),
  };
  const made = body ? stringMadeFromParameters(body, parameters) : undefined;
  if (made) symbol.returnsString = made;
  const docstring = docstringOf(body);
  const outcomes = documentedOutcomes(docstring);
  if (outcomes.length) symbol.outcomes = outcomes;
  const notes = notesOf(definition, docstring);
  if (notes.length) symbol.notes = notes;
  const selfName = owner && parameters[0] && !decorators.includes('staticmethod') ? parameters[0].name : undefined;
  if (body) bodies.set(body.startIndex, { symbol, owner, selfName });
  return symbol;
}

/**
 * Calls made as statements whose arguments a later stage reads: schema operations (Alembic's
 * `op.create_table`), and a script's command-line options (`parser.add_argument`), which tell how a
 * benchmark is run. SQLAlchemy Core tables declared as statements (`Table("jobs", metadata, ...)` in
 * a method) are kept too (the pattern after these); the data-model stage checks whose they are.
 */
const STATEMENT_OPERATIONS = [
  'create_table', 'drop_table', 'add_column', 'drop_column', 'create_index', 'drop_index',
  'create_foreign_key', 'create_unique_constraint', 'create_check_constraint', 'create_primary_key',
  'add_argument',
];

/**
 * What the query pass looks at inside function bodies: calls, assignments, and the nodes that
 * open a scope or a branch of a `try`. One query over the file, run by tree-sitter itself, costs a
 * fraction of visiting every node through the WebAssembly boundary.
 */
const BODY_QUERY = `
(call function: (_) @callee) @call
(assignment) @assignment
(function_definition body: (block) @body)
(lambda) @lambda
(class_definition body: (block) @class)
(try_statement body: (block) @try)
(if_statement condition: (_) @if_condition consequence: (block) @guarded)
(elif_clause condition: (_) @if_condition consequence: (block) @guarded)
(if_statement condition: (_) @if_condition alternative: (else_clause body: (block) @guarded_else))
(if_statement condition: [(identifier) (not_operator argument: (identifier))] @flag_test consequence: (block) @flag_block)
(except_clause) @except
(finally_clause) @finally
(for_statement left: (identifier) body: (block)) @loop
(for_statement right: (_) @iterated) @iteration
(for_in_clause left: (identifier)) @loop
(raise_statement) @raise
(assert_statement) @raise
(subscript
  value: (_) @dispatch_table
  subscript: (call function: (identifier) @_dispatch_type) (#eq? @_dispatch_type "type")) @dispatch
(return_statement (identifier) @returned)
(return_statement (expression_list . (_) . [(integer) (attribute)] @returned_status))
(if_statement consequence: (block . (return_statement) @refusal .))
(elif_clause consequence: (block . (return_statement) @refusal .))
(augmented_assignment left: (attribute) operator: "+=") @increment
([(if_statement condition: (_) @type_check consequence: (block . (_) @type_check_then))
  (elif_clause condition: (_) @type_check consequence: (block . (_) @type_check_then))]
  (#match? @type_check "^(not )?isinstance[(]|^[A-Za-z_][A-Za-z0-9_.]* is None$"))
(assignment
  left: (attribute attribute: (identifier) @increment_field)
  right: (binary_operator
    left: (call function: [(identifier) (attribute)] @_expression arguments: (argument_list . (string (string_content) @increment_of) .))
    operator: "+")
  (#match? @_expression "(^|[.])F$")
  (#eq? @increment_field @increment_of)) @increment
(expression_statement
  (call function: (attribute attribute: (identifier) @_operation)) @statement_call
  (#any-of? @_operation ${STATEMENT_OPERATIONS.map((name) => JSON.stringify(name)).join(' ')}))
(expression_statement
  (call function: [(identifier) @_declaration (attribute attribute: (identifier) @_declaration)]) @statement_call
  (#eq? @_declaration "Table"))
`;

/** What the syntax extraction reads, in the scan's one query pass: the body query's patterns and import statements. */
const SYNTAX_QUERY = `${BODY_QUERY}
(import_statement) @import
(import_from_statement) @import
`;

/** What a loop body reads of its item: `item.attribute`. */
const ACCESS_QUERY = '(attribute object: (identifier) @object attribute: (identifier) @attribute) @access';

const accessQueries = new WeakMap<Language, Query>();

interface Interval {
  start: number;
  end: number;
  /** A function body (its scope, when it is a symbol's), a nested scope, or a branch of a `try`. */
  kind: 'body' | 'scope' | 'guard' | NonNullable<CallSite['branch']>;
  /** A block run only under an `if` (or its `else`): the condition, as the call sites in it are told. */
  condition?: string;
  scope?: BodyScope;
  /** A `try` body: its statement's `except` clauses. */
  catches?: HandlerFact[];
  /** A function defined inside another function's body (a decorator's wrapper): what it calls is told to the enclosing one as `innerCalls`. */
  inner?: boolean;
}

/**
 * Fills in each function's calls (in evaluation order: a call after its arguments and callee, so
 * `Event(...).publish()` makes the event first), its locals, and its owner's `self.x` attributes.
 * A call belongs to the innermost function body around it; one in a lambda, a nested function or
 * a class body belongs to none of the symbols.
 */
/** What a module's calls may hand on: its module-level functions (a callee) and lists or tuples (an argument). */
interface ModuleNames {
  functions: ReadonlySet<string>;
  sequences: ReadonlySet<string>;
}

function handedOnNames(symbols: readonly SymbolDefinition[]): ModuleNames {
  const functions = new Set<string>();
  const sequences = new Set<string>();
  for (const symbol of symbols) {
    if (symbol.kind === 'function' && !symbol.name.includes('.')) functions.add(symbol.name);
    else if (symbol.kind === 'variable' && symbol.shape?.kind === 'list' && !symbol.name.includes('.')) sequences.add(symbol.name);
  }
  return { functions, sequences };
}

/**
 * The arguments of a call that hands values on, as names: positional ones (`''` for any other
 * expression), then keywords as `key=name`. Kept only when the call gives a module-level list or
 * tuple (`create_app(blueprints=BLUEPRINTS)`), or gives its function's own parameter to a function
 * of the same module (`configure_blueprints(app, blueprints)`): how a list of routers reaches the
 * loop that registers them.
 */
function handedOn(call: Node, callee: Node, scope: BodyScope, names: ModuleNames): string[] | undefined {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  const parameters = scope.symbol.parameters ?? [];
  const sameModule = callee.type === 'identifier' && names.functions.has(callee.text);
  const handed = (value: Node | null | undefined) =>
    value?.type === 'identifier' && (names.sequences.has(value.text) || (sameModule && parameters.some((parameter) => parameter.name === value.text && parameter.name !== scope.selfName)));
  const positional: string[] = [];
  const keywords: string[] = [];
  let any = false;
  for (const argument of args.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      const value = argument.childForFieldName('value');
      if (handed(value)) keywords.push(`${argument.childForFieldName('name')?.text ?? ''}=${value?.text ?? ''}`);
      any ||= handed(value);
    } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
      break; // the positions after a `*args` are not known
    } else {
      positional.push(handed(argument) ? argument.text : '');
      any ||= handed(argument);
    }
  }
  return any ? [...positional, ...keywords] : undefined;
}

/** Keyword arguments kept of a method call given only those: a query's filter or an update reads as columns. */
const MAX_KEPT_KEYWORDS = 8;

/** A method call given keyword arguments only (`filter(processed=None)`, `update(processed=now())`): their names, `=None` after one given None. */
function keywordsOnly(call: Node, callee: Node): string[] | undefined {
  if (callee.type !== 'attribute') return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment') ?? [];
  if (!args.length || args.length > MAX_KEPT_KEYWORDS || !args.every((argument) => argument.type === 'keyword_argument')) return undefined;
  return args.map((argument) => `${argument.childForFieldName('name')?.text ?? ''}${argument.childForFieldName('value')?.type === 'none' ? '=None' : ''}`);
}

/** A method call's keyword arguments given a plain name (`update(last_error=error)` → `last_error=error`): where a local's value is written. */
function namedKeywords(call: Node, callee: Node): string[] | undefined {
  if (callee.type !== 'attribute') return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((child): child is Node => !!child && child.type === 'keyword_argument') ?? [];
  const named = args.slice(0, MAX_KEPT_KEYWORDS).flatMap((argument) => (argument.childForFieldName('value')?.type === 'identifier' ? [`${argument.childForFieldName('name')?.text ?? ''}=${argument.childForFieldName('value')?.text ?? ''}`] : []));
  return named.length ? named : undefined;
}

function fillBodies(root: Node, bodies: ReadonlyMap<number, BodyScope>, matches: readonly QueryMatch[], names: ModuleNames): void {
  if (!bodies.size) return;
  const language = root.tree.language;
  let accessQuery = accessQueries.get(language);
  if (!accessQuery) accessQueries.set(language, (accessQuery = new Query(language, ACCESS_QUERY)));
  const intervals: Interval[] = [];
  const items: { node: Node; kind: 'call' | 'assignment' | 'loop' | 'statement_call' | 'raise' | 'catch' | 'dispatch' | 'iteration' | 'returned' | 'returned_status' | 'refusal' | 'increment' | 'type_check' | 'flag_test'; callee?: Node }[] = [];
  for (const match of matches) {
    const call = capturedAs(match, 'call');
    const callee = call && capturedAs(match, 'callee');
    if (call) {
      if (callee) items.push({ node: call, kind: 'call', callee });
      continue;
    }
    const iterated = capturedAs(match, 'iterated');
    if (iterated) {
      items.push({ node: capturedAs(match, 'iteration') ?? iterated, kind: 'iteration', callee: iterated });
      continue;
    }
    const flagTest = capturedAs(match, 'flag_test');
    if (flagTest) {
      const block = capturedAs(match, 'flag_block');
      items.push({ node: flagTest, kind: 'flag_test', ...(block ? { callee: block } : {}) });
      continue;
    }
    const typeCheck = capturedAs(match, 'type_check');
    if (typeCheck) {
      const then = capturedAs(match, 'type_check_then');
      items.push({ node: typeCheck, kind: 'type_check', ...(then ? { callee: then } : {}) });
      continue;
    }
    const dispatchTable = capturedAs(match, 'dispatch_table');
    if (dispatchTable) {
      items.push({ node: capturedAs(match, 'dispatch') ?? dispatchTable, kind: 'dispatch', callee: dispatchTable });
      continue;
    }
    for (const { name, node } of match.captures) {
      switch (name) {
        case 'assignment':
        case 'loop':
        case 'statement_call':
        case 'raise':
        case 'returned':
        case 'returned_status':
        case 'refusal':
        case 'increment':
          items.push({ node, kind: name });
          break;
        case 'body': {
          const scope = bodies.get(node.startIndex);
          intervals.push({ start: node.startIndex, end: node.endIndex, kind: scope ? 'body' : 'scope', ...(scope ? { scope } : { inner: true }) });
          break;
        }
        case 'lambda':
        case 'class':
          intervals.push({ start: node.startIndex, end: node.endIndex, kind: 'scope' });
          break;
        case 'except':
          items.push({ node, kind: 'catch' });
          intervals.push({ start: node.startIndex, end: node.endIndex, kind: name });
          break;
        case 'try':
          intervals.push({ start: node.startIndex, end: node.endIndex, kind: name, catches: (node.parent?.namedChildren ?? []).flatMap((clause) => (clause?.type === 'except_clause' ? [handlerFact(clause)] : [])) });
          break;
        case 'finally':
          intervals.push({ start: node.startIndex, end: node.endIndex, kind: name });
          break;
        case 'guarded':
        case 'guarded_else': {
          const tested = capturedAs(match, 'if_condition')?.text ?? '';
          intervals.push({ start: node.startIndex, end: node.endIndex, kind: 'guard', condition: oneLine(name === 'guarded' ? tested : `not (${tested})`) });
          break;
        }
      }
    }
  }
  intervals.sort((a, b) => a.start - b.start || b.end - a.end);
  // Document order; of nodes that start together (`f(x).g()`), the inner first (calls are put in evaluation order below).
  items.sort((a, b) => a.node.startIndex - b.node.startIndex || a.node.endIndex - b.node.endIndex);

  // One sweep: the stack holds the intervals open at the current item, innermost on top.
  const stack: Interval[] = [];
  const callsOf = new Map<BodyScope, { call: CallSite; end: number }[]>();
  const assignmentsOf = new Map<BodyScope, Node[]>();
  const callNodesOf = new Map<BodyScope, Node[]>();
  const loopsOf = new Map<BodyScope, Node[]>();
  const returnedOf = new Map<BodyScope, string[]>();
  let next = 0;
  for (const item of items) {
    const at = item.node.startIndex;
    for (; next < intervals.length && (intervals[next] as Interval).start <= at; next++) {
      const interval = intervals[next] as Interval;
      while (stack.length && (stack[stack.length - 1] as Interval).end <= interval.start) stack.pop();
      stack.push(interval);
    }
    while (stack.length && (stack[stack.length - 1] as Interval).end <= at) stack.pop();
    let branch: CallSite['branch'];
    let condition: string | undefined;
    let scope: BodyScope | undefined;
    const catches: HandlerFact[] = [];
    for (let index = stack.length - 1; index >= 0; index--) {
      const interval = stack[index] as Interval;
      if (interval.kind === 'body') {
        scope = interval.scope;
        break;
      }
      if (interval.kind === 'scope') {
        if (interval.inner && (item.kind === 'call' || item.kind === 'iteration' || item.kind === 'assignment')) tellEnclosing(stack, index, item);
        break;
      }
      if (interval.kind === 'guard') {
        condition ??= interval.condition;
        continue;
      }
      branch ??= interval.kind;
      if (interval.catches) catches.push(...interval.catches);
    }
    if (!scope) continue;
    if (item.kind === 'call' && item.callee) {
      const handed = handedOn(item.node, item.callee, scope, names);
      const keywords = keywordsOnly(item.node, item.callee);
      const given = namedKeywords(item.node, item.callee);
      const flags = flagArguments(item.node);
      const call: CallSite = { callee: normalizeCallee(item.callee.text), line: item.node.startPosition.row, character: item.node.startPosition.column, ...(branch ? { branch } : {}), ...(catches.length ? { catches } : {}), ...(condition ? { condition } : {}), ...(handed ? { arguments: handed } : {}), ...(keywords ? { keywords } : {}), ...(given ? { given } : {}), ...(flags ? { flags } : {}) };
      listIn(callsOf, scope).push({ call, end: item.node.endIndex });
      listIn(callNodesOf, scope).push(item.node);
    } else if (item.kind === 'assignment') {
      recordAssignment(item.node, scope);
      recordFills(item.node, scope);
      recordStore(item.node, scope.symbol);
      listIn(assignmentsOf, scope).push(item.node);
    } else if (item.kind === 'loop') {
      listIn(loopsOf, scope).push(item.node);
    } else if (item.kind === 'raise') {
      const raised = raiseFact(item.node);
      if (raised) (scope.symbol.raises ??= []).push(raised);
    } else if (item.kind === 'catch') {
      (scope.symbol.handles ??= []).push(handlerFact(item.node));
    } else if (item.kind === 'iteration') {
      (scope.symbol.iterates ??= []).push({ iterable: oneLine(item.callee?.text ?? ''), line: item.node.startPosition.row, ...itemCalled(item.node) });
    } else if (item.kind === 'dispatch') {
      (scope.symbol.dispatches ??= []).push({ table: (item.callee?.text ?? '').replace(/\s+/g, ''), line: item.node.startPosition.row });
    } else if (item.kind === 'refusal') {
      const refusal = refusalFact(item.node);
      if (refusal) (scope.symbol.refusals ??= []).push(refusal);
    } else if (item.kind === 'increment') {
      // `check.n += 1`, or Django's `check.n = F("n") + 1` (an update the database makes).
      const target = item.node.childForFieldName('left')?.text.replace(/\s+/g, '') ?? '';
      (scope.symbol.increments ??= []).push({ target, line: item.node.startPosition.row, ...(condition ? { condition } : {}) });
    } else if (item.kind === 'returned') {
      listIn(returnedOf, scope).push(item.node.text);
    } else if (item.kind === 'returned_status') {
      if ((scope.symbol.returnedStatuses ??= []).length < MAX_RETURNED_STATUSES) scope.symbol.returnedStatuses.push({ status: item.node.text, line: item.node.startPosition.row });
    } else if (item.kind === 'flag_test') {
      const test = flagTestFact(item.node, item.callee, scope);
      if (test && (scope.symbol.flagTests ??= []).length < MAX_FLAG_TESTS) scope.symbol.flagTests.push(test);
    } else if (item.kind === 'type_check') {
      const check = typeCheckFact(item.node, item.callee, assignmentsOf.get(scope) ?? []);
      if (check && (scope.symbol.typeChecks ??= []).length < MAX_TYPE_CHECKS) scope.symbol.typeChecks.push(check);
    } else {
      (scope.symbol.statementCalls ??= []).push(valueShape(item.node));
    }
  }
  for (const [scope, calls] of callsOf) scope.symbol.calls = calls.sort((a, b) => a.end - b.end).map(({ call }) => call);
  for (const [scope, names] of returnedOf) {
    const returns = returnedClass(scope.symbol, names);
    if (returns) scope.symbol.returns = returns;
  }
  for (const [scope, loops] of loopsOf) {
    const facts = loops.flatMap((loop) => loopFact(loop, assignmentsOf.get(scope) ?? [], callNodesOf.get(scope) ?? [], accessQuery));
    if (facts.length) scope.symbol.loops = facts;
  }
}

/** Statuses returned in a tuple kept per function, at most. */
const MAX_RETURNED_STATUSES = 8;

/** Flag arguments kept per call, and tests of a flag parameter per function, at most. */
const MAX_FLAGS = 4;
const MAX_FLAG_TESTS = 6;
/** Attributes told per flag test, at most. */
const MAX_FLAG_SETS = 4;

/** A call's keyword arguments given `True` or `False` (`create_flip("paused", mark_as_processed=True)`): flags that choose what the callee does. */
function flagArguments(call: Node): string[] | undefined {
  const flags = (call.childForFieldName('arguments')?.namedChildren ?? []).flatMap((argument) => {
    const value = argument?.type === 'keyword_argument' ? argument.childForFieldName('value') : undefined;
    return value && (value.type === 'true' || value.type === 'false') ? [`${argument?.childForFieldName('name')?.text ?? ''}=${value.text}`] : [];
  });
  return flags.length ? flags.slice(0, MAX_FLAGS) : undefined;
}

/** An `if` on one of the function's own parameters (`if mark_as_processed:`), with the attributes its block assigns and its first statement. */
function flagTestFact(condition: Node, block: Node | undefined, scope: BodyScope): FlagTest | undefined {
  const negated = condition.type === 'not_operator';
  const parameter = (negated ? condition.childForFieldName('argument') : condition)?.text ?? '';
  if (!scope.symbol.parameters?.some((candidate) => candidate.name === parameter && candidate.name !== scope.selfName)) return undefined;
  const statements = (block?.namedChildren ?? []).filter((child): child is Node => !!child && child.type !== 'comment');
  const sets = statements.flatMap((statement) => {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    return left?.type === 'attribute' ? [left.text.replace(/\s+/g, '')] : [];
  });
  return { parameter, line: condition.startPosition.row, then: oneLine(beforeFirst(statements[0]?.text ?? '', '\n')), ...(negated ? { negated } : {}), ...(sets.length ? { sets: sets.slice(0, MAX_FLAG_SETS) } : {}) };
}

/** Type tests told per function, at most: a converter tests a handful of types. */
const MAX_TYPE_CHECKS = 12;

/**
 * An `if` testing a value's type (`isinstance(res, (str, bytes))`, `not isinstance(res, Response)`,
 * `output is None`) and its block's first statement; with, when the value is a local, the last
 * assignment of it from a call before the test and outside its `if` chain (where the value came
 * from: `res = await handler(req)`).
 */
function typeCheckFact(condition: Node, then: Node | undefined, assignments: readonly Node[]): TypeCheckFact | undefined {
  const negated = condition.type === 'not_operator';
  const test = negated ? condition.childForFieldName('argument') : condition;
  let subject: string | undefined;
  let types: string[] = [];
  if (test?.type === 'call') {
    const [value, type] = test.childForFieldName('arguments')?.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment') ?? [];
    if (value?.type !== 'identifier' && value?.type !== 'attribute') return undefined;
    subject = value.text;
    types = type?.type === 'tuple' ? type.namedChildren.flatMap((child) => (child && child.type !== 'comment' ? [child.text] : [])) : type ? [type.text] : [];
  } else if (test?.type === 'comparison_operator') {
    subject = test.namedChildren[0]?.text;
    types = ['None'];
  }
  if (!subject || !types.length || !types.every((type) => /^[A-Za-z_][\w.]*$/.test(type))) return undefined;
  // The block's first statement, past the comments that open it.
  let first: Node | null | undefined = then;
  while (first?.type === 'comment') first = first.nextNamedSibling;
  // An assignment in an earlier branch of the same `if`/`elif` chain does not reach this test.
  const chain = condition.parent?.type === 'elif_clause' ? condition.parent.parent : condition.parent;
  const source = assignments.filter((assignment) => assignment.endIndex <= condition.startIndex && !(chain && assignment.startIndex >= chain.startIndex) && assignment.childForFieldName('left')?.text === subject && /^(await )?[\w.]+\(/.test(assignment.childForFieldName('right')?.text ?? '')).pop();
  return { line: condition.startPosition.row, subject, types, ...(negated ? { negated } : {}), then: oneLine(beforeFirst(first?.text ?? '', '\n')), ...(source ? { from: { text: oneLine(source.text), line: source.startPosition.row } } : {}) };
}

/** Conditions, messages and statuses are read, never shown whole. */
const MAX_CONDITION_LENGTH = 160;

/** Cut before collapsing whitespace, so that a huge expression costs no more than a short one. */
const oneLine = (text: string) => text.slice(0, 4 * MAX_CONDITION_LENGTH).replace(/\s+/g, ' ').slice(0, MAX_CONDITION_LENGTH);

/**
 * A `raise` or an `assert`: the exception, its message and HTTP status when its arguments say them,
 * the condition it is raised under (the innermost `if` of its function), and the exceptions of the
 * `except` clause it is raised in. A bare `raise` (re-raising what was caught) says nothing new.
 */
function raiseFact(node: Node): RaiseFact | undefined {
  const line = node.startPosition.row;
  if (node.type === 'assert_statement') {
    const asserted = node.namedChildren.find((child) => child && child.type !== 'comment');
    const message = node.namedChildren.filter((child) => child && child.type !== 'comment')[1];
    return { exception: 'AssertionError', line, asserted: true, ...(asserted ? { condition: oneLine(asserted.text) } : {}), ...(isStringNode(message) && message ? { message: oneLine(messageText(message)) } : {}) };
  }
  const raised = node.namedChildren.find((child) => child && child.type !== 'comment');
  if (!raised) return undefined;
  const call = raised.type === 'call' ? raised : undefined;
  const exception = (call ? call.childForFieldName('function') : raised)?.text.replace(/\s+/g, '');
  if (!exception || !/^[A-Za-z_][\w.]*$/.test(exception)) return undefined;
  const fact: RaiseFact = { exception, line };
  const args = call?.childForFieldName('arguments')?.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment') ?? [];
  const message = args.find(isStringNode) ?? args.find((argument) => argument.type === 'keyword_argument' && ['detail', 'message', 'msg', 'description'].includes(argument.childForFieldName('name')?.text ?? '') && isStringNode(argument.childForFieldName('value')))?.childForFieldName('value');
  if (message) fact.message = oneLine(messageText(message));
  const status = statusArgument(args);
  if (status) fact.status = status;
  const condition = guardingCondition(node);
  if (condition) fact.condition = condition;
  const clause = enclosing(node, 'except_clause');
  if (clause) fact.caught = caughtBy(clause);
  return fact;
}

/** The operators that compare a value with a bound. */
const BOUND_OPERATORS = new Set(['<', '<=', '>', '>=']);

/**
 * A guard clause that ends its function under a condition (`if sent >= self.sms_limit: return
 * False`, `if request.GET.get("create") != "1": return HttpResponseNotFound()`): the `if` holds only
 * the `return`, which returns nothing, `False`, `None` or what a call makes (an error response),
 * never a computed value (`return 0`). `bound` when the condition compares with `<`, `<=`, `>` or `>=`.
 */
function refusalFact(node: Node): RefusalFact | undefined {
  const condition = node.parent?.parent?.childForFieldName('condition');
  if (!condition) return undefined;
  const value = node.namedChildren.find((child) => child && child.type !== 'comment');
  const returns = !value ? '' : value.type === 'false' || value.type === 'none' ? value.text : value.type === 'call' ? (value.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '') : undefined;
  if (returns === undefined || (value?.type === 'call' && !/^[A-Za-z_][\w.]*$/.test(returns))) return undefined;
  const bound = condition.type === 'comparison_operator' && condition.children.some((child) => child && BOUND_OPERATORS.has(child.type));
  return { line: node.startPosition.row, condition: oneLine(condition.text), returns, ...(bound ? { bound } : {}) };
}

const isStringNode = (node: Node | null | undefined) => node?.type === 'string' || node?.type === 'concatenated_string';

/** A message as the reader sees it: a literal's value; an f-string's text with its `{…}` as written. */
function messageText(node: Node): string {
  if (!node.descendantsOfType('interpolation').length) return literalValue(node);
  return node.text.replace(/^[A-Za-z]*(['"]{1,3})([\s\S]*)\1$/, '$2');
}

/** An HTTP status among a call's arguments: `status_code=404`, `status=...`, `code=...`, or a first argument that is a number or a status constant. */
function statusArgument(args: readonly Node[]): string | undefined {
  for (const argument of args) {
    if (argument.type !== 'keyword_argument') continue;
    const key = argument.childForFieldName('name')?.text;
    const value = argument.childForFieldName('value');
    if (value && (key === 'status_code' || key === 'status' || key === 'code')) return value.text.replace(/\s+/g, '');
  }
  const first = args[0];
  if (first?.type === 'integer') return first.text;
  if (first?.type === 'attribute' && /HTTP_?\d{3}|status|HTTPStatus/i.test(first.text)) return first.text.replace(/\s+/g, '');
  return undefined;
}

/** A statement written directly in an `except` clause (no `if` between them): the clause, as written (`except Check.NotUpdated`). */
function caughtCondition(node: Node): string | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'except_clause') return oneLine(`except ${caughtBy(parent).join(', ')}`.trim());
    if (parent.type === 'if_statement' || parent.type === 'elif_clause' || parent.type === 'else_clause' || parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'lambda') return undefined;
  }
  return undefined;
}

/** The condition of the innermost `if`, `elif` or `else` (`not (…)`) around a statement, within its function. */
function guardingCondition(node: Node): string | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'lambda') return undefined;
    if ((parent.type === 'if_statement' || parent.type === 'elif_clause') && parent.childForFieldName('consequence')?.equals(child)) {
      const condition = parent.childForFieldName('condition');
      return condition ? oneLine(condition.text) : undefined;
    }
    if (parent.type === 'else_clause' && parent.parent?.type === 'if_statement') {
      const condition = parent.parent.childForFieldName('condition');
      return condition ? oneLine(`not (${condition.text})`) : undefined;
    }
  }
  return undefined;
}

function enclosing(node: Node, type: string): Node | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === type) return parent;
    if (parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'lambda') return undefined;
  }
  return undefined;
}

/** `except (KeyError, ValueError) as error:` → `KeyError`, `ValueError`; a bare `except:` catches everything: `BaseException`. */
function handlerFact(clause: Node): HandlerFact {
  const bound = clause.namedChildren.find((child) => child?.type === 'as_pattern')?.childForFieldName('alias')?.text;
  const reraises = clause.descendantsOfType('raise_statement').some((raise) => {
    const raised = raise?.namedChildren.filter((child) => child?.type !== 'comment') ?? [];
    return raised.length === 0 || (bound !== undefined && raised.length === 1 && raised[0]?.text === bound);
  });
  const body = clause.namedChildren.find((child) => child?.type === 'block');
  const statements = (body?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'comment');
  const does = statements.slice(0, MAX_HANDLER_STATEMENTS).map((statement) => briefStatement(statement.text)).join('; ') + (statements.length > MAX_HANDLER_STATEMENTS ? '; …' : '');
  const retries = retryLoopOf(clause);
  return { exceptions: caughtBy(clause), line: clause.startPosition.row, end: clause.endPosition.row, ...(reraises ? { reraises } : {}), ...(does ? { does } : {}), ...(retries ? { retries } : {}) };
}

/**
 * The loop an `except` clause makes a retry of: the nearest `for` or `while` around its `try`,
 * within the function, when the `try` leaves the loop on success (a `return` or `break` in its
 * body) — the attempt is made again until it succeeds or the loop runs out.
 */
function retryLoopOf(clause: Node): HandlerFact['retries'] {
  const attempt = clause.parent;
  const body = attempt?.type === 'try_statement' ? attempt.childForFieldName('body') : undefined;
  if (!attempt || !body || !goesRound(clause)) return undefined;
  const leaves = statementsUnder(body).some((statement) => statement.type === 'return_statement' || statement.type === 'break_statement');
  if (!leaves) return undefined;
  for (let parent = attempt.parent; parent; parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'lambda') return undefined;
    if (parent.type === 'for_statement') return { loop: oneLine(`for ${parent.childForFieldName('left')?.text ?? ''} in ${parent.childForFieldName('right')?.text ?? ''}`), line: parent.startPosition.row };
    if (parent.type === 'while_statement') return { loop: oneLine(`while ${parent.childForFieldName('condition')?.text ?? ''}`), line: parent.startPosition.row };
  }
  return undefined;
}

/** Statements that leave an `except` clause for good when written directly in it: the loop is not gone round again. */
const LEAVING = new Set(['raise_statement', 'return_statement', 'break_statement']);

/** Whether an `except` clause can go round its loop again: it `continue`s somewhere, or no statement written directly in it leaves. */
function goesRound(clause: Node): boolean {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  if (block && statementsUnder(block).some((statement) => statement.type === 'continue_statement')) return true;
  return !(block?.namedChildren ?? []).some((statement) => statement !== null && LEAVING.has(statement.type));
}

/** The compound statements and clauses whose blocks hold statements. */
const STATEMENT_HOLDERS = new Set(['block', 'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'except_group_clause', 'finally_clause', 'with_statement', 'match_statement', 'case_clause']);

/**
 * The statements (and whole-line comments) under a node, walked through blocks and compound
 * statements only: never into expressions, however deeply nested, nor into functions and classes
 * defined inside (their statements are theirs).
 */
function statementsUnder(node: Node): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const current = stack.pop() as Node;
    for (const child of current.namedChildren) {
      if (!child) continue;
      found.push(child);
      if (STATEMENT_HOLDERS.has(child.type)) stack.push(child);
    }
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

/** Statements of an `except` clause told, at most. */
const MAX_HANDLER_STATEMENTS = 3;

/** A statement's first line, a long one's arguments left out (`logger.exception(…)`, `raise TypeError(…)`, `if "NOT_FOUND" in str(e): …`). */
function briefStatement(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  const line = oneLine(first);
  const open = line.indexOf('(');
  const brief = line.length <= 48 || open < 0 ? line : `${line.slice(0, open)}(…)`;
  return rest.length ? `${brief} …` : brief;
}

function caughtBy(clause: Node): string[] {
  const first = clause.namedChildren.find((child) => child && child.type !== 'comment' && child.type !== 'block');
  if (!first) return ['BaseException'];
  const caught = first.type === 'as_pattern' ? first.namedChildren[0] : first;
  if (!caught) return [];
  const names = caught.type === 'tuple' || caught.type === 'parenthesized_expression' ? caught.namedChildren.filter((child) => child && child.type !== 'comment') : [caught];
  return names.flatMap((name) => (name ? [name.text.replace(/\s+/g, '')] : []));
}

/**
 * What a function without a return annotation returns, when the code states it: every `return`
 * gives the same local, made by calling a class (a capitalised name, as PEP 8 names classes):
 * `def make_celery(app): celery = Celery(app.import_name); ...; return celery`.
 */
function returnedClass(symbol: SymbolDefinition, names: readonly string[]): string | undefined {
  const [name] = names;
  if (symbol.returns || !name || names.some((other) => other !== name)) return undefined;
  const type = symbol.locals?.find((local) => local.name === name)?.type;
  return type && /(^|\.)[A-Z]\w*$/.test(type) ? type : undefined;
}

/**
 * A loop over one name: its iterable (with the values a local iterable was given before the loop)
 * and what the body reads of the item. For a comprehension, the body is the comprehension's element
 * and conditions.
 */
function loopFact(loop: Node, assignments: readonly Node[], calls: readonly Node[], accessQuery: Query): LoopFact[] {
  const variable = loop.childForFieldName('left')?.text;
  const iterable = loop.childForFieldName('right');
  const scope = loop.type === 'for_statement' ? loop.childForFieldName('body') : loop.parent;
  if (!variable || !iterable || !scope) return [];
  const accesses: LoopFact['accesses'] = [];
  for (const { name, node } of accessQuery.captures(scope)) {
    if (name !== 'access' || node.childForFieldName('object')?.text !== variable) continue;
    if (node.startIndex >= iterable.startIndex && node.endIndex <= iterable.endIndex) continue;
    const attribute = node.childForFieldName('attribute')?.text ?? '';
    const parent = node.parent;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.equals(node)) continue;
    const next = parent?.type === 'attribute' && parent.childForFieldName('object')?.equals(node) ? parent.childForFieldName('attribute')?.text : undefined;
    const call = next !== undefined && parent?.parent?.type === 'call' && parent.parent.childForFieldName('function')?.equals(parent) ? parent.parent : undefined;
    const chained = call?.parent?.type === 'attribute' && call.parent.childForFieldName('object')?.equals(call);
    accesses.push({ attribute, line: node.startPosition.row, character: node.startPosition.column, ...(next ? { next } : {}), ...(call ? { called: true } : {}), ...(chained ? { chained } : {}) });
  }
  if (!accesses.length) return [];
  const assigned = iterable.type === 'identifier'
    ? assignments
        .filter((assignment) => assignment.endIndex <= loop.startIndex && assignment.childForFieldName('left')?.text === iterable.text)
        .flatMap((assignment) => {
          const value = assignment.childForFieldName('right');
          return value ? [valueShape(value)] : [];
        })
    : [];
  const passedTo = iterable.type === 'identifier'
    ? calls.filter((call) => call.endIndex <= loop.startIndex && call.childForFieldName('arguments')?.namedChildren.find((child) => child?.type !== 'comment')?.text === iterable.text).map((call) => valueShape(call))
    : [];
  return [{
    line: loop.startPosition.row,
    character: loop.startPosition.column,
    variable,
    iterable: valueShape(iterable),
    iterableEnd: { line: iterable.endPosition.row, character: iterable.endPosition.column },
    ...(assigned.length ? { assigned } : {}),
    ...(passedTo.length ? { passedTo } : {}),
    accesses,
  }];
}

/** Inner calls and loops told to a symbol, at most: a wrapper's work is told in outline. */
const MAX_INNER_FACTS = 24;

/**
 * A call or a loop in a function nested inside a symbol's body (a decorator's wrapper, directly or
 * through further nested functions): told to that symbol as `innerCalls` or `innerIterates`,
 * apart from its own calls, which traces follow.
 */
function tellEnclosing(stack: readonly Interval[], from: number, item: { node: Node; kind: string; callee?: Node }): void {
  for (let index = from - 1; index >= 0; index--) {
    const interval = stack[index] as Interval;
    if (interval.kind === 'scope' && !interval.inner) return;
    if (interval.kind !== 'body' || !interval.scope) continue;
    const symbol = interval.scope.symbol;
    if (item.kind === 'call' && item.callee && (symbol.innerCalls ??= []).length < MAX_INNER_FACTS) symbol.innerCalls.push({ callee: normalizeCallee(item.callee.text), line: item.node.startPosition.row });
    if (item.kind === 'iteration' && (symbol.innerIterates ??= []).length < MAX_INNER_FACTS) symbol.innerIterates.push({ iterable: oneLine(item.callee?.text ?? ''), line: item.node.startPosition.row, ...itemCalled(item.node) });
    if (item.kind === 'assignment') recordStore(item.node, symbol);
    return;
  }
}

/**
 * Whether a `for` statement's body calls each item (`h(req)`, `h.process(req)`, `await invoke_handler(h, req)`)
 * rather than storing it (`hooks.append(h)`), and where it stops on what the call returned
 * (`rv = h(req)` then `if rv: break`, or `if h(req): return`).
 */
function itemCalled(loop: Node): { calledAt?: number; calledAs?: string; stopsAt?: number } {
  const left = loop.childForFieldName('left');
  const body = loop.childForFieldName('body');
  if (loop.type !== 'for_statement' || !left || !body) return {};
  const items = new Set(left.type === 'identifier' ? [left.text] : left.descendantsOfType('identifier').flatMap((node) => (node ? [node.text] : [])));
  const call = body.descendantsOfType('call').find((node) => node && callsItem(node, items));
  if (!call) return {};
  let value: Node = call;
  while (value.parent && ['await', 'parenthesized_expression'].includes(value.parent.type)) value = value.parent;
  const result = value.parent?.type === 'assignment' && value.parent.childForFieldName('right')?.equals(value) ? value.parent.childForFieldName('left') : undefined;
  const stop = body.descendantsOfType('if_statement').flatMap((node) => {
    const condition = node?.childForFieldName('condition');
    const truthy = condition && (condition.equals(value) || (result?.type === 'identifier' && [result.text, `${result.text} is not None`].includes(oneLine(condition.text))));
    const exit = truthy ? node.childForFieldName('consequence')?.namedChildren.find((child) => child?.type === 'break_statement' || child?.type === 'return_statement') : undefined;
    return exit ? [exit] : [];
  })[0];
  const statement = value.parent?.type === 'assignment' || value.parent?.type === 'boolean_operator' ? (value.parent.parent?.type === 'assignment' ? value.parent.parent : value.parent) : value;
  return { calledAt: call.startPosition.row, calledAs: oneLine(statement.text), ...(stop ? { stopsAt: stop.startPosition.row } : {}) };
}

/** Calls that run a loop's item: the item called, a method of it called, or the item handed first to a function that calls it (`invoke_handler(h, req)`). */
function callsItem(call: Node, items: ReadonlySet<string>): boolean {
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  if (callee.type === 'identifier') {
    if (items.has(callee.text)) return true;
  } else if (callee.type === 'attribute' && items.has(callee.childForFieldName('object')?.text ?? '')) return true;
  // A method of the item looked up by name and called (`getattr(plugin, "pre_get")(self)`).
  else if (callee.type === 'call' && callee.childForFieldName('function')?.text === 'getattr' && items.has(callee.childForFieldName('arguments')?.namedChildren.find((child) => child?.type !== 'comment')?.text ?? '')) return true;
  const first = call.childForFieldName('arguments')?.namedChildren.find((child) => child?.type !== 'comment');
  const name = callee.type === 'attribute' ? (callee.childForFieldName('attribute')?.text ?? '') : callee.text;
  return first?.type === 'identifier' && items.has(first.text) && ITEM_INVOKERS.test(name);
}

/** Names of functions that call the function they are handed first (`invoke_handler`, `_call_hook`, `run_sync`), not ones that keep it (`append`, `add_callback`). */
const ITEM_INVOKERS = /^_*(invoke|call|run|apply|exec)/i;

/** A value as plain data (see ValueShape); past the size budget, the rest is its text. */
function valueShape(node: Node, budget = { left: MAX_SHAPE_NODES }, depth = 0): ValueShape {
  if (--budget.left < 0 || depth > MAX_SHAPE_DEPTH) return { kind: 'other', text: node.text.slice(0, MAX_ARGUMENT_LENGTH) };
  switch (node.type) {
    case 'call': {
      const callee = node.childForFieldName('function');
      const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
      const chained = object && !isDottedName(object);
      const args: ValueShape[] = [];
      const keywords: Record<string, ValueShape> = {};
      for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
        if (!argument || argument.type === 'comment') continue;
        if (argument.type === 'keyword_argument') {
          const key = argument.childForFieldName('name')?.text;
          const value = argument.childForFieldName('value');
          if (key && value) keywords[key] = valueShape(value, budget, depth + 1);
        } else {
          args.push(valueShape(argument, budget, depth + 1));
        }
      }
      return {
        kind: 'call',
        callee: chained ? (callee?.childForFieldName('attribute')?.text ?? '') : (callee?.text ?? '').replace(/\s+/g, ''),
        ...(chained && object ? { receiver: valueShape(object, budget, depth + 1) } : {}),
        args,
        keywords,
        line: node.startPosition.row,
      };
    }
    case 'string':
    case 'concatenated_string':
      return node.descendantsOfType('interpolation').length ? { kind: 'other', text: node.text.slice(0, MAX_ARGUMENT_LENGTH) } : { kind: 'string', value: literalValue(node) };
    case 'integer':
    case 'float':
      return { kind: 'number', value: node.text };
    case 'identifier':
    case 'true':
    case 'false':
    case 'none':
      return { kind: 'name', value: node.text };
    case 'attribute':
      return isDottedName(node) ? { kind: 'name', value: node.text.replace(/\s+/g, '') } : { kind: 'other', text: node.text.slice(0, MAX_ARGUMENT_LENGTH) };
    case 'list':
    case 'tuple':
    case 'set':
    case 'expression_list':
      return { kind: 'list', items: node.namedChildren.flatMap((child) => (child && child.type !== 'comment' ? [valueShape(child, budget, depth + 1)] : [])) };
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((child) => child && child.type !== 'comment');
      return inner ? valueShape(inner, budget, depth) : { kind: 'other', text: node.text };
    }
    case 'dictionary':
      return {
        kind: 'dict',
        entries: node.namedChildren.flatMap((pair) => {
          const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
          const value = pair?.childForFieldName('value');
          return key && value ? [{ key: valueShape(key, budget, depth + 1), value: valueShape(value, budget, depth + 1) }] : [];
        }),
      };
    default:
      return { kind: 'other', text: node.text.replace(/\s+/g, ' ').slice(0, MAX_ARGUMENT_LENGTH) };
  }
}

function isDottedName(node: Node): boolean {
  let current: Node | null = node;
  while (current?.type === 'attribute') current = current.childForFieldName('object');
  return current?.type === 'identifier';
}

/** A local's type, or an attribute the method sets on `self`, from one assignment. */
function recordAssignment(node: Node, scope: BodyScope): void {
  const { symbol, owner, selfName } = scope;
  const parameters = symbol.parameters ?? [];
  const left = node.childForFieldName('left');
  const annotation = node.childForFieldName('type')?.text;
  const value = node.childForFieldName('right') ?? undefined;
  if (left?.type === 'identifier') {
    const locals = (symbol.locals ??= []);
    if (locals.some((local) => local.name === left.text && local.type)) return;
    const type = attributeOf(left.text, annotation, value, node.startPosition.row, parameters).type;
    const madeWith = value?.type === 'call' ? classGivenFirst(value) : undefined;
    locals.push({ name: left.text, ...(type ? { type } : {}), ...(madeWith ? { madeWith } : {}) });
  } else if (owner && selfName && left?.type === 'attribute' && left.childForFieldName('object')?.text === selfName) {
    const name = left.childForFieldName('attribute')?.text;
    if (name && !owner.attributes?.some((attribute) => attribute.name === name && attribute.type)) {
      owner.attributes?.push(attributeOf(name, annotation, value, node.startPosition.row, parameters));
    }
  }
}

/** Stores kept per function, at most. */
const MAX_STORES = 8;

/** A value stored under a key of a table named by a name or an attribute (`REGISTRY[name] = cls`), told to the symbol given. */
function recordStore(node: Node, symbol: SymbolDefinition): void {
  const left = node.childForFieldName('left');
  const table = left?.type === 'subscript' ? left.childForFieldName('value') : undefined;
  const value = node.childForFieldName('right');
  if (!table || !value || (table.type !== 'identifier' && !(table.type === 'attribute' && isDottedName(table)))) return;
  if ((symbol.stores ??= []).length < MAX_STORES) symbol.stores.push({ table: table.text.replace(/\s+/g, ''), value: oneLine(value.text), line: node.startPosition.row });
}

/** Fills kept per function, and calls and names kept per value, at most: a bound on what a long function costs the facts. */
const MAX_FILLS = 48;
const MAX_VALUE_PARTS = 6;

/**
 * What an assignment writes and what the value is made from (`project.code = project.badge_key = str(uuid4())`
 * fills both targets from `str` and `uuid4`); a local made by a call also gets each keyword the call
 * is given as a fill of its attribute (`user = User(username=name)` fills `user.username` from `name`).
 */
function recordFills(node: Node, scope: BodyScope): void {
  if (node.parent?.type === 'assignment') return;
  const line = node.startPosition.row;
  const targets: Node[] = [];
  let value: Node | null = node;
  for (; value?.type === 'assignment'; value = value.childForFieldName('right')) {
    const left = value.childForFieldName('left');
    if (left && (left.type === 'identifier' || left.type === 'attribute')) targets.push(left);
    // `verified, _ = verify_password(...)`: each name unpacked is made from the whole value.
    else if (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') targets.push(...left.namedChildren.filter((child): child is Node => child?.type === 'identifier' || child?.type === 'attribute'));
  }
  if (!value) return;
  const made = valueParts(value);
  const keep = (fill: FillFact) => ((scope.symbol.fills?.length ?? 0) < MAX_FILLS ? (scope.symbol.fills ??= []).push(fill) : (scope.symbol.fillsCut = true));
  for (const target of targets) keep({ target: target.text.replace(/\s+/g, ''), line, ...made });
  const local = targets.length === 1 ? targets.find((target) => target.type === 'identifier') : undefined;
  if (!local || value.type !== 'call') return;
  for (const argument of value.childForFieldName('arguments')?.namedChildren ?? []) {
    // `Project(**data)`: the keywords are not written, any attribute may be given.
    if (argument?.type === 'dictionary_splat') keep({ target: `${local.text}.**`, line, ...valueParts(argument) });
    const given = argument?.type === 'keyword_argument' ? argument.childForFieldName('value') : undefined;
    const name = argument?.childForFieldName('name')?.text;
    if (given && name) keep({ target: `${local.text}.${name}`, line, ...valueParts(given) });
  }
}

/** The calls (by callee) and the names read (outermost dotted names, callees left out) in a value, a few of each. */
function valueParts(value: Node): Pick<FillFact, 'calls' | 'reads'> {
  const calls: string[] = [];
  const reads: string[] = [];
  const visit = (node: Node, depth: number): void => {
    if (depth > MAX_SHAPE_DEPTH || (calls.length >= MAX_VALUE_PARTS && reads.length >= MAX_VALUE_PARTS)) return;
    if (node.type === 'call') {
      const callee = node.childForFieldName('function');
      if (callee && calls.length < MAX_VALUE_PARTS) calls.push(normalizeCallee(callee.text));
      // A method called on a value (`str(uuid4()).upper()`) is made from that value.
      const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
      if (receiver) visit(receiver, depth + 1);
      const args = node.childForFieldName('arguments');
      if (args) visit(args, depth + 1);
      return;
    }
    if (node.type === 'identifier' || (node.type === 'attribute' && isDottedName(node))) {
      if (reads.length < MAX_VALUE_PARTS) reads.push(node.text.replace(/\s+/g, ''));
      return;
    }
    if (node.type === 'keyword_argument') {
      const given = node.childForFieldName('value');
      if (given) visit(given, depth + 1);
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child, depth + 1);
  };
  visit(value, 0);
  return { calls, reads };
}

/** A call whose first argument is a class, as PEP 8 names classes (`get_object_or_404(Check, code=code)`): the call and the class as written. */
function classGivenFirst(call: Node): Local['madeWith'] {
  const first = call.childForFieldName('arguments')?.namedChildren.find((child) => child && child.type !== 'comment');
  if ((first?.type !== 'identifier' && first?.type !== 'attribute') || !isDottedName(first) || !/(^|\.)[A-Z]\w*$/.test(first.text)) return undefined;
  return { callee: normalizeCallee(call.childForFieldName('function')?.text ?? ''), argument: first.text };
}

/** A note longer than this is cut: its opening sentences are what an answer quotes. A function's notes are kept up to a number, a bound on what a long function costs the facts. */
const MAX_NOTE_LENGTH = 600;
const MAX_NOTES = 16;

/**
 * What the authors wrote in a function in prose: its docstring, then each block of whole-line
 * comments (consecutive `#` lines, as one text) in its own body, not in functions defined inside.
 */
function notesOf(definition: Node, docstring: { text: string; line: number } | undefined): NonNullable<SymbolDefinition['notes']> {
  const notes: NonNullable<SymbolDefinition['notes']> = [];
  const text = docstring?.text.replace(/\s+/g, ' ').trim();
  if (docstring && text) notes.push({ kind: 'docstring', line: docstring.line, end: docstring.line, text: text.slice(0, MAX_NOTE_LENGTH) });
  let open: (typeof notes)[number] | undefined;
  // Read from the definition, not its block: the grammar puts the comments before a block's first statement outside the block.
  for (const comment of statementsUnder(definition).filter((node) => node.type === 'comment')) {
    if (trailsCode(comment)) continue;
    const line = comment.startPosition.row;
    const words = comment.text.replace(/^#+\s?/, '').trim();
    if (open && open.end === line - 1) {
      open.end = line;
      open.text = `${open.text} ${words}`.trim().slice(0, MAX_NOTE_LENGTH);
    } else {
      open = { kind: 'comment', line, end: line, text: words.slice(0, MAX_NOTE_LENGTH) };
      notes.push(open);
    }
  }
  return notes.filter((note) => note.text).slice(0, MAX_NOTES);
}

/** A comment written after code on its line (`x = 1  # seconds`): a remark on that line, not a block of prose. */
function trailsCode(comment: Node): boolean {
  const before = comment.previousSibling;
  return !!before && before.endPosition.row === comment.startPosition.row;
}

/** The value of a plain string literal (no interpolation, no concatenation), else undefined. */
/** A docstring longer than this is cut: what an implementation documents of itself (its options and their defaults) comes early. */
const MAX_DOCSTRING_LENGTH = 4000;

/** The docstring a body opens with: its text, its quotes and prefix taken off, and the line the text starts on. */
function docstringOf(body: Node | null): { text: string; line: number } | undefined {
  const first = body?.firstNamedChild;
  const string = first?.type === 'expression_statement' ? first.firstNamedChild : undefined;
  if (string?.type !== 'string') return undefined;
  const content = string.namedChildren.find((child) => child?.type === 'string_content');
  if (!content) return undefined;
  return { text: content.text.slice(0, MAX_DOCSTRING_LENGTH), line: content.startPosition.row };
}

/** A documented outcome longer than this is cut. */
const MAX_OUTCOME_TEXT = 240;

/** Sphinx fields (`:returns: …`, `:return: …`, `:raises ValueError: …`, `:raises: …`) and Google sections (`Returns:`, `Raises:`). */
const OUTCOME_FIELD = /^:(returns?|raises?|throws?)(\s+[\w.]+)?:(.*)$/;
const OUTCOME_SECTION = /^(Returns|Raises|Throws):$/;

/**
 * What a docstring says its function returns and raises: each field or section with the lines that
 * continue it (indented further, or bullets), squeezed onto one line. A function's promises to its
 * callers, which the contract of an interface is made of.
 */
function documentedOutcomes(docstring: { text: string; line: number } | undefined): DocumentedOutcome[] {
  if (!docstring) return [];
  const lines = docstring.text.split('\n').map((line) => line.slice(0, MAX_OUTCOME_TEXT));
  const outcomes: (DocumentedOutcome & { indent: number })[] = [];
  let open: (DocumentedOutcome & { indent: number }) | undefined;
  lines.forEach((written, position) => {
    const line = written.trim();
    const indent = written.length - written.trimStart().length;
    const field = OUTCOME_FIELD.exec(line);
    const section = OUTCOME_SECTION.exec(line);
    if (field || section) {
      const kind = /^(return|Return)/.test(field?.[1] ?? section?.[1] ?? '') ? 'returns' : 'raises';
      const text = field ? `${field[2] ? `${field[2].trim()} ` : ''}${(field[3] ?? '').trim()}` : '';
      open = { kind, text, line: docstring.line + position, indent };
      outcomes.push(open);
    } else if (open && line && (indent > open.indent || line.startsWith('-')) && !line.startsWith(':')) {
      open.text = `${open.text} ${line}`.slice(0, MAX_OUTCOME_TEXT);
    } else {
      open = undefined;
    }
  });
  return outcomes.map(({ kind, text, line }) => ({ kind, text: text.replace(/\s+/g, ' ').trim(), line })).filter((outcome) => outcome.text);
}

function stringLiteral(node: Node | undefined): string | undefined {
  if (node?.type !== 'string' || node.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
  return literalValue(node);
}

function callShape(call: Node): CallShape {
  const callee = normalizeCallee(call.childForFieldName('function')?.text ?? '');
  const args: string[] = [];
  const keywords: Record<string, string> = {};
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      const key = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value')?.text;
      if (key && value !== undefined) keywords[key] = value.slice(0, MAX_ARGUMENT_LENGTH);
    } else {
      args.push(argument.text.slice(0, MAX_ARGUMENT_LENGTH));
    }
  }
  return { callee, args, keywords };
}

function parametersOf(parameters: Node | null): Parameter[] {
  const result: Parameter[] = [];
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter) continue;
    if (parameter.type === 'identifier') {
      result.push({ name: parameter.text });
      continue;
    }
    // `**kwargs: Any` is a typed parameter around the splat pattern that holds the name.
    const pattern = parameter.type === 'typed_parameter' && parameter.firstNamedChild?.type.endsWith('splat_pattern') ? parameter.firstNamedChild : parameter;
    const nameNode = pattern.childForFieldName('name') ?? pattern.namedChildren.find((child) => child?.type === 'identifier');
    if (!nameNode) continue;
    const annotation = parameter.childForFieldName('type')?.text;
    const value = parameter.childForFieldName('value')?.text;
    const splat = pattern.type === 'dictionary_splat_pattern' ? 'keywords' : pattern.type === 'list_splat_pattern' ? 'positional' : undefined;
    result.push({ name: nameNode.text, ...(annotation ? { annotation } : {}), ...(value ? { default: value.slice(0, MAX_ARGUMENT_LENGTH) } : {}), ...(splat ? { splat } : {}) });
  }
  return result;
}

/** True when, docstring aside, the body starts with `raise NotImplementedError` (what follows is unreachable). */
/**
 * The body always raises NotImplementedError: what comes before the raise (a docstring, `msg =
 * "..."`) are plain expressions and assignments, never a branch or a return that could leave first;
 * what follows it never runs (httpx's `yield b""`, there to make the method a generator).
 */
function raisesNotImplemented(body: Node): boolean {
  const statements = body.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  const first = statements.find((statement) => statement.type !== 'expression_statement');
  if (first?.type !== 'raise_statement') return false;
  const raised = first.firstNamedChild;
  const name = raised?.type === 'call' ? raised.childForFieldName('function')?.text : raised?.text;
  return name === 'NotImplementedError';
}

/** A returned string longer than this is no path helper's: not kept. */
const MAX_RETURNED_STRING_LENGTH = 200;

/**
 * What a function returns when its last statement returns a string made of literals and its own
 * parameters (`return rule`, `return "/<org>" + rule`, `return "/<org>{}".format(rule)`, an
 * f-string): the expression as written. A route's path helper (`@bp.route(org_scoped_rule("/x"))`)
 * is read through it; earlier returns under a condition are the cases the defaults do not take.
 */
function stringMadeFromParameters(body: Node, parameters: readonly Parameter[]): string | undefined {
  const statements = body.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  const last = statements[statements.length - 1];
  const value = last?.type === 'return_statement' ? last.firstNamedChild : undefined;
  if (!value || value.text.length > MAX_RETURNED_STRING_LENGTH) return undefined;
  const names = new Set(parameters.map((parameter) => parameter.name));
  const madeOf = (node: Node): boolean => {
    switch (node.type) {
      case 'identifier':
        return names.has(node.text);
      case 'string':
        return node.namedChildren.every((child) => child?.type !== 'interpolation' || (child.namedChildren[0]?.type === 'identifier' && names.has(child.namedChildren[0].text)));
      case 'parenthesized_expression':
        return node.namedChildren.length === 1 && madeOf(node.namedChildren[0] as Node);
      case 'binary_operator':
        return node.childForFieldName('operator')?.text === '+' && [node.childForFieldName('left'), node.childForFieldName('right')].every((side) => side !== null && madeOf(side));
      case 'call': {
        const callee = node.childForFieldName('function');
        const formatted = callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format' && callee.childForFieldName('object')?.type === 'string';
        return formatted && (node.childForFieldName('arguments')?.namedChildren ?? []).every((argument) => argument !== null && (argument.type === 'identifier' || argument.type === 'string') && madeOf(argument));
      }
      default:
        return false;
    }
  };
  if (!madeOf(value)) return undefined;
  // `rule = "/api" + rule` before `return rule`: the parameter no longer holds what the caller gave.
  const returned = new Set((value.type === 'identifier' ? [value] : value.descendantsOfType('identifier')).flatMap((name) => (name && names.has(name.text) ? [name.text] : [])));
  const reassigned = body.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement', 'named_expression']).some((statement) => {
    const target = statement?.childForFieldName(statement.type === 'named_expression' ? 'name' : 'left');
    return target !== null && target !== undefined && (target.type === 'identifier' ? [target] : target.descendantsOfType('identifier')).some((name) => name !== null && returned.has(name.text));
  });
  return reassigned ? undefined : value.text;
}

/** A body of `...` or `pass` alone, a docstring before it or not. */
function isStub(body: Node): boolean {
  const statements = body.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  const last = statements[statements.length - 1];
  const placeholder = last?.type === 'pass_statement' || (last?.type === 'expression_statement' && last.firstNamedChild?.type === 'ellipsis');
  return placeholder && statements.length <= 2 && (statements.length === 1 || (statements[0]?.type === 'expression_statement' && statements[0].firstNamedChild?.type === 'string'));
}

function decoratorName(decorator: Node): string {
  const expression = decorator.firstNamedChild;
  if (!expression) return '';
  const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
  return (callee?.text ?? '').replace(/\s+/g, '');
}

function classBases(definition: Node): { bases: string[]; metaclass?: string; keywords?: Record<string, string> } {
  const bases: string[] = [];
  let metaclass: string | undefined;
  const keywords: Record<string, string> = {};
  for (const argument of definition.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (!argument) continue;
    if (argument.type === 'keyword_argument') {
      const key = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value')?.text;
      if (key === 'metaclass') metaclass = value;
      else if (key && value) keywords[key] = value;
    } else if (argument.type === 'call') {
      // A class a call makes (`models.Manager.from_queryset(QS)`) is named by the callee, as JavaScript's `extends factory(Base)` is.
      bases.push(`${beforeFirst((argument.childForFieldName('function')?.text ?? '').replace(/\s+/g, ''), '[')}()`);
    } else if (argument.type !== 'comment') {
      // `Generic[T]` and `Repository[Order]` name their class before the brackets.
      bases.push(beforeFirst(argument.text.replace(/\s+/g, ''), '['));
    }
  }
  return { bases, ...(metaclass ? { metaclass } : {}), ...(Object.keys(keywords).length ? { keywords } : {}) };
}

/** Whether a statement sits in the body of an `if TYPE_CHECKING:` (`typing.TYPE_CHECKING`), which only type checkers run. */
function underTypeChecking(statement: Node): boolean {
  for (let child = statement, parent = statement.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.equals(child)) {
      const condition = parent.childForFieldName('condition')?.text;
      if (condition === 'TYPE_CHECKING' || condition === 'typing.TYPE_CHECKING') return true;
    }
  }
  return false;
}

function plainImports(statement: Node): ImportStatement[] {
  const line = statement.startPosition.row;
  return statement.childrenForFieldName('name').flatMap((name): ImportStatement[] => {
    if (!name) return [];
    if (name.type === 'aliased_import') {
      const module = name.childForFieldName('name')?.text ?? '';
      const alias = name.childForFieldName('alias')?.text;
      return [{ module, level: 0, names: [], ...(alias ? { alias } : {}), line }];
    }
    return [{ module: name.text, level: 0, names: [], line }];
  });
}

function fromImport(statement: Node): ImportStatement {
  const moduleNode = statement.childForFieldName('module_name');
  let module = moduleNode?.text ?? '';
  let level = 0;
  if (moduleNode?.type === 'relative_import') {
    const prefix = moduleNode.namedChildren.find((child) => child?.type === 'import_prefix')?.text ?? '';
    level = prefix.length;
    module = moduleNode.namedChildren.find((child) => child?.type === 'dotted_name')?.text ?? '';
  }
  const names = statement.childrenForFieldName('name').flatMap((name) => {
    if (!name) return [];
    if (name.type === 'aliased_import') {
      const alias = name.childForFieldName('alias')?.text;
      return [{ name: name.childForFieldName('name')?.text ?? '', ...(alias ? { alias } : {}) }];
    }
    return [{ name: name.text }];
  });
  if (statement.namedChildren.some((child) => child?.type === 'wildcard_import')) names.push({ name: '*' });
  return { module, level, names, line: statement.startPosition.row };
}
