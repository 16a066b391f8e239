import type { PackageManifest } from '../classify/packages';
import { NONE } from '../lists';
import { nextTurn, Turns } from '../nextTurn';
import type { FileFacts, Hint } from '../parse/facts';
import { Finding, type FindingOf, type InterfaceImplementations, type Route, type Skipped, SymbolId } from '../result';
import { annotationRoutes } from './annotationRoutes';
import { aspectMiddleware } from './aspects';
import { callRoutes } from './callRoutes';
import { embeddedBases, frameworkFindings } from './frameworkFindings';
import { enqueuingCalls } from './enqueuingCalls';
import { fileExportFindings } from './fileExports';
import { builtOn, packageOf } from './frameworkPackages';
import { FindingEdits } from './findingEdits';
import { fileRoutes } from './fileRoutes';
import { interfaceImplementations } from './interfaces';
import { describeNestModules, nestRoutes } from './nestRoutes';
import { Confirmation, confirmFile, type FileConfirmation, methodOfValueAt } from './qualify';
import { repositoryFindings } from './repositories';
import { type ApiSpecification, specificationRoutes } from './specificationRoutes';
import { type ProtoHttpRule, protoRoutes } from './protoRoutes';
import { resolveRoutes, type RouteKnowledge } from './routes';
import { sourceOf } from './routePaths';
import { SymbolIndex } from './symbolIndex';
import type { ModulePaths } from './tsconfig';
import type { BuildFiles } from './buildFiles';
import type { Knowledge } from '../knowledge/knowledge';
import { wrapperCallFindings } from './wrapperCalls';
import { middlewareInterfaceImplementations } from './middlewareInterfaces';
import { threadTargets } from './threadTargets';

export interface Resolution {
  index: SymbolIndex;
  findings: Finding[];
  interfaces: InterfaceImplementations[];
  routes: Route[];
  /** Patterns the workspace wrote that were not read (see workspacePatterns). */
  skipped: Skipped[];
}

/**
 * The cross-file stage: builds the symbol index, keeps the findings whose names resolve to what
 * their rule requires, adds what inheritance and decorators imply, finds interfaces and
 * repositories, links signals to their receivers and senders, and resolves routes. Given the
 * index of the same workspace before an edit, what still holds of it is reused (see SymbolIndex).
 */
