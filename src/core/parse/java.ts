import type { Node, QueryMatch } from 'web-tree-sitter';
import { type Extent, placeInBodies } from './bodies';
import type { Attribute, CallShape, CallSite, ImportStatement, Local, Parameter, SymbolDefinition, ValueShape } from './facts';
import { type LanguageSyntax, literalValue, normalizeCallee, rangeOf } from './syntax';
import { SymbolId } from '../result';
import { beforeFirst } from '../text';

/** Argument texts longer than this are cut: they are read for literals and names, never whole. */
const MAX_ARGUMENT_LENGTH = 200;

const TYPES = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'annotation_type_declaration']);
const METHODS = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration']);
const BODIES = new Set(['class_body', 'interface_body', 'enum_body', 'annotation_type_body', 'enum_body_declarations']);

/**
 * Java: classes, interfaces, enums, records and annotation types (nested ones named `Outer.Inner`)
 * with their `extends`/`implements` as bases and their annotations as decorators (arguments kept:
 * `@RequestMapping(value = "/orders", method = RequestMethod.GET)`); fields as typed attributes
 * (the injected services); constructors named after their class (`Order.Order`); methods with a
 * first parameter `this`, and calls written on a field or a method of the class without `this.`
 * (`orderService.create(...)`) written with it, so a trace resolves them as it resolves
 * `self.service.create()`; `static` constants as variables (`ApiPaths.ORDERS`); the package and
 * the imports (single-type, on-demand, static).
 */
export const javaSyntax: LanguageSyntax = {
  guardingCondition,

  definitionName(node) {
    if (TYPES.has(node.type) || node.type === 'method_declaration') return node.childForFieldName('name')?.text;
    if (node.type === 'constructor_declaration' || node.type === 'compact_constructor_declaration') return node.childForFieldName('name')?.text;
    return undefined;
  },

  assignedName(node) {
    if (node.type !== 'field_declaration') return undefined;
    return node.childForFieldName('declarator')?.childForFieldName('name')?.text;
  },

  packageName(root) {
    const declaration = root.namedChildren.find((child) => child?.type === 'package_declaration');
    return declaration?.namedChildren.find((child) => child?.type === 'scoped_identifier' || child?.type === 'identifier')?.text.replace(/\s+/g, '');
  },

  symbols(root, matches) {
    const symbols: SymbolDefinition[] = [];
    const bodies: Extent<Body>[] = [];
    const pending: { node: Node; prefix: string }[] = root.namedChildren.flatMap((child) => (child && TYPES.has(child.type) ? [{ node: child, prefix: '' }] : [])).reverse();
    for (let item = pending.pop(); item; item = pending.pop()) {
      // Nested types after their outer type, in source order.
      pending.push(...typeSymbol(item.node, item.prefix, symbols, bodies).reverse());
    }
    fillBodies(matches, bodies, symbols);
    return symbols;
  },

  imports(root) {
    const imports: ImportStatement[] = [];
    for (const statement of root.namedChildren) {
      if (statement?.type !== 'import_declaration') continue;
      const name = statement.namedChildren.find((child) => child?.type === 'scoped_identifier' || child?.type === 'identifier')?.text.replace(/\s+/g, '');
      if (!name) continue;
      const line = statement.startPosition.row;
      const onDemand = statement.namedChildren.some((child) => child?.type === 'asterisk');
      const isStatic = statement.children.some((child) => child?.type === 'static');
      if (onDemand) {
        imports.push({ module: name, level: 0, names: [{ name: '*' }], line, ...(isStatic ? { alias: STATIC_IMPORT } : {}) });
        continue;
      }
      const dot = name.lastIndexOf('.');
      if (dot < 0) continue;
      imports.push({ module: name.slice(0, dot), level: 0, names: [{ name: name.slice(dot + 1) }], line, ...(isStatic ? { alias: STATIC_IMPORT } : {}) });
    }
    return imports;
  },

  get query() {
    return SYNTAX_QUERY;
  },
};

/** An import statement's alias for `import static ...`: the names are members of a class, not classes of a package. */
export const STATIC_IMPORT = 'static';

