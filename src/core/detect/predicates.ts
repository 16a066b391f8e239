import type { Node, QueryMatch, QueryPredicate } from 'web-tree-sitter';

/**
 * Predicates tree-sitter leaves to its host, for what a pattern cannot say of a subtree of any
 * depth. Each is checked only on a match of its pattern, so it costs nothing on most nodes.
 *
 * `(#decorates? @function @parameter? "how"...)`: in Python, the function does to its parameter
 * (the first, after `self` or `cls` in a class; the one captured, when one is) what a decorator
 * does to the function it decorates, in one of the ways named:
 * - `wraps`: it returns a function defined inside it that calls the parameter or copies its
 *   metadata (`@functools.wraps(f)`);
 * - `passes`: it returns a function defined inside it that hands the parameter to a call
 *   (`invoke(f, request)`, `partial(f)`);
 * - `marks`: it returns the parameter itself (or `typing.cast` of it), having set attributes on it
 *   (`f.permission_classes = ...`, `setattr(f, ...)`);
 * - `registers`: it returns the parameter itself, having handed it (or what calling it makes) to a
 *   call, now or in a lambda given to a call, or stored it, as a value or as a key
 *   (`self.handlers.append(f)`, `self.add_route(path, f)`, `self.routes[path] = f`,
 *   `self.docs[f] = info`, `self.record_once(lambda s: s.app.hook(f))`);
 * - `applies`: it returns what a call given the parameter makes, at once or through a local
 *   (`return self.task(**options)(f)`, `ret = task(*args)(close_db(fn)); return ret`): another
 *   decorator applied to it;
 * - `returns`: it returns the parameter itself, whatever else it does with it.
 *
 * `(#returns-closure-calling? @function "method"...)`: in Go, the function returns a function
 * literal whose body calls one of the named methods on the literal's first parameter (Fiber's and
 * gin's middleware: `return func(c fiber.Ctx) error { ...; return c.Next() }`), or returns what a
 * function of its file that does so makes (`return LoggerWithConfig(conf)`).
 *
 * `(#defines? @scope "name"|@name "parameter"...)`: in Python, the class or function captured
 * defines in its own body a function of that name (written, or a capture's text) whose parameters,
 * after `self` or `cls` in a class, begin with the names given, in order (`"app|application"`: either).
 * A pattern that matched both definitions as siblings would match every pair of a body's statements.
 *
 * `(#imports? @node "module"...)`: in Python, the file of the captured node imports, at its top
 * level, one of these modules or a module inside one (`import arq`, `from arq.connections import ...`).
 *
 * `(#returns? @function @name)`: in Python, JavaScript and TypeScript, the function's body (or the block captured) ends
 * (comments aside) with `return name`, the captured name: a function that makes a router and hands
 * it back. The last statement only, so that a body with many assignments costs one look each.
 *
 * `(#pushes? @function @list @item)`: in JavaScript and TypeScript, a statement of the function's
 * own body pushes the item onto the list (`chain.push(parseBody)`): for the same reason as `defines?`.
 */
