import type { Node, QueryMatch } from 'web-tree-sitter';
import type { Attribute, CallShape, CallSite, ImportStatement, Local, Parameter, RaiseFact, SymbolDefinition, ValueShape } from './facts';
import { capturedAs, type LanguageSyntax, literalValue, MAX_SHAPE_DEPTH, MAX_SHAPE_NODES, normalizeCallee, rangeOf, withoutComments } from './syntax';
import { SymbolId } from '../result';
import { beforeFirst } from '../text';

/** Argument texts longer than this are cut: they are read for literals and names, never whole. */
const MAX_ARGUMENT_LENGTH = 200;
/** Object properties are read for the names they list (a NestJS module's `imports: [...]`): longer. */
const MAX_PROPERTY_LENGTH = 4000;

const CLASSES = new Set(['class_declaration', 'abstract_class_declaration', 'class']);
const FUNCTIONS = new Set(['function_declaration', 'generator_function_declaration']);
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
const DECLARATIONS = new Set(['lexical_declaration', 'variable_declaration']);

/**
 * TypeScript, TSX and JavaScript (their grammars share these node kinds): classes with their
 * `extends`/`implements`, decorators (with their calls' arguments), methods, constructor parameter
 * properties (NestJS's injected services), interfaces and abstract classes, functions (declared
 * or arrow functions bound to a name), variables made by calls (`const router = Router()`), ES
 * imports, re-exports and `require`. Methods get a first parameter `this`, so a trace resolves
 * `this.service.method()` as it resolves Python's `self.service.method()`.
 */
export const ecmascriptSyntax: LanguageSyntax = {
  guardingCondition: (node) => guardingCondition(node),

  definitionName(node) {
    if (CLASSES.has(node.type) || FUNCTIONS.has(node.type) || node.type === 'method_definition' || node.type === 'interface_declaration') {
      return node.childForFieldName('name')?.text;
    }
    return FUNCTION_VALUES.has(node.type) ? boundName(node) : undefined;
  },

  hoists(node) {
    return FUNCTION_VALUES.has(node.type) && exportedWhole(node);
  },

  assignedName(node) {
    const defined = definedModel(node);
    if (defined) return defined.name;
    const exported = node.type === 'assignment_expression' && isModuleExports(node.childForFieldName('left')) ? node.childForFieldName('right') : node.type === 'export_statement' ? anonymousExport(node) : undefined;
    if (exported?.type === 'call_expression' || exported?.type === 'new_expression') return DEFAULT_EXPORT;
    const declarator = node.type === 'variable_declarator' ? node : DECLARATIONS.has(node.type) ? node.namedChildren.find((child) => child?.type === 'variable_declarator') : undefined;
    const name = declarator?.childForFieldName('name');
    return name?.type === 'identifier' ? name.text : undefined;
  },

  symbols(root, matches) {
    const symbols: SymbolDefinition[] = [];
    const bodies = new Map<number, Body>();
    let defaultName: string | undefined;
    const exportAliases: { name: string; alias: string }[] = [];
    const factories: Node[] = [];
    for (const statement of root.namedChildren) {
      if (!statement) continue;
      const anonymous = anonymousExport(statement);
      // `module.exports = require('./routes')` re-exports that module whole: an import (below), no symbol of its own.
      if (requiredModule(anonymous ?? null)) continue;
      // `module.exports = class extends think.Model {...}`, `export default class extends Base {...}`: a class without a name is the symbol `default`.
      if (anonymous?.type === 'class' && !anonymous.childForFieldName('name')) {
        defaultName = classSymbol(anonymous, [], symbols, bodies, DEFAULT_EXPORT)?.name;
        continue;
      }
      const factoryBody = anonymous && FUNCTION_VALUES.has(anonymous.type) ? anonymous.childForFieldName('body') : undefined;
      if (factoryBody?.type === 'statement_block') factories.push(factoryBody);
      if (anonymous?.type === 'call_expression' || anonymous?.type === 'new_expression' || anonymous?.type === 'object' || (anonymous && FUNCTION_VALUES.has(anonymous.type))) {
        // `module.exports = model(...)`, `export default { isAuth, attachCurrentUser }`, `export default (app) => {...}`: the symbol `default`;
        // a function written with a name (`module.exports = function authenticate(...) {...}`) goes by it, as a class does.
        defaultName = ownFunctionName(anonymous) ?? DEFAULT_EXPORT;
        valueSymbol({ text: defaultName }, anonymous, rangeOf(statement), symbols, bodies, true);
        continue;
      }
      const exported = statement.type === 'export_statement';
      const isDefault = exported && statement.children.some((child) => child?.type === 'default');
      const declaration = exported ? (statement.childForFieldName('declaration') ?? statement.namedChildren.find((child) => child && child.type !== 'decorator' && child.type !== 'comment')) : statement;
      if (!declaration) continue;
      const outerDecorators = exported ? statement.namedChildren.filter((child): child is Node => child?.type === 'decorator') : [];
      if (CLASSES.has(declaration.type) || declaration.type === 'interface_declaration' || isObjectTypeAlias(declaration)) {
        const symbol = classSymbol(declaration, outerDecorators, symbols, bodies);
        if (symbol && isDefault) defaultName = symbol.name;
      } else if (declaration.type === 'type_alias_declaration') {
        const symbol = functionTypeAlias(declaration) ?? namedTypeAlias(declaration);
        if (symbol) symbols.push(symbol);
      } else if (FUNCTIONS.has(declaration.type)) {
        const name = declaration.childForFieldName('name')?.text;
        if (!name) continue;
        symbols.push(functionSymbol(declaration, name, 'function', rangeOf(declaration), [], bodies));
        if (isDefault) defaultName = name;
      } else if (DECLARATIONS.has(declaration.type)) {
        for (const declarator of declaration.namedChildren) {
          // `const x = require('x')` is an import, listed with the imports.
          if (declarator?.type === 'variable_declarator' && !requiredModule(declarator.childForFieldName('value'))) variableSymbol(declarator, symbols, bodies, exported);
        }
      } else if (isDefault && declaration.type === 'identifier') {
        defaultName = declaration.text; // `export default router;`
      } else if (declaration.type === 'export_clause') {
        // `export { handler as GET, handler as POST }`: names the file's own definitions are exported under.
        for (const { name, alias } of specifiers(declaration, 'export_specifier')) if (alias) exportAliases.push({ name, alias });
      } else if (declaration.type === 'expression_statement') {
        // CommonJS: `module.exports = router;` makes `router` what `require` returns.
        const assignment = declaration.namedChildren[0];
        const right = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('right') : undefined;
        if (assignment?.childForFieldName('left')?.text.replace(/\s+/g, '') === 'module.exports' && right?.type === 'identifier') defaultName = right.text;
        // `module.exports = class Console extends Transport {...}`: a named class, the module's export.
        if (assignment?.childForFieldName('left')?.text.replace(/\s+/g, '') === 'module.exports' && right?.type === 'class') {
          const symbol = classSymbol(right, [], symbols, bodies);
          if (symbol) defaultName = symbol.name;
        }
        // `exports.index = (req, res) => {...}`: a named export, the function `require(...).index` runs.
        const exportedName = assignment?.type === 'assignment_expression' ? namedExport(assignment.childForFieldName('left')) : undefined;
        // A value made in place (`exports.limiter = rateLimit({...})`) is one too; a name exported again (`exports.x = x`) is its own symbol already.
        const madeHere = right && (FUNCTION_VALUES.has(right.type) || ((right.type === 'call_expression' || right.type === 'new_expression') && !requiredModule(right)));
        if (exportedName && madeHere && !symbols.some((symbol) => symbol.name === exportedName)) valueSymbol({ text: exportedName }, right, rangeOf(declaration), symbols, bodies, true);
      }
    }
    for (const { name, alias } of exportAliases) {
      const target = symbols.find((symbol) => symbol.name === name);
      if (!target) continue;
      if (alias === DEFAULT_EXPORT) defaultName ??= name;
      else if (!target.exportedAs?.includes(alias)) (target.exportedAs ??= []).push(alias);
    }
    if (defaultName) {
      const target = symbols.find((symbol) => symbol.name === defaultName);
      if (target) target.defaultExport = true;
    }
    for (const factory of factories) {
      for (const statement of factory.namedChildren) {
        const defined = statement ? definedModel(statement) : undefined;
        if (defined) valueSymbol({ text: defined.name }, defined.call, rangeOf(defined.call), symbols, bodies);
        if (statement && CLASSES.has(statement.type)) classSymbol(statement, [], symbols, bodies);
        if (statement && DECLARATIONS.has(statement.type)) {
          for (const declarator of statement.namedChildren) if (declarator?.type === 'variable_declarator' && !requiredModule(declarator.childForFieldName('value'))) variableSymbol(declarator, symbols, bodies);
        }
      }
    }
    assignedLater(root, symbols);
    statementCallsOnClasses([root, ...factories], symbols);
    anonymousCallbacks(matches, symbols, bodies);
    fillCalls(matches, bodies, symbols);
    return withoutShadowedTypeAliases(symbols);
  },

  imports(root) {
    const imports: ImportStatement[] = [];
    for (const statement of root.namedChildren) {
      if (!statement) continue;
      const line = statement.startPosition.row;
      if (statement.type === 'import_statement') {
        const module = literalValue(statement.childForFieldName('source') ?? statement);
        const clause = statement.namedChildren.find((child) => child?.type === 'import_clause');
        if (!clause) {
          imports.push({ module, level: 0, names: [], line }); // `import './side-effect'`
          continue;
        }
        for (const part of clause.namedChildren) {
          if (!part) continue;
          if (part.type === 'identifier') imports.push({ module, level: 0, names: [{ name: 'default', alias: part.text }], line });
          else if (part.type === 'namespace_import') {
            const alias = part.namedChildren.find((child) => child?.type === 'identifier')?.text;
            if (alias) imports.push({ module, level: 0, names: [], alias, line });
          } else if (part.type === 'named_imports') {
            imports.push({ module, level: 0, names: specifiers(part, 'import_specifier'), line });
          }
        }
      } else if (statement.type === 'export_statement' && statement.childForFieldName('source')) {
        // `export { a as b } from './c'`, `export * from './d'`: the file binds what it re-exports.
        const module = literalValue(statement.childForFieldName('source') as Node);
        const clause = statement.namedChildren.find((child) => child?.type === 'export_clause');
        // `export * as utils from './utils'` binds the module's namespace to one name, as `import * as` does.
        const namespace = statement.namedChildren.find((child) => child?.type === 'namespace_export')?.namedChildren.find((child) => child?.type === 'identifier' || child?.type === 'string');
        if (namespace) imports.push({ module, level: 0, names: [], alias: namespace.type === 'string' ? literalValue(namespace) : namespace.text, line });
        else imports.push({ module, level: 0, names: clause ? specifiers(clause, 'export_specifier') : [{ name: '*' }], line });
      } else if (statement.type === 'expression_statement') {
        // `module.exports = require('./routes')`: the file's default is the other module's.
        const reexported = requiredModule(anonymousExport(statement) ?? null);
        if (reexported) imports.push({ module: reexported, level: 0, names: [{ name: DEFAULT_EXPORT, alias: DEFAULT_EXPORT }], line });
      } else if (DECLARATIONS.has(statement.type)) {
        for (const declarator of statement.namedChildren) {
          const required = declarator?.type === 'variable_declarator' ? requiredModule(declarator.childForFieldName('value')) : undefined;
          const target = declarator?.childForFieldName('name');
          const made = declarator?.type === 'variable_declarator' ? madeByRequired(declarator.childForFieldName('value')) : undefined;
          // `const app = require('fastify')({ logger: true })`: the module, under the name the variable's maker goes by.
          if (made && target?.type === 'identifier') imports.push({ module: made, level: 0, names: [], alias: requiredMaker(target.text), line });
          if (!required || !target) continue;
          if (target.type === 'identifier') imports.push({ module: required, level: 0, names: [], alias: target.text, line });
          else if (target.type === 'object_pattern') imports.push({ module: required, level: 0, names: destructured(target), line });
        }
      }
    }
    return imports;
  },

  get query() {
    return SYNTAX_QUERY;
  },
};

