import type { Node, QueryMatch } from 'web-tree-sitter';
import { type Extent, placeInBodies } from './bodies';
import type { Attribute, CallShape, CallSite, ImportStatement, Local, Parameter, RaiseFact, SymbolDefinition } from './facts';
import { type LanguageSyntax, literalValue, normalizeCallee, rangeOf } from './syntax';
import { SymbolId } from '../result';
import { beforeFirst } from '../text';

/** Argument texts longer than this are not kept: they are read for names and literals (a router, a prefix, a handler), never whole. */
const MAX_ARGUMENT_LENGTH = 120;

const STRINGS = new Set(['interpreted_string_literal', 'raw_string_literal']);

/**
 * Go: named types (structs with their fields, tags and embedded types — embedded types are bases,
 * their methods promoted; interfaces with their methods and embedded interfaces), functions,
 * methods named `Type.Method` whose first parameter is the receiver (so a trace resolves
 * `h.svc.Create()` as it resolves `self.svc.create()`), package-level variables and constants,
 * closures a registration takes (`r.Get("/x", func(w, r) {...})`, `r.Use(func(c *gin.Context) {...})`,
 * named `<anonymous>@LINE` after the line they start on, like the other languages' inline
 * handlers), calls with the arguments that are names, and the imports with their aliases.
 */
export const goSyntax: LanguageSyntax = {
  guardingCondition: (node) => guardingCondition(node, true),

  definitionName(node) {
    if (node.type === 'function_declaration' || node.type === 'type_spec' || node.type === 'type_alias') return node.childForFieldName('name')?.text;
    if (node.type === 'method_declaration') {
      const name = node.childForFieldName('name')?.text;
      const receiver = receiverOf(node);
      return name && receiver ? `${receiver.type}.${name}` : name;
    }
    return undefined;
  },

  assignedName(node) {
    if (node.type !== 'var_spec' && node.type !== 'const_spec') return undefined;
    return node.childForFieldName('name')?.text;
  },

  packageName(root) {
    return root.namedChildren.find((child) => child?.type === 'package_clause')?.namedChildren.find((child) => child?.type === 'package_identifier')?.text;
  },

  symbols(root, matches) {
    const symbols: SymbolDefinition[] = [];
    const bodies: Extent<SymbolDefinition>[] = [];
    for (const declaration of root.namedChildren) {
      if (!declaration) continue;
      if (declaration.type === 'type_declaration') {
        for (const spec of declaration.namedChildren) if (spec?.type === 'type_spec' || spec?.type === 'type_alias') typeSymbols(spec, symbols);
      } else if (declaration.type === 'function_declaration' || declaration.type === 'method_declaration') {
        const symbol = functionSymbol(declaration, bodies);
        if (symbol) symbols.push(symbol);
      } else if (declaration.type === 'var_declaration' || declaration.type === 'const_declaration') {
        for (const spec of specsOf(declaration)) symbols.push(...variableSymbols(spec));
      }
    }
    registrationClosures(matches, symbols, bodies);
    fillBodies(matches, bodies);
    return symbols;
  },

  imports(root) {
    const imports: ImportStatement[] = [];
    for (const declaration of root.namedChildren) {
      if (declaration?.type !== 'import_declaration') continue;
      const specs = declaration.namedChildren.flatMap((child) => (child?.type === 'import_spec_list' ? child.namedChildren : [child]));
      for (const spec of specs) {
        if (spec?.type !== 'import_spec') continue;
        const path = spec.childForFieldName('path');
        if (!path) continue;
        const name = spec.childForFieldName('name');
        const line = spec.startPosition.row;
        const module = literalValue(path);
        if (name?.type === 'dot') imports.push({ module, level: 0, names: [{ name: '*' }], line });
        else imports.push({ module, level: 0, names: [], line, ...(name ? { alias: name.text } : {}) });
      }
    }
    return imports;
  },

  get query() {
    return SYNTAX_QUERY;
  },
};