export function customPredicatesHold(predicates: readonly QueryPredicate[], match: QueryMatch): boolean {
  const captured = (name: string) => match.captures.find((capture) => capture.name === name)?.node;
  for (const predicate of predicates) {
    if (predicate.operator === 'decorates?') {
      const [functionStep, ...rest] = predicate.operands;
      const function_ = functionStep?.type === 'capture' ? captured(functionStep.name) : undefined;
      const parameterStep = rest[0]?.type === 'capture' ? rest[0] : undefined;
      const ways = new Set(rest.flatMap((step) => (step.type === 'string' ? [step.value] : [])));
      if (!function_ || !decorates(function_, ways, parameterStep ? captured(parameterStep.name)?.text : undefined)) return false;
    } else if (predicate.operator === 'returns-closure-calling?') {
      const [functionStep, ...rest] = predicate.operands;
      const function_ = functionStep?.type === 'capture' ? captured(functionStep.name) : undefined;
      const methods = new Set(rest.flatMap((step) => (step.type === 'string' ? [step.value] : [])));
      if (!function_ || !returnsClosureCalling(function_, methods)) return false;
    } else if (predicate.operator === 'defines?') {
      const [scopeStep, nameStep, ...rest] = predicate.operands;
      const scope = scopeStep?.type === 'capture' ? captured(scopeStep.name) : undefined;
      const name = nameStep?.type === 'capture' ? captured(nameStep.name)?.text : nameStep?.value;
      const parameters = rest.flatMap((step) => (step.type === 'string' ? [step.value.split('|')] : []));
      if (!scope || name === undefined || !definesFunction(scope, name, parameters)) return false;
    } else if (predicate.operator === 'pushes?') {
      const [functionStep, listStep, itemStep] = predicate.operands;
      const function_ = functionStep?.type === 'capture' ? captured(functionStep.name) : undefined;
      const list = listStep?.type === 'capture' ? captured(listStep.name)?.text : undefined;
      const item = itemStep?.type === 'capture' ? captured(itemStep.name)?.text : undefined;
      if (!function_ || list === undefined || item === undefined || !pushesOnto(function_, list, item)) return false;
    } else if (predicate.operator === 'returns?') {
      const [functionStep, nameStep] = predicate.operands;
      const function_ = functionStep?.type === 'capture' ? captured(functionStep.name) : undefined;
      const name = nameStep?.type === 'capture' ? captured(nameStep.name)?.text : undefined;
      if (!function_ || name === undefined || !endsReturning(function_, name)) return false;
    } else if (predicate.operator === 'imports?') {
      const [nodeStep, ...rest] = predicate.operands;
      const node = nodeStep?.type === 'capture' ? captured(nodeStep.name) : undefined;
      const modules = rest.flatMap((step) => (step.type === 'string' ? [step.value] : []));
      if (!node || !importsModule(node.tree.rootNode, modules)) return false;
    }
  }
  return true;
}

const TRAILING_DECLARATIONS = new Set(['comment', 'function_declaration', 'function_definition', 'decorated_definition']);

function endsReturning(function_: Node, name: string): boolean {
  const body = function_.type === 'statement_block' || function_.type === 'block' ? function_ : function_.childForFieldName('body');
  let last = body?.lastNamedChild ?? null;
  // Functions declared after the return are hoisted (JavaScript) or unreached definitions: the return is what it ends with.
  while (last && TRAILING_DECLARATIONS.has(last.type)) last = last.previousNamedSibling;
  return last?.type === 'return_statement' && last.firstNamedChild?.text === name;
}

function definesFunction(scope: Node, name: string, parameters: readonly (readonly string[])[]): boolean {
  const inClass = scope.type === 'class_definition';
  for (const statement of scope.childForFieldName('body')?.namedChildren ?? []) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'function_definition' || definition.childForFieldName('name')?.text !== name) continue;
    const written = (definition.childForFieldName('parameters')?.namedChildren ?? []).map((parameter) => (parameter ? parameterName(parameter) : undefined));
    const own = inClass && (written[0] === 'self' || written[0] === 'cls') ? written.slice(1) : written;
    if (parameters.every((allowed, position) => allowed.includes(own[position] ?? ''))) return true;
  }
  return false;
}

/** A parameter's name, with or without its type and default; none for `*args`, `**kwargs`, `/`, `*`. */
function parameterName(parameter: Node): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  if (parameter.type === 'typed_parameter') return parameter.namedChildren.find((child) => child?.type === 'identifier')?.text;
  if (parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter') return parameter.childForFieldName('name')?.text;
  return undefined;
}

function pushesOnto(function_: Node, list: string, item: string): boolean {
  for (const statement of function_.childForFieldName('body')?.namedChildren ?? []) {
    const call = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (callee?.type !== 'member_expression' || callee.childForFieldName('object')?.text !== list || callee.childForFieldName('property')?.text !== 'push') continue;
    if (call?.childForFieldName('arguments')?.namedChildren.some((argument) => argument?.type === 'identifier' && argument.text === item)) return true;
  }
  return false;
}

function importsModule(root: Node, modules: readonly string[]): boolean {
  const imported = (dotted: string | undefined) => dotted !== undefined && modules.some((module) => dotted === module || dotted.startsWith(`${module}.`));
  for (const statement of root.namedChildren) {
    if (statement?.type === 'import_from_statement' && imported(statement.childForFieldName('module_name')?.text)) return true;
    if (statement?.type !== 'import_statement') continue;
    for (const name of statement.childrenForFieldName('name')) {
      if (imported(name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text)) return true;
    }
  }
  return false;
}

