import { LineCounter, parseDocument } from 'yaml';
import type { WorkspaceFs, ReadLimits } from '../host';
import type { SpecificationRoutes } from '../frameworks/frameworks';
import { Turns } from '../nextTurn';
import type { Finding, Route, Skipped } from '../result';
import { readWorkspaceText } from '../discover/discover';
import { objectAt, operationsOf, serverUrlPath } from './openApi';
import { joinRoutePaths, normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** An OpenAPI (or Swagger 2) document of the workspace: the operations that name their handler. */
export interface ApiSpecification {
  file: string;
  /** Before every operation's path: the first server's URL path (OpenAPI 3), or `basePath` (Swagger 2). */
  basePath: string;
  operations: SpecifiedOperation[];
}

export interface SpecifiedOperation {
  method: string;
  path: string;
  /** The handler's dotted name: `operationId`, after the module a controller key names when there is one. */
  handler: string;
  /** 0-based line of the operation's `operationId` in the document. */
  line: number;
}

/** Documents are looked for among these files only, the JSON ones named so: a workspace's other JSON files are data. */
const CANDIDATE = /\.ya?ml$|(openapi|swagger)[^/]*\.json$/i;
/** Enough documents for any service; a workspace of thousands of YAML files (fixtures, manifests) is not read whole. */
const MAX_CANDIDATES = 200;
/** The version key is the document's first; a comment or two may come before it. */
const HEAD_CHARACTERS = 4096;

/**
 * The OpenAPI documents among the workspace's other files whose operations name handlers, when a
 * framework routes by them.
 */
export async function readSpecifications(fs: Pick<WorkspaceFs, 'readText'>, limits: ReadLimits & { root: string }, otherFiles: readonly string[], frameworks: readonly SpecificationRoutes[]): Promise<ApiSpecification[]> {
  if (!frameworks.length) return [];
  const controllerKeys = frameworks.flatMap((framework) => framework.controllerKeys);
  const candidates = otherFiles.filter((file) => CANDIDATE.test(file)).slice(0, MAX_CANDIDATES);
  // A candidate that cannot be read (too big, not text) is not told: most YAML files are no document of routes.
  const unread: Skipped[] = [];
  const read = await Promise.all(candidates.map(async (file) => ({ file, text: await readWorkspaceText(fs, limits, file, unread) })));
  return read.flatMap(({ file, text }) => {
    const specification = text === undefined ? undefined : specificationOf(file, text, controllerKeys);
    return specification ? [specification] : [];
  });
}

/** The document's operations that name a handler, or undefined when the text is no OpenAPI or Swagger document. */
export function specificationOf(file: string, text: string, controllerKeys: readonly string[]): ApiSpecification | undefined {
  if (!/^[ \t{]*["']?(?:openapi|swagger)["']?[ \t]*:/m.test(text.slice(0, HEAD_CHARACTERS)) || !text.includes('operationId')) return undefined;
  const lineCounter = new LineCounter();
  let parsed: ReturnType<typeof parseDocument>;
  let document: unknown;
  try {
    parsed = parseDocument(text, { lineCounter });
    if (parsed.errors.length) return undefined;
    document = parsed.toJS();
  } catch {
    return undefined;
  }
  if (!objectAt(document, 'paths')) return undefined;
  const controllerOf = (holder: Record<string, unknown>) => controllerKeys.map((key) => holder[key]).find((value): value is string => typeof value === 'string');
  // The line of the operation's own operationId node: a short id (`post`) is written elsewhere too.
  const lineOf = (path: string, method: string) => {
    const node = parsed.getIn(['paths', path, method, 'operationId'], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line - 1 : 0;
  };
  const operations = operationsOf(document).map(({ method, path, operationId, pathItem, operation }): SpecifiedOperation => {
    const controller = controllerOf(operation) ?? controllerOf(pathItem);
    return { method, path, handler: controller ? `${controller}.${operationId}` : operationId, line: lineOf(path, method.toLowerCase()) };
  });
  const basePath = serverUrlPath(document) ?? (document as { basePath?: unknown }).basePath;
  return { file, basePath: typeof basePath === 'string' ? basePath : '', operations };
}

/**
 * The routes of the documents, when the workspace imports a package of the framework that routes by
 * them: each operation whose handler is a function of the workspace, its module looked for from the
 * document's folder up to the root (the application imports it from where it runs).
 */
export async function specificationRoutes(index: SymbolIndex, specifications: readonly ApiSpecification[], frameworks: readonly SpecificationRoutes[], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!specifications.length) return { routes, findings };
  const framework = frameworks.find(({ packages }) => index.files().some((file) => file.imports.some((statement) => packages.some((name) => statement.module === name || statement.module.startsWith(`${name}.`)))));
  if (!framework) return { routes, findings };
  await turns.each(specifications, (specification) => {
    for (const operation of specification.operations) {
      const handler = handlerOf(index, specification.file, operation.handler);
      const definition = handler ? index.definition(handler) : undefined;
      if (!handler || !definition) continue;
      const path = normalizeRoutePath(joinRoutePaths(specification.basePath, operation.path));
      routes.push({ method: operation.method, path, handler, framework: framework.framework, source: { path: specification.file, line: operation.line } });
      findings.push({ category: 'route', symbol: handler, range: definition.range, layer: '', details: { rule: 'specification-route', framework: framework.framework, method: operation.method.toLowerCase(), path } });
    }
  });
  return { routes, findings };
}

/** `orders.api.create`: the function `create` (or `Class.method`) of a module `orders/api.py` in the document's folder or one above it. */
function handlerOf(index: SymbolIndex, file: string, dotted: string): string | undefined {
  const parts = dotted.split('.');
  const folders = file.split('/').slice(0, -1);
  for (let depth = folders.length; depth >= 0; depth--) {
    const base = folders.slice(0, depth).join('/');
    for (const nameParts of [1, 2]) {
      const module = parts.slice(0, -nameParts);
      if (!module.length) continue;
      const stem = [base, ...module].filter(Boolean).join('/');
      for (const path of [`${stem}.py`, `${stem}/__init__.py`]) {
        if (!index.file(path)) continue;
        const symbol = index.resolve(path, parts.slice(-nameParts).join('.'));
        if (symbol) return symbol;
      }
    }
  }
  return undefined;
}
