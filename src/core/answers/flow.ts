import { layerColumns, stepLabel } from '../render/trace';
import { isCollectionType, isLogging } from '../trace/trace';
import type { FlagTest } from '../parse/facts';
import { type AnswerFact, type AnswerPart, type Finding, type Route, type SourceLocation, SymbolId, type TraceStep } from '../result';
import { type AnswerContext, answerPart, fact, findingsByFunction, firstFileOf, gap, inPart, inScope, locationOf, memo, routeLocation, tracedFunctions } from './context';
import { listIn } from '../lists';
import { beanConditions } from './beanConditions';
import { say } from './phrases';

/** The routes of the code under study, with where each is declared. */
export function routesAnswer(context: AnswerContext): AnswerPart[] {
  const routes = studyRoutes(context);
  const facts = routes.map((route) => fact(routeLocation(context.index, route), 'route', route.method, route.path, SymbolId.label(route.handler)));
  return [answerPart(say('routesTopic'), facts, gap('noRoutes', firstFileOf(context, ['api', 'routing', 'http'])))];
}

/** The routes handled by the code under study (not by tests or examples). */
export function studyRoutes(context: AnswerContext): Route[] {
  return context.result.routes.filter((route) => inScope(context, SymbolId.parse(route.handler).path));
}

/** How many steps of one layer a flow lists: the first ones, where the layer's work starts. */
const STEPS_PER_LAYER = 4;

/** The flow worth tracing, told layer by layer in the order a request meets them: the guide's API → application → domain → infrastructure. */
export function flowAnswer(context: AnswerContext): AnswerPart[] {
  const route = studyFlow(context);
  if (!route) return [answerPart(say('flowTopic', '—'), [], gap('noFlow', firstFileOf(context, ['api', 'application'])))];
  const trace = context.traceOf(route);
  const conditions = stepConditions(context, trace.steps);
  const facts: AnswerFact[] = [];
  for (const layer of layerColumns(trace)) {
    const seen = new Set<string>();
    trace.steps.forEach((step, position) => {
      if ((step.layer || 'unknown') !== layer || !doesWork(context, step) || seen.has(step.symbol) || seen.size >= STEPS_PER_LAYER) return;
      seen.add(step.symbol);
      const condition = conditions[position];
      facts.push(condition ? fact(stepLocation(step), 'flowStepWhen', layer, stepLabel(step), condition) : fact(stepLocation(step), 'flowStep', layer, stepLabel(step)));
      if (!step.external && !step.unresolved) facts.push(...flagFacts(context, trace.steps, position, layer));
    });
  }
  return [answerPart(say('flowTopic', `${route.method} ${route.path}`), facts)];
}

/** What each flag a call passes does at the callee's `if` on that parameter: taken (its block runs) or skipped. */
export function flagEffects(context: AnswerContext, callee: string, flags: readonly string[]): { flag: string; taken: boolean; test: FlagTest; told: { flag: string; test: SourceLocation } }[] {
  const tests = context.index.definition(callee)?.flagTests ?? [];
  const { path } = SymbolId.parse(callee);
  return flags.flatMap((flag) => {
    const [parameter, value] = flag.split('=');
    return tests.filter((test) => test.parameter === parameter).map((test) => ({ flag, taken: (value === 'True') !== !!test.negated, test, told: { flag, test: { path, line: test.line } } }));
  });
}

/** The flags a step's caller passes at its call (`mark_as_processed=True`), told with what each does at the step's `if` on it. */
function flagFacts(context: AnswerContext, steps: readonly TraceStep[], position: number, layer: string): AnswerFact[] {
  const step = steps[position] as TraceStep;
  const depth = step.depth ?? 0;
  let caller = position - 1;
  while (caller >= 0 && ((steps[caller] as TraceStep).depth ?? 0) >= depth) caller--;
  const site = step.site;
  const flags = caller >= 0 && site && depth > 0 ? (context.index.definition((steps[caller] as TraceStep).symbol)?.calls?.find((call) => call.line === site.line && call.flags)?.flags ?? []) : [];
  return flagEffects(context, step.symbol, flags).map(({ flag, taken, test, told }) => fact(told.test, taken ? 'flowStepFlagTaken' : 'flowStepFlagSkipped', layer, stepLabel(step), flag, `if ${test.negated ? 'not ' : ''}${test.parameter}`, test.then));
}

/**
 * The condition each step of a trace runs under: the `if` its call is written in (as the caller's
 * call sites record it), else its caller's own, so that what a conditional call leads to is
 * conditional too; undefined for a step every request reaches.
 */