function decorates(function_: Node, ways: ReadonlySet<string>, captured: string | undefined): boolean {
  const definition = function_.type === 'decorated_definition' ? function_.childForFieldName('definition') : function_;
  const parameter = definition ? decoratedParameter(definition) : undefined;
  const body = definition?.childForFieldName('body');
  if (!parameter || !body || (captured !== undefined && captured !== parameter)) return false;
  const scope = ownScope(body);
  if (ways.has('wraps') || ways.has('passes')) {
    const inner = new Map(scope.definitions.map((node) => [definitionName(node), node]));
    for (const name of scope.returned) {
      const use = usesOf(inner.get(name), parameter);
      if ((use.called && ways.has('wraps')) || (use.passed && ways.has('passes'))) return true;
    }
  }
  if (ways.has('applies') && (scope.givenToReturned.has(parameter) || scope.returned.some((name) => scope.givenToLocals.get(name)?.has(parameter)))) return true;
  if (!scope.returned.includes(parameter)) return false;
  return ways.has('returns') || (ways.has('marks') && scope.marked.has(parameter)) || (ways.has('registers') && scope.stored.has(parameter));
}

/** The parameter a decorator takes its function by: the first, after `self` or `cls` in a class body. */
function decoratedParameter(definition: Node): string | undefined {
  const parameters = definition.childForFieldName('parameters')?.namedChildren ?? [];
  const inClass = (definition.parent?.type === 'decorated_definition' ? definition.parent.parent : definition.parent)?.parent?.type === 'class_definition';
  const first = parameters[0];
  const chosen = inClass && first?.type === 'identifier' && (first.text === 'self' || first.text === 'cls') ? parameters[1] : first;
  if (chosen?.type === 'identifier') return chosen.text;
  if (chosen?.type === 'typed_parameter') return chosen.namedChildren.find((child) => child?.type === 'identifier')?.text;
  return undefined;
}

interface Scope {
  /** Names returned as they are (`return wrapper`, `return f`). */
  returned: string[];
  /** Functions defined in the scope (nested in its blocks, not in other functions), decorated or not. */
  definitions: Node[];
  /** Names passed to calls or stored as values (`x.append(f)`, `self.routes[p] = f`). */
  stored: Set<string>;
  /** Names whose attributes are set (`f.x = ...`, `setattr(f, ...)`). */
  marked: Set<string>;
  /** Names given to the calls it returns (`return task(f)`). */
  givenToReturned: Set<string>;
  /** Names given to the call each local is assigned (`ret = task(*args)(close_db(f))`). */
  givenToLocals: Map<string, Set<string>>;
}

/** What a function body does at its own level: what it returns, defines, stores and marks; nested functions are walked only as definitions. */
function ownScope(body: Node): Scope {
  const scope: Scope = { returned: [], definitions: [], stored: new Set(), marked: new Set(), givenToReturned: new Set(), givenToLocals: new Map() };
  const pending: Node[] = [body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    switch (node.type) {
      case 'function_definition':
      case 'decorated_definition':
      case 'class_definition':
      case 'lambda':
        if (node.type !== 'class_definition' && node.type !== 'lambda' && node.parent?.type !== 'decorated_definition') scope.definitions.push(node);
        if (node.type === 'lambda' && isArgument(node)) deferredArguments(node, scope.stored);
        continue;
      case 'return_statement': {
        const value = node.namedChildren[0];
        if (value?.type === 'identifier') scope.returned.push(value.text);
        // `return cast(_R, resource)`: typing's cast hands back what it is given.
        const cast = value?.type === 'call' && /^(typing\.)?cast$/.test(value.childForFieldName('function')?.text ?? '') ? value.childForFieldName('arguments')?.namedChildren.at(-1) : undefined;
        if (cast?.type === 'identifier') scope.returned.push(cast.text);
        // `return functools.wraps(f)(wrapper)`: the wrapper, given the function's metadata.
        const wrapped = value?.type === 'call' && /^(functools\.)?wraps$/.test(value.childForFieldName('function')?.childForFieldName('function')?.text ?? '') ? value.childForFieldName('arguments')?.namedChildren[0] : undefined;
        if (wrapped?.type === 'identifier') scope.returned.push(wrapped.text);
        if (value?.type === 'call') givenTo(value, scope.givenToReturned);
        break;
      }
      case 'call': {
        const callee = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        for (const argument of args?.namedChildren ?? []) {
          const value = argument?.type === 'keyword_argument' ? argument.childForFieldName('value') : argument;
          if (value) namesIn(value, scope.stored);
        }
        const first = args?.namedChildren[0];
        if (callee?.text === 'setattr' && first?.type === 'identifier') scope.marked.add(first.text);
        break;
      }
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'attribute' && left.childForFieldName('object')?.type === 'identifier') scope.marked.add(left.childForFieldName('object')?.text ?? '');
        if (right?.type === 'identifier' && (left?.type === 'subscript' || left?.type === 'attribute')) scope.stored.add(right.text);
        // `self.docs[f] = info`: a registry keyed by the function keeps it as well as one holding it.
        const key = left?.type === 'subscript' ? left.childForFieldName('subscript') : null;
        if (key?.type === 'identifier') scope.stored.add(key.text);
        if (left?.type === 'identifier' && right?.type === 'call') scope.givenToLocals.set(left.text, givenTo(right, scope.givenToLocals.get(left.text)));
        break;
      }
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  return scope;
}