function specifiers(clause: Node, type: string): { name: string; alias?: string }[] {
  return clause.namedChildren.flatMap((specifier) => {
    if (specifier?.type !== type) return [];
    const name = specifier.childForFieldName('name')?.text;
    const alias = specifier.childForFieldName('alias')?.text;
    return name ? [{ name, ...(alias ? { alias } : {}) }] : [];
  });
}

/** `require('x')` → `x`. */
function requiredModule(value: Node | null): string | undefined {
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') return undefined;
  const argument = value.childForFieldName('arguments')?.namedChildren[0];
  return argument?.type === 'string' ? literalValue(argument) : undefined;
}

/** `require('x')(...)`, a value made by calling what a module exports → `x`. */
function madeByRequired(value: Node | null): string | undefined {
  return value?.type === 'call_expression' ? requiredModule(value.childForFieldName('function')) : undefined;
}

/**
 * The name a variable made by `require('x')(...)` records as its maker: an import of `x` under a
 * name no source can write, so that the maker qualifies as the module (`fastify`, `express`).
 */
function requiredMaker(variable: string): string {
  return `require:${variable}`;
}

/** `const { a, b: c } = require('x')`. */
function destructured(pattern: Node): { name: string; alias?: string }[] {
  return pattern.namedChildren.flatMap((part) => {
    if (part?.type === 'shorthand_property_identifier_pattern') return [{ name: part.text }];
    if (part?.type === 'pair_pattern') {
      const name = part.childForFieldName('key')?.text;
      const alias = part.childForFieldName('value')?.text;
      return name && alias ? [{ name, alias }] : [];
    }
    return [];
  });
}

