import type { HandlerFact } from '../parse/facts';
import { type AnswerFact, type AnswerPart, type Finding, type Route, SymbolId, type Trace } from '../result';
import { type AnswerContext, answerPart, detailText, fact, findingSites, findingsByFunction, firstFileOf, functionAt, gap, inScope, layerOfPath, memo, noneFound, routeLocation, tracedFunctions } from './context';
import { stepConditions, studyRoutes } from './flow';
import { uncaughtUniqueInserts } from './idempotency';
import { caughtNames, convertedFrom, exceptionNames, raisedStatus, statusOf } from '../resolve/errorStatus';
import { say } from './phrases';
import { validatedParameters } from './routeContracts';

/** An exception turned into a status somewhere: by an `except` that raises an HTTP error, or by a registered handler. */
interface Conversion {
  /** The caught exception's names. */
  catches: Set<string>;
  /** The first exception as the code writes it, shown to the reader. */
  written: string;
  status: number | undefined;
  location: { path: string; line: number };
  by: string;
}

/** The registered error handlers of the code under study, each with what it handles and the status it answers. */
function handlerConversions(context: AnswerContext): Conversion[] {
  return memo(context, 'error handler conversions', () => {
    const { index } = context;
    return context.result.findings.flatMap((finding): Conversion[] => {
      if (finding.category !== 'error-handler') return [];
      const { path } = SymbolId.parse(finding.symbol);
      if (!inScope(context, path)) return [];
      const handler = handlerFunction(context, finding);
      // As written: `(NotFoundError)`, or a Java annotation's array of class literals `{A.class, B.class}`.
      const handles = String(finding.details['handles'] ?? '').replace(/^[({](.*)[)}]$/, '$1');
      const written = handles.split(',').map((name) => name.trim().replace(/\.class$/, '')).filter(Boolean);
      const catches = new Set(written.length ? written.flatMap((name) => caughtNames(index, path, name)) : ['Error', 'Exception']);
      const status = statusOf(handles) ?? (handler ? statusesIn(context, handler)[0]?.status : undefined);
      return [{ catches, written: written[0] ?? [...catches][0] ?? '?', status, location: findingSites(finding)[0] ?? { path, line: finding.range.start.line }, by: handler ? SymbolId.label(handler) : SymbolId.label(finding.symbol) }];
    });
  });
}

/** The function an error-handler finding registers: the decorated one, the one named in the registration, else none known. */
function handlerFunction(context: AnswerContext, finding: Finding): string | undefined {
  const { path } = SymbolId.parse(finding.symbol);
  const named = finding.details['handler'];
  if (typeof named === 'string' && /^[\w.]+$/.test(named)) return context.index.resolve(path, named);
  if (context.index.definition(finding.symbol)?.kind === 'function' || context.index.definition(finding.symbol)?.kind === 'method') return finding.symbol;
  return functionAt(context.index, path, finding.range.start.line);
}

/** An error status a function answers with: written out (`abort(404)`, `res.status(404)`), or raised as an HTTP error. */
interface StatusSite {
  status: number;
  location: { path: string; line: number };
  /** What the code writes there: `HTTPException`, `abort`, `res.status`. */
  written: string;
  /** The exceptions it converts, when it is raised while handling them. */
  converts: string[];
  /** The condition of the `if` it is written under, as written. */
  condition?: string;
}

function statusesIn(context: AnswerContext, symbol: string): StatusSite[] {
  const { index } = context;
  const { path } = SymbolId.parse(symbol);
  const sites: StatusSite[] = [];
  for (const raised of index.definition(symbol)?.raises ?? []) {
    const status = raisedStatus(index, context.frameworks, path, raised);
    if (status !== undefined && status >= 400) sites.push({ status, location: { path, line: raised.line }, written: raised.exception, converts: convertedFrom(raised), ...(raised.condition ? { condition: raised.condition } : {}) });
  }
  for (const finding of findingsByFunction(context, 'error-response').get(symbol) ?? []) {
    const status = responseStatus(context, finding);
    const condition = detailText(finding.details['condition']);
    if (status !== undefined && status >= 400) sites.push({ status, location: { path, line: finding.range.start.line }, written: detailText(finding.details['response'], detailText(finding.details['kind'], 'status')), converts: [], ...(condition ? { condition } : {}) });
  }
  return sites;
}