/** Whether a node is an argument of a call, by position or by keyword. */
function isArgument(node: Node): boolean {
  const parent = node.parent?.type === 'keyword_argument' ? node.parent.parent : node.parent;
  return parent?.type === 'argument_list';
}

/**
 * The names a lambda handed to a call passes on to calls of its own: a registration deferred
 * until later (Flask's and Quart's `Blueprint.record_once(lambda state: state.app.before_request(f))`).
 */
function deferredArguments(lambda: Node, names: Set<string>): void {
  const pending: Node[] = [lambda.childForFieldName('body')].filter((node): node is Node => node !== null);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'lambda' || node.type === 'function_definition') continue;
    if (node.type === 'call') {
      for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
        const value = argument?.type === 'keyword_argument' ? argument.childForFieldName('value') : argument;
        if (value) namesIn(value, names);
      }
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
}

/**
 * The names an argument holds as values: itself, what calling it without arguments makes (a
 * generator function's generator, `self.serving_gens.append(func())`), or the items of the
 * tuples, lists and dictionaries it is made of (`append((methods, pattern, f))`).
 */
function namesIn(value: Node, names: Set<string>): void {
  if (value.type === 'identifier') names.add(value.text);
  else if (value.type === 'call' && value.childForFieldName('function')?.type === 'identifier' && !value.childForFieldName('arguments')?.namedChildCount) {
    names.add(value.childForFieldName('function')?.text ?? '');
  }
  else if (value.type === 'tuple' || value.type === 'list' || value.type === 'dictionary' || value.type === 'pair' || value.type === 'parenthesized_expression') {
    for (const child of value.namedChildren) if (child) namesIn(child, names);
  }
}

/**
 * The names a call is given as arguments, and those given to the calls among its arguments and to
 * the call it is made on: `task(*args)(close_db(fn))` is given `args` and `fn`.
 */
function givenTo(call: Node, names = new Set<string>()): Set<string> {
  const pending: Node[] = [call];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const callee = node.childForFieldName('function');
    if (callee?.type === 'call') pending.push(callee);
    for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
      const value = argument?.type === 'keyword_argument' ? argument.childForFieldName('value') : argument;
      if (value?.type === 'identifier') names.add(value.text);
      else if (value?.type === 'call') pending.push(value);
    }
  }
  return names;
}

function definitionName(node: Node): string {
  const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
  return definition?.childForFieldName('name')?.text ?? '';
}

/** Whether a function (with its decorators) calls `name` (or copies its metadata with `functools.wraps(name)`), and whether it hands it to a call. */
function usesOf(function_: Node | undefined, name: string): { called: boolean; passed: boolean } {
  const use = { called: false, passed: false };
  const pending: Node[] = function_ ? [function_] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'call') {
      const callee = node.childForFieldName('function')?.text ?? '';
      if (callee === name) use.called = true;
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      args.forEach((argument, position) => {
        const value = argument?.type === 'keyword_argument' ? argument.childForFieldName('value') : argument;
        if (value?.type !== 'identifier' || value.text !== name) return;
        if (position === 0 && (callee === 'wraps' || callee.endsWith('.wraps'))) use.called = true;
        else use.passed = true;
      });
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  return use;
}

