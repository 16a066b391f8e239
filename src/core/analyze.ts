import { classifyKind, foldersOf } from './classify/classify';
import { type PackageManifest, readDistribution } from './classify/packages';
import { analyzeDataModel } from './datamodel/dataModel';
import { DEFAULT_MAX_FILE_SIZE_BYTES, type Discovery, discoverFiles, readWorkspaceText, sameSeparators, type SourceFile } from './discover/discover';
import type { CallAnswer, CallTypeResolver, EditorDocuments, FactsCache, FileAnalyzer, ProgressReport, ReadLimits, WorkspaceFs } from './host';
import { nextTurn, Turns } from './nextTurn';
import { findViolations, type KeptViolations } from './layers/violations';
import { resolvedImports } from './layers/imports';
import { annotationPackageFolders, type LayerRoles } from './layers/layers';
import { type ArchitectureMap, buildArchitectureMap, type MapImport } from './map/architectureMap';
import type { FileFacts } from './parse/facts';
import type { Knowledge } from './knowledge/knowledge';
import { compareRoutes, resolveWorkspace } from './resolve/resolve';
import { SymbolIndex } from './resolve/symbolIndex';
import { readWorkspacePackages } from './resolve/npmPackages';
import { autoImportsOf, moduleAliasesOf, readModulePaths, readPackageModulePaths } from './resolve/tsconfig';
import { readEnvironment } from './resolve/environment';
import { buildPackages, readBuildFiles } from './resolve/buildFiles';
import { readServiceFiles } from './resolve/serviceFiles';
import { readProtoHttpRules } from './resolve/protoRoutes';
import { readSpecifications } from './resolve/specificationRoutes';
import { handlerRouters } from './resolve/handlerRouters';
import { normalizeRoutePath } from './resolve/routePaths';
import { type InterfaceBindings, interfaceBindings } from './resolve/bindings';
import { answerChecklist } from './answers/answers';
import { readStudyDocuments } from './discover/studyDocuments';
import { type AnalysisResult, type Answer, type Finding, type InterfaceImplementations, type KindVerdict, type Language, type Route, SCHEMA_VERSION, type Skipped, SymbolId, type Trace } from './result';
import { type TraceContext, traceRoute, traceRouteWithTypes } from './trace/trace';
import { keepingEqual, listIn, NONE, sameList } from './lists';
import { matchesRouteTemplate, templateShape } from './workspacePatterns';

export interface AnalyzeOptions {
  excludeGlobs?: readonly string[];
  /** Only these languages are analysed (all when absent). */
  languages?: readonly Language[];
  maxFileSizeBytes?: number;
  /** Trace every route into `traces` (`archtrace analyze --traces`); otherwise traces are made on demand. */
  traces?: boolean;
  /** Check layer violations: `auto` (the default) for business services only. */
  layerViolations?: 'auto' | 'on' | 'off';
  signal?: AbortSignal;
  /**
   * Whether the analysis will be updated after edits (the editor): it then keeps, for them, what
   * each stage worked out per file. A one-off run (the CLI) does not, and uses less memory.
   */
  updates?: boolean;
  onProgress?: (progress: ProgressReport) => void;
  /** The editor's texts of open files: read instead of the disk (updates while the user types), and never cached. */
  documents?: EditorDocuments;
}

export interface AnalysisHost {
  fs: WorkspaceFs;
  analyzer: FileAnalyzer;
  knowledge: Knowledge;
  /** How many files to keep in flight; enough to keep every worker busy. */
  concurrency: number;
  /** Facts of unchanged files from an earlier run, when the host keeps them. */
  cache?: FactsCache;
  /** Called once every file is scanned: a host that will not scan again may end its workers before the rest of the pipeline needs memory. */
  scanned?: () => void;
}

export { DEFAULT_MAX_FILE_SIZE_BYTES };

/** What an update takes from the analysis it starts from. */
interface Earlier {
  index: SymbolIndex;
  /** The path aliases the index was built with. */
  modulePaths: string;
  /** The same files and knowledge: the index's answers can be shared (see `SymbolIndex`). */
  shareAnswers: boolean;
  kind: KindVerdict;
  /** What the kind was worked out from; undefined when the knowledge changed. */
  kindInputs: KindInputs | undefined;
  /** The last result's findings and routes, in its order: those found again the same are kept as they were. */
  findings: readonly Finding[];
  routes: readonly Route[];
}

/** A finished analysis: the serializable result, and traces on demand from the symbol index it kept. */
export interface Analysis {
  result: AnalysisResult;
  /** The trace of one route, `"POST /orders"`; undefined when no route has that method and path. */
  trace(route: string): Trace | undefined;
  /** The same trace, with a type checker following the TypeScript and JavaScript calls syntax cannot (answers kept for this analysis). */
  traceWithTypes(route: string, resolver: CallTypeResolver): Promise<Trace | undefined>;
  /** The answers the code gives to the study checklist's questions, made when first asked for. */
  answers(): Answer[];
  /** The architecture map in the layer model of the repository's kind, made when first asked for. */
  architectureMap(): ArchitectureMap;
  /** The classes and functions a file defines (qualified names, 0-based lines), for editors. */
  definitionsIn(path: string): { name: string; kind: string; line: number }[];
  /**
   * The analysis after some files changed (absolute paths), were created or were deleted — all of
   * them listed, as a file watcher reports them: only those are parsed again; the rest of the
   * pipeline runs on the kept facts of the others. A new or deleted file makes the tree walked again.
   */
  update(host: AnalysisHost, changed: readonly string[], options?: AnalyzeOptions): Promise<Analysis>;
}