/** A method or constructor whose body the query pass fills in. */
interface Body {
  symbol: SymbolDefinition;
  /** The class's fields and methods, by name: a call on one without `this.` is written with it. */
  members: ReadonlySet<string>;
  isStatic: boolean;
}

/** One type declaration's symbols; returns its nested types, to be declared after it. */
function typeSymbol(node: Node, prefix: string, symbols: SymbolDefinition[], bodies: Extent<Body>[]): { node: Node; prefix: string }[] {
  const simpleName = node.childForFieldName('name')?.text;
  if (!simpleName) return [];
  const name = `${prefix}${simpleName}`;
  const { decorators, decoratorCalls } = annotationsOf(modifiersOf(node));
  const keywords: Record<string, string> = {};
  if (node.type === 'interface_declaration' || node.type === 'annotation_type_declaration') keywords['interface'] = 'true';
  if (hasModifier(node, 'abstract')) keywords['abstract'] = 'true';
  if (node.type === 'enum_declaration') keywords['enum'] = 'true';
  if (node.type === 'record_declaration') keywords['record'] = 'true';
  if (node.type === 'annotation_type_declaration') keywords['annotation'] = 'true';
  const symbol: SymbolDefinition = {
    name,
    kind: 'class',
    range: rangeOf(node),
    bases: basesOf(node),
    decorators,
    ...(Object.keys(decoratorCalls).length ? { decoratorCalls } : {}),
    ...(Object.keys(keywords).length ? { keywords } : {}),
    attributes: [],
  };
  symbols.push(symbol);
  const attributes = symbol.attributes as Attribute[];
  // A record's components are its fields.
  for (const component of node.type === 'record_declaration' ? (node.childForFieldName('parameters')?.namedChildren ?? []) : []) {
    const componentName = component?.childForFieldName('name')?.text;
    const type = component?.childForFieldName('type');
    if (component && componentName && type) attributes.push({ name: componentName, type: typeName(type), line: component.startPosition.row, ...annotationFields(modifiersOf(component)) });
  }
  const members = memberNodes(node);
  const memberNames = new Set<string>();
  for (const member of members) {
    if (member.type === 'field_declaration' || member.type === 'constant_declaration') {
      for (const declarator of member.childrenForFieldName('declarator')) {
        const fieldName = declarator?.childForFieldName('name')?.text;
        if (fieldName) memberNames.add(fieldName);
      }
    } else if (member.type === 'method_declaration') {
      const methodName = member.childForFieldName('name')?.text;
      if (methodName) memberNames.add(methodName);
    }
  }
  const nested: { node: Node; prefix: string }[] = [];
  for (const member of members) {
    if (TYPES.has(member.type)) {
      nested.push({ node: member, prefix: `${name}.` });
    } else if (member.type === 'field_declaration' || member.type === 'constant_declaration') {
      fieldSymbols(member, name, keywords['interface'] === 'true', attributes, symbols);
    } else if (METHODS.has(member.type)) {
      const method = methodSymbol(member, name, symbol, memberNames, bodies);
      if (method) symbols.push(method);
    }
  }
  return nested;
}

/** The declarations of a type's body, those of an enum's constants' section included. */
function memberNodes(node: Node): Node[] {
  const body = node.childForFieldName('body');
  const members: Node[] = [];
  for (const child of body?.namedChildren ?? []) {
    if (!child) continue;
    if (BODIES.has(child.type)) members.push(...child.namedChildren.filter((inner): inner is Node => inner !== null));
    else members.push(child);
  }
  return members;
}

/** A field's declarators as attributes of the class; a `static` one (or an interface's constant) with a value is also a variable, `Class.NAME`. */
function fieldSymbols(field: Node, owner: string, inInterface: boolean, attributes: Attribute[], symbols: SymbolDefinition[]): void {
  const type = field.childForFieldName('type');
  const annotations = annotationFields(modifiersOf(field));
  const constant = inInterface || field.type === 'constant_declaration' || hasModifier(field, 'static');
  for (const declarator of field.childrenForFieldName('declarator')) {
    const name = declarator?.childForFieldName('name')?.text;
    if (!declarator || !name) continue;
    const value = declarator.childForFieldName('value');
    const literal = value?.type === 'string_literal' ? literalValue(value) : undefined;
    attributes.push({ name, ...(type ? { type: typeName(type) } : {}), line: declarator.startPosition.row, ...annotations, ...(literal !== undefined ? { literal } : {}) });
    if (constant && value) {
      const shape = constantShape(value);
      symbols.push({ name: `${owner}.${name}`, kind: 'variable', range: rangeOf(declarator), bases: [], decorators: [], ...(literal !== undefined ? { literal } : shape ? { shape } : {}) });
    }
  }
}

