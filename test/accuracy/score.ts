/**
 * Scores one analysis against its label (LABELS.md): recall of what the label lists, precision
 * against what it forbids, routes and their handlers, layer agreement, trace recall and the kind.
 * Pure: the runner gives it the result and the traces it made.
 */
import type { AnalysisResult, Finding, RepoKind, Route, Trace } from '../../src/core/result';
import { type ForbiddenEntry, type Label, SYMBOL_CATEGORIES, type Split, type SymbolEntry } from './labels';

/** The scored categories: the finding categories listed by symbol, then implementations, entities, routes and their handlers. */
export const SCORED = [...SYMBOL_CATEGORIES, 'interface', 'entity', 'route', 'handler'] as const;
export type Scored = (typeof SCORED)[number];

export interface Tally {
  /** Entries the label lists (for `interface`, base–implementation pairs). */
  listed: number;
  found: number;
  /** `mustNotFind` entries of the category, and how many the analysis reported anyway. */
  forbidden: number;
  reported: number;
  misses: string[];
  falsePositives: string[];
}

export interface RepositoryScore {
  repo: string;
  split: Split;
  commit: string;
  kind: { expected: RepoKind; got: RepoKind };
  categories: Record<Scored, Tally>;
  layers: { files: number; agreeing: number; disagreements: string[] };
  traces: { mustVisit: number; visited: number; misses: string[] };
  seconds: number;
}

/** What the runner made of one checkout: the result, and the trace of each labelled route it found (by the label's route). */
export interface Analysed {
  result: AnalysisResult;
  traces: ReadonlyMap<string, Trace | undefined>;
  seconds: number;
}

function emptyTally(): Tally {
  return { listed: 0, found: 0, forbidden: 0, reported: 0, misses: [], falsePositives: [] };
}

/**
 * A route path with every parameter, in any framework's syntax, made one placeholder: `{id}`,
 * `{id:int}`, `:id`, `:id?`, `<int:id>`, `(?P<id>[^/]+)`, and regular expressions' anchors dropped.
 * Written here rather than taken from ArchTrace, so that the scorer does not share its bugs.
 */
export function normalizePath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === '(' && path.startsWith('(?P<', i)) {
      i = closing(path, i, '(', ')');
      out += '{}';
    } else if (char === '{' || char === '<') {
      i = closing(path, i, char, char === '{' ? '}' : '>');
      out += '{}';
    } else if (char === ':' && (i === 0 || path[i - 1] === '/') && /[A-Za-z_]/.test(path[i + 1] ?? '')) {
      i++;
      while (i + 1 < path.length && /\w/.test(path[i + 1] ?? '')) i++;
      if (path[i + 1] === '(') i = closing(path, i + 1, '(', ')');
      if (path[i + 1] === '?') i++;
      out += '{}';
    } else if ((char === '^' && i === 0) || (char === '$' && i === path.length - 1)) {
      continue;
    } else {
      out += char;
    }
  }
  const slashed = out.startsWith('/') ? out : `/${out}`;
  return slashed.replace(/\/{2,}/g, '/');
}

/** The index of the bracket closing the one at `start` (nesting counted), or the end. */
function closing(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i;
  }
  return text.length - 1;
}

/** The analysis's routes with the label's method and path. */
export function routesMatching(routes: readonly Route[], method: string, path: string): Route[] {
  const wanted = normalizePath(path);
  return routes.filter((route) => route.method.toUpperCase() === method.toUpperCase() && normalizePath(route.path) === wanted);
}

/** The handlers of the routes a label's route matched, the first few of them. */
function handlersOf(routes: readonly Route[], shown = 3): string {
  const handlers = routes.slice(0, shown).map((route) => route.handler);
  return routes.length > shown ? `${handlers.join(', ')} and ${routes.length - shown} more` : handlers.join(', ');
}

function atLine(at: string): { path: string; line: number } {
  const colon = at.lastIndexOf(':');
  return { path: at.slice(0, colon), line: Number(at.slice(colon + 1)) - 1 };
}