function classSymbol(declaration: Node, outerDecorators: readonly Node[], symbols: SymbolDefinition[], bodies: Map<number, Body>, name = declaration.childForFieldName('name')?.text): SymbolDefinition | undefined {
  if (!name) return undefined;
  const decoratorNodes = [...outerDecorators, ...declaration.namedChildren.filter((child): child is Node => child?.type === 'decorator')];
  const { decorators, decoratorCalls } = decoratorsOf(decoratorNodes);
  const keywords: Record<string, string> = {};
  const alias = declaration.type === 'type_alias_declaration';
  const contract = alias || declaration.type === 'interface_declaration';
  if (contract) keywords['interface'] = 'true';
  if (alias) keywords['alias'] = 'true';
  if (declaration.type === 'abstract_class_declaration') keywords['abstract'] = 'true';
  const symbol: SymbolDefinition = {
    name,
    kind: 'class',
    range: rangeWithDecorators(declaration, decoratorNodes),
    bases: alias ? objectTypeParts(declaration).named : heritage(declaration),
    decorators,
    ...(Object.keys(decoratorCalls).length ? { decoratorCalls } : {}),
    ...(Object.keys(keywords).length ? { keywords } : {}),
    attributes: [],
  };
  symbols.push(symbol);
  const members = alias ? objectTypeParts(declaration).objects.flatMap((object) => object.namedChildren) : (declaration.childForFieldName('body')?.namedChildren ?? []);
  let pending: Node[] = [];
  for (const member of members) {
    if (!member) continue;
    if (member.type === 'decorator') {
      pending.push(member);
      continue;
    }
    const memberDecorators = [...pending, ...member.namedChildren.filter((child): child is Node => child?.type === 'decorator')];
    pending = [];
    const memberName = member.childForFieldName('name')?.text;
    if (!memberName) continue;
    if (member.type === 'method_definition' || member.type === 'abstract_method_signature' || member.type === 'method_signature') {
      const { decorators: names, decoratorCalls: calls } = decoratorsOf(memberDecorators);
      const method = functionSymbol(member, `${name}.${memberName}`, 'method', rangeWithDecorators(member, memberDecorators), names, bodies);
      if (Object.keys(calls).length) method.decoratorCalls = calls;
      // An interface's methods and a class's abstract ones are left to implement; a class's overload signatures are not (its implementation follows).
      if (member.type === 'abstract_method_signature' || (member.type === 'method_signature' && contract)) method.notImplemented = true;
      symbols.push(method);
      if (memberName === 'constructor') symbol.attributes?.push(...parameterProperties(member));
    } else if (alias && member.type === 'property_signature' && isFunctionType(member.childForFieldName('type'))) {
      // `stringify: (value: unknown) => string` in an object type implemented by classes: a method to implement.
      symbols.push({ name: `${name}.${memberName}`, kind: 'method', range: rangeOf(member), bases: [], decorators: [], parameters: [{ name: 'this' }], calls: [], notImplemented: true });
    } else if (member.type === 'public_field_definition' || member.type === 'property_signature' || member.type === 'field_definition') {
      const attribute = fieldAttribute(member, memberName);
      const { decorators: names, decoratorCalls: calls } = decoratorsOf(memberDecorators);
      if (names.length) attribute.decorators = names;
      if (Object.keys(calls).length) attribute.decoratorCalls = calls;
      symbol.attributes?.push(attribute);
    }
  }
  return symbol;
}

/**
 * `type Adapter = { get(key: string): Promise<unknown> }`: an object type, which classes may declare
 * they implement (`class RedisAdapter implements Adapter`) as they would an interface.
 */
function isObjectTypeAlias(declaration: Node): boolean {
  return declaration.type === 'type_alias_declaration' && objectTypeParts(declaration).objects.length > 0;
}

/** `{ get(): T } & Emitter`: the object types an alias is made of, and the types it names besides (as an interface's `extends`). */
function objectTypeParts(declaration: Node): { objects: Node[]; named: string[] } {
  const value = declaration.childForFieldName('value');
  const parts = value?.type === 'intersection_type' ? value.namedChildren : [value];
  const objects: Node[] = [];
  const named: string[] = [];
  for (const part of parts) {
    if (part?.type === 'object_type') objects.push(part);
    else if (part?.type === 'type_identifier' || part?.type === 'generic_type' || part?.type === 'nested_type_identifier') named.push(beforeTypeArguments(part.text).replace(/\s+/g, ''));
  }
  return { objects, named: objects.length ? named : [] };
}

/** A type's name without its type arguments: `Base<T>` → `Base`. */
function beforeTypeArguments(written: string): string {
  const open = written.indexOf('<');
  return open < 0 ? written : written.slice(0, open);
}

function isFunctionType(annotation: Node | null): boolean {
  const type = annotation?.type === 'type_annotation' ? annotation.namedChildren[0] : annotation;
  return type?.type === 'function_type';
}

/** A definition's range from its first decorator, as Python's decorated definitions have it: a route's declaration starts at `@Get(...)`. */
function rangeWithDecorators(node: Node, decorators: readonly Node[]): SymbolDefinition['range'] {
  const range = rangeOf(node);
  const first = decorators[0];
  return first && first.startIndex < node.startIndex ? { ...range, start: { line: first.startPosition.row, character: first.startPosition.column } } : range;
}

/** `extends Base<T>` and `implements A, B`: the names, without type arguments. */
function heritage(declaration: Node): string[] {
  const bases: string[] = [];
  const clauses = declaration.namedChildren.filter((child) => child?.type === 'class_heritage' || child?.type === 'extends_type_clause');
  for (const clause of clauses) {
    const parts = clause?.type === 'class_heritage' ? clause.namedChildren : [clause];
    for (const part of parts) {
      // TypeScript wraps the names in `extends_clause` / `implements_clause`; JavaScript's `extends Model` is the name itself.
      const values = part?.type === 'extends_clause' || part?.type === 'implements_clause' || part?.type === 'extends_type_clause' ? part.namedChildren : [part];
      for (const value of values) {
        if (!value || value.type === 'type_arguments' || value.type === 'comment') continue;
        // `extends mixin(Base)`, `extends repositoryFactory<Order>(Order)`: what the call makes, written `callee()`.
        const callee = value.type === 'call_expression' ? value.childForFieldName('function') : undefined;
        bases.push(callee ? `${beforeFirst(callee.text, '<').replace(/\s+/g, '')}()` : beforeFirst(value.text, '<').replace(/\s+/g, ''));
      }
    }
  }
  return bases;
}

function decoratorsOf(nodes: readonly Node[]): { decorators: string[]; decoratorCalls: Record<string, CallShape> } {
  const decorators: string[] = [];
  const decoratorCalls: Record<string, CallShape> = {};
  for (const node of nodes) {
    const expression = node.namedChildren.find((child) => child && child.type !== 'comment');
    if (!expression) continue;
    const callee = expression.type === 'call_expression' ? expression.childForFieldName('function') : expression;
    const name = (callee?.text ?? '').replace(/\s+/g, '');
    decorators.push(name);
    if (expression.type === 'call_expression') decoratorCalls[name] = callShape(expression);
  }
  return { decorators, decoratorCalls };
}

/** `constructor(private readonly orders: OrdersService)`: parameter properties are attributes of the class. */
function parameterProperties(constructor: Node): Attribute[] {
  const attributes: Attribute[] = [];
  for (const parameter of constructor.childForFieldName('parameters')?.namedChildren ?? []) {
    const isProperty = parameter?.children.some((child) => child?.type === 'accessibility_modifier' || child?.type === 'override_modifier' || child?.type === 'readonly');
    if (!parameter || !isProperty) continue;
    const name = parameter.childForFieldName('pattern')?.text;
    const type = typeName(parameter.childForFieldName('type'));
    if (name) attributes.push({ name, line: parameter.startPosition.row, ...(type ? { type } : {}) });
  }
  return attributes;
}

function fieldAttribute(member: Node, name: string): Attribute {
  const value = member.childForFieldName('value');
  const type = typeName(member.childForFieldName('type')) ?? (value?.type === 'new_expression' ? value.childForFieldName('constructor')?.text : undefined);
  const call = value?.type === 'call_expression' ? callShape(value) : undefined;
  // `name = "status"`: a framework may name a class by a field (Actionhero's actions, which routes name).
  const literal = value?.type === 'string' ? literalValue(value) : undefined;
  return { name, line: member.startPosition.row, ...(type ? { type } : {}), ...(call ? { call } : {}), ...(literal !== undefined ? { literal } : {}) };
}

/** `: Repository<Order>` → `Repository<Order>` without the colon; undefined when absent. */
function typeName(annotation: Node | null): string | undefined {
  const type = annotation?.type === 'type_annotation' ? annotation.namedChildren[0] : annotation;
  return type ? type.text.replace(/\s+/g, ' ') : undefined;
}