/** A method's receiver: its name (`_` when it has none) and its type without the pointer (`*OrderHandler` → `OrderHandler`, `List[T]` → `List`). */
function receiverOf(method: Node): { name: string; type: string } | undefined {
  const parameter = method.childForFieldName('receiver')?.namedChildren.find((child) => child?.type === 'parameter_declaration');
  const type = parameter?.childForFieldName('type');
  if (!type) return undefined;
  return { name: parameter?.childForFieldName('name')?.text ?? '_', type: typeName(type) };
}

/** A type as a dotted name: pointers, slices, maps' values and type arguments dropped (`*svc.OrderService` → `svc.OrderService`, `[]Order` → `Order`). */
export function typeName(type: Node): string {
  const text = type.text.replace(/\s+/g, '');
  return beforeFirst(text.replace(/^(?:\*|\[\d*\]|map\[[^\]]*\]|chan<?-?)+/, ''), '[');
}

function specsOf(declaration: Node): Node[] {
  return declaration.namedChildren.flatMap((child) => (child?.type === 'var_spec_list' ? child.namedChildren : [child])).filter((child): child is Node => child?.type === 'var_spec' || child?.type === 'const_spec');
}

/** A named type: a struct's fields (embedded ones are bases), an interface's methods (embedded interfaces are bases). */
function typeSymbols(spec: Node, symbols: SymbolDefinition[]): void {
  const name = spec.childForFieldName('name')?.text;
  const type = spec.childForFieldName('type');
  if (!name || !type) return;
  const symbol: SymbolDefinition = { name, kind: 'class', range: rangeOf(spec), bases: [], decorators: [], attributes: [] };
  symbols.push(symbol);
  const typeParameters = (spec.childForFieldName('type_parameters')?.namedChildren ?? []).flatMap((declaration) =>
    declaration?.type === 'type_parameter_declaration' ? declaration.childrenForFieldName('name').flatMap((parameter) => (parameter ? [parameter.text] : [])) : [],
  );
  if (typeParameters.length) symbol.typeParameters = typeParameters;
  if (type.type === 'struct_type') {
    const fields = type.namedChildren.find((child) => child?.type === 'field_declaration_list');
    for (const field of fields?.namedChildren ?? []) {
      if (field?.type !== 'field_declaration') continue;
      const fieldType = field.childForFieldName('type');
      if (!fieldType) continue;
      const tag = field.childForFieldName('tag');
      const written = typeName(fieldType);
      const names = field.childrenForFieldName('name').flatMap((child) => (child ? [child.text] : []));
      const common: Omit<Attribute, 'name'> = { type: written, line: field.startPosition.row, ...(tag ? { tag: literalValue(tag) } : {}) };
      if (names.length === 0) {
        // An embedded type: its fields and methods are the struct's, reached also as `x.Base`.
        symbol.bases.push(written);
        symbol.attributes?.push({ name: written.slice(written.lastIndexOf('.') + 1), ...common });
      } else for (const fieldName of names) symbol.attributes?.push({ name: fieldName, ...common });
    }
  } else if (type.type === 'interface_type') {
    symbol.keywords = { interface: 'true' };
    for (const element of type.namedChildren) {
      if (element?.type === 'method_elem') {
        const methodName = element.childForFieldName('name')?.text;
        if (!methodName) continue;
        const result = element.childForFieldName('result');
        symbols.push({
          name: `${name}.${methodName}`,
          kind: 'method',
          range: rangeOf(element),
          bases: [],
          decorators: [],
          parameters: [{ name: '_', annotation: name }, ...parametersOf(element.childForFieldName('parameters'))],
          ...(result ? { returns: resultType(result) } : {}),
          notImplemented: true,
        });
      } else if (element?.type === 'type_elem') {
        // `io.Closer` embedded: its methods are the interface's. A union of types (`~int | ~string`) constrains type parameters: no base.
        const embedded = element.namedChildren.filter((child) => child && child.type !== 'comment');
        if (embedded.length === 1 && embedded[0]) symbol.bases.push(typeName(embedded[0]));
      }
    }
  } else {
    symbol.keywords = { type: type.type };
    const underlying = namedType(type);
    if (underlying) symbol.underlying = underlying;
  }
}

