import type { FileFacts, ValueShape } from '../parse/facts';
import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, firstFileOf, gap, inPart, inScope, layerOfPath, readmeLocation } from './context';
import { say } from './phrases';
import { importedSymbols, importerCounts } from './workspaceUse';

/** An example: a file under an examples folder, or a folder of its own inside one (`examples/todo/`). */
function exampleOf(path: string): string | undefined {
  const match = /^(.*?(?:^|\/)(?:examples?|samples?|docs_src|tutorial)\/)([^/]+)(\/)?/.exec(path);
  if (!match) return undefined;
  return `${match[1]}${match[2]}${match[3] ?? ''}`;
}

/** Names listed in one fact at most. */
const MAX_NAMES = 8;

function names(symbols: readonly string[]): string {
  const shown = symbols.slice(0, MAX_NAMES).map((symbol) => `\`${SymbolId.label(symbol)}\``);
  return symbols.length > MAX_NAMES ? `${shown.join(', ')} …` : shown.join(', ');
}

/**
 * Each example with what it shows: the routes it declares and the library's or framework's names
 * it uses. Apps written inside the tests are told apart, after the examples.
 */
export function examplesAnswer(context: AnswerContext): AnswerPart[] {
  const { index, result } = context;
  const examples = new Map<string, FileFacts[]>();
  for (const file of index.files()) {
    const example = inPart(context, file.path) ? exampleOf(file.path) : undefined;
    if (example && layerOfPath(result, file.path) === 'example') examples.set(example, [...(examples.get(example) ?? []), file]);
  }
  const facts: AnswerFact[] = [];
  for (const [example, files] of [...examples].sort(([a], [b]) => a.localeCompare(b))) {
    const first = files[0];
    if (!first) continue;
    const location = { path: first.path, line: 0 };
    const routes = result.routes.filter((route) => exampleOf(SymbolId.parse(route.handler).path) === example);
    if (routes.length) facts.push(fact(firstRouteLocation(routes), 'exampleRoutes', example, routes.length, routes.slice(0, MAX_NAMES).map((route) => `${route.method} ${route.path}`).join(', ')));
    const used = files.flatMap((file) => importedSymbols(index, file).filter(({ symbol }) => exampleOf(SymbolId.parse(symbol).path) !== example).map(({ symbol }) => symbol));
    const distinct = [...new Set(used)];
    facts.push(distinct.length ? fact(location, 'exampleUses', example, names(distinct)) : fact(location, 'exampleUsesNothing', example));
  }
  const parts = [answerPart(say('examplesTopic'), facts, gap('noExamples', readmeLocation(context)))];
  const testApps = new Map<string, number>();
  for (const route of result.routes) {
    const path = SymbolId.parse(route.handler).path;
    if (inPart(context, path) && layerOfPath(result, path) === 'test') testApps.set(path, (testApps.get(path) ?? 0) + 1);
  }
  if (testApps.size) {
    const testFacts = [...testApps].sort(([, a], [, b]) => b - a).map(([path, count]) => fact({ path, line: 0 }, 'testApp', path, count));
    parts.push(answerPart(say('testAppsTopic'), testFacts));
  }
  return parts;
}

function firstRouteLocation(routes: readonly { source?: { path: string; line: number }; handler: string }[]): { path: string; line: number } {
  const route = routes[0];
  return route?.source ?? { path: SymbolId.parse(route?.handler ?? '').path, line: 0 };
}

/** Benchmark and stress-test files: named so by their folder or their file name. */
export const BENCHMARK_PATH = /(^|\/)(bench|benchmarks?|perf|performance|stress|load[-_]?tests?)\/|(^|\/)(bench_[^/]*|[^/]*_bench|[^/]*benchmark[^/]*|[^/]*stress[^/]*|[^/]*\.bench)\.(py|[cm]?[jt]sx?)$/i;