export async function resolveWorkspace(files: readonly FileFacts[], knowledge: RouteKnowledge & Pick<Knowledge, 'layerRoles' | 'rulePackages'>, modulePaths?: ModulePaths, earlier?: ConstructorParameters<typeof SymbolIndex>[2], keepParts = true, build: Pick<BuildFiles, 'springSettings' | 'generatedApis'> & { specifications?: readonly ApiSpecification[]; protoRules?: readonly ProtoHttpRule[]; packages?: readonly PackageManifest[] } = { springSettings: [], generatedApis: [] }): Promise<Resolution> {
  const index = await SymbolIndex.build(files, modulePaths, earlier, keepParts);
  await nextTurn();
  // Each file's findings checked and named after their definitions, a part of the file kept while
  // what it read stays. Resolution adds to some findings' details (receivers, uses, sites): those
  // are copied where they change (see FindingEdits), the others stay the kept parts' objects.
  const turns = new Turns();
  const edits = new FindingEdits();
  const confirmation = new Confirmation();
  const named: Finding[] = [];
  await index.eachPart(
    'confirmed-findings',
    turns,
    (file) => confirmedAndNamed(index, file),
    (own) => {
      confirmation.add(own);
      for (const finding of own.named) named.push(finding);
    },
    '',
    undefined,
    (own) => own === NAMED_NOTHING,
  );
  const { findings: dependent, hints } = confirmation.finish();
  for (const finding of dependent) named.push(namedAfterDefinition(index, finding));
  // Read before registrations merge: each thread start names its own target.
  named.push(...threadTargets(index, named));
  await nextTurn();
  const findings = onTheirPackages(index, mergeRegistrations(named, edits), knowledge.rulePackages, build.packages ?? []);
  await nextTurn();
  findings.push(...(await frameworkFindings(index, knowledge.frameworks, findings, edits, knowledge.ruleRoles, turns)));
  const embedded = embeddedBases(index, knowledge.frameworks.classes, findings);
  if (embedded.bases.size) findings.splice(0, findings.length, ...findings.filter((finding) => !(finding.category === 'model' && embedded.bases.has(finding.symbol))), ...embedded.found);
  findings.push(...(await enqueuingCalls(index, findings, knowledge.ruleRoles, turns)));
  await wrapperCallFindings(index, findings, turns);
  await nextTurn();

  const interfaces = await interfaceImplementations(index, knowledge.frameworks.interfaceDeclarations, turns, (path) => !knowledge.layerRoles.isTestExampleOrDoc(path));
  for (const { base } of interfaces) {
    const definition = index.definition(base);
    if (definition) findings.push({ category: 'interface', symbol: base, range: definition.range, layer: '', details: { rule: 'abstract-class' } });
  }
  findings.push(...middlewareInterfaceImplementations(index, interfaces));
  await nextTurn();
  findings.push(...(await repositoryFindings(index, knowledge.dataAccess, interfaces, findings, turns)));
  linkSignals(index, findings, hints, edits);
  await nextTurn();
  // A test sets up applications of its own (`createExpressServer({ routePrefix })` in a spec): their prefix is not the service's.
  const applicationHints = hints.filter((hint) => hint.hint !== 'global-prefix' || !knowledge.layerRoles.isTestExampleOrDoc(SymbolId.parse(hint.symbol).path));
  const nest = await nestRoutes(index, applicationHints, findings, knowledge.frameworks.decoratorRoutes, turns);
  await describeNestModules(index, findings, knowledge.frameworks.decoratorRoutes, edits, turns);
  await nextTurn();
  // Java's routes are annotations, or calls (Spark); Go's router calls followed through variables, parameters and closures.
  const annotated = await annotationRoutes(index, knowledge.frameworks.annotationRoutes, build, turns);
  const called = await callRoutes(index, knowledge.frameworks, interfaces, turns);
  // What frameworks find by file name (Next.js's `middleware.ts`), and their routes that are files (Medusa's `src/api/**/route.ts`,
  // Next.js's `app/**/route.ts`), in packages built on the framework.
  findings.push(...(await fileExportFindings(index, knowledge.frameworks.fileExports, build.packages ?? [], turns)));
  const routeFiles = await fileRoutes(index, knowledge.frameworks.fileRoutes, build.packages ?? [], (path) => knowledge.layerRoles.isTestFileName(path), turns);
  // Frameworks whose routes are an OpenAPI document's operations (Connexion's `operationId`s).
  const specified = await specificationRoutes(index, build.specifications ?? [], knowledge.frameworks.specificationRoutes, turns);
  // Gateways whose routes are the HTTP rules of `.proto` services (gRPC-Gateway), served by the implementations of their server interfaces.
  const proto = await protoRoutes(index, interfaces, build.protoRules ?? [], knowledge.frameworks.protoHttpRules, turns);
  await nextTurn();
  // NestJS's routes are resolved already; the others are resolved from the scan's findings.
  const { routes, notRoutes, skipped } = await resolveRoutes(index, findings, hints, knowledge, edits, turns);
  findings.push(...nest.findings, ...annotated.findings, ...called.findings, ...routeFiles.findings, ...specified.findings, ...proto.findings);
  const allRoutes = [...routes, ...nest.routes, ...annotated.routes, ...called.routes, ...routeFiles.routes, ...specified.routes, ...proto.routes].sort(compareRoutes);
  findings.push(...aspectMiddleware(index, findings, allRoutes));
  await nextTurn();
  // A middleware factory (`def timing(get_response)`, an ASGI wrapper) wraps what it is given as a decorator would: it is told as
  // middleware only (the decorators it wears are still told).
  const middleware = new Set(findings.filter((finding) => finding.category === 'middleware' && !notRoutes.has(finding)).map((finding) => finding.symbol));
  // A function with a middleware's signature (`(req, res, next)`) that a route runs as its handler is a handler, and one
  // whose products are routes' handlers (`const getUser = catchAsync(async (req, res) => ...)`, or
  // `app.get('/', asyncHandler(listUsers))` where the route is registered) wraps handlers.
  const handlers = new Set(allRoutes.map((route) => route.handler));
  for (const handler of [...handlers]) {
    const made = index.definition(handler)?.value?.callee;
    const maker = made ? index.resolve(SymbolId.parse(handler).path, made) : undefined;
    if (maker) handlers.add(maker);
  }
  // A wrapper is no middleware however it is found: before a handler (`asyncHandler(checkStock())`) it wraps a middleware.
  const wrappers = new Set<string>();
  for (const finding of findings) {
    const wrapper = finding.category === 'route' && !notRoutes.has(finding) ? finding.details['wrapper'] : undefined;
    const wraps = typeof wrapper === 'string' ? index.resolve(sourceOf(finding).path, wrapper) : undefined;
    if (wraps) wrappers.add(wraps);
  }
  const handlerOnly = (finding: Finding) => finding.category === 'middleware' && ((finding.details.by === 'signature' && handlers.has(finding.symbol)) || wrappers.has(finding.symbol));
  const unique = dedupe(findings.filter((finding) => !notRoutes.has(finding) && !handlerOnly(finding) && !(finding.category === 'decorator' && finding.details.kind !== 'use' && middleware.has(finding.symbol))), edits);
  await nextTurn();
  return { index, findings: foldRegistrations(unique, edits), interfaces, routes: allRoutes, skipped: [...skipped, ...nest.skipped] };
}