function findingMatches(finding: Finding, entry: { symbol?: string | undefined; at?: string | undefined }): boolean {
  if (entry.symbol !== undefined) return finding.symbol === entry.symbol;
  if (entry.at === undefined) return false;
  const { path, line } = atLine(entry.at);
  // A finding registered elsewhere (a handler passed to `cron.Schedule(spec, f)`) is defined at its own lines and says where the registration is.
  if (finding.details.registeredAt?.includes(`${path}:${line + 1}`)) return true;
  return finding.symbol.startsWith(`${path}:`) && finding.range.start.line <= line && line <= finding.range.end.line;
}

function describe(entry: SymbolEntry | ForbiddenEntry): string {
  return entry.symbol ?? `at ${entry.at ?? '?'}`;
}

function entityNamed(result: AnalysisResult, name: string): boolean {
  const wanted = name.toLowerCase();
  return result.dataModel.entities.some((entity) => entity.name.toLowerCase() === wanted || entity.table.toLowerCase() === wanted);
}

function implemented(result: AnalysisResult, base: string, implementation: string): boolean {
  return result.interfaces.some((entry) => entry.base === base && entry.implementations.includes(implementation));
}

/**
 * The routes a `mustNotFind` entry is checked against: in a framework or a library, not those its
 * tests define, which labels neither list nor forbid (LABELS.md).
 */
function forbiddable(label: Label, routes: readonly Route[]): readonly Route[] {
  if (label.kind === 'service') return routes;
  return routes.filter((route) => !/(^|\/)tests?\//.test(route.source?.path ?? route.handler.slice(0, route.handler.indexOf(':'))));
}

/** Whether a forbidden entry was reported, and the tally it counts in. */
function reportedForbidden(label: Label, result: AnalysisResult, byCategory: ReadonlyMap<string, Finding[]>, entry: ForbiddenEntry): { category: Scored; reported: boolean } {
  switch (entry.category) {
    case 'route': {
      const routes = forbiddable(label, result.routes);
      return { category: 'route', reported: entry.method !== undefined && entry.path !== undefined ? routesMatching(routes, entry.method, entry.path).length > 0 : routes.some((route) => route.handler === entry.symbol) };
    }
    case 'entity':
      return { category: 'entity', reported: entityNamed(result, entry.name ?? '') };
    case 'interface':
      return {
        category: 'interface',
        reported: entry.base !== undefined && entry.implementation !== undefined ? implemented(result, entry.base, entry.implementation) : result.interfaces.some((item) => item.base === entry.symbol),
      };
    default:
      return { category: entry.category, reported: (byCategory.get(entry.category) ?? []).some((finding) => findingMatches(finding, entry)) };
  }
}

function layerCovers(labelPath: string, file: string): boolean {
  return labelPath.endsWith('/') ? file.startsWith(labelPath) : file === labelPath || file.startsWith(`${labelPath}/`);
}

export function scoreRepository(label: Label, analysed: Analysed): RepositoryScore {
  const { result } = analysed;
  const categories = Object.fromEntries(SCORED.map((category) => [category, emptyTally()])) as Record<Scored, Tally>;
  const byCategory = new Map<string, Finding[]>();
  for (const finding of result.findings) byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), finding]);

  for (const category of SYMBOL_CATEGORIES) {
    for (const entry of label.mustFind[category] ?? []) {
      const tally = categories[category];
      tally.listed++;
      if ((byCategory.get(category) ?? []).some((finding) => findingMatches(finding, entry))) tally.found++;
      else tally.misses.push(describe(entry));
    }
  }
  for (const entry of label.mustFind.interface ?? []) {
    for (const implementation of entry.implementations) {
      const tally = categories.interface;
      tally.listed++;
      if (implemented(result, entry.base, implementation)) tally.found++;
      else tally.misses.push(`${entry.base} <- ${implementation}`);
    }
  }
  for (const entry of label.mustFind.entity ?? []) {
    categories.entity.listed++;
    if (entityNamed(result, entry.name)) categories.entity.found++;
    else categories.entity.misses.push(entry.name);
  }
  for (const entry of label.mustFind.route ?? []) {
    const written = `${entry.method} ${entry.path}`;
    const matching = routesMatching(result.routes, entry.method, entry.path);
    categories.route.listed++;
    if (matching.length) categories.route.found++;
    else categories.route.misses.push(written);
    if (!entry.handler) continue;
    categories.handler.listed++;
    if (matching.some((route) => route.handler === entry.handler)) categories.handler.found++;
    else categories.handler.misses.push(`${written} -> ${entry.handler}${matching.length ? ` (got ${handlersOf(matching)})` : ''}`);
  }
  for (const entry of label.mustNotFind ?? []) {
    const { category, reported } = reportedForbidden(label, result, byCategory, entry);
    const tally = categories[category];
    tally.forbidden++;
    if (reported) {
      tally.reported++;
      tally.falsePositives.push(entry.method ? `${entry.method} ${entry.path ?? ''}` : (entry.name ?? (entry.base ? `${entry.base} <- ${entry.implementation ?? ''}` : describe(entry))));
    }
  }

  const layers = { files: 0, agreeing: 0, disagreements: [] as string[] };
  for (const file of result.files) {
    // The innermost labelled folder states the file's role.
    const entry = (label.layers ?? []).filter((layer) => layerCovers(layer.path, file.path)).sort((a, b) => b.path.length - a.path.length)[0];
    if (!entry) continue;
    layers.files++;
    if (file.layer === entry.role) layers.agreeing++;
    else layers.disagreements.push(`${file.path}: ${file.layer}, labelled ${entry.role}`);
  }

  const traces = { mustVisit: 0, visited: 0, misses: [] as string[] };
  for (const entry of label.traces ?? []) {
    const trace = analysed.traces.get(entry.route);
    const visited = new Set(trace?.steps.map((step) => step.symbol) ?? []);
    for (const symbol of entry.mustVisit) {
      traces.mustVisit++;
      if (visited.has(symbol)) traces.visited++;
      else traces.misses.push(`${entry.route}: ${symbol}${trace ? '' : ' (no trace: route not found)'}`);
    }
  }

  return { repo: label.repo, split: label.split, commit: label.commit, kind: { expected: label.kind, got: result.kind.kind }, categories, layers, traces, seconds: analysed.seconds };
}