/** The status an error-response finding writes: its argument (or the constant a local of that name is set to), else the one its response class is named for (`HttpResponseNotFound`). */
export function responseStatus(context: AnswerContext, finding: Finding): number | undefined {
  const response = detailText(finding.details['response']);
  const written = detailText(finding.details['status']);
  const { path } = SymbolId.parse(finding.symbol);
  const owner = /^[A-Za-z_]\w*$/.test(written) ? functionAt(context.index, path, finding.range.start.line) : undefined;
  const local = owner ? context.index.definition(owner)?.locals?.find((candidate) => candidate.name === written)?.value : undefined;
  return statusOf(local ?? written) ?? context.frameworks.responseStatuses.get(response.slice(response.lastIndexOf('.') + 1));
}

/** Python's `except` clauses that catch every error a request raises. */
const CATCH_ALL = new Set(['Exception', 'BaseException']);

/**
 * Whether an `except` clause catches an exception raised in `raisedPath`: it names the class or
 * an ancestor, or catches everything; `may` when it names an outside class whose relation to the
 * exception the workspace does not show (Django's `BadSignature` and its `SignatureExpired`).
 */
function clauseCatches(context: AnswerContext, raisedPath: string, exception: string, callerPath: string, clause: HandlerFact): 'catches' | 'may' | 'no' {
  const { index } = context;
  const names = exceptionNames(index, raisedPath, exception);
  const raised = index.qualify(raisedPath, exception);
  // Outside ancestors of a workspace exception (or the builtin it is): when all are builtins, no outside library class is among them.
  const ancestry = raised && 'symbol' in raised ? index.ancestry(raised.symbol) : undefined;
  const outsideAncestors = ancestry ? ancestry.names.filter((name) => !ancestry.classes.some((symbol) => index.namesOf({ symbol }).includes(name))) : [raised && 'external' in raised ? raised.external : exception];
  const lineageKnown = outsideAncestors.every((name) => !name.includes('.'));
  let verdict: 'may' | 'no' = 'no';
  for (const written of clause.exceptions) {
    if (CATCH_ALL.has(written) || caughtNames(index, callerPath, written).some((name) => names.has(name))) return 'catches';
    const handler = index.qualify(callerPath, written);
    if (handler && 'symbol' in handler) continue;
    // A builtin handler catches a builtin-rooted exception only through the builtin hierarchy, which only `Exception` roots here.
    const builtinHandler = !written.includes('.') && !handler?.external.includes('.');
    if (lineageKnown && (!builtinHandler || outsideAncestors.every((name) => CATCH_ALL.has(name)))) continue;
    verdict = 'may';
  }
  return verdict;
}

/** A caller on a traced path whose `try` encloses the call towards a raise, with what its `except` clause makes of it. */
interface Catching {
  verdict: 'catches' | 'may';
  caller: string;
  clause: HandlerFact;
  written: string;
}

/**
 * The innermost caller on the path from the route's handler to `stepIndex` whose `try` encloses
 * the call and whose `except` catches (or may catch) the exception; undefined when none does.
 */
function catchingOnPath(context: AnswerContext, trace: Trace, stepIndex: number, raisedPath: string, exception: string): Catching | undefined {
  const { index } = context;
  let current = stepIndex;
  while (current > 0) {
    const depth = trace.steps[current]?.depth ?? 0;
    let parent = current - 1;
    while (parent > 0 && (trace.steps[parent]?.depth ?? 0) >= depth) parent--;
    const site = trace.steps[current]?.site;
    const caller = trace.steps[parent]?.symbol ?? '';
    if (site?.branch === 'try') {
      const call = index.definition(caller)?.calls?.find((candidate) => candidate.line === site.line && candidate.catches);
      for (const clause of call?.catches ?? []) {
        const verdict = clauseCatches(context, raisedPath, exception, SymbolId.parse(caller).path, clause);
        // A clause that raises again (`except PaymentError: ...; raise`) hands the exception on to the callers above.
        if (verdict !== 'no' && !clause.reraises) return { verdict, caller, clause, written: clause.exceptions.join(', ') };
      }
    }
    current = parent;
  }
  return undefined;
}