function functionSymbol(node: Node, name: string, kind: 'function' | 'method', range: SymbolDefinition['range'], decorators: string[], bodies: Map<number, Body>): SymbolDefinition {
  const parameters: Parameter[] = kind === 'method' ? [{ name: 'this' }] : [];
  const list = node.childForFieldName('parameters');
  for (const parameter of list?.namedChildren ?? []) {
    if (!parameter) continue;
    const pattern = parameter.childForFieldName('pattern') ?? (parameter.type === 'identifier' ? parameter : null);
    if (!pattern) continue;
    const annotation = typeName(parameter.childForFieldName('type'));
    const value = parameter.childForFieldName('value')?.text;
    parameters.push({ name: pattern.text, ...(annotation ? { annotation } : {}), ...(value ? { default: value.slice(0, MAX_ARGUMENT_LENGTH) } : {}) });
  }
  const returns = typeName(node.childForFieldName('return_type'));
  const body = node.childForFieldName('body');
  const made = kind === 'function' && body ? returnedClass(body) : undefined;
  const symbol: SymbolDefinition = { name, kind, range, bases: made ? heritage(made) : [], decorators, parameters, calls: [], ...(returns ? { returns } : {}), ...(kind === 'method' && body && throwsNotImplemented(body) ? { notImplemented: true } : {}) };
  if (body) bodies.set(body.startIndex, { symbol, end: body.endIndex });
  return symbol;
}

/**
 * The class a function's body returns — a class factory or mixin: `return class extends Base {...}`,
 * or a class declared in the body and returned by name (`return Repository_ as unknown as ...`).
 */
function returnedClass(body: Node): Node | undefined {
  if (body.type !== 'statement_block') return undefined;
  const statements = body.namedChildren.filter((child): child is Node => child !== null);
  for (const statement of statements) {
    if (statement.type !== 'return_statement') continue;
    let value = statement.namedChildren.find((child) => child && child.type !== 'comment');
    while (value && (value.type === 'as_expression' || value.type === 'parenthesized_expression' || value.type === 'satisfies_expression')) value = value.namedChildren[0] ?? undefined;
    if (value?.type === 'class') return value;
    const name = value?.type === 'identifier' ? value.text : undefined;
    const declared = name ? statements.find((candidate) => CLASSES.has(candidate.type) && candidate.childForFieldName('name')?.text === name) : undefined;
    if (declared) return declared;
  }
  return undefined;
}

/** What an error thrown in place of a body says when the method is left to subclasses. */
const LEFT_TO_SUBCLASSES = /not (yet )?implemented|\bunimplemented\b|\babstract\b|(must|should|has to|needs to) be (implemented|overridden|overriden)|\b(implemented|overridden) (in|by) (the |a |each )?(subclass|child|dialect|driver|derived|concrete|implementation)|\b(must|ha(ve|s) to|needs? to) (implement|override)\b/i;

/**
 * A method whose body only throws, saying it is left to subclasses: `throw new Error('upload must be
 * overridden by the child class')`, `throw new NotImplementedError()`. A method that throws "not
 * supported by this dialect" is a concrete answer, not an abstract method.
 */
function throwsNotImplemented(body: Node): boolean {
  const statements = body.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  const thrown = statements.length === 1 && statements[0]?.type === 'throw_statement' ? statements[0].namedChildren.find((child) => child?.type !== 'comment') : undefined;
  if (!thrown) return false;
  const made = thrown.type === 'new_expression' ? thrown.childForFieldName('constructor') : thrown.type === 'call_expression' ? thrown.childForFieldName('function') : undefined;
  if (made && /NotImplemented/.test(made.text)) return true;
  const message = (thrown.type === 'new_expression' || thrown.type === 'call_expression') ? thrown.childForFieldName('arguments')?.namedChildren[0] : thrown;
  return (message?.type === 'string' || message?.type === 'template_string') && LEFT_TO_SUBCLASSES.test(message.text);
}

/** `const router = Router()`, `const handler = async (req, res) => {...}`, `const PREFIX = '/api'`. */
function variableSymbol(declarator: Node, symbols: SymbolDefinition[], bodies: Map<number, Body>, exported = false): void {
  const name = declarator.childForFieldName('name');
  if (name?.type !== 'identifier') return;
  valueSymbol(name, declarator.childForFieldName('value'), rangeOf(declarator.parent ?? declarator), symbols, bodies, exported);
  const declared = namedType(declarator.childForFieldName('type'));
  const symbol = symbols.at(-1);
  if (declared && symbol?.name === name.text) symbol.declaredType = declared;
}

/** `: DriverFactory<Options>` → `DriverFactory`: the type an annotation names, when it names one. */
function namedType(annotation: Node | null): string | undefined {
  const type = annotation?.type === 'type_annotation' ? annotation.namedChildren[0] : annotation;
  return type?.type === 'type_identifier' || type?.type === 'generic_type' || type?.type === 'nested_type_identifier' ? beforeTypeArguments(type.text).replace(/\s+/g, '') : undefined;
}

/**
 * `type DriverFactory<O> = (opts: O) => Driver<O>`: a function type, kept as a variable with the type
 * its functions return, so that a constant declared with it is known to make that type.
 */
function functionTypeAlias(declaration: Node): SymbolDefinition | undefined {
  const name = declaration.childForFieldName('name')?.text;
  const value = declaration.childForFieldName('value');
  const returns = value?.type === 'function_type' ? namedType(value.childForFieldName('return_type')) : undefined;
  return name && returns ? { name, kind: 'variable', range: rangeOf(declaration), bases: [], decorators: [], returns } : undefined;
}

/**
 * `export const User = z.object({...})` beside `export type User = z.infer<typeof User>`: code that
 * names `User` uses the value, so a type alias of a name the file also gives a value is left out.
 */
function withoutShadowedTypeAliases(symbols: SymbolDefinition[]): SymbolDefinition[] {
  const aliases = new Set(symbols.filter((symbol) => symbol.kind === 'variable' && symbol.alias !== undefined));
  if (!aliases.size) return symbols;
  const valued = new Set(symbols.filter((symbol) => !aliases.has(symbol)).map((symbol) => symbol.name));
  return symbols.filter((symbol) => !aliases.has(symbol) || !valued.has(symbol.name));
}

/** `type KyselyDB = Kysely<DB>`: another name for one named type, a variable whose alias is that type (as Python's `SessionDep = Annotated[...]`). */
function namedTypeAlias(declaration: Node): SymbolDefinition | undefined {
  const name = declaration.childForFieldName('name')?.text;
  const value = declaration.childForFieldName('value');
  const named = value?.type === 'type_identifier' || value?.type === 'generic_type' || value?.type === 'nested_type_identifier';
  return name && named ? { name, kind: 'variable', range: rangeOf(declaration), bases: [], decorators: [], alias: beforeTypeArguments(value.text).replace(/\s+/g, '') } : undefined;
}