export interface Totals {
  repositories: number;
  kindsRight: number;
  categories: Record<Scored, { listed: number; found: number; forbidden: number; reported: number }>;
  layers: { files: number; agreeing: number };
  traces: { mustVisit: number; visited: number };
}

/** The sums over several repositories (each entry counts once, whatever its repository). */
export function total(scores: readonly RepositoryScore[]): Totals {
  const categories = Object.fromEntries(SCORED.map((category) => [category, { listed: 0, found: 0, forbidden: 0, reported: 0 }])) as Totals['categories'];
  const totals: Totals = { repositories: scores.length, kindsRight: 0, categories, layers: { files: 0, agreeing: 0 }, traces: { mustVisit: 0, visited: 0 } };
  for (const score of scores) {
    if (score.kind.expected === score.kind.got) totals.kindsRight++;
    for (const category of SCORED) {
      const from = score.categories[category];
      const into = categories[category];
      into.listed += from.listed;
      into.found += from.found;
      into.forbidden += from.forbidden;
      into.reported += from.reported;
    }
    totals.layers.files += score.layers.files;
    totals.layers.agreeing += score.layers.agreeing;
    totals.traces.mustVisit += score.traces.mustVisit;
    totals.traces.visited += score.traces.visited;
  }
  return totals;
}

/** Recall as a fraction; undefined when nothing was listed. */
export function recall(tally: { listed: number; found: number }): number | undefined {
  return tally.listed ? tally.found / tally.listed : undefined;
}

/** Precision against the forbidden entries: what was rightly found over that plus what was wrongly reported. */
export function precision(tally: { found: number; reported: number }): number | undefined {
  return tally.found + tally.reported ? tally.found / (tally.found + tally.reported) : undefined;
}