/**
 * What the traced callers make of an exception `symbol` raises: caught on every path it is
 * reached by (the first catching), possibly caught on some, or left to the framework on one.
 */
function callersCatching(context: AnswerContext, trace: Trace, symbol: string, exception: string): Catching | undefined {
  const found: (Catching | undefined)[] = [];
  trace.steps.forEach((step, stepIndex) => {
    if (step.symbol === symbol && step.via !== 'raise') found.push(catchingOnPath(context, trace, stepIndex, SymbolId.parse(symbol).path, exception));
  });
  if (!found.length || found.includes(undefined)) return undefined;
  return found.find((catching) => catching?.verdict === 'catches' && found.every((other) => other?.verdict === 'catches')) ?? found.find((catching) => catching?.verdict === 'may');
}

/**
 * An exception a method raises through its own class (`raise self.GetBodyError()`), named by that
 * class (`Ping.GetBodyError`) as callers write it in their `except` clauses.
 */
function classAttributeOf(method: string, exception: string): string {
  const owner = SymbolId.owner(method);
  const attribute = /^(?:self|cls)\.([A-Za-z_]\w*)$/.exec(exception)?.[1];
  return owner && attribute ? `${SymbolId.parse(owner).name}.${attribute}` : exception;
}

/** Statuses HTTP defines as temporary, for a client to retry (RFC 9110 15.5.9 408, 15.6.3 502, 15.6.4 503, 15.6.5 504; RFC 6585 4 429). */
const TEMPORARY_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/**
 * When the service answers an error, and with which status: the registered handlers, then each
 * route's statuses — written out or raised as HTTP errors on its trace, and the exceptions of its
 * trace turned into one (by an `except` or a handler) or left to reach the framework. An exception
 * raised several times on a route is told once.
 */