/** Benchmarks and stress tests by location, with what each exercises. */
export function benchmarksAnswer(context: AnswerContext): AnswerPart[] {
  const facts = benchmarkFiles(context).flatMap((file) => {
    const used = importedSymbols(context.index, file).filter(({ symbol }) => !BENCHMARK_PATH.test(SymbolId.parse(symbol).path)).map(({ symbol }) => symbol);
    const runs = benchmarkFunctions(context, file.path);
    return [
      used.length ? fact({ path: file.path, line: 0 }, 'benchmarkUses', file.path, names(used)) : fact({ path: file.path, line: 0 }, 'benchmarkFile', file.path),
      ...(runs[0] ? [fact(runs[0].location, 'benchmarkRuns', file.path, runs.slice(0, MAX_NAMES).map((run) => run.name).join(', ') + (runs.length > MAX_NAMES ? ', …' : ''))] : []),
      ...benchmarkOptions(context, file.path).map((option) => (option.help ? fact(option.location, 'benchmarkOption', file.path, option.flag, option.default ?? '—', option.help) : fact(option.location, 'benchmarkOptionUndocumented', file.path, option.flag, option.default ?? '—'))),
      ...benchmarkBounds(context, file.path),
    ];
  });
  return [answerPart(say('benchmarksTopic'), facts, gap('noBenchmarks'))];
}

/** A benchmark's or a test's own name (`bench_get`, `test_hit`, `benchmarkGet`, Go's `BenchmarkGet`), never a method of a class so named (`BenchmarkChart.render`). */
const RUN_NAME = /^(?:[Tt]est|[Bb]ench(?:mark)?)(?![a-z])/;

/** The benchmarks and tests a file defines (`test_valkey_getsetdel`, `bench_get`): their names say what each measures. */
function benchmarkFunctions(context: AnswerContext, path: string): { name: string; location: { path: string; line: number } }[] {
  return [...context.index.definitionsIn(path)].flatMap(({ definition }) =>
    (definition.kind === 'function' || definition.kind === 'method') && RUN_NAME.test(definition.name.slice(definition.name.lastIndexOf('.') + 1)) ? [{ name: definition.name, location: { path, line: definition.range.start.line } }] : [],
  );
}

/** Whether a file runs the code as a benchmark does: it defines benchmarks or tests, times a run (`time.perf_counter()`), or takes a script's options. */
function measures(context: AnswerContext, file: FileFacts): boolean {
  const { index, frameworks } = context;
  if (benchmarkFunctions(context, file.path).length || benchmarkOptions(context, file.path).length) return true;
  return [...index.definitionsIn(file.path)].some(({ definition }) =>
    [...(definition.calls ?? []), ...(definition.innerCalls ?? [])].some((call) => frameworks.benchmarkTimers.has(call.callee) || index.qualifiedNames(file.path, call.callee).some((name) => frameworks.benchmarkTimers.has(name))),
  );
}

/** A benchmark script's command-line options (`parser.add_argument("--count", help=…, default=10000)`): how it is run, and what it can run instead (`--use-celery`). */
export function benchmarkOptions(context: AnswerContext, path: string): { flag: string; default?: string; help?: string; location: { path: string; line: number } }[] {
  return [...context.index.definitionsIn(path)].flatMap(({ definition }) =>
    (definition.statementCalls ?? []).flatMap((call) => {
      if (call.kind !== 'call' || !/(^|\.)add_argument$/.test(call.callee)) return [];
      const flags = call.args.flatMap((argument) => (argument.kind === 'string' && argument.value.startsWith('-') ? [argument.value] : []));
      const flag = flags.find((written) => written.startsWith('--')) ?? flags[0];
      if (!flag) return [];
      const text = (shape: ValueShape | undefined) => (shape?.kind === 'string' ? JSON.stringify(shape.value) : shape?.kind === 'number' || shape?.kind === 'name' ? shape.value : undefined);
      const help = call.keywords['help'];
      const written = text(call.keywords['default']);
      return [{ flag, ...(written !== undefined ? { default: written } : {}), ...(help?.kind === 'string' ? { help: help.value } : {}), location: { path, line: call.line } }];
    }),
  );
}