/** The whole pipeline: discover → parse and detect (workers) → resolve → classify → layers → trace. */
export async function analyzeWorkspace(root: string, host: AnalysisHost, options: AnalyzeOptions = {}): Promise<Analysis> {
  const discovery = await discover(root, host, options);
  const configuration = readConfigurationNoting(host.fs, root, discovery, options, host.knowledge);
  const fingerprints = new Map<string, string>();
  const facts = await scan(discovery.sources, host, options, true, fingerprints);
  // Nothing the result is made from has changed since a run that kept it: it is that result. (Not
  // with an editor's texts read: what the result is made from is then not all on disk.)
  const key = host.cache?.results && !options.documents ? await resultKey(root, host, options, discovery, fingerprints, (await configuration).configuration) : undefined;
  const kept = key ? await host.cache?.results?.get(key) : undefined;
  if (kept) {
    const { tsconfig, readme } = (await configuration).configuration;
    const packages = packagesOf((await configuration).configuration, facts.filter((file) => !file.skipped), host.knowledge);
    // Traces, definitions and updates need the symbol index: built when first asked for (for an
    // update, in turns: readying a big workspace for its updates must not block its editor).
    let index: SymbolIndex | undefined;
    const analysed = facts.filter((file) => !file.skipped);
    const indexOf = () => (index ??= new SymbolIndex(analysed, tsconfig.paths));
    const indexInTurns = async () => index ?? (index = await SymbolIndex.build(analysed, tsconfig.paths));
    // What the kind was made from, as an update will tell it: the first update keeps the kind (but
    // where the code offers handler routers, which need the index: there it classifies again).
    const kindInputs = kindInputsOf(discovery, kept.findings, kept.routes, kept.interfaces, [], packages, readme);
    return analysisOf({ root, knowledge: host.knowledge, options, discovery, configuration: await configuration, facts, result: kept, modulePaths: JSON.stringify(tsconfig.paths ?? null), kindInputs, index: indexOf, indexInTurns });
  }
  const analysis = await assemble(root, host, options, discovery, facts, await configuration);
  if (key && !facts.some((file) => file.skippedForNow)) await host.cache?.results?.set(key, analysis.result);
  return analysis;
}

/**
 * What a whole result is made from, as one text (the cache keeps its hash): the files and their
 * content, the files skipped, the configuration files, the knowledge and the options. (The analyser's
 * own version is the cache's.) The files' lines are made with the event loop let in: a line per
 * file, made in one step, would hold the editor's thread on a large workspace.
 */
async function resultKey(root: string, host: AnalysisHost, options: AnalyzeOptions, discovery: Discovery, fingerprints: ReadonlyMap<string, string>, configuration: Configuration): Promise<string> {
  const files: string[] = [];
  await new Turns().each(discovery.sources, (source) => files.push(JSON.stringify([source.path, source.language, fingerprints.get(source.path) ?? ''])));
  const rest = JSON.stringify([SCHEMA_VERSION, root, options.traces ?? false, options.layerViolations ?? 'auto', discovery.otherFiles, discovery.skipped, configuration, host.knowledge.source]);
  return `${rest}\n${files.join('\n')}`;
}