/** A named type as written, with its type arguments (`decorator.QueryHandler[Query, []Result]` → `decorator.QueryHandler`, `Query`, `Result`). */
function namedType(type: Node): SymbolDefinition['underlying'] {
  if (type.type === 'type_identifier' || type.type === 'qualified_type') return { type: typeName(type) };
  if (type.type !== 'generic_type') return undefined;
  const generic = type.childForFieldName('type');
  if (!generic) return undefined;
  const written = type.childForFieldName('type_arguments')?.namedChildren.flatMap((argument) => {
    const inner = argument?.type === 'type_elem' ? argument.namedChildren[0] : argument;
    return inner ? [typeName(inner)] : [];
  });
  return { type: typeName(generic), ...(written?.length ? { arguments: written } : {}) };
}

/** `(a, b int, c *Order)` → a, b, c with their types; unnamed parameters are named by position (`_0`). */
function parametersOf(list: Node | null): Parameter[] {
  const parameters: Parameter[] = [];
  for (const declaration of list?.namedChildren ?? []) {
    if (declaration?.type !== 'parameter_declaration' && declaration?.type !== 'variadic_parameter_declaration') continue;
    const type = declaration.childForFieldName('type');
    const names = declaration.childrenForFieldName('name').flatMap((child) => (child ? [child.text] : []));
    // A variadic parameter takes the arguments left, as Python's `*args` does.
    const splat = declaration.type === 'variadic_parameter_declaration' ? { splat: 'positional' as const } : {};
    for (const name of names.length ? names : [`_${parameters.length}`]) parameters.push({ name, ...(type ? { annotation: typeName(type) } : {}), ...splat });
  }
  return parameters;
}

/** A result type; of several results (`(*Order, error)`), the first. */
function resultType(result: Node): string {
  if (result.type !== 'parameter_list') return typeName(result);
  const first = result.namedChildren.find((child) => child?.type === 'parameter_declaration')?.childForFieldName('type');
  return first ? typeName(first) : '';
}

function functionSymbol(declaration: Node, bodies: Extent<SymbolDefinition>[]): SymbolDefinition | undefined {
  const name = declaration.childForFieldName('name')?.text;
  if (!name) return undefined;
  const receiver = declaration.type === 'method_declaration' ? receiverOf(declaration) : undefined;
  const result = declaration.childForFieldName('result');
  const parameters = parametersOf(declaration.childForFieldName('parameters'));
  const symbol: SymbolDefinition = {
    name: receiver ? `${receiver.type}.${name}` : name,
    kind: receiver ? 'method' : 'function',
    range: rangeOf(declaration),
    bases: [],
    decorators: [],
    parameters: receiver ? [{ name: receiver.name, annotation: receiver.type }, ...parameters] : parameters,
    calls: [],
    ...(result ? { returns: resultType(result) } : {}),
  };
  const body = declaration.childForFieldName('body');
  if (body) bodies.push({ start: body.startIndex, end: body.endIndex, owner: symbol });
  return symbol;
}

/** Package-level `var`/`const`: one symbol per name, with the value when it is a call or a string. */
function variableSymbols(spec: Node): SymbolDefinition[] {
  const names = spec.childrenForFieldName('name');
  const values = spec.childForFieldName('value')?.namedChildren ?? [];
  return names.flatMap((nameNode, position) => {
    if (!nameNode || nameNode.text === '_') return [];
    const value = values[position];
    const call = value?.type === 'call_expression' ? callShape(value) : undefined;
    const literal = value && STRINGS.has(value.type) ? literalValue(value) : undefined;
    const shape = value && value.type === 'binary_expression' ? { kind: 'other' as const, text: value.text.replace(/\s+/g, ' ').slice(0, MAX_ARGUMENT_LENGTH) } : undefined;
    return [{ name: nameNode.text, kind: 'variable' as const, range: rangeOf(spec), bases: [], decorators: [], ...(call ? { value: call } : {}), ...(literal !== undefined ? { literal } : {}), ...(shape ? { shape } : {}) }];
  });
}