/** A constant's value when it joins literals and names (`BASE + "/orders"`): kept as written, for the route resolver to evaluate. */
function constantShape(value: Node): ValueShape | undefined {
  if (value.type === 'binary_expression' || value.type === 'identifier' || value.type === 'field_access') return { kind: 'other', text: value.text.replace(/\s+/g, ' ').slice(0, MAX_ARGUMENT_LENGTH) };
  return undefined;
}

function methodSymbol(member: Node, owner: string, ownerSymbol: SymbolDefinition, members: ReadonlySet<string>, bodies: Extent<Body>[]): SymbolDefinition | undefined {
  const simpleName = member.childForFieldName('name')?.text;
  if (!simpleName) return undefined;
  const isStatic = hasModifier(member, 'static');
  const { decorators, decoratorCalls } = annotationsOf(modifiersOf(member));
  const parameters: Parameter[] = isStatic ? [] : [{ name: 'this', annotation: owner }];
  for (const parameter of member.childForFieldName('parameters')?.namedChildren ?? []) {
    if (parameter?.type !== 'formal_parameter' && parameter?.type !== 'spread_parameter') continue;
    const name = parameter.childForFieldName('name')?.text ?? parameter.namedChildren.find((child) => child?.type === 'variable_declarator')?.childForFieldName('name')?.text;
    const type = parameter.childForFieldName('type') ?? parameter.namedChildren.find((child) => child && /type/.test(child.type) && child.type !== 'modifiers');
    if (!name) continue;
    // A parameter's annotations (`@RequestBody`, `@PathVariable("id")`) say where its value comes from.
    const annotations = annotationsOf(modifiersOf(parameter)).decorators;
    parameters.push({ name, ...(type ? { annotation: typeName(type) } : {}), ...(annotations.length ? { default: annotations.map((annotation) => `@${annotation}`).join(' ') } : {}) });
  }
  const returns = member.childForFieldName('type');
  const body = member.childForFieldName('body');
  const abstract = !body && member.type === 'method_declaration';
  const symbol: SymbolDefinition = {
    name: `${owner}.${simpleName}`,
    kind: 'method',
    range: rangeOf(member),
    bases: [],
    decorators,
    ...(Object.keys(decoratorCalls).length ? { decoratorCalls } : {}),
    parameters,
    calls: [],
    ...(returns && returns.type !== 'void_type' ? { returns: typeName(returns) } : {}),
    ...(abstract ? { notImplemented: true } : {}),
  };
  if (member.type === 'constructor_declaration') {
    // `this.orderService = orderService`: a constructor parameter stored in a field of that type is an injected dependency.
    for (const parameter of parameters.slice(1)) {
      const field = ownerSymbol.attributes?.find((attribute) => attribute.name === parameter.name && !attribute.type);
      if (field && parameter.annotation) field.type = parameter.annotation;
    }
  }
  if (body) bodies.push({ start: body.startIndex, end: body.endIndex, owner: { symbol, members, isStatic } });
  return symbol;
}

function modifiersOf(node: Node): Node | undefined {
  return node.namedChildren.find((child) => child?.type === 'modifiers') ?? undefined;
}

function hasModifier(node: Node, modifier: string): boolean {
  return modifiersOf(node)?.children.some((child) => child?.type === modifier) ?? false;
}

/** `extends Base<T>` and `implements A, B<C>` (an interface's `extends A, B`): the names, without type arguments. */
function basesOf(node: Node): string[] {
  const bases: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || !['superclass', 'super_interfaces', 'extends_interfaces'].includes(child.type)) continue;
    const list = child.namedChildren.find((inner) => inner?.type === 'type_list');
    for (const type of list ? list.namedChildren : child.namedChildren) if (type) bases.push(typeName(type));
  }
  return bases;
}

