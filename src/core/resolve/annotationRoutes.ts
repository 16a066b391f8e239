import { Turns } from '../nextTurn';
import type { CallShape, SymbolDefinition } from '../parse/facts';
import type { AnnotationRoutes } from '../frameworks/frameworks';
import { type Finding, type Range, type Route, SymbolId } from '../result';
import { type BuildFiles, type GeneratedApi, settingsFor } from './buildFiles';
import { constantText } from './constants';
import { joinRoutePaths, normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** A handler method as its class and method annotations declare it (the application's servlet paths are put before it after). */
interface AnnotatedHandler {
  symbol: string;
  path: string;
  range: Range;
  framework: string;
  methods: string[];
  paths: string[];
  servletPaths: boolean;
}

/**
 * Java's routes declared by annotations (Spring MVC's `@RequestMapping` on the class and
 * `@GetMapping`... on its methods; JAX-RS's `@Path` and `@GET`), as the framework files describe
 * them: every path of the class joined with every path of the method (arrays, constants and their
 * concatenations read), under the application's `server.servlet.context-path` and
 * `spring.mvc.servlet.path` when the framework says so. Annotations count when they resolve to the
 * framework's (imported by name or on demand). The methods of a controller that implements server
 * interfaces OpenAPI Generator writes at build time (`implements OwnersApi`) are the handlers of the
 * operations they are named after, as the specification says them.
 */
export async function annotationRoutes(index: SymbolIndex, frameworks: readonly AnnotationRoutes[], build: Pick<BuildFiles, 'springSettings' | 'generatedApis'>, turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.length) return { routes, findings };
  const settings = build.springSettings;
  const generated = generatedOperations(build.generatedApis);
  // What a file's part reads besides itself: the packages generated interfaces are in.
  const apiPackages = [...generated.keys()].join(' ');
  const spring = frameworks.find((framework) => framework.servletPaths);
  await turns.each(index.files(), (file) => {
    if (file.language !== 'java') return;
    const implementers = apiPackages ? index.part('generated-api-implementers', file.path, () => generatedApiImplementers(index, file.path, generated, frameworks), apiPackages) : [];
    const handlers = [...index.part('annotation-handlers', file.path, () => annotatedHandlers(index, frameworks, file.path)), ...(spring ? implementers.flatMap((implementer) => implementedOperations(implementer, generated, spring.framework)) : [])];
    for (const handler of handlers) {
      const servlet = handler.servletPaths ? settingsFor(settings, handler.path) : undefined;
      const prefix = servlet ? joinRoutePaths(servlet.contextPath, servlet.servletPath) : '';
      for (const written of handler.paths) {
        const path = normalizeRoutePath(joinRoutePaths(prefix, written));
        for (const method of handler.methods) routes.push({ method, path, handler: handler.symbol, framework: handler.framework, source: { path: handler.path, line: handler.range.start.line } });
        findings.push({ category: 'route', symbol: handler.symbol, range: handler.range, layer: '', details: { rule: 'annotation-route', framework: handler.framework, method: handler.methods.join(','), path } });
      }
    }
  });
  return { routes, findings };
}

/** The generated APIs' operations by the package of their interfaces, each by its `operationId`, with the specification's base path. */
type GeneratedOperations = ReadonlyMap<string, { basePath: string; operations: ReadonlyMap<string, { method: string; path: string }> }>;

function generatedOperations(apis: readonly GeneratedApi[]): GeneratedOperations {
  const byPackage = new Map<string, { basePath: string; operations: Map<string, { method: string; path: string }> }>();
  for (const api of apis) {
    let entry = byPackage.get(api.apiPackage);
    if (!entry) byPackage.set(api.apiPackage, (entry = { basePath: api.basePath, operations: new Map() }));
    for (const operation of api.operations) if (!entry.operations.has(operation.operationId)) entry.operations.set(operation.operationId, operation);
  }
  return byPackage;
}

/** A class implementing interfaces of a generated package: its own path prefix (if it states one) and its methods. */
interface ApiImplementer {
  apiPackage: string;
  path: string;
  classPaths: string[] | undefined;
  methods: { symbol: string; name: string; range: Range }[];
}

/** The classes of a file that implement a generated interface (`implements OwnersApi`, imported from the `apiPackage`). */
function generatedApiImplementers(index: SymbolIndex, path: string, generated: GeneratedOperations, frameworks: readonly AnnotationRoutes[]): ApiImplementer[] {
  const implementers: ApiImplementer[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'class' || definition.keywords?.['interface'] === 'true') continue;
    const apiPackage = definition.bases.flatMap((base) => index.qualifiedNames(path, base)).map((name) => name.slice(0, name.lastIndexOf('.'))).find((name) => generated.has(name));
    if (!apiPackage) continue;
    const classAnnotation = definition.decorators.find((decorator) => frameworks.some((framework) => index.qualifiedNames(path, decorator).some((name) => framework.classPaths?.includes(name))));
    const pathKeys = frameworks.flatMap((framework) => framework.pathKeys);
    implementers.push({
      apiPackage,
      path,
      classPaths: classAnnotation ? pathsOf(index, path, definition.decoratorCalls?.[classAnnotation], pathKeys) : undefined,
      methods: index.methodsOf(symbol).map((method) => ({ symbol: method.symbol, name: method.name, range: method.definition.range })),
    });
  }
  return implementers;
}

