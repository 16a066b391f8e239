import type { StudyDocument } from '../discover/studyDocuments';
import { languageOf } from '../discover/languages';
import type { Frameworks } from '../frameworks/frameworks';
import type { LayerRoles } from '../layers/layers';
import type { CallSite } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type AnalysisResult, type AnswerFact, type AnswerGap, type AnswerPart, type Finding, type Route, type SourceLocation, SymbolId, type Trace } from '../result';
import { inPart as inPartOf } from '../checklist/scope';
import { isTestPath } from '../testCode';
import { type PhraseKey, say } from './phrases';

/** What every answer is made from: the analysis, its symbol index, and traces of its routes. */
export interface AnswerContext {
  result: AnalysisResult;
  index: SymbolIndex;
  /** The mixed part answered for (`django/db/`), or '' for the repository. */
  part: string;
  /** A route's trace, made once for all the answers. */
  traceOf(route: Route): Trace;
  /** A trace from any function (a framework's request entry), named `name`. */
  traceFrom(symbol: string, name: string): Trace;
  /** The workspace function or method a call written in `caller` reaches, when the types tell. */
  calleeOf(caller: string, call: CallSite): string | undefined;
  /** The workspace's files that are not source (README, packaging metadata), relative paths. */
  otherFiles: readonly string[];
  /** The README, packaging metadata, test set-up, CONTRIBUTING, tutorial pages and examples, with their texts. */
  documents: readonly StudyDocument[];
  /** What the frameworks' data files say (src/core/frameworks/). */
  frameworks: Frameworks;
  /** The layer model, which tells tests, examples and documentation apart. */
  layerRoles: LayerRoles;
}

/** Facts listed per part; the rest are counted (`omitted`). */
export const MAX_FACTS = 25;

/** Tests, examples, documentation, migrations and vendored copies of other projects are read for their own questions, browser assets for none; the others study the code itself. */
function isStudyCode(context: AnswerContext, path: string): boolean {
  return !isTestPath(path) && !context.layerRoles.isTestExampleOrDoc(path) && !['test', 'example', 'migration', 'vendored'].includes(layerOfPath(context.result, path)) && inServedLanguage(context, path);
}

/** A file's source language, a TypeScript and a JavaScript file being of one. */
function languageFamily(path: string): string | undefined {
  const language = languageOf(path);
  return language === 'typescript' || language === 'tsx' || language === 'javascript' ? 'ecmascript' : language;
}

/**
 * A service's code is in the languages its routes are written in: a frontend beside a Python API
 * (a React app's screens and generated client) answers none of its questions on rules, errors
 * and transactions. Repositories without routes, and other kinds, keep every language.
 */
function inServedLanguage(context: AnswerContext, path: string): boolean {
  const served = memo(context, 'served languages', () => (context.result.kind.kind === 'service' ? new Set(context.result.routes.flatMap((route) => languageFamily(SymbolId.parse(route.handler).path) ?? [])) : new Set<string>()));
  const language = languageFamily(path);
  return !served.size || !language || served.has(language);
}

export function inPart(context: AnswerContext, path: string): boolean {
  return inPartOf(context.part)(path);
}

/** The code the answers are about: in the part, not a test, an example or a migration. */
export function inScope(context: AnswerContext, path: string): boolean {
  return inPart(context, path) && isStudyCode(context, path);
}

const layersByResult = new WeakMap<AnalysisResult, Map<string, string>>();

export function layerOfPath(result: AnalysisResult, path: string): string {
  let layers = layersByResult.get(result);
  if (!layers) layersByResult.set(result, (layers = new Map(result.files.map((file) => [file.path, file.layer]))));
  return layers.get(path) ?? '';
}

/** Where a workspace symbol is defined (its first line), or its file's start when the index does not know it. */
export function locationOf(index: SymbolIndex, symbol: string): SourceLocation {
  const { path } = SymbolId.parse(symbol);
  return { path, line: index.definition(symbol)?.range.start.line ?? 0 };
}

/** Where a route is declared, else where its handler is. */
export function routeLocation(index: SymbolIndex, route: Route): SourceLocation {
  return route.source ? { path: route.source.path, line: route.source.line } : locationOf(index, route.handler);
}

export function fact(location: SourceLocation, key: PhraseKey, ...terms: (string | number)[]): AnswerFact {
  return { ...say(key, ...terms), location };
}

/** A part with its facts (at most `limit`, the rest counted), or the gap line when there are none. */
export function answerPart(topic: AnswerPart['topic'], facts: readonly AnswerFact[], gap?: AnswerGap, limit = MAX_FACTS): AnswerPart {
  const part: AnswerPart = { topic, facts: facts.slice(0, limit) };
  if (facts.length > limit) part.omitted = facts.length - limit;
  if (gap && !facts.length) part.gap = gap;
  return part;
}

/** A one-line gap: what the code cannot tell, and where to read instead. */
export function gap(key: PhraseKey, readAt?: SourceLocation, ...terms: (string | number)[]): AnswerGap {
  const where = readAt ? readAt.path : 'the README';
  return { ...say(key, where, ...terms), ...(readAt ? { readAt } : {}) };
}