/** `exported`: the module offers the value; an object literal it offers is kept whole (route constants, a configuration, a bag of middleware). */
function valueSymbol(name: { text: string }, written: Node | null, range: SymbolDefinition['range'], symbols: SymbolDefinition[], bodies: Map<number, Body>, exported = false): void {
  // `export const routes = {...} as const`, `{...} satisfies Routes`: the object.
  const value = written && (written.type === 'as_expression' || written.type === 'satisfies_expression') ? (written.namedChildren[0] ?? written) : written;
  if (value && FUNCTION_VALUES.has(value.type)) {
    symbols.push(functionSymbol(value, name.text, 'function', range, [], bodies));
    return;
  }
  const made = value?.type === 'new_expression' ? value : value?.type === 'await_expression' ? value.namedChildren[0] : value;
  // `const createUser = catchAsync(async (req, res) => {...})`: the wrapped function is what the name runs; of
  // several (`createStep(id, async (input) => {...}, async (compensation) => {...})`), the first.
  // A call chained on another (`polka().get('/', (req, res) => ...)`, `new H3().get(...)`) is what the chain makes, no wrapper.
  const chainedOn = made?.childForFieldName('function')?.childForFieldName('object')?.type;
  const chained = chainedOn === 'call_expression' || chainedOn === 'new_expression';
  const last = made?.type === 'call_expression' && !chained ? lastArgument(made) : undefined;
  const wrapped = made && last && FUNCTION_VALUES.has(last.type) ? firstFunctionArgument(made) : undefined;
  if (made && wrapped) {
    const symbol = functionSymbol(wrapped, name.text, 'function', range, [], bodies);
    symbol.value = callShape(made); // the same object the body's calls are given to
    symbols.push(symbol);
    return;
  }
  const shaped = made?.type === 'call_expression' || made?.type === 'new_expression' ? callShape(made) : undefined;
  const call = shaped && madeByRequired(made ?? null) !== undefined ? { ...shaped, callee: requiredMaker(name.text) } : shaped;
  const literal = value?.type === 'string' || (value?.type === 'template_string' && !value.namedChildren.some((child) => child?.type === 'template_substitution')) ? literalValue(value) : undefined;
  // Kept whole: a call given an object (`new Schema({ email: { type: String, unique: true } })`,
  // `sequelize.define('User', {...})`) for the data model, a list of objects (`[{ path: '/auth', route: authRoute }]`) for routes.
  const listOfObjects = value?.type === 'array' && value.namedChildren.some((child) => child?.type === 'object');
  const shape = made && call && hasObjectArgument(made) ? valueShape(made) : (listOfObjects || (exported && value?.type === 'object')) && value ? valueShape(value) : undefined;
  symbols.push({
    name: name.text,
    kind: 'variable',
    range,
    bases: [],
    decorators: [],
    ...(call ? { value: call } : {}),
    ...(shape ? { shape } : {}),
    ...(literal !== undefined ? { literal } : {}),
  });
}

/**
 * `let queue;` then, in the module's code or under one of its `if`s, `queue = new Queue('mail')`: the
 * variable holds what the first such call makes, as `const queue = new Queue('mail')` would say.
 */
function assignedLater(root: Node, symbols: readonly SymbolDefinition[]): void {
  const unset = new Map(symbols.filter((symbol) => symbol.kind === 'variable' && !symbol.value && !symbol.shape && symbol.literal === undefined).map((symbol) => [symbol.name, symbol]));
  if (!unset.size) return;
  const visit = (statements: readonly (Node | null)[], depth: number): void => {
    for (const statement of statements) {
      if (!unset.size) return;
      if (!statement) continue;
      if (statement.type === 'if_statement' && depth < MAX_ASSIGNMENT_DEPTH) {
        for (const branch of [statement.childForFieldName('consequence'), statement.childForFieldName('alternative')]) {
          const block = branch?.type === 'else_clause' ? branch.namedChildren[0] : branch;
          visit(block?.type === 'statement_block' ? block.namedChildren : block ? [block] : [], depth + 1);
        }
        continue;
      }
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      const target = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('left') : undefined;
      const symbol = target?.type === 'identifier' ? unset.get(target.text) : undefined;
      const right = assignment?.childForFieldName('right');
      if (!symbol || !right || (right.type !== 'new_expression' && right.type !== 'call_expression') || madeByRequired(right) !== undefined) continue;
      symbol.value = callShape(right);
      unset.delete(symbol.name);
    }
  };
  visit(root.namedChildren, 0);
}

/** How deep in nested `if`s of the module an assignment is looked for. */
const MAX_ASSIGNMENT_DEPTH = 2;

/**
 * Calls made, as statements of the module, on a class it defines or on an object it made from a
 * description: Sequelize's `User.init({...}, {...})` and `Order.belongsTo(User, { foreignKey: 'userId' })`,
 * Mongoose's `userSchema.index({ email: 1 })` state a model's columns, relations and indexes.
 */
function statementCallsOnClasses(blocks: readonly Node[], symbols: readonly SymbolDefinition[]): void {
  const classes = new Map(symbols.filter((symbol) => symbol.kind === 'class' || symbol.shape).map((symbol) => [symbol.name, symbol]));
  if (!classes.size) return;
  const record = (statement: Node | null, self?: SymbolDefinition) => {
    const call = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    const object = callee?.type === 'member_expression' ? (callee.childForFieldName('object')?.text ?? '') : '';
    const owner = object === 'this' ? self : classes.get(object);
    if (!call || !owner) return;
    const shape = valueShape(call);
    // `this.hasMany(...)` in the class's own method is a call on the class.
    (owner.statementCalls ??= []).push(shape.kind === 'call' && object === 'this' ? { ...shape, callee: `${owner.name}${shape.callee.slice('this'.length)}` } : shape);
  };
  for (const statement of blocks.flatMap((block) => block.namedChildren)) {
    record(statement);
    // A model set up by a function of the module (`const initUser = (sequelize) => { User.init({...}, { sequelize }) }`), called once the connection exists.
    for (const inner of functionBody(statement)?.namedChildren ?? []) record(inner);
    // sequelize-cli's models declare their associations in `static associate(models) { User.hasMany(models.Post) }`.
    const declaration = statement && CLASSES.has(statement.type) ? statement : undefined;
    const self = declaration ? classes.get(declaration.childForFieldName('name')?.text ?? '') : undefined;
    for (const member of declaration?.childForFieldName('body')?.namedChildren ?? []) {
      if (member?.type !== 'method_definition' || member.childForFieldName('name')?.text !== 'associate' || !member.children.some((child) => child?.type === 'static')) continue;
      for (const inner of member.childForFieldName('body')?.namedChildren ?? []) record(inner, self);
    }
  }
}

/** The statements' block of a function the statement declares: `function f() {...}`, `const f = () => {...}`, either exported. */
function functionBody(statement: Node | null): Node | undefined {
  const declared = statement?.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
  const value = declared && DECLARATIONS.has(declared.type) && declared.namedChildren.length === 1 ? declared.namedChildren[0]?.childForFieldName('value') : declared;
  const body = value && (FUNCTION_VALUES.has(value.type) || FUNCTIONS.has(value.type)) ? value.childForFieldName('body') : undefined;
  return body?.type === 'statement_block' ? body : undefined;
}

/**
 * What a module exports without a name: `module.exports = <value>` or `export default <value>`.
 * A function there is a factory whose body declares what the module offers (sequelize-cli's
 * `module.exports = (sequelize, DataTypes) => { class User extends Model {} ... }`); a value made
 * by a call (`module.exports = model('Org', schema)`) is the symbol `default`, as TypeScript names it.
 */