/** The handlers a generated API's implementer has: its methods named after an operation, under its own prefix, else the specification's base path. */
function implementedOperations(implementer: ApiImplementer, generated: GeneratedOperations, framework: string): AnnotatedHandler[] {
  const api = generated.get(implementer.apiPackage);
  if (!api) return [];
  return implementer.methods.flatMap((method) => {
    const operation = api.operations.get(method.name);
    if (!operation) return [];
    const prefixes = implementer.classPaths ?? [api.basePath];
    return [{ symbol: method.symbol, path: implementer.path, range: method.range, framework, methods: [operation.method], paths: prefixes.map((prefix) => joinRoutePaths(prefix, operation.path)), servletPaths: true }];
  });
}

function annotatedHandlers(index: SymbolIndex, frameworks: readonly AnnotationRoutes[], path: string): AnnotatedHandler[] {
  const handlers: AnnotatedHandler[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    // Interfaces declare routes for the classes that implement them, or are HTTP clients (Feign): no handler of their own.
    if (definition.kind !== 'class' || definition.keywords?.['interface'] === 'true') continue;
    for (const framework of frameworks) {
      const handlerNames = Object.keys(framework.handlers ?? {});
      const composed = framework.composed ?? false;
      const classAnnotation = framework.classPaths ? annotationAmong(index, path, definition, framework.classPaths, composed) : undefined;
      const classPaths = classAnnotation ? annotationPaths(index, classAnnotation, framework.pathKeys) : [''];
      for (const method of index.methodsOf(symbol)) {
        const handlerAnnotation = annotationAmong(index, path, method.definition, handlerNames, composed);
        if (!handlerAnnotation) continue;
        const methodPathAnnotation = framework.methodPaths ? annotationAmong(index, path, method.definition, framework.methodPaths, false) : undefined;
        const ownPaths = annotationPaths(index, methodPathAnnotation ?? handlerAnnotation, framework.pathKeys);
        const methodKey = framework.methodKey;
        const listed = methodKey ? httpMethodsOf(handlerAnnotation.call?.keywords[methodKey] ?? handlerAnnotation.meta?.call?.keywords[methodKey]) : [];
        const declared = framework.handlers?.[handlerAnnotation.name] ?? 'ANY';
        handlers.push({
          symbol: method.symbol,
          path,
          range: method.definition.range,
          framework: framework.framework,
          methods: declared === 'ANY' && listed.length ? listed : [declared],
          paths: classPaths.flatMap((prefix) => ownPaths.map((own) => joinRoutePaths(prefix, own))),
          servletPaths: framework.servletPaths ?? false,
        });
      }
      if (classAnnotation && framework.namedHandlers) handlers.push(...namedHandlers(index, framework, framework.namedHandlers, symbol, definition, classPaths));
    }
  }
  return handlers;
}

/**
 * The methods of a class with a class-path annotation that answer the HTTP method they are named
 * after (a servlet's `doGet`), its own or a workspace base's, when it derives from the framework's
 * class; the framework's own class, in its own repository, answers nothing.
 */