export function stepConditions(context: AnswerContext, steps: readonly TraceStep[]): (string | undefined)[] {
  const conditions: (string | undefined)[] = [];
  // The nearest step above at each depth: a step's caller is the one a level up.
  const above: number[] = [];
  steps.forEach((step, position) => {
    const depth = step.depth ?? 0;
    const caller = depth > 0 ? above[depth - 1] : undefined;
    above[depth] = position;
    above.length = depth + 1;
    const site = step.site;
    const own = caller !== undefined && site ? context.index.definition(steps[caller]?.symbol ?? '')?.calls?.find((call) => call.line === site.line && call.condition)?.condition : undefined;
    conditions.push(own ?? (caller !== undefined ? conditions[caller] : undefined));
  });
  return conditions;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The business flow worth tracing: the route whose trace goes deepest through the code — into a
 * transaction, through the most layers (an entity's method counting as the domain, wherever its
 * module sits), through the most functions that do work — so that the learning path never studies
 * a one-line handler (a logout) when a flow reaches the domain and the database. A write wins a
 * tie, as the guide's example flow (create an order and pay) is one.
 */
export function studyFlow(context: AnswerContext): Route | undefined {
  return memo(context, 'study flow', () => {
    const committing = findingsByFunction(context, 'transaction');
    const entities = new Set(context.result.dataModel.entities.flatMap((entity) => (entity.symbol ? [entity.symbol] : [])));
    const layerOf = (step: TraceStep) => (entities.has(SymbolId.owner(step.symbol) ?? '') ? 'domain' : step.layer || 'unknown');
    let best: { route: Route; score: number[] } | undefined;
    for (const route of studyRoutes(context)) {
      const trace = context.traceOf(route);
      const working = trace.steps.filter((step) => !step.external && doesWork(context, step));
      const functions = tracedFunctions({ ...trace, steps: working });
      const commits = functions.some((symbol) => committing.has(symbol)) ? 1 : 0;
      const score = [commits, new Set(working.map(layerOf)).size, functions.length, WRITE_METHODS.has(route.method) ? 2 : route.method === 'ANY' ? 1 : 0];
      if (!best || isGreater(score, best.score)) best = { route, score };
    }
    return best?.route;
  });
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  const differing = a.findIndex((value, position) => value !== b[position]);
  return differing >= 0 && (a[differing] ?? 0) > (b[differing] ?? 0);
}

/**
 * A step that does the flow's work: not an object being made (a constructor, a class, an outside
 * class), not a dependency provider (told with the dependencies), not a call left unresolved.
 */
export function doesWork(context: AnswerContext, step: TraceStep): boolean {
  if (step.unresolved || (step.via === 'di' && context.index.definition(step.symbol)?.kind === 'function')) return false;
  const name = step.external ? step.symbol.slice(step.symbol.lastIndexOf('.') + 1) : SymbolId.parse(step.symbol).name.split('.').pop() ?? '';
  if (name === '__init__' || name === 'constructor') return false;
  return step.external ? !/^[A-Z]/.test(name) : context.index.definition(step.symbol)?.kind !== 'class';
}

/** Where a step is: a workspace callee's definition, an outside call's site. */
export function stepLocation(step: TraceStep): { path: string; line: number } {
  if (step.external || step.unresolved) return step.site ? { path: step.site.path, line: step.site.line } : { path: SymbolId.parse(step.symbol).path, line: step.line };
  return { path: SymbolId.parse(step.symbol).path, line: step.line };
}

/** Classes whose constructors the dependency answer reads: those a traced flow goes through. */
const MAX_TRACED_ROUTES = 60;

/**
 * How the handlers get what they use: FastAPI's `Depends` on their parameters, constructors that
 * take typed collaborators, the one implementation injected for an interface, and module-level
 * objects the flows call — read from the handlers and from the traces of the routes.
 */
export function dependenciesAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  const seen = new Set<string>();
  const once = (key: string, make: () => AnswerFact | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    const made = make();
    if (made) facts.push(made);
  };
  const routes = studyRoutes(context);
  for (const route of routes) {
    const definition = index.definition(route.handler);
    // FastAPI's `@router.get(..., dependencies=[Depends(verify_token)])`: run before the handler, their values unused.
    for (const call of Object.values(definition?.decoratorCalls ?? {})) {
      for (const [, provider] of (call.keywords['dependencies'] ?? '').matchAll(/Depends\(\s*([\w.]+)/g)) {
        if (provider) once(`${route.handler} dependencies ${provider}`, () => fact(locationOf(index, route.handler), 'routeDependency', SymbolId.label(route.handler), provider));
      }
    }
    for (const parameter of definition?.parameters ?? []) {
      const provider = /Depends\(\s*([\w.]*)/.exec(parameter.default ?? '')?.[1];
      if (provider === undefined) continue;
      once(`${route.handler} ${parameter.name}`, () => fact(locationOf(index, route.handler), 'providedByDepends', SymbolId.label(route.handler), parameter.name, provider));
    }
  }
  for (const route of routes.slice(0, MAX_TRACED_ROUTES)) {
    for (const step of context.traceOf(route).steps) {
      if (step.external || step.unresolved) continue;
      const owner = SymbolId.owner(step.symbol);
      if (owner) {
        const constructor = index.definition(`${owner}.__init__`) ?? index.definition(`${owner}.constructor`);
        for (const parameter of constructor?.parameters?.slice(1) ?? []) {
          if (!parameter.annotation || isCollectionType(parameter.annotation) || !/^[A-Z]/.test(bareName(parameter.annotation).split('.').pop() ?? '')) continue;
          once(`${owner} ${parameter.name}`, () => fact(locationOf(index, `${owner}.${index.definition(`${owner}.__init__`) ? '__init__' : 'constructor'}`), 'constructorInjected', SymbolId.label(owner), parameter.name, parameter.annotation ?? ''));
        }
      }
      if (step.via === 'di' && step.depth !== 0) {
        const base = context.result.interfaces.find((entry) => entry.implementations.includes(SymbolId.owner(step.symbol) ?? ''));
        if (base) once(`impl ${base.base}`, () => fact(locationOf(index, SymbolId.owner(step.symbol) ?? step.symbol), 'injectedImplementation', SymbolId.label(SymbolId.owner(step.symbol) ?? step.symbol), SymbolId.label(base.base)));
      }
      for (const resolved of containerResolutions(context, step.symbol)) once(`container ${step.symbol}`, () => fact(resolved.location, 'resolvedFromContainer', SymbolId.label(step.symbol), resolved.resolver));
      for (const global of moduleGlobalsCalled(context, step.symbol)) once(`global ${global.variable}`, () => fact(locationOf(index, global.variable), 'moduleGlobal', SymbolId.label(step.symbol), SymbolId.label(global.variable), global.madeBy));
      const { through } = step;
      if (through) {
        const by = through.by.includes(':') ? SymbolId.label(through.by) : through.by;
        const phrase = through.kind === 'handler-table' ? 'reachedThroughTable' : through.kind === 'message-bus' ? 'reachedThroughBus' : 'injectedBy';
        once(`${through.kind} ${step.symbol}`, () => fact(step.site ?? locationOf(index, step.symbol), phrase, SymbolId.label(step.symbol), by));
      }
    }
  }
  return [answerPart(say('dependenciesTopic'), facts, gap('noDependencies', firstFileOf(context, ['api'])))];
}

/** Where a function takes a service from a dependency-injection container by class or name (`Container.get(AuthService)`): the first such call, with the resolver it names. */
function containerResolutions(context: AnswerContext, symbol: string): { location: { path: string; line: number }; resolver: string }[] {
  const { path } = SymbolId.parse(symbol);
  for (const call of context.index.definition(symbol)?.calls ?? []) {
    const resolver = context.index.qualifiedNames(path, call.callee).find((name) => context.frameworks.containerResolvers.has(name));
    if (resolver) return [{ location: { path, line: call.line }, resolver }];
  }
  return [];
}

/** The module-level objects a function calls methods on (`bus.handle(...)` with `bus = bootstrap()`), with what makes them. */
function moduleGlobalsCalled(context: AnswerContext, symbol: string): { variable: string; madeBy: string }[] {
  const { index } = context;
  const { path } = SymbolId.parse(symbol);
  const found: { variable: string; madeBy: string }[] = [];
  for (const call of index.definition(symbol)?.calls ?? []) {
    const parts = call.callee.split('.');
    const head = parts[0] ?? '';
    if (parts.length < 2 || head === 'self' || head === 'this' || isLogging(parts)) continue;
    const variable = index.resolve(path, head);
    const made = variable ? index.definition(variable) : undefined;
    if (variable && made?.kind === 'variable' && made.value && !found.some((entry) => entry.variable === variable)) found.push({ variable, madeBy: `${made.value.callee}()` });
  }
  return found;
}

/** `Optional[OrderRepository]`, `OrderRepository | None` → `OrderRepository`: a collaborator's class is capitalised, a value's type (`str`, `dict[int, int]`) is not. */
function bareName(annotation: string): string {
  return (annotation.match(/[A-Za-z_][\w.]*/g) ?? []).find((name) => !['Optional', 'None', 'Annotated', 'Union', 'typing', 'readonly'].includes(name)) ?? annotation;
}

/** Middleware and request hooks, in the order the code installs them (by where each is installed, then where it is defined). */
export function middlewareAnswer(context: AnswerContext): AnswerPart[] {
  const middleware = context.result.findings.filter((finding) => finding.category === 'middleware' && inScope(context, SymbolId.parse(finding.symbol).path));
  const installed = middleware.map((finding) => ({ finding, site: installationSite(finding) }));
  installed.sort((a, b) => compareSites(a.site, b.site));
  const facts = installed.map(({ finding, site }) => {
    const name = middlewareName(finding);
    // A bean made only under a condition (a property's value, a profile) is no part of every run.
    const conditions = beanConditions(context, finding.symbol);
    if (conditions.length) return fact(locationOf(context.index, finding.symbol), 'middlewareOnlyWhen', name, String(finding.details['framework'] ?? finding.details['rule'] ?? ''), conditions.join(' '));
    return site ? fact(site, 'middlewareInstalled', name, `${site.path}:${site.line + 1}`) : fact(locationOf(context.index, finding.symbol), 'middlewareDefined', name, String(finding.details['framework'] ?? finding.details['rule'] ?? ''));
  });
  return [answerPart(say('middlewareTopic'), [...facts, ...runOrders(context, installed)], gap('noMiddleware', firstFileOf(context, ['api', 'http', 'middleware'])))];
}

/**
 * Where a framework puts each middleware around those added before it (Starlette's `add_middleware`,
 * `@app.middleware("http")`): the order they run on a request, per application object a file adds
 * two or more to, the last added first.
 */
function runOrders(context: AnswerContext, installed: readonly { finding: Finding; site: { path: string; line: number } | undefined }[]): AnswerFact[] {
  const added = new Map<string, { finding: Finding; site: { path: string; line: number } }[]>();
  for (const { finding, site } of installed) {
    const { rule, app, type } = finding.details;
    // Another framework's `@app.middleware("request")` (Sanic's) runs in the order registered.
    if (!context.frameworks.middlewareAddedOutside.has(String(rule)) || typeof app !== 'string' || (type !== undefined && type !== 'http')) continue;
    // A decorator (`@app.middleware("http")`) adds the function where it is defined.
    const at = site ?? { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
    listIn(added, `${at.path}\u0000${app}`).push({ finding, site: at });
  }
  return [...added.values()].flatMap((stack) => {
    stack.sort((a, b) => a.site.line - b.site.line);
    const [first] = stack;
    if (!first || stack.length < 2) return [];
    const order = [...stack].reverse().map(({ finding }) => middlewareName(finding)).join(' → ');
    return [fact(first.site, 'middlewareRunsLastAddedFirst', String(first.finding.details['app']), first.site.path, order)];
  });
}

/** Where a middleware is installed: its first registration site (`app.py:31`, 1-based in the finding), or its own line when it is the installation (`app.use(helmet())`). */
function installationSite(finding: Finding): { path: string; line: number } | undefined {
  const sites = finding.details['registeredAt'];
  const first = Array.isArray(sites) ? String(sites[0]) : undefined;
  const match = first ? /^(.*):(\d+)$/.exec(first) : null;
  if (match?.[1] && match[2]) return { path: match[1], line: Number(match[2]) - 1 };
  // Written in place (`app.use(helmet())`), or an outside class installed where the call is (`app.add_middleware(CORSMiddleware)`).
  if (finding.details['middleware'] !== undefined || finding.details['hook'] !== undefined || isOutsideReference(finding)) return { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
  return undefined;
}

/** A finding that stays at the call naming an outside definition (`details.reference`), not on a definition of the workspace. */
function isOutsideReference(finding: Finding): boolean {
  return typeof finding.details['reference'] === 'string' && SymbolId.isAnonymousName(SymbolId.parse(finding.symbol).name);
}

function middlewareName(finding: Finding): string {
  const written = finding.details['middleware'];
  if (typeof written === 'string') return written;
  const reference = finding.details['reference'];
  // Its module and name (`cors.CORSMiddleware`, `otelfiber.Middleware`): a name alone is often just `Middleware`.
  if (typeof reference === 'string' && isOutsideReference(finding)) return reference.slice(reference.lastIndexOf('/') + 1).split('.').slice(-2).join('.');
  const hook = finding.details['hook'];
  const name = SymbolId.label(finding.symbol);
  return typeof hook === 'string' ? `${name} (${hook})` : name;
}

function compareSites(a: { path: string; line: number } | undefined, b: { path: string; line: number } | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return a.path.localeCompare(b.path) || a.line - b.line;
}

/** The entities, with the sources they were read from. */
export function dataModelAnswer(context: AnswerContext): AnswerPart[] {
  const entities = context.result.dataModel.entities.filter((entity) => inPart(context, entity.location.path));
  const sources = [...new Set(entities.map((entity) => entity.source))].join(', ');
  const facts = entities.map((entity) => fact(entity.location, 'entity', entity.name, entity.table, entity.columns.length, entity.rules.length));
  return [answerPart(say('dataModelTopic', sources || '—'), facts, gap('noEntities', firstFileOf(context, ['domain', 'infrastructure', 'orm'])))];
}