function callShape(call: Node): CallShape {
  return { callee: normalizeCallee(call.childForFieldName('function')?.text ?? ''), args: argumentsOf(call), keywords: {} };
}

/**
 * A call's arguments as written, each short one whole (a name, a selector, a literal,
 * `r.Group("/v1")`), a function written in place by its name (`<anonymous>@12`: a registered one
 * is a function of its own), a longer value made in place by its type (`&UseCase{}`), a longer call
 * by what it calls and its arguments (one level down); others as ''.
 */
function argumentsOf(call: Node, nested = false): string[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).flatMap((argument) => {
    if (!argument || argument.type === 'comment') return [];
    if (argument.type === 'func_literal') return [closureName(argument)];
    const text = argument.text;
    if (text.length <= MAX_ARGUMENT_LENGTH && !text.includes('\n')) return [text];
    // A value made in place over several lines (`&UseCase{\n repo: r,\n}`) by its type: what wiring hands on.
    const made = argument.type === 'unary_expression' ? argument.childForFieldName('operand') : argument;
    const madeType = made?.type === 'composite_literal' ? made.childForFieldName('type') : null;
    if (made && madeType && madeType.text.length <= MAX_ARGUMENT_LENGTH) return [`${made === argument ? '' : '&'}${typeName(madeType)}{${keyedNames(made)}}`];
    // A long call by what it calls and, one level down, its arguments as these are written: a
    // middleware's factory (`middleware.Recovery(\n conf.Base,\n)`), the handler an adapter is given
    // (`ToHTTPHandler(deps,\n handlers.HandleLogin,\n mws...,\n)`).
    const called = argument.type === 'call_expression' ? normalizeCallee(argument.childForFieldName('function')?.text ?? '') : '';
    if (!called || called.length > MAX_ARGUMENT_LENGTH) return [''];
    return [(nested ? undefined : writtenCall(called, argument, true)) ?? `${called}()`];
  });
}

/**
 * The fields a value made over several lines is given names or selectors for (`BaseRouter: r`),
 * written on one line within the argument's bound; the rest of it left out.
 */
function keyedNames(literal: Node): string {
  const named: string[] = [];
  let length = 0;
  for (const element of literal.childForFieldName('body')?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element') continue;
    const key = element.childForFieldName('key')?.text ?? '';
    const value = element.childForFieldName('value')?.namedChildren[0];
    if (!/^\w+$/.test(key) || (value?.type !== 'identifier' && value?.type !== 'selector_expression') || value.text.includes('\n')) continue;
    const written = `${key}: ${value.text}`;
    length += written.length + 2;
    if (length > MAX_ARGUMENT_LENGTH) break;
    named.push(written);
  }
  return named.join(', ');
}

/**
 * What the syntax extraction reads, in the scan's one query pass: calls, local declarations, and
 * functions written in place where a registration takes them: the last argument after a string (a
 * route's inline handler, a job's), the one just after a string a method is given (Echo's
 * `e.Any("/x", func(c echo.Context) error {...}, mw)`: the handler, then its middleware), any argument of `Use` (the middleware a router runs), and any
 * that makes a handler (`run(func(r chi.Router) http.Handler {...})`: its parameter is the router it is given);
 * and the returns, for the errors a function returns.
 */
const SYNTAX_QUERY = `
(call_expression function: (_) @callee) @call
(short_var_declaration) @local
(var_declaration) @local
(call_expression arguments: (argument_list . (interpreted_string_literal) (func_literal) @closure .))
(call_expression arguments: (argument_list . (raw_string_literal) (func_literal) @closure .))
(call_expression arguments: (argument_list . (interpreted_string_literal) (_) (func_literal) @closure .))
(call_expression function: (selector_expression) arguments: (argument_list . (interpreted_string_literal) . (func_literal) @closure . (_)))
(call_expression function: (selector_expression field: (field_identifier) @_use) arguments: (argument_list (func_literal) @closure) (#eq? @_use "Use"))
(call_expression arguments: (argument_list (func_literal result: (_) @_result) @closure) (#match? @_result "Handler(Func)?$"))
(return_statement) @return
`;