function anonymousExport(statement: Node): Node | undefined {
  if (statement.type === 'expression_statement') {
    const assignment = statement.namedChildren[0];
    if (assignment?.type === 'assignment_expression' && isModuleExports(assignment.childForFieldName('left'))) return assignment.childForFieldName('right') ?? undefined;
  } else if (statement.type === 'export_statement' && statement.children.some((child) => child?.type === 'default')) {
    return statement.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/**
 * The name a function written as a value goes by, as the symbols name it: the variable it is bound
 * to (`const createUser = async (req, res) => {...}`, also through a wrapper:
 * `const createUser = catchAsync(async (req, res) => {...})`), or `default` when the module exports
 * it (`export default (app) => {...}`, `module.exports = function (app) {...}`).
 */
function boundName(node: Node): string | undefined {
  let holder = node.parent;
  // `catchAsync(async (req, res) => ...)`: the wrapper's last argument.
  if (holder?.type === 'arguments' && holder.parent?.type === 'call_expression' && lastArgument(holder.parent)?.equals(node)) holder = holder.parent.parent;
  if (holder?.type === 'variable_declarator') {
    const name = holder.childForFieldName('name');
    return name?.type === 'identifier' ? name.text : undefined;
  }
  const exported = holder?.type === 'assignment_expression' && holder.parent?.parent?.type === 'program' ? namedExport(holder.childForFieldName('left')) : undefined;
  if (exported) return exported;
  return exportedWhole(node) ? (ownFunctionName(node) ?? DEFAULT_EXPORT) : undefined;
}

/** The value a module exports whole: `module.exports = <node>`, `export default <node>`. */
function exportedWhole(node: Node): boolean {
  const holder = node.parent;
  const statement = holder?.type === 'assignment_expression' ? holder.parent : holder;
  return statement ? (anonymousExport(statement)?.equals(node) ?? false) : false;
}

/** `function authenticate(...) {...}` written as a value: its own name. */
function ownFunctionName(node: Node): string | undefined {
  return node.type === 'function_expression' || node.type === 'function' ? node.childForFieldName('name')?.text : undefined;
}

function isModuleExports(node: Node | null | undefined): boolean {
  return node?.text.replace(/\s+/g, '') === 'module.exports';
}

/**
 * `exports.index` or `module.exports.index` → `index`: a CommonJS named export (Node's `exports`
 * shortcut), the property of what `require` returns.
 */
function namedExport(left: Node | null | undefined): string | undefined {
  if (left?.type !== 'member_expression') return undefined;
  const object = left.childForFieldName('object');
  const property = left.childForFieldName('property');
  return property?.type === 'property_identifier' && (object?.text === 'exports' || isModuleExports(object)) ? property.text : undefined;
}

/**
 * `sequelize.define('instrument', {...})` as a statement, as Sequelize's own example writes models:
 * the model is bound to its name (`sequelize.models.instrument`), so the name stands for it.
 */
function definedModel(statement: Node): { name: string; call: Node } | undefined {
  const call = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (!call || callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'define') return undefined;
  const [first, second] = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((argument) => argument && argument.type !== 'comment');
  return first?.type === 'string' && second?.type === 'object' ? { name: literalValue(first), call } : undefined;
}

/** The name a value exported without one goes by. */
const DEFAULT_EXPORT = 'default';

/** An object among the arguments, or among those of a call given as an argument (`model('User', new Schema({...}))`). */
function hasObjectArgument(call: Node, depth = 0): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some(
    (argument) => argument?.type === 'object' || (depth === 0 && (argument?.type === 'new_expression' || argument?.type === 'call_expression') && hasObjectArgument(argument, 1)),
  );
}

/** A value as data: calls, objects, arrays, strings, numbers and names; anything else as its text. */
function valueShape(node: Node, budget = { left: MAX_SHAPE_NODES }, depth = 0): ValueShape {
  if (--budget.left < 0 || depth > MAX_SHAPE_DEPTH) return { kind: 'other', text: node.text.slice(0, MAX_ARGUMENT_LENGTH) };
  switch (node.type) {
    case 'call_expression':
    case 'new_expression': {
      const callee = node.childForFieldName('function') ?? node.childForFieldName('constructor');
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).flatMap((argument) => (argument && argument.type !== 'comment' ? [valueShape(argument, budget, depth + 1)] : []));
      return { kind: 'call', callee: calleeOf(callee), args, keywords: {}, line: node.startPosition.row };
    }
    case 'object': {
      const properties: Record<string, ValueShape> = {};
      for (const property of node.namedChildren) {
        if (property?.type === 'shorthand_property_identifier') properties[property.text] = { kind: 'name', value: property.text };
        const key = property?.type === 'pair' ? property.childForFieldName('key') : undefined;
        const value = property?.childForFieldName('value');
        if (key && value) properties[key.type === 'string' ? literalValue(key) : key.text] = valueShape(value, budget, depth + 1);
      }
      return { kind: 'object', properties };
    }
    case 'array':
      return { kind: 'list', items: node.namedChildren.flatMap((child) => (child && child.type !== 'comment' ? [valueShape(child, budget, depth + 1)] : [])) };
    case 'string':
      return { kind: 'string', value: literalValue(node) };
    case 'template_string':
      return node.namedChildren.some((child) => child?.type === 'template_substitution') ? { kind: 'other', text: node.text.slice(0, MAX_ARGUMENT_LENGTH) } : { kind: 'string', value: literalValue(node) };
    case 'number':
      return { kind: 'number', value: node.text };
    case 'identifier':
    case 'true':
    case 'false':
    case 'null':
    case 'undefined':
      return { kind: 'name', value: node.text };
    case 'member_expression':
      return /^[\w$.]+$/.test(node.text) ? { kind: 'name', value: node.text } : { kind: 'other', text: node.text.slice(0, MAX_ARGUMENT_LENGTH) };
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((child) => child && child.type !== 'comment');
      return inner ? valueShape(inner, budget, depth) : { kind: 'other', text: node.text };
    }
    default:
      return { kind: 'other', text: node.text.replace(/\s+/g, ' ').slice(0, MAX_ARGUMENT_LENGTH) };
  }
}

/** A call's callee as a dotted name (`this.orders.find`, `express.Router`), its positional arguments, and the properties of an object argument as keywords. */
function callShape(call: Node): CallShape {
  const callee = call.childForFieldName('function') ?? call.childForFieldName('constructor');
  const args: string[] = [];
  const keywords: Record<string, string> = {};
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'object') {
      for (const pair of argument.namedChildren) {
        const key = pair?.type === 'pair' ? pair.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') : undefined;
        const value = pair?.childForFieldName('value')?.text;
        if (key && value !== undefined) keywords[key] = value.slice(0, MAX_PROPERTY_LENGTH);
      }
    }
    args.push(argument.text.slice(0, MAX_ARGUMENT_LENGTH));
  }
  return { callee: calleeOf(callee), args, keywords };
}

/**
 * `this.orders?.find<Order>(id).then` → `this.orders.find().then`: optional chaining and type
 * arguments dropped. The grammar reads `await f<T>(x)` as a call of `await f`: the `await` is no
 * part of what is called. A chain on an instance made in place (`new H3().get`) is written as a
 * call of its class (`H3().get`), as a chain on a factory's result is.
 */
function calleeOf(callee: Node | null): string {
  const called = callee?.type === 'await_expression' ? callee.namedChildren[0] : callee;
  return normalizeCallee(withoutComments(called?.text ?? '').replace(/\?\./g, '.').replace(/^new\s+/, ''), true);
}

/** A function's body as an extent of the text. */
interface Interval {
  start: number;
  end: number;
  symbol: SymbolDefinition;
}

/** A function's body: the extent its calls are looked for in. */
interface Body {
  symbol: SymbolDefinition;
  end: number;
}

/**
 * What the syntax extraction reads, in the scan's one query pass: calls, and calls that register
 * something under a name (`app.get('/orders', ...)`, `emitter.on('paid', ...)`, `app.use('/api', ...)`).
 */