/**
 * Whether a Go function returns a function literal (at once, or through a local it assigned one
 * to) that calls one of the named methods on the literal's first parameter anywhere in its body:
 * Fiber's and gin's middleware, a factory whose handler passes the request on with `c.Next()`.
 */
function returnsClosureCalling(function_: Node, methods: ReadonlySet<string>, delegations = 0): boolean {
  const body = function_.childForFieldName('body');
  if (!body) return false;
  const literals = new Map<string, Node[]>();
  const returned: Node[] = [];
  const pending: Node[] = [body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'func_literal') continue;
    if (node.type === 'return_statement') returned.push(...valuesOf(node.namedChildren[0] ?? null));
    if (node.type === 'short_var_declaration' || node.type === 'assignment_statement' || node.type === 'var_spec') {
      const names = node.type === 'var_spec' ? node.childrenForFieldName('name') : valuesOf(node.childForFieldName('left'));
      const values = valuesOf(node.childForFieldName(node.type === 'var_spec' ? 'value' : 'right'));
      names.forEach((name, position) => {
        const value = values[position];
        if (name?.type === 'identifier' && value?.type === 'func_literal') literals.set(name.text, [...(literals.get(name.text) ?? []), value]);
      });
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  const closures = returned.flatMap((value) => (value.type === 'func_literal' ? [value] : value.type === 'identifier' ? (literals.get(value.text) ?? []) : []));
  if (closures.some((closure) => callsOnFirstParameter(closure, methods))) return true;
  // `func Logger() HandlerFunc { return LoggerWithConfig(LoggerConfig{}) }`: a factory that hands back what another of its file makes.
  if (delegations >= MAX_DELEGATIONS) return false;
  return returned.some((value) => {
    const callee = value.type === 'call_expression' ? value.childForFieldName('function') : null;
    const delegate = callee?.type === 'identifier' ? fileFunctions(function_).get(callee.text) : undefined;
    return delegate !== undefined && returnsClosureCalling(delegate, methods, delegations + 1);
  });
}

/** How many factories deep a delegation is followed (`BasicAuth` → `BasicAuthForRealm`): a bound whatever the file's chains. */
const MAX_DELEGATIONS = 3;

/** Each parsed file's top-level functions by name, read once however many factories delegate. */
const functionsByTree = new WeakMap<Node['tree'], Map<string, Node>>();

function fileFunctions(from: Node): ReadonlyMap<string, Node> {
  let functions = functionsByTree.get(from.tree);
  if (!functions) {
    functions = new Map();
    for (const child of from.tree.rootNode.namedChildren) {
      const name = child?.type === 'function_declaration' ? child.childForFieldName('name')?.text : undefined;
      if (child && name && !functions.has(name)) functions.set(name, child);
    }
    functionsByTree.set(from.tree, functions);
  }
  return functions;
}

/** The expressions of an expression list, or the one expression given. */
function valuesOf(node: Node | null): Node[] {
  if (!node) return [];
  if (node.type === 'expression_list') return node.namedChildren.filter((child): child is Node => child !== null);
  return [node];
}

/** Whether a function literal calls one of the named methods on its first parameter (`c.Next()`), at any depth of its body. */
function callsOnFirstParameter(closure: Node, methods: ReadonlySet<string>): boolean {
  const first = closure.childForFieldName('parameters')?.namedChildren.find((child) => child?.type === 'parameter_declaration');
  const parameter = first?.childForFieldName('name')?.text;
  const body = closure.childForFieldName('body');
  if (!parameter || !body) return false;
  const pending: Node[] = [body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const callee = node.type === 'call_expression' ? node.childForFieldName('function') : null;
    if (callee?.type === 'selector_expression' && callee.childForFieldName('operand')?.text === parameter && methods.has(callee.childForFieldName('field')?.text ?? '')) return true;
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  return false;
}