/** The result's order of routes: by path, method and handler. */
export function compareRoutes(a: Route, b: Route): number {
  return a.path.localeCompare(b.path) || a.method.localeCompare(b.method) || a.handler.localeCompare(b.handler);
}

/** A file's findings that hold on their own (see `confirmFile`), and the same named after their definitions. */
function confirmedAndNamed(index: SymbolIndex, file: FileFacts): FileConfirmation & { named: readonly Finding[] } {
  const own = confirmFile(index, file.findings, file.hints);
  if (!own.confirmed.length && !own.dependent.length && !own.hints.length) return NAMED_NOTHING;
  return { ...own, named: own.confirmed.map((finding) => namedAfterDefinition(index, finding)) };
}

const NAMED_NOTHING = Object.freeze({ confirmed: NONE, dependent: NONE, hints: NONE, hintsAwaiting: NONE, named: NONE });

/**
 * A finding named after a reference (`app.add_middleware(X)`, `signal.connect(handler)`) becomes a
 * finding on X's definition, wherever X is, with the place that registers it in
 * `details.registeredAt` (`path:LINE`, 1-based). When X is outside the workspace, the finding stays
 * at the anonymous site of the call, with X's qualified name in `details.reference`.
 */
function namedAfterDefinition(index: SymbolIndex, finding: Finding): Finding {
  const { path, name } = SymbolId.parse(finding.symbol);
  if (SymbolId.isAnonymousName(name)) return finding;
  const site = `${path}:${finding.range.start.line + 1}`;
  const own = index.definition(finding.symbol);
  if (own) {
    // The finding is the definition itself, or a reference to one in the same file.
    return own.range.start.line === finding.range.start.line ? finding : { ...Finding.withDetails(finding, { registeredAt: [site] }), range: own.range };
  }
  const target = index.qualify(path, name);
  // A name the file does not bind may be an import path given as a string (`schedule("shop.tasks.purge")`),
  // or a method of a value the function around holds (`controller.run.bind(controller)`).
  const symbol = target && 'symbol' in target ? target.symbol : (index.definitionAtImportPath(name) ?? methodOfValueAt(index, path, finding.range.start.line, name));
  const definition = symbol ? index.definition(symbol) : undefined;
  if (symbol && definition) {
    return { ...Finding.withDetails(finding, { registeredAt: [site] }), symbol, range: definition.range };
  }
  return { ...Finding.withDetails(finding, { reference: (target && index.namesOf(target)[0]) ?? name }), symbol: SymbolId.anonymous(path, finding.range.start.line) };
}

/** Several registrations of one definition (a middleware installed in three apps) make one finding listing every site. */
function mergeRegistrations(findings: readonly Finding[], edits: FindingEdits): Finding[] {
  const merged: Finding[] = [];
  /** Where the first finding of each category, symbol and rule is in `merged`: the others' sites are added to it. */
  const firstAt = new Map<string, number>();
  for (const finding of findings) {
    const sites = finding.details.registeredAt;
    if (!sites) {
      merged.push(finding);
      continue;
    }
    // One handler given to two routes (`app.get('/', home).get('/about', home)`) answers both: a route's sites are its own.
    // A route whose path its chain's start gives later (`app.route('/x').post(h)`) is told apart by its site.
    const route = finding.category === 'route' ? `|${String(finding.details.method ?? '')}|${String(finding.details.path ?? sites.join(' '))}` : '';
    const key = `${finding.category}|${finding.symbol}|${finding.details.rule}${route}`;
    const first = firstAt.get(key);
    if (first !== undefined) edits.own(merged, first).details.registeredAt?.push(...sites);
    else {
      firstAt.set(key, merged.length);
      merged.push(finding);
    }
  }
  return merged;
}