/** The name of a function written in place: after the line it starts on, as the other languages' inline functions. */
function closureName(closure: Node): string {
  return SymbolId.anonymousName(closure.startPosition.row);
}

/** Registered functions written in place: functions of their own; their calls are theirs, not those of the function around them. */
function registrationClosures(matches: readonly QueryMatch[], symbols: SymbolDefinition[], bodies: Extent<SymbolDefinition>[]): void {
  const named = new Set<string>();
  for (const match of matches) {
    const closure = match.captures.find((capture) => capture.name === 'closure')?.node;
    if (!closure) continue;
    const name = closureName(closure);
    if (named.has(name)) continue;
    named.add(name);
    const body = closure.childForFieldName('body');
    const result = closure.childForFieldName('result');
    const symbol: SymbolDefinition = { name, kind: 'function', range: rangeOf(closure), bases: [], decorators: [], parameters: parametersOf(closure.childForFieldName('parameters')), calls: [], ...(result ? { returns: resultType(result) } : {}) };
    symbols.push(symbol);
    if (body) bodies.push({ start: body.startIndex, end: body.endIndex, owner: symbol });
  }
}

/** Each function's calls in evaluation order (a call after its receiver and arguments), and its locals with the type their value states. */
function fillBodies(matches: readonly QueryMatch[], bodies: readonly Extent<SymbolDefinition>[]): void {
  if (!bodies.length) return;
  const items: { node: Node; callee?: Node; returned?: boolean }[] = [];
  for (const match of matches) {
    const returned = match.captures.find((capture) => capture.name === 'return')?.node;
    if (returned) {
      items.push({ node: returned, returned: true });
      continue;
    }
    const call = match.captures.find((capture) => capture.name === 'call')?.node;
    if (call) {
      const callee = match.captures.find((capture) => capture.name === 'callee')?.node;
      items.push(callee ? { node: call, callee } : { node: call });
      continue;
    }
    const local = match.captures.find((capture) => capture.name === 'local')?.node;
    if (local) items.push({ node: local });
  }
  const placements = placeInBodies(bodies, items.map((item) => item.node.startIndex));
  const calls = new Map<SymbolDefinition, { call: CallSite; end: number }[]>();
  items.forEach((item, position) => {
    const owner = placements[position]?.owner;
    if (!owner) return;
    if (item.returned) {
      const raised = returnedError(item.node);
      if (raised) (owner.raises ??= []).push(raised);
      const made = madeReturned(item.node);
      if (made && !owner.returnsMade?.includes(made)) (owner.returnsMade ??= []).push(made);
      return;
    }
    if (!item.callee) {
      (owner.locals ??= []).push(...localsOf(item.node));
      return;
    }
    const callee = normalizeCallee(item.callee.text);
    if (!callee || callee.startsWith('func(')) return;
    const args = argumentsOf(item.node);
    const call: CallSite = { callee, line: item.node.startPosition.row, character: item.node.startPosition.column, ...(args.some(Boolean) ? { arguments: args } : {}) };
    const list = calls.get(owner) ?? [];
    list.push({ call, end: item.node.endIndex });
    calls.set(owner, list);
  });
  for (const [symbol, list] of calls) symbol.calls = list.sort((a, b) => a.end - b.end).map(({ call }) => call);
}

/**
 * `order := &Order{...}` is an Order; `svc := service.NewOrderService(repo)` is what the function
 * returns (its callee is kept as the type: a trace follows a function's return type); `var o Order`;
 * `var r = chi.NewRouter()` as its short form. Each local keeps the line it is declared on: a
 * block's `g := e.Group("/admin")` and a later block's `g := e.Group("/api")` are two routers.
 */
