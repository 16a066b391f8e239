import type { CallSite, SymbolDefinition } from '../parse/facts';
import { stepLabel } from '../render/trace';
import { type AnswerFact, type AnswerPart, type Finding, type SourceLocation, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, findingSites, firstFileOf, gap, inPart, inScope, layerOfPath, locationOf, memo, routeLocation } from './context';
import { doesWork, stepLocation } from './flow';
import { raisedStatus } from '../resolve/errorStatus';
import { PHRASES, say } from './phrases';

/** A function or method of the code under study, with its definition. */
interface Defined {
  symbol: string;
  path: string;
  definition: SymbolDefinition;
}

/** Every function, method and class of the code under study, once per context. */
function studyDefinitions(context: AnswerContext): Defined[] {
  return memo(context, 'study definitions', () =>
    context.result.files.filter((file) => inScope(context, file.path)).flatMap((file) => [...context.index.definitionsIn(file.path)].map(({ symbol, definition }) => ({ symbol, path: file.path, definition }))),
  );
}

/** The application objects' request entries: methods a server calls with a request (ASGI's and WSGI's `__call__`), as the framework files define them. */
function requestEntries(context: AnswerContext): { symbol: string; protocol: string; parameters: string[] }[] {
  const found: { symbol: string; protocol: string; parameters: string[] }[] = [];
  for (const { symbol, definition } of studyDefinitions(context)) {
    if (definition.kind !== 'method') continue;
    const name = SymbolId.parse(symbol).name.split('.').pop();
    const parameters = (definition.parameters ?? []).slice(1).map((parameter) => parameter.name);
    for (const entry of context.frameworks.requestEntries) {
      const matches = entry.method === name && entry.parameters.length === parameters.length && entry.parameters.every((written, position) => written.split('|').includes(parameters[position] ?? ''));
      if (matches) found.push({ symbol, protocol: entry.protocol, parameters });
    }
  }
  return found;
}

/** Steps of a request's way in that the answer lists, at most. */
const MAX_ENTRY_STEPS = 15;

/**
 * The request's way in: the application object's entry (of the objects a server can call, the
 * one that wraps no other application and has most methods), traced through what it calls; the
 * other entries listed after it, those that wrap an application (middleware) said so.
 */
export function requestEntryAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const entries = requestEntries(context).map((entry) => {
    const owner = SymbolId.owner(entry.symbol) ?? entry.symbol;
    const wraps = index.definition(`${owner}.__init__`)?.parameters?.[1]?.name === 'app';
    return { ...entry, owner, wraps, methods: index.methodsOf(owner).length };
  });
  entries.sort((a, b) => Number(a.wraps) - Number(b.wraps) || b.methods - a.methods || a.symbol.localeCompare(b.symbol));
  const [application, ...others] = entries;
  if (!application) return [answerPart(say('entryTopic'), [], gap('noEntry', firstFileOf(context, ['http', 'core', 'routing'])))];
  const facts: AnswerFact[] = [fact(locationOf(index, application.symbol), 'entryIs', SymbolId.label(application.symbol), application.protocol, application.parameters.join(', '))];
  const trace = context.traceFrom(application.symbol, `${application.protocol} ${SymbolId.label(application.symbol)}`);
  const seen = new Set<string>([application.symbol]);
  for (const step of trace.steps) {
    if (!doesWork(context, step) || seen.has(step.symbol) || facts.length > MAX_ENTRY_STEPS) continue;
    seen.add(step.symbol);
    facts.push(fact(stepLocation(step), 'entryStep', stepLabel(step), step.layer));
  }
  const otherFacts = others.map((entry) => fact(locationOf(index, entry.symbol), entry.wraps ? 'otherEntryWraps' : 'otherEntry', SymbolId.label(entry.symbol), entry.protocol));
  return [answerPart(say('entryTraceTopic', SymbolId.label(application.symbol)), facts), ...(otherFacts.length ? [answerPart(say('otherEntriesTopic'), otherFacts)] : [])];
}

/** Types a framework converts a handler's return from: Python's built-ins a view may return, `None`, and a response class. */
const RETURN_TYPES = /^(str|bytes|bytearray|dict|list|tuple|int|None|[\w.]*Response)$/;

/** Type tests of one value told per converter, at most. */
const MAX_CONVERSIONS = 8;

/**
 * The handler's contract, from the code that calls it: the functions of the framework that test
 * the type of one value against what a view returns (`isinstance(res, tuple)`, `not isinstance(res,
 * Response)`, `output is None`) and a response type, each test with what it does; where the value
 * comes from (`res = await invoke_handler(f, req, **req.url_args)`: what the handler is given); and
 * handler parameters typed as a callable that returns a response (`func: Callable[[Request], Response]`).
 */