export function errorsAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const handlers = handlerConversions(context);
  const handlerFacts = handlers.map((handler) =>
    handler.status !== undefined ? fact(handler.location, 'handlerAnswers', handler.written, handler.by, handler.status) : fact(handler.location, 'handlerRegistered', handler.written, handler.by),
  );
  const routeFacts: AnswerFact[] = [];
  const serverFacts: AnswerFact[] = [];
  // Each assert is told with the first route that reaches it: a helper many routes call would repeat it for each.
  const assertsTold = new Set<string>();
  const retryFacts: AnswerFact[] = [];
  const traced = new Set<string>();
  for (const route of studyRoutes(context)) {
    const name = `${route.method} ${route.path}`;
    const trace = context.traceOf(route);
    const functions = tracedFunctions(trace);
    for (const symbol of functions) traced.add(symbol);
    const sites = functions.flatMap((symbol) => statusesIn(context, symbol));
    const told = new Set<string>();
    for (const site of sites) {
      const key = `${site.status} ${site.converts.join(',')}`;
      if (told.has(key)) continue;
      told.add(key);
      routeFacts.push(site.converts.length ? fact(site.location, 'routeConverts', name, site.status, site.converts.join(', ')) : site.condition ? fact(site.location, 'routeAnswersWhen', name, site.status, site.written, site.condition) : fact(site.location, 'routeAnswers', name, site.status, site.written));
      if (TEMPORARY_STATUSES.has(site.status)) retryFacts.push(fact(site.location, 'routeRetryable', name, site.status));
    }
    routeFacts.push(...authRefusalFacts(context, route, name));
    const conversions: Conversion[] = [
      ...sites.filter((site) => site.converts.length).map((site) => ({ catches: new Set(site.converts.flatMap((written) => caughtNames(index, site.location.path, written))), written: site.converts[0] ?? '?', status: site.status, location: site.location, by: site.written })),
      ...handlers,
    ];
    for (const symbol of functions) {
      const { path } = SymbolId.parse(symbol);
      for (const written of index.definition(symbol)?.raises ?? []) {
        const raised = { ...written, exception: classAttributeOf(symbol, written.exception) };
        if (raised.returned || raised.asserted || raisedStatus(index, context.frameworks, path, raised) !== undefined || told.has(raised.exception)) continue;
        told.add(raised.exception);
        const names = exceptionNames(index, path, raised.exception);
        const conversion = conversions.find((candidate) => [...names].some((name) => candidate.catches.has(name)));
        const location = { path, line: raised.line };
        const catching = callersCatching(context, trace, symbol, raised.exception);
        const answered = catching && statusesIn(context, catching.caller).find((site) => site.location.line >= catching.clause.line && site.location.line <= catching.clause.end);
        // An HTTP error raised in the catching clause is the conversion told below, where it is raised.
        if (catching && !(catching.verdict === 'catches' && answered?.converts.length)) {
          const clauseLocation = { path: SymbolId.parse(catching.caller).path, line: catching.clause.line };
          if (catching.verdict === 'may') routeFacts.push(fact(clauseLocation, 'routeMayBeCaught', name, raised.exception, SymbolId.label(symbol), catching.written, SymbolId.label(catching.caller)));
          else if (answered) routeFacts.push(fact(answered.location, 'routeCaughtAnswers', name, raised.exception, SymbolId.label(symbol), SymbolId.label(catching.caller), answered.status));
          else routeFacts.push(fact(clauseLocation, 'routeCaught', name, raised.exception, SymbolId.label(symbol), SymbolId.label(catching.caller)));
        } else if (!conversion) serverFacts.push(fact(location, 'routeUncaught', name, raised.exception, SymbolId.label(symbol)));
        else if (conversion.status !== undefined) routeFacts.push(fact(location, 'routeMapped', name, raised.exception, SymbolId.label(symbol), conversion.status, conversion.by));
      }
    }
    serverFacts.push(...uncaughtAsserts(context, route, trace, handlers, assertsTold));
    const status = context.frameworks.uncaughtErrors.get(route.framework)?.status ?? 500;
    for (const insert of uncaughtUniqueInserts(context, route, trace)) {
      serverFacts.push(insert.checked ? fact(insert.rule.location, 'routeUniqueInsertRace', name, insert.entity.name, insert.rule.text, status, insert.checked.status, insert.checked.condition) : fact(insert.rule.location, 'routeUniqueInsertUncaught', name, insert.entity.name, insert.rule.text, status));
    }
  }
  if (!handlers.length) handlerFacts.push(...uncaughtFacts(context));
  return [
    answerPart(say('errorHandlersTopic'), handlerFacts, noneFound('noErrorHandlers')),
    answerPart(say('routeErrorsTopic'), [...invalidRequestFacts(context), ...eachSiteFirst(routeFacts), ...untracedStatuses(context, traced)], gap('noRouteErrors', firstFileOf(context, ['api', 'http']))),
    answerPart(say('serverErrorsTopic'), eachSiteFirst(serverFacts), noneFound('noServerErrors')),
    answerPart(say('retryTopic'), retryFacts, noneFound('noRetryable')),
  ];
}

/**
 * The asserts a route reaches that nothing on its way catches (`assert settings.emails_enabled` in a
 * mail helper a handler calls): when the asserted condition does not hold, the request fails with
 * the framework's answer to an uncaught error. A step reached only under an `if` is left out: that
 * `if` may well test what the assert asserts (a setting's property the scan does not read through);
 * an assert that only narrows a type states no condition of the run.
 */