/** Each workspace signal lists its receivers and the places that send it. */
function linkSignals(index: SymbolIndex, findings: Finding[], hints: readonly Hint[], edits: FindingEdits): void {
  /** Where each signal's finding is (the last one of a symbol). */
  const signals = new Map<string, number>();
  findings.forEach((finding, at) => {
    if (finding.category === 'signal') signals.set(finding.symbol, at);
  });
  const append = (signal: string | undefined, key: 'receivers' | 'senders', value: string) => {
    const at = signal ? signals.get(signal) : undefined;
    if (at === undefined || (findings[at] as FindingOf<'signal'>).details[key]?.includes(value)) return;
    const list = (edits.own<FindingOf<'signal'>>(findings, at).details[key] ??= []);
    if (!list.includes(value)) list.push(value);
  };
  for (const finding of findings) {
    if (finding.category !== 'receiver') continue;
    for (const signal of [finding.details.signal ?? []].flat()) append(index.resolve(SymbolId.parse(finding.symbol).path, signal), 'receivers', finding.symbol);
  }
  for (const hint of hints) {
    if (hint.hint !== 'signal-send') continue;
    append(index.resolve(SymbolId.parse(hint.symbol).path, hint.details.signal ?? ''), 'senders', hint.symbol);
  }
}

/**
 * A registration of something the workspace defines (`Middleware(TimingMiddleware)` for a middleware
 * class found by its base) is told on the definition's finding, as `registeredAt`, not as a second finding.
 */
function foldRegistrations(findings: readonly Finding[], edits: FindingEdits): Finding[] {
  const registered = new Set<string>();
  for (const finding of findings) if (finding.details.registeredAt) registered.add(finding.symbol);
  if (!registered.size) return [...findings];
  // Keyed by category and symbol, for the few symbols registered somewhere (tens of thousands of findings are not).
  const definitions = new Map<string, number>();
  findings.forEach((finding, at) => {
    if (registered.has(finding.symbol) && !finding.details.registeredAt) definitions.set(`${finding.category}|${finding.symbol}`, at);
  });
  const folded = findings.flatMap((finding) => {
    const sites = finding.details.registeredAt;
    const definition = sites ? definitions.get(`${finding.category}|${finding.symbol}`) : undefined;
    return definition !== undefined && sites ? [{ finding, definition, sites }] : [];
  });
  // Decided first, then told: a definition that gains sites must not be taken for a registration.
  const told = [...findings];
  for (const { definition, sites } of folded) (edits.own(told, definition).details.registeredAt ??= []).push(...sites);
  const gone = new Set(folded.map(({ finding }) => finding));
  return told.filter((finding) => !gone.has(finding));
}

/** One finding per category, symbol and place, whichever rules found it. */
function dedupe(findings: readonly Finding[], edits: FindingEdits): Finding[] {
  // By symbol first: most symbols have one finding, so no key string is made for each finding.
  const bySymbol = new Map<string, number[]>();
  const unique: Finding[] = [];
  for (const finding of findings) {
    const same = bySymbol.get(finding.symbol);
    const kind = finding.details.kind ?? '';
    if (!same) {
      bySymbol.set(finding.symbol, [unique.length]);
      unique.push(finding);
      continue;
    }
    const kept = same.find((at) => {
      const other = unique[at] as Finding;
      return other.category === finding.category && other.range.start.line === finding.range.start.line && (other.details.kind ?? '') === kind;
    });
    if (kept === undefined) {
      same.push(unique.length);
      unique.push(finding);
      continue;
    }
    // The same finding told twice (a middleware by its signature, and where a router installs it): what either tells is kept.
    const told = Object.entries(finding.details).filter(([key]) => !(key in (unique[kept] as Finding).details));
    if (!told.length) continue;
    const details: Record<string, unknown> = edits.own(unique, kept).details;
    for (const [key, value] of told) details[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return unique;
}

/** The findings of rules that stand only in files built on a package (`;; packages:`, middy's `{ before, after }`), kept where the file is. */
function onTheirPackages(index: SymbolIndex, findings: Finding[], rulePackages: ReadonlyMap<string, readonly string[]>, manifests: readonly PackageManifest[]): Finding[] {
  if (!rulePackages.size) return findings;
  return findings.filter((finding) => {
    const packages = rulePackages.get(finding.details.rule);
    if (!packages) return true;
    const { path } = SymbolId.parse(finding.symbol);
    const file = index.file(path);
    return file !== undefined && builtOn(file, packageOf(path, manifests).manifest, packages);
  });
}