/** A one-line gap where the honest answer is that the code has none: no file to read instead is named, an unrelated one would mislead. */
export function noneFound(key: PhraseKey, ...terms: (string | number)[]): AnswerGap {
  return say(key, ...terms);
}

/**
 * The file of a layer (of the first layer that has one) a reader should open: in the folder that
 * holds most of the code under study (the package itself, not a script or an asset beside it).
 */
export function firstFileOf(context: AnswerContext, layers: readonly string[]): SourceLocation | undefined {
  const weight = mainFolders(context);
  for (const layer of layers) {
    const files = context.result.files.filter((candidate) => candidate.layer === layer && inScope(context, candidate.path) && !/(^|\/)__init__\.py$/.test(candidate.path));
    const file = files.reduce<(typeof files)[number] | undefined>((best, candidate) => (!best || (weight.get(topFolder(candidate.path)) ?? 0) > (weight.get(topFolder(best.path)) ?? 0) ? candidate : best), undefined);
    if (file) return { path: file.path, line: 0 };
  }
  return undefined;
}

const topFolder = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** How many files of the code under study each top-level folder holds. */
function mainFolders(context: AnswerContext): Map<string, number> {
  return memo(context, 'main folders', () => {
    const counts = new Map<string, number>();
    for (const file of context.result.files) if (inScope(context, file.path)) counts.set(topFolder(file.path), (counts.get(topFolder(file.path)) ?? 0) + 1);
    return counts;
  });
}

/** The part's README (the repository's when the part has none). */
export function readmeLocation(context: AnswerContext): SourceLocation | undefined {
  const readmes = context.otherFiles.filter((path) => /(^|\/)readme(\.\w+)?$/i.test(path));
  const path = readmes.find((candidate) => context.part && candidate.startsWith(context.part)) ?? readmes.find((candidate) => !candidate.includes('/'));
  return path ? { path, line: 0 } : undefined;
}

const memos = new WeakMap<AnswerContext, Map<string, unknown>>();

/** What several answers read, worked out once per context. */
export function memo<T>(context: AnswerContext, key: string, compute: () => T): T {
  let kept = memos.get(context);
  if (!kept) memos.set(context, (kept = new Map<string, unknown>()));
  if (!kept.has(key)) kept.set(key, compute());
  return kept.get(key) as T;
}

/** The innermost function or method of a file whose definition spans a line (a finding's, a call's). */
export function functionAt(index: SymbolIndex, path: string, line: number): string | undefined {
  let found: { name: string; start: number } | undefined;
  for (const { definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'function' && definition.kind !== 'method') continue;
    const { start, end } = definition.range;
    if (start.line <= line && line <= end.line && (!found || start.line >= found.start)) found = { name: definition.name, start: start.line };
  }
  return found ? SymbolId.of(path, found.name) : undefined;
}

/** A category's findings in the code under study, by the function they are written in. */
export function findingsByFunction(context: AnswerContext, category: Finding['category']): Map<string, Finding[]> {
  return memo(context, `findings by function ${category}`, () => {
    const byFunction = new Map<string, Finding[]>();
    for (const finding of context.result.findings) {
      if (finding.category !== category) continue;
      const { path } = SymbolId.parse(finding.symbol);
      if (!inScope(context, path)) continue;
      const owner = functionAt(context.index, path, finding.range.start.line) ?? finding.symbol;
      byFunction.set(owner, [...(byFunction.get(owner) ?? []), finding]);
    }
    return byFunction;
  });
}

/** The workspace functions a trace goes through, the handler first. */
export function tracedFunctions(trace: Trace): string[] {
  return [...new Set(trace.steps.filter((step) => !step.external && !step.unresolved).map((step) => step.symbol))];
}

/** The traced functions the request itself runs: not those of a task it queues or an event it publishes (an `async` or `event` step and the steps below it), which run after it answers. */
export function requestPathFunctions(trace: Trace): string[] {
  const symbols = new Set<string>();
  let handedOnAt: number | undefined;
  for (const step of trace.steps) {
    const depth = step.depth ?? 0;
    if (handedOnAt !== undefined && depth > handedOnAt) continue;
    handedOnAt = step.via === 'async' || step.via === 'event' ? depth : undefined;
    if (handedOnAt === undefined && !step.external && !step.unresolved) symbols.add(step.symbol);
  }
  return [...symbols];
}

/** Where a finding is written: each place that registers it (`registeredAt`, 1-based in the finding), else its own first line. */
export function findingSites(finding: Finding): SourceLocation[] {
  const sites = finding.details['registeredAt'];
  const listed = Array.isArray(sites)
    ? sites.flatMap((site) => {
        const match = /^(.*):(\d+)$/.exec(String(site));
        return match?.[1] && match[2] ? [{ path: match[1], line: Number(match[2]) - 1 }] : [];
      })
    : [];
  return listed.length ? listed : [{ path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line }];
}

/** A detail of a finding as text: a string as it is, a list's strings joined (`@receiver([post_save, post_delete])`), anything else the fallback. */
export function detailText(value: unknown, fallback = ''): string {
  if (Array.isArray(value)) {
    const strings = value.filter((item): item is string => typeof item === 'string');
    return strings.length ? strings.join(', ') : fallback;
  }
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}