const SYNTAX_QUERY = `
(call_expression function: (_) @callee) @call
(new_expression constructor: (_) @callee) @call
(call_expression arguments: (arguments . (string))) @registration
(call_expression function: (member_expression property: (property_identifier) @_register) arguments: (arguments . [(function_expression) (arrow_function)] @plugin . (object)) (#eq? @_register "register"))
(throw_statement (new_expression)) @raise
(return_statement (call_expression arguments: (arguments . (new_expression)))) @raise
(variable_declarator name: (identifier) value: (_)) @local
(call_expression function: (member_expression property: (property_identifier) @_create) (#eq? @_create "createTable")) @schema_table
(binary_expression left: (member_expression property: (property_identifier) @_method) right: (string (string_fragment) @method_test) (#eq? @_method "method"))
(binary_expression left: (string (string_fragment) @method_test) right: (member_expression property: (property_identifier) @_method) (#eq? @_method "method"))
(switch_statement value: (parenthesized_expression (member_expression property: (property_identifier) @_method)) body: (switch_body (switch_case value: (string (string_fragment) @method_test))) (#eq? @_method "method"))
(binary_expression left: (identifier) @_method right: (string (string_fragment) @method_test) (#eq? @_method "method"))
(binary_expression left: (string (string_fragment) @method_test) right: (identifier) @_method (#eq? @_method "method"))
(switch_statement value: (parenthesized_expression (identifier) @_method) body: (switch_body (switch_case value: (string (string_fragment) @method_test))) (#eq? @_method "method"))
`;

/** Nodes in document order; of nodes that start together (`app.get(...).post(...)`), the one written first: the inner. */
function inDocumentOrder(nodes: Node[]): Node[] {
  return nodes.sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex);
}

function firstFunctionArgument(call: Node): Node | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((child) => child !== null && FUNCTION_VALUES.has(child.type)) ?? undefined;
}

function lastArgument(call: Node): Node | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((child) => child && child.type !== 'comment') ?? [];
  return args[args.length - 1] ?? undefined;
}

/**
 * A function written in place as the last argument of a registration (`app.post('/invoices', (req, res) => {...})`),
 * or as a plugin registered with its options (Fastify's `fastify.register(async (instance) => {...}, { prefix })`),
 * is a function of its own, `<anonymous>@LINE` (the line the function starts on, as findings name it): a route's
 * inline handler can then be traced, and a plugin's routes put under its prefix. Its calls are its own, not those of the function around it.
 */
function anonymousCallbacks(matches: readonly QueryMatch[], symbols: SymbolDefinition[], bodies: Map<number, Body>): void {
  const named = new Set(symbols.map((symbol) => symbol.name));
  const registered = matches.flatMap((match) => {
    const registration = capturedAs(match, 'registration');
    const last = registration && lastArgument(registration);
    // `app.post('/x', asyncHandler(async (req, res) => {...}))`: the function the wrapper is given.
    return (last?.type === 'call_expression' ? lastArgument(last) : last) ?? capturedAs(match, 'plugin') ?? [];
  });
  for (const callback of inDocumentOrder(registered)) {
    if (!FUNCTION_VALUES.has(callback.type)) continue;
    const name = SymbolId.anonymousName(callback.startPosition.row); // the line the function starts on, as routes name it
    if (named.has(name)) continue;
    named.add(name);
    symbols.push(functionSymbol(callback, name, 'function', rangeOf(callback), [], bodies));
  }
}

/**
 * Each function's calls, in evaluation order (a call after its arguments and callee), and the
 * errors it throws or returns. A call in a callback (`items.map(item => this.repo.save(item))`)
 * belongs to the named function around it: callbacks are how this code is written, and the trace
 * should follow them.
 */
function fillCalls(matches: readonly QueryMatch[], bodies: ReadonlyMap<number, Body>, symbols: readonly SymbolDefinition[]): void {
  if (!bodies.size && !symbols.length) return;
  const intervals: Interval[] = [...bodies.entries()].map(([start, { symbol, end }]) => ({ start, end, symbol }));
  intervals.sort((a, b) => a.start - b.start || b.end - a.end);
  const calls = new Map<SymbolDefinition, { call: CallSite; end: number }[]>();
  // One sweep in document order: `open` holds the bodies around the current node, innermost last
  // (bodies, calls and statements are syntax nodes, so they nest and never overlap partly).
  const open: typeof intervals = [];
  let next = 0;
  const callees = new Map<Node, Node>();
  const raises: Node[] = [];
  const locals = new Map<Node, Local>();
  const schemaTables: Node[] = [];
  const methodTests: Node[] = [];
  for (const match of matches) {
    const call = capturedAs(match, 'call');
    const callee = call && capturedAs(match, 'callee');
    if (call && callee) callees.set(call, callee);
    const raised = capturedAs(match, 'raise');
    if (raised) raises.push(raised);
    const table = capturedAs(match, 'schema_table');
    if (table) schemaTables.push(table);
    const tested = capturedAs(match, 'method_test');
    if (tested) methodTests.push(tested);
    const declarator = capturedAs(match, 'local');
    const local = declarator && typedLocal(declarator);
    if (declarator && local) locals.set(declarator, local);
  }
  const tests = new Set(methodTests);
  for (const pending of inDocumentOrder([...callees.keys(), ...raises, ...locals.keys(), ...methodTests])) {
    const { startIndex, endIndex } = pending;
    for (; next < intervals.length && (intervals[next]?.start ?? Infinity) <= startIndex; next++) {
      const interval = intervals[next] as (typeof intervals)[number];
      while (open.length && (open[open.length - 1]?.end ?? 0) <= interval.start) open.pop();
      open.push(interval);
    }
    while (open.length && (open[open.length - 1]?.end ?? 0) < endIndex) open.pop();
    const owner = open[open.length - 1]?.symbol;
    if (!owner) continue;
    const callee = callees.get(pending);
    const local = locals.get(pending);
    if (local) (owner.locals ??= []).push(local);
    else if (tests.has(pending)) {
      const method = pending.text.toUpperCase();
      if (/^[A-Z]{3,7}$/.test(method) && !owner.methodTests?.includes(method)) (owner.methodTests ??= []).push(method);
    } else if (callee) {
      const list = calls.get(owner) ?? [];
      const handsOn = instanceHandedOn(pending, owner);
      list.push({ call: { callee: calleeOf(callee), line: pending.startPosition.row, character: pending.startPosition.column, ...(handsOn ? { handsOn } : {}) }, end: pending.endIndex });
      calls.set(owner, list);
    } else {
      const raised = raiseFact(pending);
      if (raised) (owner.raises ??= []).push(raised);
    }
  }
  for (const [symbol, list] of calls) symbol.calls = list.sort((a, b) => a.end - b.end).map(({ call }) => call);
  // A schema builder's table, as a statement of the innermost function around it; in a method of
  // an exported object (sequelize-cli's `module.exports = { async up(queryInterface) {...} }`), of the object.
  for (const table of inDocumentOrder(schemaTables)) {
    let owner: Interval | undefined;
    for (const interval of intervals) if (interval.start <= table.startIndex && table.endIndex <= interval.end && (!owner || interval.start >= owner.start)) owner = interval;
    const holder = owner?.symbol ?? innermostAround(symbols, table);
    if (holder) (holder.statementCalls ??= []).push(callChain(outermostCall(table)));
  }
}

/** A call's first argument when it is an instance the function makes: a class made in place (`Name()`), or a local, declared before the call, whose type is stated (made by a constructor, annotated). */
function instanceHandedOn(call: Node, owner: SymbolDefinition): string | undefined {
  const first = firstArgument(call);
  if (first?.type === 'new_expression') {
    const made = constructed(first.childForFieldName('constructor'));
    return made ? `${made}()` : undefined;
  }
  return first?.type === 'identifier' && owner.locals?.some((local) => local.name === first.text && local.type !== undefined) ? first.text : undefined;
}

/** The definition whose lines hold a node's first line, the one starting last of those that do. */
function innermostAround(symbols: readonly SymbolDefinition[], node: Node): SymbolDefinition | undefined {
  const line = node.startPosition.row;
  let found: SymbolDefinition | undefined;
  for (const symbol of symbols) if (symbol.range.start.line <= line && line <= symbol.range.end.line && (!found || symbol.range.start.line >= found.range.start.line)) found = symbol;
  return found;
}