function uncaughtAsserts(context: AnswerContext, route: Route, trace: Trace, handlers: readonly Conversion[], told: Set<string>): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const name = `${route.method} ${route.path}`;
  const conditions = stepConditions(context, trace.steps);
  const status = context.frameworks.uncaughtErrors.get(route.framework)?.status ?? 500;
  trace.steps.forEach((step, position) => {
    if (step.external || step.unresolved || step.via === 'raise') return;
    const { path } = SymbolId.parse(step.symbol);
    for (const raised of context.index.definition(step.symbol)?.raises ?? []) {
      const asserted = raised.condition ?? '';
      if (!raised.asserted || TYPE_GUARD.test(asserted || '0') || conditions[position] !== undefined || told.has(`${path}:${raised.line}`)) continue;
      if (callersCatching(context, trace, step.symbol, 'AssertionError') || handlers.some((handler) => [...exceptionNames(context.index, path, 'AssertionError')].some((caught) => handler.catches.has(caught)))) continue;
      told.add(`${path}:${raised.line}`);
      facts.push(fact({ path, line: raised.line }, 'routeAssertUncaught', name, SymbolId.label(step.symbol), asserted, status));
    }
  });
  return facts;
}

/** The facts with each place's first one before any repeat (the same status of a shared function, told for each of its routes): a list cut short still shows every place. */
function eachSiteFirst(facts: readonly AnswerFact[]): AnswerFact[] {
  const seen = new Set<string>();
  const first: AnswerFact[] = [];
  const repeats: AnswerFact[] = [];
  for (const told of facts) {
    const key = `${told.location.path}:${told.location.line}`;
    (seen.has(key) ? repeats : first).push(told);
    seen.add(key);
  }
  return [...first, ...repeats];
}

/** The error responses written in functions no traced route goes through (a decorator's wrapper, a view no route reaches): told with their function. */
function untracedStatuses(context: AnswerContext, traced: ReadonlySet<string>): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const [owner, findings] of findingsByFunction(context, 'error-response')) {
    if (traced.has(owner)) continue;
    for (const finding of findings) {
      const status = responseStatus(context, finding);
      const location = { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
      if (status === undefined || status < 400) continue;
      const condition = detailText(finding.details['condition']);
      const response = detailText(finding.details['response'], detailText(finding.details['kind'], 'status'));
      facts.push(condition ? fact(location, 'answersOffTracesWhen', SymbolId.label(owner), status, response, condition) : fact(location, 'answersOffTraces', SymbolId.label(owner), status, response));
    }
  }
  return facts;
}

/** An auth object's error handler (Flask-HTTPAuth's `@auth.error_handler`), by the auth object's symbol. */
interface AuthHandler {
  handler: string;
  status: number;
}

/** The error handlers registered on an object (`token_auth.error_handler`) with the status they answer, by that object's symbol. */
function authHandlers(context: AnswerContext): ReadonlyMap<string, AuthHandler> {
  return memo(context, 'authHandlers', () => {
    const handlers = new Map<string, AuthHandler>();
    for (const finding of context.result.findings) {
      const decorator = detailText(finding.details['decorator']);
      const status = statusOf(detailText(finding.details['handles']));
      if (finding.category !== 'error-handler' || !decorator.endsWith('.error_handler') || status === undefined) continue;
      const object = context.index.resolve(SymbolId.parse(finding.symbol).path, decorator.slice(0, -'.error_handler'.length));
      if (object) handlers.set(object, { handler: finding.symbol, status });
    }
    return handlers;
  });
}

/** A route whose handler wears a decorator of an auth object with an error handler (`@token_auth.login_required`): refused credentials are answered by that handler. */
function authRefusalFacts(context: AnswerContext, route: Route, name: string): AnswerFact[] {
  const handlers = authHandlers(context);
  if (!handlers.size) return [];
  const { path } = SymbolId.parse(route.handler);
  return (context.index.definition(route.handler)?.decorators ?? []).flatMap((decorator) => {
    const object = decorator.includes('.') ? context.index.resolve(path, decorator.slice(0, decorator.lastIndexOf('.'))) : undefined;
    const auth = object ? handlers.get(object) : undefined;
    return auth ? [fact(routeLocation(context.index, route), 'routeAnswersAuth', name, auth.status, SymbolId.label(object ?? ''), decorator, SymbolId.label(auth.handler))] : [];
  });
}