function localsOf(declaration: Node): Local[] {
  if (declaration.type === 'var_declaration') {
    return specsOf(declaration).flatMap((spec) => {
      const type = spec.childForFieldName('type');
      const names = spec.childrenForFieldName('name').filter((name): name is Node => name !== null);
      return assigned(names, spec.childForFieldName('value')?.namedChildren ?? [], spec.startPosition.row, type ? typeName(type) : undefined);
    });
  }
  const names = (declaration.childForFieldName('left')?.namedChildren ?? []).filter((name): name is Node => name !== null);
  return assigned(names, declaration.childForFieldName('right')?.namedChildren ?? [], declaration.startPosition.row);
}

/** The locals names are given from values (one value for several names: a call's results, the first of them kept). */
function assigned(names: readonly Node[], values: readonly (Node | null)[], line: number, declared?: string): Local[] {
  return names.flatMap((name, position) => {
    if (name.type !== 'identifier' || name.text === '_') return [];
    const value = position === 0 || values.length === names.length ? values[values.length === names.length ? position : 0] : undefined;
    const type = declared ?? (value ? valueType(value) : undefined);
    const written = value ? writtenValue(value) : undefined;
    return [{ name: name.text, line, ...(type ? { type } : {}), ...(written ? { value: written } : {}) }];
  });
}

/**
 * A call, or a field read (`r := options.BaseRouter`): what a router or a database handle is
 * followed through. A call over several lines is written with its arguments as calls record them
 * (`e.Group("", auth, <anonymous>@12)`: a function written in place by its name).
 */
function writtenValue(value: Node): string | undefined {
  if (value.type !== 'call_expression' && value.type !== 'selector_expression') return undefined;
  if (value.text.length <= MAX_ARGUMENT_LENGTH && !value.text.includes('\n')) return value.text;
  const callee = value.type === 'call_expression' ? value.childForFieldName('function')?.text : undefined;
  if (!callee || callee.length > MAX_ARGUMENT_LENGTH || callee.includes('\n')) return undefined;
  return writtenCall(callee, value, false);
}

/** A call over several lines written on one, `callee(arguments as calls record them)`, within the bound; undefined past it. */
function writtenCall(callee: string, call: Node, nested: boolean): string | undefined {
  const written = `${callee}(${argumentsOf(call, nested).join(', ')})`;
  return written.length <= MAX_WRITTEN_CALL_LENGTH ? written : undefined;
}

/** A call over several lines is kept as written only within this bound: a router's group is given a few middleware. */
const MAX_WRITTEN_CALL_LENGTH = MAX_ARGUMENT_LENGTH * 4;

function valueType(value: Node): string | undefined {
  const made = value.type === 'unary_expression' ? value.childForFieldName('operand') : value;
  if (made?.type === 'composite_literal') {
    const type = made.childForFieldName('type');
    return type ? typeName(type) : undefined;
  }
  if (made?.type === 'call_expression') {
    const callee = normalizeCallee(made.childForFieldName('function')?.text ?? '');
    return callee && !callee.includes('(') ? callee : undefined;
  }
  return undefined;
}

/** The type of a `return`'s first value when it is made in place (`return &orderService{...}`): what a constructor hands out. */
function madeReturned(statement: Node): string | undefined {
  const first = statement.namedChildren.find((child) => child?.type === 'expression_list')?.namedChildren.find((child) => child?.type !== 'comment');
  const made = first?.type === 'unary_expression' ? first.childForFieldName('operand') : first;
  const type = made?.type === 'composite_literal' ? made.childForFieldName('type') : null;
  return type ? typeName(type) : undefined;
}

/** The calls of Go's standard library that make a new error value. */
const ERROR_MAKERS = new Set(['errors.New', 'fmt.Errorf']);

/** Conditions and messages are read, never shown whole. */
const MAX_CONDITION_LENGTH = 160;