/**
 * A local whose type the code states: `const em: EntityManager = ...`, `const pool = new Pool()`, or
 * a generic call's one type argument (`const manager = this.getActiveManager<SqlEntityManager>(context)`,
 * `await repo.findOne<Order>(...)`): the type the call is asked to give back.
 */
function typedLocal(declarator: Node): Local | undefined {
  const name = declarator.childForFieldName('name')?.text;
  const written = declarator.childForFieldName('value');
  const value = written?.type === 'await_expression' ? written.namedChildren[0] : written;
  const type =
    namedType(declarator.childForFieldName('type')) ??
    (value?.type === 'new_expression' ? constructed(value.childForFieldName('constructor')) : undefined) ??
    (value?.type === 'call_expression' ? onlyTypeArgument(value.childForFieldName('type_arguments')) : undefined);
  // A service taken from a container by id is what the container holds, whatever the annotation on the untyped value claims.
  const madeWith = value?.type === 'call_expression' ? (serviceIdGivenFirst(value) ?? (type ? undefined : classGivenFirst(value))) : undefined;
  if (!name) return undefined;
  const keywords = type && value?.type === 'new_expression' ? callShape(value).keywords : {};
  if (type) return { name, type, ...(Object.keys(keywords).length ? { keywords } : {}), ...(madeWith ? { madeWith } : {}) };
  if (madeWith) return { name, madeWith };
  // `const globalPrefix = 'api'` before `app.setGlobalPrefix(globalPrefix)`: a string the function never reassigns.
  const constant = declarator.parent?.type === 'lexical_declaration' && declarator.parent.firstChild?.type === 'const';
  return constant && value?.type === 'string' ? { name, value: value.text } : undefined;
}

/** A call whose first argument is a class, named as classes are (`Container.get(AuthService)`): the call and the class as written. */
function classGivenFirst(call: Node): Local['madeWith'] {
  const first = firstArgument(call);
  const callee = call.childForFieldName('function');
  if (!callee || (first?.type !== 'identifier' && first?.type !== 'member_expression') || !/^[\w$.]+$/.test(first.text) || !/(^|\.)[A-Z][\w$]*$/.test(first.text)) return undefined;
  return { callee: calleeOf(callee), argument: first.text };
}

/** A `get` or `resolve` method's call whose only argument is a string, as containers are asked for a service by id (`container.get('app.mailer')`): the call and the id. */
function serviceIdGivenFirst(call: Node): Local['madeWith'] {
  const callee = call.childForFieldName('function');
  const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
  if (method !== 'get' && method !== 'resolve') return undefined;
  const given = call.childForFieldName('arguments')?.namedChildren.filter((child) => child && child.type !== 'comment') ?? [];
  const id = given.length === 1 && given[0]?.type === 'string' ? /^(['"])([\w$.:/-]+)\1$/.exec(given[0].text)?.[2] : undefined;
  return callee?.type === 'member_expression' && id ? { callee: calleeOf(callee), argument: id, id: true } : undefined;
}

function firstArgument(call: Node): Node | null | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((child) => child && child.type !== 'comment');
}

/** `new Pool()`, `new pg.Pool()`: the class made. */
function constructed(constructor: Node | null): string | undefined {
  return constructor?.type === 'identifier' || (constructor?.type === 'member_expression' && /^[\w$.]+$/.test(constructor.text)) ? constructor.text : undefined;
}

function onlyTypeArgument(typeArguments: Node | null): string | undefined {
  const types = typeArguments?.namedChildren.filter((child) => child && child.type !== 'comment') ?? [];
  return types.length === 1 ? namedType(types[0] ?? null) : undefined;
}

/** The last call of a chain that starts at `call` (`db.schema.createTable('user').addColumn(...).execute()`). */
function outermostCall(call: Node): Node {
  let outer = call;
  for (let member = outer.parent; member?.type === 'member_expression' && member.parent?.type === 'call_expression' && member.parent.childForFieldName('function')?.equals(member); member = outer.parent) outer = member.parent;
  return outer;
}

/**
 * A chain of method calls as data-model shapes, each call with the one before as its receiver (as
 * Python's `qs.filter(...).order_by(...)` is read): Knex's and Kysely's schema builders
 * (`db.schema.createTable('user').addColumn('email', 'text', (col) => col.unique())`).
 */
function callChain(call: Node, budget = { left: MAX_SHAPE_NODES }, depth = 0): ValueShape {
  const callee = call.childForFieldName('function');
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
  const property = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
  if (!object || !property || depth > MAX_SHAPE_DEPTH * 4) return valueShape(call, budget);
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).flatMap((argument) => (argument && argument.type !== 'comment' ? [valueShape(argument, budget, 1)] : []));
  const receiver = object.type === 'call_expression' ? callChain(object, budget, depth + 1) : { kind: 'name' as const, value: object.text.replace(/\s+/g, '') };
  return { kind: 'call', callee: property, receiver, args, keywords: {}, line: call.startPosition.row };
}

/** Conditions and messages are read, never shown whole. */
const MAX_CONDITION_LENGTH = 160;

/** Cut before collapsing whitespace, so that a huge expression costs no more than a short one. */
const oneLine = (text: string) => text.slice(0, 4 * MAX_CONDITION_LENGTH).replace(/\s+/g, ' ').slice(0, MAX_CONDITION_LENGTH);

/**
 * `throw new X(...)`, or `return Err(new X(...))` (an error returned as a value): the error, its
 * message and HTTP status when its arguments say them, and the condition of the innermost `if`
 * it is written under, within its function.
 */
function raiseFact(statement: Node): RaiseFact | undefined {
  const returned = statement.type === 'return_statement';
  const value = statement.namedChildren.find((child) => child && child.type !== 'comment');
  const made = returned ? value?.childForFieldName('arguments')?.namedChildren.find((child) => child && child.type !== 'comment') : value;
  const exception = made?.type === 'new_expression' ? made.childForFieldName('constructor')?.text.replace(/\s+/g, '') : undefined;
  // A value returned wrapped is an error only when it is named as one.
  if (!made || !exception || !/^[A-Za-z_$][\w$.]*$/.test(exception) || (returned && !/(Error|Exception)$/.test(exception))) return undefined;
  const fact: RaiseFact = { exception, line: statement.startPosition.row };
  const args = made.childForFieldName('arguments')?.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment') ?? [];
  const message = args.find((argument) => argument.type === 'string' || argument.type === 'template_string');
  if (message) fact.message = oneLine(message.type === 'string' ? literalValue(message) : message.text.slice(1, -1));
  const status = args.find((argument) => (argument.type === 'number' && /^[1-5]\d\d$/.test(argument.text)) || (argument.type === 'member_expression' && /^HttpStatus\./.test(argument.text)));
  if (status) fact.status = status.text;
  const condition = guardingCondition(statement);
  if (condition) fact.condition = condition;
  if (returned) fact.returned = true;
  return fact;
}

const FUNCTION_NODES = new Set([...FUNCTION_VALUES, 'function_declaration', 'generator_function_declaration', 'method_definition', 'class_body']);

/** The condition of the innermost `if` (or its `else`: `!(…)`) around a statement, within its function. */
function guardingCondition(node: Node): string | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (FUNCTION_NODES.has(parent.type)) return undefined;
    if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.equals(child)) {
      const condition = parent.childForFieldName('condition');
      return condition ? oneLine(condition.text.replace(/^\(([\s\S]*)\)$/, '$1')) : undefined;
    }
    if (parent.type === 'else_clause' && parent.parent?.type === 'if_statement') {
      const condition = parent.parent.childForFieldName('condition');
      return condition ? oneLine(`!${condition.text}`) : undefined;
    }
  }
  return undefined;
}