/** One fact per web framework, at its first route of the study for which `tell` gives one. */
function oncePerFramework(context: AnswerContext, tell: (route: Route) => AnswerFact | undefined): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const told = new Set<string>();
  for (const route of studyRoutes(context)) {
    if (told.has(route.framework)) continue;
    const said = tell(route);
    if (!said) continue;
    told.add(route.framework);
    facts.push(said);
  }
  return facts;
}

/** What a web framework answers, before the handler runs, for a request failing the types its handler declares (the framework files' `invalidRequest`), at its first route whose handler takes parameters the framework validates. */
function invalidRequestFacts(context: AnswerContext): AnswerFact[] {
  return oncePerFramework(context, (route) => {
    const invalid = context.frameworks.invalidRequests.get(route.framework);
    return invalid && validatedParameters(context, route.handler).length ? fact(routeLocation(context.index, route), 'frameworkAnswersInvalid', route.framework, invalid.status, invalid.by) : undefined;
  });
}

/** Without an exception handler of the application's, what its web framework answers for an exception nothing catches (the framework files' `uncaughtError`), at its first route. */
function uncaughtFacts(context: AnswerContext): AnswerFact[] {
  return oncePerFramework(context, (route) => {
    const uncaught = context.frameworks.uncaughtErrors.get(route.framework);
    return uncaught ? fact(routeLocation(context.index, route), 'frameworkAnswersUncaught', route.framework, uncaught.by, uncaught.status) : undefined;
  });
}

/**
 * An assert that only narrows a type or marks a branch that cannot be reached (`assert 0`,
 * `assert isinstance(v, str)`, `assert x is not None`): it tells a type checker or a reader what
 * holds, not a rule of the business.
 */
const TYPE_GUARD = /^(?:0|False|None|isinstance\(.*\)|[\w.]+ is (?:not )?None)$/;

/** The refusals of the functions of the layers `wanted` picks: guards under a condition, then (with `always`) raises without one, then asserts that state more than a type. */
function guards(context: AnswerContext, wanted: (layer: string, owner: string | undefined) => boolean, always: boolean): AnswerFact[] {
  const { index, result } = context;
  const refusals: AnswerFact[] = [];
  const asserts: AnswerFact[] = [];
  for (const file of result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (!definition.raises || definition.notImplemented) continue;
      const owner = definition.kind === 'method' ? SymbolId.owner(symbol) : undefined;
      if (!wanted(file.layer, owner)) continue;
      for (const raised of definition.raises) {
        const location = { path: file.path, line: raised.line };
        const subject = SymbolId.label(symbol);
        const refusal = `${raised.exception}${raised.message ? `("${raised.message}")` : ''}`;
        if (raised.asserted) {
          if (!TYPE_GUARD.test(raised.condition ?? '0')) asserts.push(fact(location, 'asserts', subject, raised.condition ?? '?'));
        } else if (raised.condition) refusals.push(fact(location, raised.returned ? 'refusesWithValue' : 'refusesWhen', subject, raised.condition, refusal));
        else if (raised.message && always) refusals.push(fact(location, 'raisesAlways', subject, refusal));
        // Go's last `return ErrX` after the guards that return early: what every other case gets.
        else if (raised.returned && always) refusals.push(fact(location, 'returnsErrorOtherwise', subject, refusal));
      }
    }
  }
  return [...refusals, ...asserts];
}

/**
 * Guard clauses of the code under study that refuse once a value reaches a bound (`if sent >=
 * self.sms_limit: return False`), in any layer: limits are rules wherever a handler checks them.
 * The domain's first, then those that answer with a value before those that only stop.
 */