/** What a benchmark asserts as a comparison (`aiocache_total_time / valkey_total_time < 1.35`): the bound it holds the code to. */
function benchmarkBounds(context: AnswerContext, path: string): AnswerFact[] {
  return [...context.index.definitionsIn(path)].flatMap(({ symbol, definition }) =>
    (definition.raises ?? []).flatMap((raised) => (raised.asserted && raised.condition && /[<>]|==/.test(raised.condition) ? [fact({ path, line: raised.line }, 'benchmarkAsserts', SymbolId.label(symbol), raised.condition)] : [])),
  );
}

/**
 * The benchmark files: named so by their folder or name, and running the code as a benchmark does
 * (an empty `__init__.py`, a fixtures module or a chart drawing the results is none).
 */
function benchmarkFiles(context: AnswerContext): FileFacts[] {
  return context.index.files().filter((file) => inPart(context, file.path) && BENCHMARK_PATH.test(file.path) && measures(context, file));
}

/**
 * The benchmark file to run or read first: the one that defines the most benchmarks and tests,
 * not a `conftest.py` of fixtures that sorts before them.
 */
export function mainBenchmarkFile(context: AnswerContext): FileFacts | undefined {
  const runs = (file: FileFacts) => benchmarkFunctions(context, file.path).length;
  return benchmarkFiles(context).sort((a, b) => runs(b) - runs(a) || a.path.localeCompare(b.path))[0];
}

/** Performance is measured by running: where the benchmarks are, said in one line. */
export function performanceAnswer(context: AnswerContext): AnswerPart[] {
  const first = mainBenchmarkFile(context);
  const part = benchmarksAnswer(context)[0] ?? answerPart(say('benchmarksTopic'), []);
  part.gap = first ? gap('performanceGap', { path: first.path, line: 0 }) : gap('performanceNoBenchmarks');
  return [part];
}

/** Core modules to read first: those most of the rest imports. */
const MAX_CORE_MODULES = 6;

export function coreModulesAnswer(context: AnswerContext): AnswerPart[] {
  const files = context.index.files().filter((file) => inScope(context, file.path));
  const counts = importerCounts(context.index, files);
  const ranked = [...counts].filter(([path]) => inScope(context, path) && !/(^|\/)(__init__\.py|index\.[cm]?[jt]sx?)$/.test(path)).map(([path, count]) => ({ module: path, path, count }));
  // A Go file imports a package (a folder), by its import path: the package is the module.
  for (const { module, path, count } of goPackageImporters(context, files).values()) if (inScope(context, path)) ranked.push({ module, path, count });
  ranked.sort((a, b) => b.count - a.count || a.module.localeCompare(b.module));
  const facts = ranked.slice(0, MAX_CORE_MODULES).map(({ module, path, count }) => fact({ path, line: 0 }, 'importedBy', module, count));
  return [answerPart(say('coreModulesTopic'), facts, gap('noCoreModules', firstFileOf(context, ['core', 'http', 'public-api'])))];
}

/** For each Go package of the workspace (by its folder, the root's by its import path), how many files of other packages import it, and its first file. */
function goPackageImporters(context: AnswerContext, files: readonly FileFacts[]): Map<string, { module: string; path: string; count: number }> {
  const packages = new Map<string, { module: string; path: string; count: number }>();
  for (const file of files) {
    if (file.language !== 'go') continue;
    for (const statement of file.imports) {
      const members = context.index.goPackageFiles(statement.module);
      const first = [...members].sort()[0];
      const folder = first?.includes('/') ? first.slice(0, first.lastIndexOf('/')) : '';
      if (!first || members.includes(file.path)) continue;
      const entry = packages.get(folder) ?? { module: folder ? `${folder}/` : statement.module, path: first, count: 0 };
      entry.count++;
      packages.set(folder, entry);
    }
  }
  return packages;
}