/** A type as a dotted name, without type arguments or annotations: `List<Order>` → `List`, `Map.Entry<K, V>` → `Map.Entry`, `Order[]` → `Order`. */
function typeName(type: Node): string {
  const text = type.type === 'generic_type' || type.type === 'array_type' || type.type === 'annotated_type' ? (type.namedChildren.find((child) => child && child.type !== 'annotation' && child.type !== 'marker_annotation' && child.type !== 'type_arguments' && child.type !== 'dimensions') ?? type) : type;
  if (text !== type) return typeName(text);
  return beforeFirst(type.text, '<').replace(/\[\s*\]/g, '').replace(/\s+/g, '');
}

/** Annotations as decorators (their names as written) and the arguments of those that have some. */
function annotationsOf(modifiers: Node | undefined): { decorators: string[]; decoratorCalls: Record<string, CallShape> } {
  const decorators: string[] = [];
  const decoratorCalls: Record<string, CallShape> = {};
  for (const annotation of modifiers?.namedChildren ?? []) {
    if (annotation?.type !== 'annotation' && annotation?.type !== 'marker_annotation') continue;
    const name = annotation.childForFieldName('name')?.text.replace(/\s+/g, '');
    if (!name) continue;
    decorators.push(name);
    const argumentList = annotation.childForFieldName('arguments');
    if (argumentList) decoratorCalls[name] = annotationCall(name, argumentList);
  }
  return { decorators, decoratorCalls };
}

/** A field's or record component's annotations, as attributes keep them. */
function annotationFields(modifiers: Node | undefined): Pick<Attribute, 'decorators' | 'decoratorCalls'> {
  const { decorators, decoratorCalls } = annotationsOf(modifiers);
  return { ...(decorators.length ? { decorators } : {}), ...(Object.keys(decoratorCalls).length ? { decoratorCalls } : {}) };
}

/** `@X("a")` → args `["\"a\""]`; `@X(value = {"a", "b"}, method = RequestMethod.GET)` → keywords as written. */
function annotationCall(name: string, argumentList: Node): CallShape {
  const args: string[] = [];
  const keywords: Record<string, string> = {};
  for (const argument of argumentList.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'element_value_pair') {
      const key = argument.childForFieldName('key')?.text;
      const value = argument.childForFieldName('value');
      if (key && value) keywords[key] = value.text.slice(0, MAX_ARGUMENT_LENGTH * 4);
    } else args.push(argument.text.slice(0, MAX_ARGUMENT_LENGTH * 4));
  }
  return { callee: name, args, keywords };
}

/**
 * What the syntax extraction reads, in the scan's one query pass: calls and objects made (in
 * evaluation order), local variables, and the parts of `try` statements.
 */
const SYNTAX_QUERY = `
(method_invocation name: (identifier)) @call
(object_creation_expression type: (_) @made) @new
(local_variable_declaration) @local
(enhanced_for_statement) @loop
(try_statement body: (block) @try)
(try_with_resources_statement body: (block) @try)
(catch_clause) @except
(finally_clause) @finally
(argument_list (lambda_expression) @lambda)
`;

/**
 * Each method's calls, in evaluation order (a call after its receiver and arguments), and locals
 * with the type the code states (`Order order = ...`, `var order = new Order(...)`). A call in a
 * lambda or an anonymous class belongs to the method around it: that is how this code hands work
 * on — except in a lambda a registration takes (see `isRegistered`), a function of its own.
 */