async function discover(root: string, host: AnalysisHost, options: AnalyzeOptions): Promise<Discovery> {
  const { signal } = options;
  options.onProgress?.({ phase: 'discover', done: 0, total: 0 });
  return discoverFiles(host.fs, root, {
    ...(options.excludeGlobs ? { excludeGlobs: options.excludeGlobs } : {}),
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.maxFileSizeBytes ? { maxFileSizeBytes: options.maxFileSizeBytes } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** Parses and detects, in the host's workers, the files given (all of them when `complete`), reusing cached facts. */
async function scan(sources: readonly SourceFile[], host: AnalysisHost, options: AnalyzeOptions, complete: boolean, fingerprints?: Map<string, string>): Promise<FileFacts[]> {
  const { signal, onProgress } = options;
  const maxFileSizeBytes = options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES;
  const total = sources.length;
  let done = 0;
  onProgress?.({ phase: 'parse', done, total });
  const { cache } = host;
  const facts = await mapConcurrently(sources, host.concurrency, signal, async (source) => {
    // The cache is of the files on disk: an editor's text is neither looked up nor kept.
    const held = options.documents?.take(source.absolutePath);
    const fingerprint = cache && !held ? await cache.fingerprint(source.absolutePath, source.path, maxFileSizeBytes) : undefined;
    if (fingerprint) fingerprints?.set(source.path, fingerprint);
    const cached = fingerprint ? cache?.get(source.path, fingerprint) : undefined;
    const result = cached ?? (await host.analyzer.analyze({ path: source.path, absolutePath: source.absolutePath, language: source.language, maxFileSizeBytes, ...held }));
    if (fingerprint && !cached && !result.skippedForNow) cache?.set(source.path, fingerprint, result);
    onProgress?.({ phase: 'parse', done: ++done, total });
    return result;
  });
  signal?.throwIfAborted();
  host.scanned?.();
  await cache?.save(complete);
  return facts;
}

/**
 * Everything after the scan, from the facts of every file: cross-file resolution, the kind, the
 * layers, violations and traces. An update re-scans only the files that changed and assembles again.
 */
async function assemble(root: string, host: AnalysisHost, options: AnalyzeOptions, discovery: Discovery, facts: readonly FileFacts[], configurationRead: ConfigurationRead, before?: Earlier): Promise<Analysis> {
  const { configuration } = configurationRead;
  const { onProgress } = options;
  await nextTurn(); // the scan's last answers in, and its threads ended
  // Between stages, a cancelled run (an update made stale by a newer edit) stops.
  options.signal?.throwIfAborted();
  onProgress?.({ phase: 'resolve', done: 0, total: 1 });
  const analysed = facts.filter((file) => !file.skipped);
  const { tsconfig, readme, build, specifications, protoRules } = configuration;
  const packages = packagesOf(configuration, analysed, host.knowledge);
  const modulePaths = JSON.stringify(tsconfig.paths ?? null);
  const earlier = before ? { index: before.index, shareAnswers: before.shareAnswers && before.modulePaths === modulePaths } : undefined;
  const { index, findings, interfaces, routes, skipped: patternsSkipped } = await resolveWorkspace(analysed, host.knowledge, tsconfig.paths, earlier, options.updates ?? true, { ...build, specifications, protoRules, packages: [...packages, ...configuration.distribution.undeclared] });

  await nextTurn();
  options.signal?.throwIfAborted();
  onProgress?.({ phase: 'classify', done: 0, total: 1 });
  const allPaths = allPathsOf(discovery);
  // The result lists them sorted; the kind's inputs are compared in that order (a kept result's
  // findings are sorted). The stages after the kind read them as they were found.
  const resolved = findings.slice();
  findings.sort(compareFindings);
  await nextTurn();
  options.signal?.throwIfAborted();
  // The kind reads paths, findings, routes and interfaces: an edit that changes none of what it reads keeps it.
  const routers = handlerRouters(index, host.knowledge.frameworks.handlerInterfaces);
  const kindInputs = kindInputsOf(discovery, findings, routes, interfaces, routers, packages, readme);
  // Read out of the host here: a closure below that named the host would keep it (its cache, its threads) as long as the analysis.
  const layerRoles = host.knowledge.layerRoles.forWorkspace(allPaths);
  const kind = before && sameKindInputs(before.kindInputs, kindInputs) ? before.kind : await classifyKind({ ...host.knowledge, layerRoles }, { folders: foldersOf(allPaths), files: allPaths, findings, routes, interfaces, handlerRouters: routers, packages, ...(readme ? { readme } : {}) });
  await nextTurn();
  options.signal?.throwIfAborted();

  const findingsByPath = groupByPath(resolved);
  const turns = new Turns();
  const givenOfNone = `${kind.kind} ${layerRoles.givenBesidesFile(kind.kind)} `;
  const implementedIn = implementedInterfacesByPath(interfaces);
  const packageEntries = index.packageEntryFiles();
  const order = pathOrder(discovery);
  const sorted = sortedPositions(discovery);
  const annotationFolders = annotationPackageFolders(index.files());
  const backendModules = layerRoles.backendModules(interfaces);
  // What every file's given starts with besides its own path: while it stays, a file's given
  // changes only with its facts, its findings, the interfaces it implements or its being a package's entry.
  const workspaceGiven = `${givenOfNone}\n${[...annotationFolders].sort().join(',')}\n${[...backendModules].sort().join(',')}`;
  // The layer entries the analysis this one is made from had, by position in the same order: an
  // entry whose file and given are the same is taken from there, no part looked up nor given spelled.
  const lastLayers = earlier?.shareAnswers ? layerColumns.get(earlier.index) : undefined;
  const last = lastLayers?.order === order ? lastLayers : undefined;
  const patched = last?.layerRoles === layerRoles && last.workspaceGiven === workspaceGiven ? last : undefined;
  const column: LayerColumn = {
    order,
    sources: facts,
    layerRoles,
    workspaceGiven,
    facts: patched ? patched.facts.slice() : new Array<FileFacts | undefined>(order.length),
    givens: patched ? patched.givens.slice() : new Array<string | undefined>(order.length),
    entries: patched ? patched.entries.slice() : new Array<AnalysisResult['files'][number] | undefined>(order.length),
    told: [],
  };
  // Whether every file's entry is the one the last analysis had: then no layer changed.
  let layersSame = last !== undefined;
  const step = (at: number) => {
    const path = order[at] as string;
    const file = index.file(path);
    column.facts[at] = file;
    if (!file) {
      // skipped
      column.givens[at] = column.entries[at] = undefined;
      if (last?.entries[at] !== undefined) layersSame = false;
      return;
    }
    const held = findingsByPath.get(path);
    // A file's layer reads its path, imports and findings: kept while they stay. The part is the
    // result's entry itself, kept from update to update while it holds.
    const mirrored = layerRoles.mirroredTestPackages(path);
    const ofNone = mirrored === undefined ? givenOfNone : `${givenOfNone}mirrors ${mirrored} `;
    const implemented = implementedIn.get(path);
    const packageEntry = packageEntries.has(path);
    const annotationPackage = file.language === 'java' && annotationFolders.has(path.slice(0, path.lastIndexOf('/') + 1));
    const module = backendModules.size ? layerRoles.mainModuleOf(path) : undefined;
    const backendModule = module !== undefined && backendModules.has(module);
    const context = `${ofNone}${packageEntry ? 'entry ' : ''}${annotationPackage ? 'annotations ' : ''}${backendModule ? 'backend ' : ''}${implemented ? `implements ${implemented.join(',')} ` : ''}`;
    const lastGiven = last?.facts[at] === file ? last.givens[at] : undefined;
    const kept = lastGiven !== undefined && spellsGiven(lastGiven, context, held);
    const given = kept ? lastGiven : `${context}${held ? held.map((finding) => `${finding.category} ${finding.symbol}`).join(' ') : ''}`;
    const entry = kept
      ? (last?.entries[at] as AnalysisResult['files'][number])
      : index.part('layer', path, () => ({ path, language: file.language, ...layerRoles.layerOf(kind.kind, { path, findings: held ?? [], imports: file.imports }, { ...(implemented ? { implements: implemented } : {}), packageEntry, annotationPackage, backendModule }) }), given, sameEntry);
    if (entry !== last?.entries[at]) layersSame = false;
    if (held || implemented || packageEntry) column.told.push(at);
    column.givens[at] = given;
    column.entries[at] = entry;
  };
  // With the workspace's part of every given the same, a file none of whose inputs of its own
  // changed keeps its entry without a look: only the changed files and those told more than their
  // path (findings, interfaces implemented, a package's entry) now or before are visited.
  await turns.each(patched ? toldOrChanged(patched, facts, sorted, [findingsByPath.keys(), implementedIn.keys(), packageEntries]) : everyPositionOf(order), step);
  const files = column.entries.filter((entry) => entry !== undefined);
  const entryOf = (path: string) => {
    const at = sorted.byPath.get(path);
    return at === undefined ? undefined : column.entries[at];
  };
  if (options.updates ?? true) layerColumns.set(index, column);
  // A finding takes its file's layer: looked up once per file, not once per finding.
  const layered = new Map<Finding, Finding>();
  for (const [path, held] of findingsByPath) {
    const layer = entryOf(path)?.layer ?? '';
    for (const finding of held) {
      const now = withLayer(finding, layer);
      if (now !== finding) layered.set(finding, now);
    }
  }
  if (layered.size) {
    const ofLayer = (finding: Finding) => layered.get(finding) ?? finding;
    for (const list of [resolved, findings]) for (let at = 0; at < list.length; at++) list[at] = ofLayer(list[at] as Finding);
  }
  // Given their layers, findings and routes are as the result lists them: those the same as before stay the objects they were.
  keepingEqual(before?.findings, findings, compareFindings);
  keepingEqual(before?.routes, routes, compareRoutes);
  await nextTurn();
  options.signal?.throwIfAborted();
  const checkLayers = options.layerViolations === 'on' || ((options.layerViolations ?? 'auto') === 'auto' && kind.kind === 'service');
  const checked = checkLayers ? await findViolations(index, analysed, entryOf, resolved, host.knowledge.layerRules, turns, lastLayers?.violations && { kept: lastLayers.violations, layersSame }) : undefined;
  if (checked) column.violations = checked.kept;
  const violations = checked?.violations ?? [];
  await nextTurn();
  options.signal?.throwIfAborted();

  const { dataModel, queryWarnings } = await analyzeDataModel(index, analysed, resolved, host.knowledge.frameworks, host.knowledge.dataAccess.recordLanguages);

  const result: AnalysisResult = {
    schemaVersion: SCHEMA_VERSION,
    root,
    kind,
    files,
    findings,
    interfaces,
    routes,
    traces: [],
    answers: [],
    violations,
    dataModel,
    queryWarnings,
    skipped: [
      ...discovery.skipped,
      ...patternsSkipped,
      ...configuration.skipped,
      ...build.problems,
      ...configuration.distribution.problems,
      ...facts.flatMap((file) => (file.skipped ?? file.partlyRead ? [{ path: file.path, reason: file.skipped ?? file.partlyRead ?? '' }] : [])),
    ].sort(
      (a, b) => a.path.localeCompare(b.path),
    ),
  };
  const analysis = analysisOf({ root, knowledge: host.knowledge, options, discovery, configuration: configurationRead, facts, result, modulePaths, kindInputs, index: () => index, indexInTurns: () => Promise.resolve(index) });
  if (options.traces) {
    const context = traceContextOf(index, result, host.knowledge);
    result.traces = routes.map((route) => traceRoute(context, route));
  }
  return analysis;
}

/** What a trace reads: the index, the result's interfaces and findings, each file's layer, what calls are steps. */
function traceContextOf(index: SymbolIndex, result: AnalysisResult, knowledge: Knowledge): TraceContext {
  const layerByPath = new Map(result.files.map((file) => [file.path, file.layer]));
  let bindings: InterfaceBindings | undefined;
  return { index, interfaces: result.interfaces, findings: result.findings, layerOf: (path) => layerByPath.get(path) ?? 'external', steps: knowledge.traceSteps, dataAccess: knowledge.dataAccess, frameworks: knowledge.frameworks, bindings: () => (bindings ??= interfaceBindings(index)) };
}

/** A result with what traces, definitions and updates need around it. */
interface AnalysisState {
  root: string;
  /** The knowledge it was made with (not the host: its cache and threads are the run's, not the analysis's). */
  knowledge: Knowledge;
  options: AnalyzeOptions;
  discovery: Discovery;
  /** What the configuration files say (the study guide's answers quote its README, packaging, test set-up and examples), and the files read for it. */
  configuration: ConfigurationRead;
  /** Every source file's facts, in the discovery's order. */
  facts: readonly FileFacts[];
  result: AnalysisResult;
  /** The path aliases the index is built with, as a key. */
  modulePaths: string;
  /** What the kind was worked out from. */
  kindInputs: KindInputs;
  index: () => SymbolIndex;
  /** The same index, made (when it is not yet) with the event loop let in. */
  indexInTurns: () => Promise<SymbolIndex>;
}

function analysisOf(state: AnalysisState): Analysis {
  const { root, knowledge, options, discovery, facts, result, modulePaths, kindInputs } = state;
  const { documents } = state.configuration.configuration;
  let context: TraceContext | undefined;
  const traceContext = () => (context ??= traceContextOf(state.index(), result, knowledge));
  const typedAnswers = new Map<string, CallAnswer | null>();
  let answers: Answer[] | undefined;
  let map: ArchitectureMap | undefined;
  return {
    result,
    trace(written) {
      const route = findRoute(result.routes, written);
      return route ? traceRoute(traceContext(), route) : undefined;
    },
    async traceWithTypes(written, resolver) {
      const route = findRoute(result.routes, written);
      return route ? traceRouteWithTypes(traceContext(), route, root, resolver, typedAnswers) : undefined;
    },
    answers() {
      answers ??= answerChecklist(result, state.index(), traceContext(), { otherFiles: discovery.otherFiles, documents }, knowledge);
      return answers;
    },
    architectureMap() {
      map ??= mapOf(result, facts, state.index(), knowledge.layerRoles);
      return map;
    },
    definitionsIn(path) {
      return (state.index().file(path)?.symbols ?? [])
        // Inline callbacks (`<anonymous>@12`) have no name to show.
        .filter((symbol) => symbol.kind !== 'variable' && !SymbolId.isAnonymousName(symbol.name))
        .map((symbol) => ({ name: symbol.name, kind: symbol.kind, line: symbol.range.start.line }));
    },
    async update(updateHost, changed, updateOptions = options) {
      // Files come and go (created, deleted, renamed): then the tree is walked again. An edit of
      // files the analysis already has, under the same excludes, leaves the file list as it was.
      const contentOnly = sameFileSelection(options, updateOptions) && (await allKnownFiles(updateHost.fs, discovery, changed));
      const now = contentOnly ? discovery : await discover(root, updateHost, updateOptions);
      const sameKnowledge = updateHost.knowledge === knowledge;
      // The same files, and none the configuration was read from changed: it says what it said.
      const configurationKept = contentOnly && sameKnowledge && !changed.some((path) => state.configuration.read.has(sameSeparators(path)));
      const nowConfiguration = configurationKept ? state.configuration : readConfigurationNoting(updateHost.fs, root, now, updateOptions, updateHost.knowledge);
      const next = contentOnly ? await rescanned(discovery, facts, changed, updateHost, updateOptions) : await rescannedAfterDiscovery(now, facts, changed, updateHost, updateOptions);
      // The same files and knowledge: the index's answers are shared, each checked against what it read.
      return assemble(root, updateHost, updateOptions, now, next, await nowConfiguration, { index: await state.indexInTurns(), modulePaths, shareAnswers: contentOnly && sameKnowledge, kind: result.kind, kindInputs: sameKnowledge ? kindInputs : undefined, findings: result.findings, routes: result.routes });
    },
  };
}

/** The map's input from the result (each file's layer), the facts (sizes) and the index (what each import reaches). */
function mapOf(result: AnalysisResult, facts: readonly FileFacts[], index: SymbolIndex, layerRoles: LayerRoles): ArchitectureMap {
  const lines = new Map(facts.map((file) => [file.path, file.lineCount]));
  function* imports(): Generator<MapImport> {
    for (const file of facts) {
      if (file.skipped) continue;
      for (const { statement, imported } of resolvedImports(index, file)) {
        for (const target of imported) if (target.file !== undefined && target.file !== file.path) yield { path: file.path, line: statement.line, imported: target.written, target: target.file };
      }
    }
  }
  return buildArchitectureMap({
    kind: result.kind.kind,
    lanes: layerRoles.lanesOf(result.kind.kind),
    leftOutRoles: layerRoles.sharedRoles(),
    files: result.files.map((file) => ({ path: file.path, layer: file.layer, lines: lines.get(file.path) ?? 0 })),
    imports: imports(),
    violations: result.violations,
  });
}

/**
 * What every update asks of a discovery, worked out once for it: edits keep the discovery, and each
 * of these is a pass over every file.
 */
interface DiscoveryViews {
  allPaths?: string[];
  /** The source files' paths sorted (a sort of thousands of paths by locale is not free). */
  pathOrder?: readonly string[];
  /** Each source file's position in the discovery, by its absolute path (separators as `sameSeparators` makes them). */
  positions?: ReadonlyMap<string, number>;
  sorted?: SortedPositions;
}

/** Where each source file is in `pathOrder`: by its path, and by its position in the discovery. */
interface SortedPositions {
  byPath: ReadonlyMap<string, number>;
  ofSource: readonly number[];
}

const discoveryViews = new WeakMap<Discovery, DiscoveryViews>();

function viewsOf(discovery: Discovery): DiscoveryViews {
  let views = discoveryViews.get(discovery);
  if (!views) discoveryViews.set(discovery, (views = {}));
  return views;
}

/** The facts of the same files as before (`facts`, in the discovery's order), the changed ones scanned again. */
async function rescanned(discovery: Discovery, facts: readonly FileFacts[], changed: readonly string[], host: AnalysisHost, options: AnalyzeOptions): Promise<FileFacts[]> {
  const positions = sourcePositions(discovery);
  const stale = [...new Set(changed.map((path) => positions.get(sameSeparators(path)) ?? -1))].filter((position) => position >= 0);
  const fresh = await scan(stale.map((position) => discovery.sources[position] as SourceFile), host, options, false);
  const next = facts.slice();
  stale.forEach((position, at) => (next[position] = fresh[at] as FileFacts));
  return next;
}

/** The facts of the files found now: new and changed ones scanned, the others' kept. */
async function rescannedAfterDiscovery(now: Discovery, facts: readonly FileFacts[], changed: readonly string[], host: AnalysisHost, options: AnalyzeOptions): Promise<FileFacts[]> {
  const changedPaths = new Set(changed.map(sameSeparators));
  const previous = new Map(facts.map((file) => [file.path, file]));
  const stale = now.sources.filter((source) => !previous.has(source.path) || changedPaths.has(sameSeparators(source.absolutePath)));
  const fresh = new Map((await scan(stale, host, options, false)).map((file) => [file.path, file]));
  return now.sources.map((source) => fresh.get(source.path) ?? (previous.get(source.path) as FileFacts));
}

/** The names of the workspace interfaces each file's classes implement, by path (what a library's adapter or driver implements). */
function implementedInterfacesByPath(interfaces: readonly InterfaceImplementations[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { base, implementations } of interfaces) {
    const { name } = SymbolId.parse(base);
    for (const implementation of implementations) {
      const names = listIn(byPath, SymbolId.parse(implementation).path);
      if (!names.includes(name)) names.push(name);
    }
  }
  return byPath;
}

function allPathsOf(discovery: Discovery): string[] {
  const views = viewsOf(discovery);
  return (views.allPaths ??= [...discovery.sources.map((source) => source.path), ...discovery.otherFiles]);
}

function pathOrder(discovery: Discovery): readonly string[] {
  const views = viewsOf(discovery);
  return (views.pathOrder ??= discovery.sources.map((source) => source.path).sort((a, b) => a.localeCompare(b)));
}

function sortedPositions(discovery: Discovery): SortedPositions {
  const views = viewsOf(discovery);
  if (!views.sorted) {
    const byPath = new Map(pathOrder(discovery).map((path, at) => [path, at]));
    views.sorted = { byPath, ofSource: discovery.sources.map((source) => byPath.get(source.path) as number) };
  }
  return views.sorted;
}

function sourcePositions(discovery: Discovery): ReadonlyMap<string, number> {
  const views = viewsOf(discovery);
  return (views.positions ??= new Map(discovery.sources.map((source, position) => [sameSeparators(source.absolutePath), position])));
}

/**
 * Everything the kind rules read: paths, each finding's category, kind and the file of its symbol
 * (findings in the result's order; the rules read no more of a symbol, and an anonymous one's line
 * moves with every line added above it), routes (where declared, and their handlers), interfaces, package manifests, README —
 * held, not spelled out: an update compares them with the last analysis's as they are, without
 * making a key string of them (as large as the workspace) at every update.
 */
interface KindInputs {
  paths: readonly string[];
  findings: readonly Finding[];
  /** Each route's declaring file and handler. */
  routes: readonly string[];
  /** Interfaces, handler routers, package manifests and README, which are few. */
  others: string;
}

function kindInputsOf(discovery: Discovery, findings: readonly Finding[], routes: readonly Route[], interfaces: readonly InterfaceImplementations[], routers: readonly string[], packages: readonly PackageManifest[], readme: { path: string; text: string } | undefined): KindInputs {
  return { paths: allPathsOf(discovery), findings, routes: routes.map((route) => `${route.source?.path ?? ''} ${route.handler} ${route.framework}`), others: JSON.stringify([interfaces, routers, packages, readme ?? null]) };
}

function sameKindInputs(before: KindInputs | undefined, now: KindInputs): boolean {
  if (!before || before.others !== now.others || !sameList(before.paths, now.paths) || !sameList(before.routes, now.routes) || before.findings.length !== now.findings.length) return false;
  const kindOf = (finding: Finding) => finding.details.kind ?? '';
  return before.findings.every((finding, position) => {
    const other = now.findings[position] as Finding;
    return finding.category === other.category && sameFileOf(finding.symbol, other.symbol) && kindOf(finding) === kindOf(other);
  });
}

/** Whether two symbols are of the same file (`path:name`), compared in place. */
function sameFileOf(a: string, b: string): boolean {
  const colon = a.lastIndexOf(':');
  if (colon < 0) return a === b;
  return colon === b.lastIndexOf(':') && b.startsWith(a.slice(0, colon));
}

function sameFileSelection(before: AnalyzeOptions, after: AnalyzeOptions): boolean {
  const selection = (options: AnalyzeOptions) => JSON.stringify([options.excludeGlobs ?? [], options.languages ?? [], options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES]);
  return selection(before) === selection(after);
}

/** Every changed path is a source file of the discovery, and still a file on disk. */
async function allKnownFiles(fs: WorkspaceFs, discovery: Discovery, changed: readonly string[]): Promise<boolean> {
  const known = sourcePositions(discovery);
  for (const path of changed) {
    if (!known.has(sameSeparators(path))) return false;
    try {
      if ((await fs.stat(path)).type !== 'file') return false;
    } catch {
      return false; // deleted
    }
  }
  return true;
}

/** What the workspace's configuration files say: path aliases, the package manifests, the README, the build files, the study documents. */
type Configuration = Awaited<ReturnType<typeof readConfiguration>>;

/** The configuration, and every path its reading went through (separators as `sameSeparators` makes them). */
interface ConfigurationRead {
  configuration: Configuration;
  read: ReadonlySet<string>;
}

/** Reads the configuration noting the paths read: an update that changes none of them, and no file's place, keeps it. */
async function readConfigurationNoting(fs: WorkspaceFs, root: string, discovery: Discovery, options: AnalyzeOptions, knowledge: Knowledge): Promise<ConfigurationRead> {
  const read = new Set<string>();
  const noted = <T>(path: string, reading: T): T => (read.add(sameSeparators(path)), reading);
  const noting: WorkspaceFs = {
    readDirectory: (path) => noted(path, fs.readDirectory(path)),
    stat: (path) => noted(path, fs.stat(path)),
    realPath: (path) => noted(path, fs.realPath(path)),
    readText: (path, limits) => noted(path, fs.readText(path, limits)),
  };
  return { configuration: await readConfiguration(noting, root, discovery, options, knowledge), read };
}

/** Read while files are scanned, all at once: each read is a trip through the host's file system, and an edit's update is short. */
async function readConfiguration(fs: WorkspaceFs, root: string, discovery: Discovery, options: AnalyzeOptions, knowledge: Knowledge) {
  const limits = { root, maxBytes: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES };
  /** Configuration files that are there but were not read, with the reason. */
  const skipped: Skipped[] = [];
  const [read, packages, distribution, readme, build, documents, environment, specifications] = await Promise.all([
    readModulePaths(fs, limits, skipped),
    readWorkspacePackages(fs, limits, discovery.otherFiles, skipped),
    readDistribution(fs, limits, skipped, allPathsOf(discovery)),
    readReadme(fs, discovery.otherFiles, limits, skipped),
    readBuildFiles(fs, root, discovery.otherFiles, knowledge.frameworks.servletSettings),
    readStudyDocuments(fs, limits, allPathsOf(discovery), skipped),
    readEnvironment(fs, limits, discovery.otherFiles, skipped),
    readSpecifications(fs, limits, discovery.otherFiles, knowledge.frameworks.specificationRoutes),
  ]);
  // What names a workspace file besides a relative path — TypeScript's path aliases, the workspace's npm packages,
  // Go's module paths — the index takes together as its module paths.
  // The environment files' values are read by the index too, where the code reads a constant from the environment.
  // A framework's own aliases (SvelteKit's `$lib`) follow those the configuration states, for each package built on it,
  // declared by a workspace or not.
  const npmPackages = [...distribution.packages, ...distribution.undeclared];
  const services = await readServiceFiles(fs, limits, discovery.otherFiles, knowledge.frameworks.serviceFiles, npmPackages, skipped);
  const protoRules = await readProtoHttpRules(fs, limits, discovery.otherFiles, knowledge.frameworks.protoHttpRules, skipped);
  // Each package's own aliases first: for its files they win over the root's.
  const packageFolders = npmPackages.map((manifest) => (manifest.path.includes('/') ? manifest.path.slice(0, manifest.path.lastIndexOf('/')) : ''));
  const packageAliases = await readPackageModulePaths(fs, limits, packageFolders, new Set(discovery.otherFiles), skipped);
  const frameworkAliases = moduleAliasesOf(knowledge.frameworks.moduleAliases, npmPackages);
  const autoImports = autoImportsOf(knowledge.frameworks.autoImports, npmPackages);
  const extra = { ...(autoImports.length ? { autoImports } : {}), ...(packages.length ? { packages } : {}), ...(build.goModules.length ? { goModules: build.goModules } : {}), ...(Object.keys(environment).length ? { environment } : {}), ...(services.length ? { services } : {}) };
  const added = [...packageAliases, ...frameworkAliases];
  const aliases = added.length ? { aliases: [...packageAliases, ...(read.paths?.aliases ?? []), ...frameworkAliases] } : {};
  const tsconfig = Object.keys(extra).length || added.length ? { ...read, paths: { ...(read.paths ?? { aliases: [] }), ...aliases, ...extra } } : read;
  // A root manifest read for the kind and for the packages, refused, is listed once.
  const unread = [...new Map(skipped.map((skip) => [skip.path, skip])).values()];
  return { tsconfig, distribution, readme, build, documents, specifications, protoRules, skipped: unread.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** The package manifests the kind rules read: package.json and its workspaces', the Python distribution's, and what the Java and Go builds say. */
function packagesOf({ distribution, build }: Configuration, analysed: readonly FileFacts[], knowledge: Knowledge): PackageManifest[] {
  return [...distribution.packages, ...buildPackages(build, analysed, knowledge.frameworks.serverPackages)];
}

/** The README's beginning is enough to tell what it talks about. */
const README_CHARACTERS = 64 * 1024;

async function readReadme(fs: WorkspaceFs, files: readonly string[], limits: ReadLimits & { root: string }, skipped: Skipped[]): Promise<{ path: string; text: string } | undefined> {
  const path = files.find((file) => /^readme(\.(md|rst|txt|markdown))?$/i.test(file));
  const text = path ? await readWorkspaceText(fs, limits, path, skipped) : undefined;
  return path && text !== undefined ? { path, text: text.slice(0, README_CHARACTERS).toLowerCase() } : undefined;
}

/** `"POST /orders"` or `"post /orders/{id}"`, with any placeholder syntax the user writes (`:id`, `<id>`). */
export function findRoute(routes: readonly Route[], written: string): Route | undefined {
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(written);
  if (!match?.[1] || !match[2]) return undefined;
  const method = match[1].toUpperCase();
  const path = normalizeRoutePath(match[2]);
  const shape = templateShape(path);
  return (
    routes.find((route) => route.method === method && route.path === path) ??
    routes.find((route) => route.method === method && templateShape(route.path) === shape) ??
    routes.find((route) => route.method === 'ANY' && templateShape(route.path) === shape) ??
    // A request as it would be sent: `GET /orders/42` is the route `GET /orders/{id}`.
    routes.find((route) => (route.method === method || route.method === 'ANY') && matchesRouteTemplate(route.path, path))
  );
}

function groupByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) listIn(byPath, SymbolId.parse(finding.symbol).path).push(finding);
  return byPath;
}

/**
 * The layer entries an analysis made, by position in its sorted paths, with the facts and given of
 * each: the next update takes an entry from here while both are the same (see `assemble`).
 */
interface LayerColumn {
  order: readonly string[];
  /** Every source file's facts the column was made from, in the discovery's order. */
  sources: readonly FileFacts[];
  layerRoles: LayerRoles;
  /** What every given read besides its file (see `assemble`). */
  workspaceGiven: string;
  facts: (FileFacts | undefined)[];
  givens: (string | undefined)[];
  entries: (AnalysisResult['files'][number] | undefined)[];
  /** The positions whose given told more than the path (findings, interfaces implemented, a package's entry), ascending. */
  told: number[];
  /** The violations found with these layers. */
  violations?: KeptViolations;
}

/** A file's layer entry worked out again that says what the kept one said is the kept one: then no layer changed. */
function sameEntry(kept: AnalysisResult['files'][number], made: AnalysisResult['files'][number]): boolean {
  return JSON.stringify(kept) === JSON.stringify(made);
}

const layerColumns = new WeakMap<SymbolIndex, LayerColumn>();

/** Whether `given` is `context` followed by the findings' categories and symbols, as the layer part spells it: compared in place, nothing spelled. */
function spellsGiven(given: string, context: string, held: readonly Finding[] | undefined): boolean {
  if (!given.startsWith(context)) return false;
  let at = context.length;
  const findings = held ?? NONE;
  for (let position = 0; position < findings.length; position++) {
    const finding = findings[position] as Finding;
    if (position > 0) {
      if (given.charCodeAt(at) !== 32) return false;
      at++;
    }
    if (!given.startsWith(finding.category, at)) return false;
    at += finding.category.length;
    if (given.charCodeAt(at) !== 32) return false;
    at++;
    if (!given.startsWith(finding.symbol, at)) return false;
    at += finding.symbol.length;
  }
  return at === given.length;
}

/**
 * The positions (in the sorted order) of the files whose entry an update must look at again: those
 * whose facts changed since the column, those it told more than their path, and those of the paths
 * `told` lists now. Ascending, each once.
 */
function toldOrChanged(last: LayerColumn, sources: readonly FileFacts[], sorted: SortedPositions, told: readonly Iterable<string>[]): number[] {
  const marks = new Uint8Array(last.order.length);
  const positions: number[] = [];
  const mark = (at: number | undefined) => {
    if (at === undefined || marks[at] === 1) return;
    marks[at] = 1;
    positions.push(at);
  };
  for (let source = 0; source < sources.length; source++) if (sources[source] !== last.sources[source]) mark(sorted.ofSource[source]);
  for (const at of last.told) mark(at);
  for (const paths of told) for (const path of paths) mark(sorted.byPath.get(path));
  return positions.sort((a, b) => a - b);
}

/** 0, 1, … for every path of an order: the positions of a whole pass. */
function everyPositionOf(order: readonly string[]): number[] {
  return Array.from({ length: order.length }, (_, at) => at);
}

/**
 * The finding with its file's layer: the resolution's finding itself when it has it, or else its
 * copy with the layer, made once for as long as the finding lives (the facts' and kept parts'
 * findings outlive updates), so that an update gives the files it did not change the same objects.
 */
function withLayer(finding: Finding, layer: string): Finding {
  if (finding.layer === layer) return finding;
  const made = layeredCopies.get(finding);
  if (made?.layer === layer) return made;
  const copy = { ...finding, layer };
  layeredCopies.set(finding, copy);
  return copy;
}

const layeredCopies = new WeakMap<Finding, Finding>();

function compareFindings(a: Finding, b: Finding): number {
  return a.symbol.localeCompare(b.symbol) || a.range.start.line - b.range.start.line || a.category.localeCompare(b.category);
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the output. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, signal: AbortSignal | undefined, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(runners);
  return results;
}

