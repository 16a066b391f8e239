import { Turns } from '../nextTurn';
import type { CallShape } from '../parse/facts';
import type { AnnotationRoutes } from '../frameworks/frameworks';
import type { Finding, Range, Route } from '../result';
import { type SpringServletSettings, settingsFor } from './buildFiles';
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
 * framework's (imported by name or on demand).
 */
export async function annotationRoutes(index: SymbolIndex, frameworks: readonly AnnotationRoutes[], settings: readonly SpringServletSettings[], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.length) return { routes, findings };
  await turns.each(index.files(), (file) => {
    if (file.language !== 'java') return;
    for (const handler of index.part('annotation-handlers', file.path, () => annotatedHandlers(index, frameworks, file.path))) {
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

function annotatedHandlers(index: SymbolIndex, frameworks: readonly AnnotationRoutes[], path: string): AnnotatedHandler[] {
  const handlers: AnnotatedHandler[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    // Interfaces declare routes for the classes that implement them, or are HTTP clients (Feign): no handler of their own.
    if (definition.kind !== 'class' || definition.keywords?.['interface'] === 'true') continue;
    const annotation = (decorators: readonly string[], names: readonly string[] | undefined) => decorators.find((decorator) => names && index.qualifiedNames(path, decorator).some((name) => names.includes(name)));
    for (const framework of frameworks) {
      const handlerNames = Object.keys(framework.handlers);
      const classAnnotation = annotation(definition.decorators, framework.classPaths);
      const classPaths = classAnnotation ? pathsOf(index, path, definition.decoratorCalls?.[classAnnotation], framework.pathKeys) : [''];
      for (const method of index.methodsOf(symbol)) {
        const decorators = method.definition.decorators;
        const handlerAnnotation = annotation(decorators, handlerNames);
        if (!handlerAnnotation) continue;
        const qualified = index.qualifiedNames(path, handlerAnnotation).find((name) => handlerNames.includes(name)) ?? '';
        const call = method.definition.decoratorCalls?.[handlerAnnotation];
        const methodPathAnnotation = annotation(decorators, framework.methodPaths);
        const ownPaths = methodPathAnnotation ? pathsOf(index, path, method.definition.decoratorCalls?.[methodPathAnnotation], framework.pathKeys) : pathsOf(index, path, call, framework.pathKeys);
        const listed = framework.methodKey ? httpMethodsOf(call?.keywords[framework.methodKey]) : [];
        const declared = framework.handlers[qualified] ?? 'ANY';
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
    }
  }
  return handlers;
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