function limitFacts(context: AnswerContext): AnswerFact[] {
  const ranked: { rank: number; told: AnswerFact }[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      for (const refusal of definition.refusals ?? []) {
        if (!refusal.bound) continue;
        const rank = (file.layer === 'domain' ? 0 : 2) + (refusal.returns ? 0 : 1);
        ranked.push({ rank, told: fact({ path: file.path, line: refusal.line }, refusal.returns ? 'refusesAtBound' : 'stopsAtBound', SymbolId.label(symbol), refusal.condition, refusal.returns) });
      }
    }
  }
  return ranked.sort((a, b) => a.rank - b.rank).map(({ told }) => told);
}

/**
 * Statuses that refuse a request for breaking a rule of the business (RFC 9110: 400 a request it
 * will not process, 403 one it refuses, 409 a conflict with the current state, 422 content it
 * cannot process), not for a missing resource (404), authentication (401) or a method (405).
 */
const RULE_STATUSES: ReadonlySet<number> = new Set([400, 403, 409, 422]);

/** The guards of the API layer's functions (handlers and their helpers) that refuse a request with such a status under a condition: rules the handlers enforce. */
function handlerRuleFacts(context: AnswerContext): AnswerFact[] {
  const { index, result } = context;
  const facts: AnswerFact[] = [];
  for (const file of result.files) {
    if (file.layer !== 'api' || !inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      for (const raised of definition.raises ?? []) {
        const status = raisedStatus(index, context.frameworks, file.path, raised);
        if (status === undefined || !RULE_STATUSES.has(status) || !raised.condition) continue;
        facts.push(fact({ path: file.path, line: raised.line }, 'handlerRefuses', SymbolId.label(symbol), status, raised.condition, `${raised.exception}${raised.message ? `("${raised.message}")` : ''}`));
      }
    }
  }
  for (const [owner, findings] of findingsByFunction(context, 'error-response')) {
    for (const finding of findings) {
      const { path } = SymbolId.parse(finding.symbol);
      const status = responseStatus(context, finding);
      const condition = detailText(finding.details['condition']);
      if (layerOfPath(result, path) !== 'api' || status === undefined || !RULE_STATUSES.has(status) || !condition) continue;
      facts.push(fact({ path, line: finding.range.start.line }, 'handlerRefuses', SymbolId.label(owner), status, condition, detailText(finding.details['response'], 'status')));
    }
  }
  return facts;
}

/** Where the domain refuses: guards that raise (or return an error) under a condition, and asserts, in the domain layer and in model classes; the limits checked anywhere. Without domain guards, the services' guards under a condition, told as theirs. */
export function invariantsAnswer(context: AnswerContext): AnswerPart[] {
  const { result } = context;
  const models = new Set(result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol));
  const domainFacts = guards(context, (layer, owner) => layer === 'domain' || (owner !== undefined && models.has(owner)), true);
  // A service with no domain guard (transaction scripts) enforces its rules in its services: told as theirs, guards under a condition only.
  const serviceFacts = domainFacts.length ? [] : guards(context, (layer) => layer === 'application', false);
  const limits = limitFacts(context);
  const handlerRules = handlerRuleFacts(context);
  const schemaRules = result.dataModel.entities.flatMap((entity) =>
    entity.rules.filter((rule) => rule.kind === 'check' || rule.kind === 'unique').map((rule) => fact(rule.location, 'schemaRule', entity.name, rule.text)),
  );
  return [
    ...(limits.length ? [answerPart(say('limitsTopic'), limits)] : []),
    serviceFacts.length ? answerPart(say('serviceRulesTopic'), serviceFacts) : answerPart(say('invariantsTopic'), domainFacts, gap('noInvariants', firstFileOf(context, ['domain', 'application']))),
    ...(handlerRules.length ? [answerPart(say('handlerRulesTopic'), handlerRules)] : []),
    ...(schemaRules.length ? [answerPart(say('schemaRulesTopic'), schemaRules)] : []),
  ];
}