function fillBodies(matches: readonly QueryMatch[], bodies: Extent<Body>[], symbols: SymbolDefinition[]): void {
  if (!bodies.length) return;
  const items: { node: Node; kind: 'call' | 'new' | 'local' | 'loop' }[] = [];
  const lambdas: Node[] = [];
  const branches: Extent<Body>[] = [];
  for (const match of matches) {
    for (const { name, node } of match.captures) {
      if (name === 'call' || name === 'new' || name === 'local' || name === 'loop') items.push({ node, kind: name });
      else if (name === 'try' || name === 'finally') branches.push({ start: node.startIndex, end: node.endIndex, branch: name });
      else if (name === 'except') branches.push({ start: node.startIndex, end: node.endIndex, branch: 'except' });
      else if (name === 'lambda' && isRegistered(node)) lambdas.push(node);
    }
  }
  registeredLambdas(lambdas, bodies, symbols);
  const extents: Extent<Body>[] = [...bodies, ...branches];
  const placements = placeInBodies(extents, items.map((item) => item.node.startIndex));
  const calls = new Map<SymbolDefinition, { call: CallSite; end: number }[]>();
  items.forEach((item, position) => {
    const placement = placements[position];
    if (!placement) return;
    const { symbol, members, isStatic } = placement.owner;
    if (item.kind === 'local' || item.kind === 'loop') {
      (symbol.locals ??= []).push(...localsOf(item.node));
      return;
    }
    const callee = item.kind === 'new' ? newCallee(item.node) : invocationCallee(item.node, symbol, members, isStatic);
    if (!callee) return;
    const args = item.kind === 'call' ? registrationArguments(item.node) : undefined;
    const call: CallSite = { callee, line: item.node.startPosition.row, character: item.node.startPosition.column, ...(placement.branch ? { branch: placement.branch } : {}), ...(args ? { arguments: args } : {}) };
    const list = calls.get(symbol) ?? [];
    list.push({ call, end: item.node.endIndex });
    calls.set(symbol, list);
  });
  for (const [symbol, list] of calls) symbol.calls = list.sort((a, b) => a.end - b.end).map(({ call }) => call);
}

/**
 * A lambda a registration takes is a function of its own (`get("/hello", (req, res) -> ...)`):
 * an argument after a path (a string, or a call given one: `route(GET("/x"), req -> ...)`), or the
 * only argument of a statically imported call made as a statement (`before((req, res) -> ...)`).
 * Other lambdas (`orders.forEach(o -> repo.save(o))`) are the method's own work.
 */
function isRegistered(lambda: Node): boolean {
  const list = lambda.parent;
  const call = list?.parent;
  const first = list?.firstNamedChild;
  if (!first || call?.type !== 'method_invocation') return false;
  if (first.id === lambda.id) return list.namedChildCount === 1 && !call.childForFieldName('object') && call.parent?.type === 'expression_statement';
  return isPath(first) || (first.type === 'method_invocation' && isPath(first.childForFieldName('arguments')?.firstNamedChild ?? undefined));
}

function isPath(node: Node | undefined): boolean {
  return node?.type === 'string_literal' || node?.type === 'identifier' || node?.type === 'field_access';
}

/** Registered lambdas as functions named after the line they start on, their bodies filled like methods', in the class of the method around them. */
function registeredLambdas(lambdas: readonly Node[], bodies: Extent<Body>[], symbols: SymbolDefinition[]): void {
  const methods = [...bodies];
  for (const lambda of lambdas) {
    const around = methods.filter((body) => body.start <= lambda.startIndex && lambda.endIndex <= body.end).sort((a, b) => b.start - a.start)[0]?.owner;
    const body = lambda.childForFieldName('body');
    if (!around || !body) continue;
    const name = SymbolId.anonymousName(lambda.startPosition.row);
    if (symbols.some((symbol) => symbol.name === name)) continue;
    const symbol: SymbolDefinition = { name, kind: 'function', range: rangeOf(lambda), bases: [], decorators: [], parameters: lambdaParameters(lambda), calls: [] };
    symbols.push(symbol);
    bodies.push({ start: body.startIndex, end: body.endIndex, owner: { symbol, members: around.members, isStatic: around.isStatic } });
  }
}

/** `(request, response) ->`, `ctx ->`, `(Request r) ->`: the names, with their types when written. */
function lambdaParameters(lambda: Node): Parameter[] {
  const written = lambda.childForFieldName('parameters');
  if (!written) return [];
  if (written.type === 'identifier') return [{ name: written.text }];
  return written.namedChildren.flatMap((parameter) => {
    if (parameter?.type === 'identifier') return [{ name: parameter.text }];
    const name = parameter?.childForFieldName('name')?.text;
    const type = parameter?.childForFieldName('type');
    return name ? [{ name, ...(type ? { annotation: typeName(type) } : {}) }] : [];
  });
}