function namedHandlers(index: SymbolIndex, framework: AnnotationRoutes, named: NonNullable<AnnotationRoutes['namedHandlers']>, symbol: string, definition: SymbolDefinition, classPaths: string[]): AnnotatedHandler[] {
  if (!index.derivesFromAny(symbol, named.bases)) return [];
  const classes = index.applicationLineage(symbol, named.bases);
  const { path } = SymbolId.parse(symbol);
  return Object.entries(named.methods).flatMap(([name, method]) => {
    const owner = classes.find((candidate) => index.definition(`${candidate}.${name}`));
    if (!owner) return [];
    const range = owner === symbol ? (index.definition(`${owner}.${name}`)?.range ?? definition.range) : definition.range;
    return [{ symbol: `${owner}.${name}`, path, range, framework: framework.framework, methods: [method], paths: classPaths, servletPaths: framework.servletPaths ?? false }];
  });
}

/**
 * One of a framework's annotations on a declaration: written there, or (when the framework composes
 * them) through an annotation type of the workspace annotated with it, which then stands for it.
 */
interface FoundAnnotation {
  /** The framework annotation's qualified name. */
  name: string;
  /** Where it is written, and its arguments there. */
  path: string;
  call: CallShape | undefined;
  /** The framework's annotation on the composed annotation type, when it is composed. */
  meta?: FoundAnnotation;
}

function annotationAmong(index: SymbolIndex, path: string, declaration: Pick<SymbolDefinition, 'decorators' | 'decoratorCalls'>, names: readonly string[], composed: boolean, depth = 0): FoundAnnotation | undefined {
  for (const decorator of declaration.decorators) {
    const name = index.qualifiedNames(path, decorator).find((qualified) => names.includes(qualified));
    if (name) return { name, path, call: declaration.decoratorCalls?.[decorator] };
  }
  if (!composed || depth >= MAX_COMPOSITION_DEPTH) return undefined;
  for (const decorator of declaration.decorators) {
    const target = index.resolve(path, decorator);
    const annotationType = target ? index.definition(target) : undefined;
    if (!target || annotationType?.kind !== 'class' || annotationType.keywords?.['interface'] !== 'true') continue;
    const meta = annotationAmong(index, SymbolId.parse(target).path, annotationType, names, composed, depth + 1);
    if (meta) return { name: meta.name, path, call: declaration.decoratorCalls?.[decorator], meta };
  }
  return undefined;
}

/** Annotations composed of annotations composed of the framework's: how deep they are followed. */
const MAX_COMPOSITION_DEPTH = 3;

/** The paths an annotation gives where it is written, else (composed) those its meta-annotation gives. */
function annotationPaths(index: SymbolIndex, found: FoundAnnotation, keys: readonly string[]): string[] {
  const own = pathsOf(index, found.path, found.call, keys);
  return found.meta && own.length === 1 && own[0] === '' ? annotationPaths(index, found.meta, keys) : own;
}

/** The paths an annotation gives: its first positional argument or a path key, a literal, a constant, a concatenation, or an array of those; none is ''. */
function pathsOf(index: SymbolIndex, path: string, call: CallShape | undefined, keys: readonly string[]): string[] {
  const written = keys.map((key) => call?.keywords[key]).find((value) => value !== undefined) ?? call?.args[0];
  if (written === undefined) return [''];
  const items = written.trim().startsWith('{') ? topLevelItems(written.trim().slice(1, -1)) : [written];
  const paths = items.flatMap((item) => {
    const text = constantText(index, path, item);
    return text === undefined ? [] : [text];
  });
  return paths.length ? paths : [''];
}

/** `RequestMethod.GET`, `{RequestMethod.GET, RequestMethod.POST}`, `GET` (statically imported). */
function httpMethodsOf(written: string | undefined): string[] {
  if (!written) return [];
  return [...written.matchAll(/(?:^|[.{,\s])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\b/g)].map((match) => match[1] ?? '').filter(Boolean);
}

/** The items of a list's text, split at its top-level commas. */
function topLevelItems(written: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const character of written) {
    if (character === '"' && !current.endsWith('\\')) quoted = !quoted;
    else if (!quoted && '({['.includes(character)) depth++;
    else if (!quoted && ')}]'.includes(character)) depth--;
    if (character === ',' && depth === 0 && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += character;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}