/** Cut before collapsing whitespace, so that a huge expression costs no more than a short one. */
const oneLine = (text: string) => text.slice(0, 4 * MAX_CONDITION_LENGTH).replace(/\s+/g, ' ').slice(0, MAX_CONDITION_LENGTH);

/**
 * Go's errors are values: a `return` whose last value is an error made or named there — a
 * sentinel error (`ErrInvalidTransition`, `entity.ErrTaskNotFound`: Go's naming convention for
 * error variables), `errors.New("...")`, `fmt.Errorf("...")`, or a value of a type named `…Error`
 * — with the condition of the innermost `if` it is written under. An error handed on from a call
 * (`return nil, err`, `fmt.Errorf("...: %w", err)`) is the callee's refusal, not this function's.
 */
function returnedError(statement: Node): RaiseFact | undefined {
  const values = statement.namedChildren.find((child) => child?.type === 'expression_list')?.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment') ?? [];
  const last = values[values.length - 1];
  if (!last) return undefined;
  const fact: RaiseFact = { exception: '', line: statement.startPosition.row, returned: true };
  const made = last.type === 'unary_expression' ? last.childForFieldName('operand') : last;
  if (last.type === 'identifier' || last.type === 'selector_expression') {
    const name = last.type === 'identifier' ? last.text : last.childForFieldName('field')?.text ?? '';
    if (!/^[Ee]rr[A-Z]/.test(name)) return undefined;
    fact.exception = last.text;
  } else if (last.type === 'call_expression') {
    const callee = normalizeCallee(last.childForFieldName('function')?.text ?? '');
    if (!ERROR_MAKERS.has(callee)) return undefined;
    const message = last.childForFieldName('arguments')?.namedChildren.find((argument) => argument && STRINGS.has(argument.type));
    const text = message ? literalValue(message) : '';
    if (text.includes('%w')) return undefined;
    fact.exception = callee;
    if (text) fact.message = oneLine(text);
  } else if (made?.type === 'composite_literal') {
    const type = made.childForFieldName('type');
    const name = type ? typeName(type) : '';
    if (!/Error$/.test(name)) return undefined;
    fact.exception = name;
  } else return undefined;
  const condition = guardingCondition(statement);
  if (condition) fact.condition = condition;
  return fact;
}

const FUNCTION_NODES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/**
 * The condition of the innermost `if` (or its `else`: `!(…)`) around a statement, within its
 * function. With `withCause`, a test of an error value or a flag (`err != nil`, `!ok`) comes with the statement
 * that set it, the `if`'s own (`err := ctx.BodyParser(&body); err != nil`) or the one just before
 * it: alone it does not say what failed.
 */
function guardingCondition(node: Node, withCause = false): string | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (FUNCTION_NODES.has(parent.type)) return undefined;
    if (parent.type !== 'if_statement') continue;
    const condition = parent.childForFieldName('condition');
    if (!condition) return undefined;
    const cause = withCause ? errorCause(parent, condition) : undefined;
    const tested = cause ? `${cause}; ${condition.text}` : condition.text;
    if (parent.childForFieldName('consequence')?.equals(child)) return oneLine(tested);
    if (parent.childForFieldName('alternative')?.equals(child)) return oneLine(cause ? `${cause}; !(${condition.text})` : `!(${condition.text})`);
  }
  return undefined;
}

/** The statement that sets the value an `if` tests alone (`err != nil`, `!ok`): its initializer, else the statement before it when that assigns the name. */
function errorCause(ifStatement: Node, condition: Node): string | undefined {
  const tested = /^(?:(\w+) [!=]= nil|!?(\w+))$/.exec(condition.text)?.slice(1).find(Boolean);
  if (!tested) return undefined;
  const initializer = ifStatement.childForFieldName('initializer');
  if (initializer) return initializer.text;
  let previous = ifStatement.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  if (previous?.type !== 'short_var_declaration' && previous?.type !== 'assignment_statement') return undefined;
  const assigned = previous.childForFieldName('left')?.namedChildren.map((name) => name?.text);
  return assigned?.includes(tested) ? previous.text : undefined;
}