/**
 * The arguments of a call that may register something, as written: a path, a handler (a lambda by
 * its function's name, a method reference `Books::create`, a class literal `EchoWebSocket.class`),
 * a name; undefined for other calls (most of them: their arguments are not read).
 */
function registrationArguments(call: Node): string[] | undefined {
  const list = call.childForFieldName('arguments')?.namedChildren.filter((argument): argument is Node => argument !== null && argument.type !== 'comment') ?? [];
  if (!list.some((argument) => REGISTRATION_ARGUMENTS.has(argument.type))) return undefined;
  return list.map((argument) => {
    if (argument.type === 'lambda_expression') return isRegistered(argument) ? SymbolId.anonymousName(argument.startPosition.row) : '';
    const text = argument.text;
    return text.length <= MAX_ARGUMENT_LENGTH && !text.includes('\n') ? text : '';
  });
}

const REGISTRATION_ARGUMENTS = new Set(['string_literal', 'lambda_expression', 'method_reference', 'class_literal']);

/** `new Order(...)` is a call of the class `Order`; an anonymous class's body is no part of what is called. */
function newCallee(node: Node): string | undefined {
  const type = node.childForFieldName('type');
  return type ? typeName(type) : undefined;
}

/**
 * `this.orders.find(id).orElseThrow()` → `this.orders.find().orElseThrow`. A call on a field or a
 * method of the class written without `this.` (`orders.find(id)`, `validate(order)`) is written
 * with it, unless a parameter or local has that name.
 */
function invocationCallee(node: Node, symbol: SymbolDefinition, members: ReadonlySet<string>, isStatic: boolean): string {
  const object = node.childForFieldName('object');
  const name = node.childForFieldName('name')?.text ?? '';
  const written = object ? `${normalizeCallee(object.text)}.${name}` : name;
  const head = written.slice(0, written.search(/[.(]|$/));
  const shadowed = symbol.parameters?.some((parameter) => parameter.name === head) || symbol.locals?.some((local) => local.name === head);
  if (!isStatic && members.has(head) && !shadowed) return `this.${written}`;
  return written;
}

/** The locals a declaration makes (`Order a = ..., b;`, `for (Order o : orders)`), with their types (`var x = new X()` is an X). */
function localsOf(declaration: Node): Local[] {
  const type = declaration.childForFieldName('type');
  const written = type ? typeName(type) : undefined;
  if (declaration.type === 'enhanced_for_statement') {
    const name = declaration.childForFieldName('name')?.text;
    return name ? [{ name, ...(written && written !== 'var' ? { type: written } : {}) }] : [];
  }
  return declaration.childrenForFieldName('declarator').flatMap((declarator) => {
    const name = declarator?.childForFieldName('name')?.text;
    if (!declarator || !name) return [];
    const value = declarator.childForFieldName('value');
    const made = value?.type === 'object_creation_expression' ? newCallee(value) : undefined;
    const localType = written && written !== 'var' ? written : made;
    // A constant given a name (`HttpStatus status = HttpStatus.NOT_FOUND;`): what a later use of the name stands for.
    const constant = value?.type === 'field_access' && value.text.length <= MAX_ARGUMENT_LENGTH ? value.text.replace(/\s+/g, '') : undefined;
    return [{ name, ...(localType ? { type: localType } : {}), ...(constant ? { value: constant } : {}) }];
  });
}

/** Conditions longer than this are cut: they are told to a reader, never parsed again. */
const MAX_CONDITION_LENGTH = 160;

/** The condition of the innermost `if` (or its `else`: `!(…)`) around a node, within its method or lambda. */
function guardingCondition(node: Node): string | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (METHODS.has(parent.type) || parent.type === 'lambda_expression' || BODIES.has(parent.type)) return undefined;
    if (parent.type !== 'if_statement') continue;
    const condition = parent.childForFieldName('condition')?.text.replace(/^\(([\s\S]*)\)$/, '$1');
    if (condition === undefined) return undefined;
    const written = parent.childForFieldName('consequence')?.equals(child) ? condition : parent.childForFieldName('alternative')?.equals(child) ? `!(${condition})` : undefined;
    if (written !== undefined) return written.replace(/\s+/g, ' ').slice(0, MAX_CONDITION_LENGTH);
  }
  return undefined;
}