export function handlerContractAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const converters: { symbol: string; subject: string; checks: NonNullable<SymbolDefinition['typeChecks']> }[] = [];
  const typed: AnswerFact[] = [];
  for (const { symbol, definition } of studyDefinitions(context)) {
    if (definition.kind !== 'function' && definition.kind !== 'method') continue;
    const bySubject = new Map<string, NonNullable<SymbolDefinition['typeChecks']>>();
    for (const check of definition.typeChecks ?? []) bySubject.set(check.subject, [...(bySubject.get(check.subject) ?? []), check]);
    for (const [subject, checks] of bySubject) {
      const types = new Set(checks.flatMap((check) => check.types).filter((type) => RETURN_TYPES.test(type)));
      // A response among the types tested or made by a test's block, or a converter named for responses: a value a view returned, not any argument.
      const aboutResponses = [...types].some((type) => /Response$/.test(type)) || checks.some((check) => /Response\(/.test(check.then)) || /respon/i.test(SymbolId.label(symbol));
      if (checks.length >= 2 && types.size >= 2 && aboutResponses) converters.push({ symbol, subject, checks });
    }
    for (const parameter of definition.parameters ?? []) {
      if (/^(typing\.)?Callable\[\[/.test(parameter.annotation ?? '') && /Response/.test(parameter.annotation ?? '')) typed.push(fact(locationOf(index, symbol), 'handlerTyped', SymbolId.label(symbol), parameter.name, parameter.annotation ?? ''));
    }
  }
  converters.sort((a, b) => b.checks.length - a.checks.length || a.symbol.localeCompare(b.symbol));
  const facts: AnswerFact[] = [...typed];
  for (const { symbol, subject, checks } of converters) {
    const label = SymbolId.label(symbol);
    // The value as it is before the first test of its type proper (a test for `None` may come first, of a value not made yet).
    const from = (checks.find((check) => check.from && !check.types.includes('None')) ?? checks.find((check) => check.from))?.from;
    const parameter = index.definition(symbol)?.parameters?.some((candidate) => candidate.name === subject);
    const { path } = SymbolId.parse(symbol);
    if (parameter) facts.push(fact(locationOf(index, symbol), 'handlerValueParameter', label, subject));
    else if (from) facts.push(fact({ path, line: from.line }, 'handlerValueFrom', label, from.text));
    for (const check of checks.slice(0, MAX_CONVERSIONS)) facts.push(fact({ path, line: check.line }, check.negated ? 'convertsOtherTypes' : 'convertsType', label, subject, check.types.join(' | '), check.then));
  }
  return [answerPart(say('handlerContractTopic'), facts, gap('noHandlerContract', firstFileOf(context, ['routing', 'http', 'core'])))];
}

/** Path parameters: the converter classes, the tables naming them, and the functions that compile route patterns into regular expressions. */
export function routeParametersAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  const converters = new Set<string>();
  for (const { symbol, definition } of studyDefinitions(context)) {
    if (definition.kind !== 'class') continue;
    const methods = index.methodsOf(symbol).map((method) => method.name).filter((name) => CONVERTER_METHODS.has(name));
    const named = /conver(t|s)[eo]r/i.test(definition.name);
    // `to_string` alone makes no converter: many classes can say themselves as text.
    if (!named && !methods.some((name) => name !== 'to_string')) continue;
    converters.add(symbol);
    facts.push(fact(locationOf(index, symbol), 'converter', SymbolId.label(symbol), methods.join(', ') || '—'));
  }
  for (const table of namedTables(context, (value) => converters.has(value))) facts.push(fact(table.location, 'converterTable', SymbolId.label(table.symbol), table.keys.join(', ')));
  for (const { symbol, path, definition } of studyDefinitions(context)) {
    if (definition.kind !== 'function' && definition.kind !== 'method') continue;
    const compiles = isRouting(context, path, symbol) ? (definition.calls ?? []).filter((call) => PATTERN_COMPILERS.some((name) => index.qualifiedNames(path, call.callee).includes(name))) : [];
    const compiler = compiles[0]?.callee;
    if (compiler) {
      // An expression searched with where it is compiled (`re.compile(…).findall(path)`) is kept nowhere: the function reads text with it, which proves no more.
      const usedInPlace = (compile: CallSite) => (definition.calls ?? []).find((call) => call.line === compile.line && call.callee.startsWith(`${compile.callee}().`));
      const inPlace = compiles.map(usedInPlace);
      const used = inPlace[0];
      facts.push(used && inPlace.every(Boolean) ? fact(locationOf(index, symbol), 'searchesWithPatterns', SymbolId.label(symbol), used.callee) : fact(locationOf(index, symbol), 'compilesPatterns', SymbolId.label(symbol), compiler));
      if (definition.kind === 'method') facts.push(...patternClassFacts(context, SymbolId.owner(symbol) ?? symbol));
    }
  }
  return [answerPart(say('routeParametersTopic'), [...writtenPatternFacts(context), ...facts, ...delegatedRoutingFacts(context)], gap('noConverters', firstFileOf(context, ['routing', 'core'])))];
}

/**
 * What the class that compiles route patterns keeps about parameter types: its tables keyed by a
 * type's name (`segment_patterns = {'string': …, 'int': …}`) and the methods that add a type
 * (`register_type`), with the parameters they take.
 */
function patternClassFacts(context: AnswerContext, owner: string): AnswerFact[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  for (const attribute of index.definition(owner)?.attributes ?? []) {
    const keys = attribute.shape?.kind === 'dict' ? attribute.shape.entries.map(({ key }) => (key.kind === 'string' ? `"${key.value}"` : '')) : [];
    if (keys.length && keys.every(Boolean)) facts.push(fact({ path: SymbolId.parse(owner).path, line: attribute.line }, 'parameterTypeTable', `${SymbolId.label(owner)}.${attribute.name}`, keys.join(', ')));
  }
  for (const method of index.methodsOf(owner)) {
    if (!/^(register|add)_?\w*(type|converter|convertor)s?$/i.test(method.name)) continue;
    const symbol = `${owner}.${method.name}`;
    const parameters = (index.definition(symbol)?.parameters ?? []).slice(1).map((parameter) => parameter.name);
    facts.push(fact(locationOf(index, symbol), 'addsParameterType', SymbolId.label(symbol), parameters.join(', ') || '—'));
  }
  return facts;
}

/**
 * How the routes write their parameters, quoted from two of their declarations (a plain one and
 * one with a type or pattern, when there is one): the routes table writes every parameter `{name}`.
 */
function writtenPatternFacts(context: AnswerContext): AnswerFact[] {
  const { index } = context;
  const written: { pattern: string; location: { path: string; line: number } }[] = [];
  for (const route of context.result.routes) {
    if (!route.path.includes('{') || !inPart(context, SymbolId.parse(route.handler).path)) continue;
    const calls = Object.values(index.definition(route.handler)?.decoratorCalls ?? {});
    const pattern = calls.map((call) => call.args[0] ?? '').find((argument) => /^(['"`]).*\1$/.test(argument) && !argument.includes('{'));
    if (pattern) written.push({ pattern, location: routeLocation(index, route) });
  }
  const typed = (entry: { pattern: string }) => /[:(]/.test(entry.pattern);
  const shown = [written.find((entry) => !typed(entry)), written.find(typed)].filter((entry) => entry !== undefined);
  return shown.map((entry) => fact(entry.location, 'routeWrittenAs', entry.pattern));
}

/** What makes a regular expression of a route's pattern: Python's `re.compile`, JavaScript's `RegExp`. */
const PATTERN_COMPILERS = ['re.compile', 'RegExp'];

/** Methods a path parameter converter has: `convert`, `to_python`, `to_url`, `to_string`. */
const CONVERTER_METHODS = new Set(['convert', 'to_python', 'to_url', 'to_string']);

/** Routing code: in the routing layer, in a file named for routes, or a function or class named for routes, URLs or patterns. */
function isRouting(context: AnswerContext, path: string, symbol: string): boolean {
  // A middleware's own matching (which paths a CORS middleware answers) picks no handler.
  const owner = SymbolId.owner(symbol);
  if (owner && middlewareClasses(context).has(owner)) return false;
  return layerOfPath(context.result, path) === 'routing' || /rout/i.test(path) || /rout|url|pattern/i.test(SymbolId.parse(symbol).name);
}

/** The classes found as middleware. */
function middlewareClasses(context: AnswerContext): ReadonlySet<string> {
  return memo(context, 'middlewareClasses', () => new Set(context.result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol)));
}

/** A call that adds a route to a router (`app.add_route('/things/{id}', resource)`, `add_url_rule`, `add_api_route`). */
const ADDS_ROUTE = /(^|\.)(add_route|add_url_rule|add_api_route)$/;

/**
 * Where the code makes another web framework's application with that framework's router maker
 * (the framework files' `routers.makers`: `falcon.API()`) and adds its routes to it: that
 * framework's router matches requests, so which route wins and how a path's fields are parsed are
 * its rules, not this code's.
 */
function delegatedRoutingFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const told = new Set<string>();
  for (const { path, symbol, definition } of studyDefinitions(context)) {
    const calls = definition.calls ?? [];
    const adds = calls.find((call) => ADDS_ROUTE.test(call.callee));
    if (!adds) continue;
    for (const call of calls) {
      const qualified = context.index.qualify(path, call.callee);
      const router = qualified && 'external' in qualified ? context.frameworks.routerMakers.get(qualified.external) : undefined;
      if (!router || told.has(router.name)) continue;
      told.add(router.name);
      facts.push(fact({ path, line: adds.line }, 'routesHandedTo', SymbolId.label(symbol), router.name, call.callee, adds.callee));
    }
  }
  return facts;
}

/** Dictionaries of the code under study whose values (instances or classes) are all `wanted` workspace classes: their keys. */
function namedTables(context: AnswerContext, wanted: (symbol: string) => boolean): { symbol: string; location: { path: string; line: number }; keys: string[] }[] {
  const { index } = context;
  const tables: { symbol: string; location: { path: string; line: number }; keys: string[] }[] = [];
  for (const { symbol, path, definition } of studyDefinitions(context)) {
    const shapes = definition.kind === 'variable' ? [{ name: symbol, shape: definition.shape, line: definition.range.start.line }] : definition.kind === 'class' ? (definition.attributes ?? []).map((attribute) => ({ name: `${symbol}.${attribute.name}`, shape: attribute.shape, line: attribute.line })) : [];
    for (const { name, shape, line } of shapes) {
      if (shape?.kind !== 'dict' || !shape.entries.length) continue;
      const all = shape.entries.every(({ value }) => {
        const written = value.kind === 'call' ? value.callee : value.kind === 'name' ? value.value : undefined;
        const resolved = written ? index.resolve(path, written) : undefined;
        return resolved !== undefined && wanted(resolved);
      });
      if (all) tables.push({ symbol: name, location: { path, line }, keys: shape.entries.map(({ key }) => (key.kind === 'string' ? `"${key.value}"` : key.kind === 'name' ? key.value : '?')) });
    }
  }
  return tables;
}

/** Which route wins: the routing code's loops over its routes (the first that matches answers) and the sorts that order them. */
export function routePrecedenceAnswer(context: AnswerContext): AnswerPart[] {
  const facts: AnswerFact[] = [];
  const walked: { list: string; walker: string; location: SourceLocation }[] = [];
  for (const { symbol, path, definition } of studyDefinitions(context)) {
    if (!isRouting(context, path, symbol)) continue;
    // A loop over the routes that matches each: the first that matches answers.
    const matcher = definition.calls?.find((call) => /(^|\.)match(es)?$/.test(call.callee))?.callee;
    for (const loop of matcher ? (definition.iterates ?? []) : []) {
      // A list held by the router (`self.routes`, `self.url_map`), not a search made on the spot.
      if (/rout|rule|pattern|url/i.test(loop.iterable) && !loop.iterable.includes('(')) {
        facts.push(fact({ path, line: loop.line }, 'triesInOrder', SymbolId.label(symbol), loop.iterable, matcher ?? ''));
        walked.push({ list: loop.iterable, walker: symbol, location: { path, line: loop.line } });
      }
    }
    for (const call of definition.calls ?? []) {
      const [, list, method] = /^(.*(?:rout|rule|pattern|url)\w*)\.(sort|find)$/i.exec(call.callee) ?? [];
      if (list && method) facts.push(fact({ path, line: call.line }, method === 'sort' ? 'sortsRoutes' : 'findsFirstRoute', SymbolId.label(symbol), list));
    }
  }
  facts.push(...registrationOrderFacts(context, walked, facts), ...delegatedRoutingFacts(context));
  if (!facts.length) {
    // No loop to read the order from: the router's matching methods are where to read it.
    for (const { symbol, path, definition } of studyDefinitions(context)) {
      const name = SymbolId.parse(symbol).name.split('.').pop() ?? '';
      if (definition.kind === 'method' && isRouting(context, path, symbol) && ROUTE_MATCHERS.test(name)) facts.push(fact(locationOf(context.index, symbol), 'routeMatcher', SymbolId.label(symbol)));
    }
  }
  const part = answerPart(say('precedenceTopic'), facts, gap('noPrecedence', firstFileOf(context, ['routing', 'core'])));
  if (facts.length && facts.every((candidate) => candidate.phrase === PHRASES.routeMatcher)) part.gap = gap('precedenceInMatcher', facts[0]?.location);
  return [part];
}


/**
 * A list of routes that registration appends to, walked in order by the matcher and sorted
 * nowhere: the first registered route that matches wins, whatever its pattern.
 */
function registrationOrderFacts(context: AnswerContext, walked: readonly { list: string; walker: string; location: SourceLocation }[], told: readonly AnswerFact[]): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const { list, walker, location } of walked) {
    if (told.some((candidate) => candidate.phrase === PHRASES.sortsRoutes && candidate.terms[1] === list)) continue;
    const appends = studyDefinitions(context)
      .filter(({ path }) => path === location.path)
      .flatMap(({ symbol, definition }) => [...(definition.calls ?? []), ...(definition.innerCalls ?? [])].filter((call) => call.callee === `${list}.append` || call.callee === `${list}.push`).map((call) => ({ symbol, line: call.line })))
      .sort((a, b) => a.line - b.line)[0];
    if (appends) facts.push(fact({ path: location.path, line: appends.line }, 'firstRegisteredWins', SymbolId.label(appends.symbol), list, SymbolId.label(walker), `${location.path}:${location.line + 1}`));
  }
  return facts;
}

/** The workspace method a hook loop iterates the result of (`self.get_request_handlers(...)`, a method of the loop's class or a function of its module), with its signature. */
function hookListMethod(context: AnswerContext, symbol: string, iterable: string): { signature: string; location: { path: string; line: number } } | undefined {
  const called = /^(self\.)?(\w+)\(/.exec(iterable);
  if (!called?.[2]) return undefined;
  const { path } = SymbolId.parse(symbol);
  const owner = SymbolId.owner(symbol);
  const method = called[1] ? (owner ? `${owner}.${called[2]}` : undefined) : context.index.resolve(path, called[2]);
  const definition = method ? context.index.definition(method) : undefined;
  if (!method || !definition || (definition.kind !== 'method' && definition.kind !== 'function')) return undefined;
  const parameters = (definition.parameters ?? []).slice(definition.kind === 'method' ? 1 : 0).map((parameter) => (parameter.default !== undefined ? `${parameter.name}=${parameter.default}` : parameter.name));
  return { signature: `${SymbolId.label(method)}(${parameters.join(', ')})`, location: locationOf(context.index, method) };
}

/** The framework's middleware: its base classes and what they hook into, and where the chain is run and in which order. */
export function middlewareProtocolAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  const told = new Set<string>();
  const tell = (symbol: string, hooks: readonly string[]) => {
    if (!hooks.length || told.has(symbol)) return;
    told.add(symbol);
    facts.push(fact(locationOf(index, symbol), 'middlewareHooks', SymbolId.label(symbol), hooks.join(', ')));
  };
  // A middleware wraps an application (its constructor takes `app`) or hooks into more than being called.
  for (const finding of studyFindings(context, 'middleware')) {
    const hooks = index.methodsOf(finding.symbol).map((method) => method.name).filter((name) => MIDDLEWARE_HOOKS.test(name));
    const wraps = index.definition(`${finding.symbol}.__init__`)?.parameters?.[1]?.name === 'app';
    if (wraps || hooks.some((name) => name !== '__call__')) tell(finding.symbol, hooks);
  }
  for (const entry of context.result.interfaces) {
    if (/middleware/i.test(SymbolId.parse(entry.base).name) && inScope(context, SymbolId.parse(entry.base).path)) tell(entry.base, index.methodsOf(entry.base).map((method) => method.name));
  }
  for (const { symbol, path, definition } of studyDefinitions(context)) {
    // A loop runs what it iterates only when its body calls each item; one that appends or copies them (a sub-application's hooks merged into its parent's) runs nothing.
    for (const loop of definition.iterates ?? []) {
      if (loop.calledAt === undefined) continue;
      const hooks = REQUEST_HOOK_LISTS.test(loop.iterable);
      if (/middleware/i.test(loop.iterable)) facts.push(fact({ path, line: loop.line }, /^reversed\(/.test(loop.iterable) ? 'runsReversed' : 'runsInOrder', SymbolId.label(symbol), loop.iterable));
      else if (hooks) {
        // Hooks a method hands back (`self.get_request_handlers(req, 'before_request', False)`) come in the order that method builds, not the order of registration.
        const source = hookListMethod(context, symbol, loop.iterable);
        if (/^reversed\(/.test(loop.iterable)) facts.push(fact({ path, line: loop.line }, 'runsHooksReversed', SymbolId.label(symbol), loop.iterable));
        else if (source) facts.push(fact({ path, line: loop.line }, 'runsHooksAsBuilt', SymbolId.label(symbol), loop.iterable, source.signature, `${source.location.path}:${source.location.line + 1}`));
        else facts.push(fact({ path, line: loop.line }, 'runsHooksInOrder', SymbolId.label(symbol), loop.iterable));
      }
      // The call tells what each is handed and what becomes of its return (`res = h(req, res) or res`).
      if ((hooks || /middleware/i.test(loop.iterable)) && loop.calledAs) facts.push(fact({ path, line: loop.calledAt }, 'eachCalledAs', loop.iterable, loop.calledAs));
      if (hooks && loop.stopsAt !== undefined) facts.push(fact({ path, line: loop.stopsAt }, 'hookStopsRequest', SymbolId.label(symbol), loop.iterable));
    }
    for (const call of definition.calls ?? []) {
      const [, list, method] = /^(.*middleware\w*)\.(reduce|reduceRight|forEach|map)$/i.exec(call.callee) ?? [];
      if (list && method) facts.push(fact({ path, line: call.line }, 'chainsWith', SymbolId.label(symbol), list, method));
    }
  }
  facts.push(...hookRegistrationFacts(context));
  return [answerPart(say('middlewareProtocolTopic'), facts, gap('noMiddlewareProtocol', firstFileOf(context, ['middleware', 'http', 'core'])))];
}

/**
 * Where the decorators that register request hooks (`before_request`, `after_request`) keep them:
 * a list they append to (`self.before_request_handlers.append(f)`, `self.after_request_funcs.setdefault(None, []).append(f)`)
 * keeps the hooks of one kind in the order they are registered; the loop that runs them says whether in that order or reversed.
 */
function hookRegistrationFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const finding of studyFindings(context, 'decorator')) {
    if (finding.details['kind'] !== 'registers' || !HOOK_REGISTRATION.test(SymbolId.parse(finding.symbol).name.split('.').pop() ?? '')) continue;
    const definition = context.index.definition(finding.symbol);
    const appended = [...(definition?.calls ?? []), ...(definition?.innerCalls ?? [])].find((call) => /^self\.\w+(\.setdefault)?\.append$/.test(call.callee));
    if (appended) facts.push(fact({ path: SymbolId.parse(finding.symbol).path, line: appended.line }, 'hooksKeptInOrder', SymbolId.label(finding.symbol), appended.callee.replace(/(\.setdefault)?\.append$/, '')));
  }
  return facts;
}

/** The lists of request hooks a framework without middleware runs around the view instead (`before_request_handlers`, `self.get_request_handlers(req, 'after_request')`). */
const REQUEST_HOOK_LISTS = /(before|after)_request|request_(handlers|hooks|funcs)/i;

/** Method names of a middleware that run around a request. */
const MIDDLEWARE_HOOKS = /^(process_\w+|__call__|dispatch|before_\w+|after_\w+|on_\w+|handle|resolve|use)$/;

/** Names of the router methods that find the route for a request. */
const ROUTE_MATCHERS = /^(find|match|matches|resolve|find_route|get_route|lookup)$/;

function studyFindings(context: AnswerContext, category: Finding['category']): Finding[] {
  return context.result.findings.filter((finding) => finding.category === category && inScope(context, SymbolId.parse(finding.symbol).path));
}

/** Why middleware: what middleware can reach (its hooks), and the line the code cannot give. */
export function whyMiddlewareAnswer(context: AnswerContext): AnswerPart[] {
  const [hooks] = middlewareProtocolAnswer(context);
  const part = hooks ?? answerPart(say('middlewareProtocolTopic'), []);
  const applied = concernsAppliedByHooks(context);
  if (applied.length) return [part, answerPart(say('concernsAsHooksTopic'), applied)];
  part.gap = gap('whyMiddlewareGap', part.facts[0]?.location ?? firstFileOf(context, ['middleware', 'core']));
  return [part];
}

/** The names of the methods that register a request hook on an application (`app.after_request(f)`). */
const HOOK_REGISTRATION = /^(before|after)_(error_)?request$/;

/**
 * Where the framework's own modules apply a concern through the request hooks: a class's method
 * that registers its hooks on the application it is given (`app.after_request(self.after_request)`
 * in a CORS extension), so the concern runs on every request and no view changes: what the code
 * shows of why the concern is middleware.
 */
function concernsAppliedByHooks(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const { symbol, path, definition } of studyDefinitions(context)) {
    if (definition.kind !== 'method') continue;
    for (const call of definition.calls ?? []) {
      const dot = call.callee.lastIndexOf('.');
      const receiver = call.callee.slice(0, dot);
      if (dot > 0 && HOOK_REGISTRATION.test(call.callee.slice(dot + 1)) && (definition.parameters ?? []).slice(1).some((parameter) => parameter.name === receiver)) facts.push(fact({ path, line: call.line }, 'concernAsHooks', SymbolId.label(symbol), call.callee));
    }
  }
  return facts;
}

/**
 * What the framework offers to extend it: decorators that wrap what they decorate, decorators
 * that register it (routes, hooks, error handlers), signals with where they are sent and received.
 */
export function extensionPointsAnswer(context: AnswerContext): AnswerPart[] {
  const found = studyFindings(context, 'decorator').filter((finding) => finding.details['kind'] !== 'use');
  // Callbacks of the ORM's models (`@before_save` on a model's method) run when a record is written, not around a request.
  const modelHooks = found.filter((finding) => isModelHook(context, finding));
  // A decorator known only by its use (`@login.user_loader`) is told by what its body shows: a nested function making calls (a wrapper), the function kept, or the reader sent to it.
  const unseen = found.filter((finding) => !modelHooks.includes(finding) && finding.details['rule'] === 'decorator-use-site' && !context.index.definition(finding.symbol)?.innerCalls?.length);
  const decorators = found.filter((finding) => !modelHooks.includes(finding) && !unseen.includes(finding));
  const decoratorFact = (finding: Finding) => {
    const uses = usedBy(finding);
    const registers = finding.details['kind'] === 'registers';
    const location = { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
    const label = SymbolId.label(finding.symbol);
    if (uses) return fact(location, registers ? 'registeringDecoratorUsed' : 'wrappingDecoratorUsed', label, uses);
    return fact(location, registers ? 'registeringDecorator' : 'wrappingDecorator', label);
  };
  // A registering decorator is also a decorator definition to the general rule: told once, as registering.
  const registering = new Set(decorators.filter((finding) => finding.details['kind'] === 'registers').map((finding) => finding.symbol));
  const delegates = new Map(decorators.flatMap((finding) => {
    const target = registeringDelegate(context, finding.symbol, registering);
    return target && !registering.has(finding.symbol) ? [[finding.symbol, target] as const] : [];
  }));
  const wrap = decorators.filter((finding) => !registering.has(finding.symbol) && !delegates.has(finding.symbol)).map(decoratorFact);
  const register = decorators.filter((finding) => finding.details['kind'] === 'registers').map(decoratorFact);
  for (const finding of decorators) {
    const target = delegates.get(finding.symbol);
    if (target) register.push(fact({ path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line }, 'registersThrough', SymbolId.label(finding.symbol), SymbolId.label(target)));
  }
  const signals = studyFindings(context, 'signal').flatMap((finding) => {
    const senders = listed(finding.details['senders']);
    const receivers = listed(finding.details['receivers']);
    return [fact(findingSites(finding)[0] ?? locationOf(context.index, finding.symbol), 'signalOffered', SymbolId.label(finding.symbol), senders.length, receivers.length)];
  });
  // Without signals, the hooks the framework calls itself (`before_request`) are what a receiver is written as.
  const hooks = signals.length ? [] : decorators.filter((finding) => finding.details['kind'] === 'registers' && HOOK_REGISTRARS.test(SymbolId.label(finding.symbol).split('.').pop() ?? '')).map((finding) => fact({ path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line }, 'hookInsteadOfSignal', SymbolId.label(finding.symbol)));
  const unseenFacts: AnswerFact[] = [];
  for (const finding of unseen) {
    const location = { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
    const kept = keptAttribute(context, finding.symbol);
    if (kept) register.push(fact(location, 'storingDecorator', SymbolId.label(finding.symbol), kept));
    else unseenFacts.push(fact(location, 'decoratorEffectUnseen', SymbolId.label(finding.symbol), usedBy(finding)));
  }
  const modelHookFacts = modelHooks.map((finding) => fact({ path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line }, 'modelHook', SymbolId.label(finding.symbol), usedBy(finding)));
  const managers = noOrmFacts(context);
  return [
    answerPart(say('wrappingDecoratorsTopic'), wrap, gap('noWrappingDecorators', firstFileOf(context, ['core']))),
    answerPart(say('registeringDecoratorsTopic'), register, gap('noRegisteringDecorators', firstFileOf(context, ['core', 'routing']))),
    ...(unseenFacts.length ? [answerPart(say('decoratorsUnseenTopic'), unseenFacts)] : []),
    ...(modelHookFacts.length ? [answerPart(say('modelHooksTopic'), modelHookFacts)] : []),
    answerPart(say('signalsTopic'), [...signals, ...hooks], gap('noSignals', firstFileOf(context, ['core']))),
    ...(managers.length ? [answerPart(say('managersTopic'), managers)] : []),
  ];
}

/** A decorator every definition wearing it is a method of a model class (`@before_insert` on `Post.set_slug`): a callback of the ORM. */
function isModelHook(context: AnswerContext, finding: Finding): boolean {
  const models = memo(context, 'model classes', () => new Set(context.result.findings.filter((candidate) => candidate.category === 'model').map((candidate) => candidate.symbol)));
  const wearers = listed(finding.details['usedBy']);
  return wearers.length > 0 && wearers.every((wearer) => models.has(SymbolId.owner(wearer) ?? ''));
}

/**
 * The attribute a decorating method sets on its object (`self.user_loader_callback = f` in
 * `Login.user_loader`), from its class's attributes assigned within the method: where it keeps the
 * function it is given (asked of decorators that define no wrapper).
 */
function keptAttribute(context: AnswerContext, symbol: string): string | undefined {
  const definition = context.index.definition(symbol);
  if (definition?.kind !== 'method') return undefined;
  const owner = SymbolId.owner(symbol);
  const { start, end } = definition.range;
  return owner ? context.index.definition(owner)?.attributes?.find((attribute) => attribute.line > start.line && attribute.line <= end.line)?.name : undefined;
}

/** Names of the registering decorators of request hooks: what a framework without signals calls at fixed points of a request. */
const HOOK_REGISTRARS = /^(before_\w+|after_\w+|teardown_\w+|on_\w+|errorhandler|error_handler|exception_handler)$/;

/**
 * The registering decorator a method hands its work to when calling it is all it does
 * (`def get(self, pattern): return self.route(pattern, methods=['GET'])`, or the same call on an
 * object it holds: `return self.router.on_event(event_type)`): such a shortcut
 * registers what it decorates as the decorator it calls does, it wraps nothing.
 */
function registeringDelegate(context: AnswerContext, symbol: string, registering: ReadonlySet<string>): string | undefined {
  const definition = context.index.definition(symbol);
  const owner = SymbolId.owner(symbol);
  if (definition?.kind !== 'method' || !owner) return undefined;
  // `typing.cast(T, self.route(...))` does nothing at run time: the call it wraps is the delegation.
  const calls = (definition.calls ?? []).filter((call) => call.callee !== 'cast' && call.callee !== 'typing.cast');
  const targets = new Set(calls.map((call) => (/^self\.\w+$/.test(call.callee) ? `${owner}.${call.callee.slice(5)}` : (attributeMethod(context, owner, call.callee) ?? ''))));
  const [target] = targets;
  return targets.size === 1 && target && registering.has(target) ? target : undefined;
}

/** The method a call on an attribute of the object reaches (`self.router.on_event` → `Router.on_event`), by the class the attribute is made from (`self.router = Router(...)`). */
function attributeMethod(context: AnswerContext, owner: string, callee: string): string | undefined {
  const [, attribute, method] = /^self\.(\w+)\.(\w+)$/.exec(callee) ?? [];
  const held = attribute ? context.index.definition(owner)?.attributes?.find((candidate) => candidate.name === attribute) : undefined;
  const type = held?.type ?? held?.call?.callee;
  const resolved = type ? context.index.resolve(SymbolId.parse(owner).path, type) : undefined;
  return resolved && method ? `${resolved}.${method}` : undefined;
}

function listed(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** How many places wear a workspace decorator (`usedBy`), for the fact's count. */
function usedBy(finding: Finding): number {
  return listed(finding.details['usedBy']).length;
}

/** A precondition on a route: the decorators that wrap a view and the hooks registered to run before the handler. */
export function preconditionAnswer(context: AnswerContext): AnswerPart[] {
  const [wrap, register] = extensionPointsAnswer(context);
  // A wrapper of an authentication class (`BaseAuth.optional`) checks before the handler it wraps; a registering decorator is a check only by its own name, since a registrar of mails or forms (`Auth.registration_mail`) runs none whatever its class is named; and a hook run after something (`Auth.after_login`) is none.
  const checks = (candidate: AnswerFact, byOwner: boolean) => {
    const label = String(candidate.terms[0] ?? '');
    const name = label.split('.').pop() ?? label;
    return GUARD_NAME.test(byOwner ? label : name) && !/^after_/.test(name);
  };
  const before = [...(wrap?.facts ?? []).filter((candidate) => checks(candidate, true)), ...(register?.facts ?? []).filter((candidate) => checks(candidate, false)), ...guardMiddlewareFacts(context)];
  // How the before-request hooks are called and where one ends the request: what a permission check written as a hook must do.
  const [protocol] = middlewareProtocolAnswer(context);
  before.push(...(protocol?.facts ?? []).filter((candidate) => (candidate.phrase === PHRASES.eachCalledAs || candidate.phrase === PHRASES.hookStopsRequest) && candidate.terms.some((term) => /before/i.test(term))));
  // The route decorator stores the function it is given; decorators apply from the innermost out, so a check's wrapper must sit under it to be what is stored.
  const registering = (routePrecedenceAnswer(context)[0]?.facts ?? []).filter((candidate) => candidate.phrase === PHRASES.firstRegisteredWins).map((candidate) => fact(candidate.location, 'wrapUnderRoute', candidate.terms[0] ?? '', candidate.terms[1] ?? ''));
  const wrapping = wrap ? { ...wrap, facts: [...registering, ...wrap.facts] } : answerPart(say('wrappingDecoratorsTopic'), registering);
  return [wrapping, answerPart(say('beforeHooksTopic'), before, gap('noBeforeHooks', firstFileOf(context, ['core', 'middleware'])))];
}

/** Names of what checks a request before its handler: a guard, a permission, an authentication or login, a requirement. */
const GUARD_NAME = /before|guard|auth|permission|login|require/i;

/** Statuses that refuse a request for who sends it (RFC 9110: 401 unauthenticated, 403 forbidden). */
const REFUSING_STATUSES: ReadonlySet<number> = new Set([401, 403]);

/**
 * Middleware classes that refuse a request on a condition (`RequirePipe` redirecting when its
 * condition fails, a middleware raising 403 under an `if`): what a permission check on a route is
 * attached as. A middleware that only sets up state (an auth session it loads or expires) refuses nothing.
 */
function guardMiddlewareFacts(context: AnswerContext): AnswerFact[] {
  return studyFindings(context, 'middleware').flatMap((finding) => {
    if (context.index.definition(finding.symbol)?.kind !== 'class') return [];
    const refusal = refusalIn(context, finding.symbol);
    return refusal ? [fact(refusal.location, 'guardMiddleware', SymbolId.label(finding.symbol), refusal.how)] : [];
  });
}

/** Where a class's own method ends a request under a condition: a 401/403 raised, a call the framework documents as ending the request (`redirect`, `abort`), or a guard returning a 401/403 response or such a call. */
function refusalIn(context: AnswerContext, classSymbol: string): { location: SourceLocation; how: string } | undefined {
  const { path } = SymbolId.parse(classSymbol);
  const ends = (written: string) => context.frameworks.requestEnders.has(written.split('(')[0]?.split('.').pop() ?? '');
  const refusing = (written: string) => ends(written) || REFUSING_STATUSES.has(context.frameworks.responseStatuses.get(written.split('(')[0]?.split('.').pop() ?? '') ?? 0);
  for (const { definition } of context.index.methodsOf(classSymbol)) {
    const raised = definition.raises?.find((candidate) => candidate.condition && (REFUSING_STATUSES.has(raisedStatus(context.index, context.frameworks, path, candidate) ?? 0) || ends(candidate.exception)));
    if (raised) return { location: { path, line: raised.line }, how: `raise ${raised.exception}` };
    const call = definition.calls?.find((candidate) => candidate.condition && ends(candidate.callee));
    if (call) return { location: { path, line: call.line }, how: call.callee };
    const guard = definition.refusals?.find((candidate) => refusing(candidate.returns));
    if (guard) return { location: { path, line: guard.line }, how: `return ${guard.returns}` };
  }
  return undefined;
}

/** Where a query becomes SQL: the ORM's compile methods; or, for a framework without one, a line saying so. */
export function ormAnswer(context: AnswerContext): AnswerPart[] {
  const facts: AnswerFact[] = [];
  for (const { symbol, path, definition } of studyDefinitions(context)) {
    const name = SymbolId.parse(symbol).name.split('.').pop() ?? '';
    if ((definition.kind === 'method' || definition.kind === 'function') && layerOfPath(context.result, path) === 'orm' && SQL_MAKERS.test(name)) facts.push(fact(locationOf(context.index, symbol), 'makesSql', SymbolId.label(symbol)));
  }
  return [answerPart(say('ormTopic'), facts.length ? facts : noOrmFacts(context), gap(hasOrm(context) ? 'noSqlMaker' : 'noOrm', firstFileOf(context, ['orm', 'core'])))];
}

function hasOrm(context: AnswerContext): boolean {
  return context.result.files.some((file) => file.layer === 'orm' && inScope(context, file.path)) || studyFindings(context, 'model').length > 0;
}

/** Package manifests, where a project declares what it depends on. */
const MANIFEST = /(^|\/)(package\.json|pyproject\.toml|setup\.py|setup\.cfg|go\.mod|pom\.xml|build\.gradle(\.kts)?)$/;

/**
 * The line a manifest declares its run-time dependencies on: PEP 621's `dependencies =`, Poetry's
 * `[tool.poetry.dependencies]`, setuptools' `install_requires`, package.json's `"dependencies"`,
 * go.mod's `require`, Maven's `<dependencies>`, Gradle's `dependencies {`. The keyword arguments and
 * JSON keys count anywhere on a line: `setup(name="x", install_requires=[...])` is written on one.
 */
const DECLARES_DEPENDENCIES = /^\s*(?:dependencies\s*=|\[tool\.poetry\.dependencies\]|require\b|<dependencies>|dependencies\s*\{)|\binstall_requires\s*=|"dependencies"\s*:/;

function dependencyLine(context: AnswerContext, path: string): number | undefined {
  const text = context.documents.find((document) => document.path === path)?.text;
  const line = text?.split('\n').findIndex((written) => DECLARES_DEPENDENCIES.test(written));
  return line === undefined || line < 0 ? undefined : line;
}

/**
 * A framework without an ORM answers the ORM questions by saying so: a fact at the line of its
 * package manifest that declares its dependencies (where a database dependency would be), the
 * outermost of the part that declares any; a manifest holding only tool settings declares none,
 * and with none declared anywhere, the outermost manifest read is told as declaring none.
 */
function noOrmFacts(context: AnswerContext): AnswerFact[] {
  if (hasOrm(context)) return [];
  const manifests = [...context.otherFiles, ...context.result.files.map((file) => file.path)].filter((path) => MANIFEST.test(path) && inPart(context, path) && !/(^|\/)(tests?|examples?|docs?|node_modules)\//.test(path));
  const sorted = manifests.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const manifest of sorted) {
    const line = dependencyLine(context, manifest);
    if (line !== undefined) return [fact({ path: manifest, line }, 'shipsNoOrm', manifest)];
  }
  const read = sorted.find((manifest) => context.documents.some((document) => document.path === manifest));
  return read ? [fact({ path: read, line: 0 }, 'shipsNoOrmNoDependencies', read)] : [];
}

/** Method names that turn a query into SQL. */
const SQL_MAKERS = /^(compile|as_sql|to_sql|get_compiler|execute_sql|_compile\w*|visit_\w+)$/;

/** The N+1 queries found, each with its fix; a line when there are none (or no ORM). */
export function nPlusOneAnswer(context: AnswerContext): AnswerPart[] {
  const facts = context.result.queryWarnings.filter((warning) => inScope(context, warning.path)).map((warning) => fact({ path: warning.path, line: warning.access.line }, 'nPlusOne', warning.read, warning.relation, warning.fix));
  return [answerPart(say('nPlusOneTopic'), facts.length ? facts : noOrmFacts(context), gap(hasOrm(context) ? 'noNPlusOne' : 'noOrm', firstFileOf(context, ['orm', 'core'])))];
}
