import { isTestPath } from '../testCode';
import { type CallAnswer, CallQuestion, type CallTypeResolver } from '../host';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { Frameworks } from '../frameworks/frameworks';
import type { ViewObjectGetterDocument } from '../knowledge/documents';
import type { CallSite, Local, RaiseFact, SymbolDefinition } from '../parse/facts';
import type { InterfaceBindings } from '../resolve/bindings';
import { convertedFrom, exceptionNames, raisedStatus } from '../resolve/errorStatus';
import type { DataAccess } from '../resolve/repositories';
import { contains } from '../resolve/routePaths';
import type { SymbolIndex, Target } from '../resolve/symbolIndex';
import { type Finding, type InterfaceImplementations, type Route, SymbolId, type Trace, type TraceStep, type TraceVia } from '../result';
import { type Indirections, indirectionsOf } from './indirections';

/** How far a trace goes: deep enough for API → application → domain → infrastructure, bounded for any code. */
export interface TraceLimits {
  maxDepth: number;
  maxSteps: number;
}

export const DEFAULT_TRACE_LIMITS: TraceLimits = { maxDepth: 8, maxSteps: 150 };

/** Calls that are the language's own, never a step of a business flow. */
const BUILTINS = new Set([
  'abs', 'all', 'any', 'bool', 'bytes', 'callable', 'dict', 'dir', 'divmod', 'enumerate', 'filter', 'float', 'format', 'frozenset', 'getattr',
  'hasattr', 'hash', 'id', 'int', 'isinstance', 'issubclass', 'iter', 'len', 'list', 'map', 'max', 'min', 'next', 'object', 'print', 'range',
  'repr', 'reversed', 'round', 'set', 'setattr', 'slice', 'sorted', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip', 'open', 'locals',
]);

/** What a trace makes of outside calls and of calls that hand work on (`trace-steps.yml`). */
export interface TraceSteps {
  /** Outside calls worth a step: they leave the process or touch the data. */
  outside: { test(name: string): boolean };
  /** Methods that queue work to run elsewhere. */
  enqueue: ReadonlySet<string>;
  /** Methods that publish an event or send a signal. */
  publish: ReadonlySet<string>;
  /** Annotations that mark a step (`transactional`, `async`), by qualified name. */
  marks: ReadonlyMap<string, string>;
  /** Calls that return an instance of the class given first (a container's `Container.get(AuthService)`, `get_object_or_404(Check, ...)`), by qualified name: from the frameworks' data. */
  instanceMakers: ReadonlySet<string>;
  /** Model fields, by their last name, that hold one instance of the model given first (`models.ForeignKey(Project, ...)`): from the frameworks' data. */
  toOneRelations: ReadonlySet<string>;
  /** Methods view classes inherit that return an instance of their query set's model (`self.get_object()`): from the frameworks' data. */
  viewObjectGetters: readonly ViewObjectGetterDocument[];
  /** Names bound to an instance of the workspace class deriving from these (Flask-Login's `current_user`), by qualified name: from the frameworks' data. */
  proxiedInstances: ReadonlyMap<string, readonly string[]>;
}

/** Reads `trace-steps.yml` (or a user's file of the same shape). */
export function parseTraceSteps(file: DataFile): TraceSteps {
  const document = readDataFile('traceStepsFile', file);
  const escaped = document.outsideModules.map((module) => module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return {
    outside: new RegExp(`^(${escaped.join('|')})\\b`),
    enqueue: new Set(document.enqueueMethods),
    publish: new Set(document.publishMethods),
    marks: new Map(Object.entries(document.marks ?? {})),
    instanceMakers: new Set(),
    toOneRelations: new Set(),
    viewObjectGetters: [],
    proxiedInstances: new Map(),
  };
}

export interface TraceContext {
  index: SymbolIndex;
  layerOf: (path: string) => string;
  interfaces: readonly InterfaceImplementations[];
  findings: readonly Finding[];
  steps: TraceSteps;
  /** A database session's names and data verbs (`data-access.yml`): an untyped session's call is a step. */
  dataAccess: DataAccess;
  /** What the frameworks' data files say of message buses and of the statuses exceptions answer with. */
  frameworks: Pick<Frameworks, 'messageBuses' | 'exceptionStatuses' | 'statusExceptions' | 'containerResolvers' | 'instanceGetters' | 'relationCalls' | 'viewObjectGetters' | 'proxiedInstances'>;
  limits?: TraceLimits;
  /** A type checker's answers for calls syntax cannot follow; the calls it has not answered yet are asked. */
  typed?: TypedCalls;
  /** The classes the workspace's wiring hands where an interface is expected (worked out when a trace first needs them). */
  bindings?: () => InterfaceBindings;
}

export interface TypedCalls {
  answers: ReadonlyMap<string, CallAnswer | null>;
  ask(question: CallQuestion): void;
}

/** Files a TypeScript type checker reads (JavaScript through `allowJs`). */
const CHECKED_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** A step of a trace, and whether the walk goes into it (async work and events run elsewhere). */
interface Item {
  step: TraceStep;
  expand: boolean;
  /** The message class the callee is handed, when the caller makes one a table or bus handles. */
  message?: string;
  /** A raise that converts other exceptions (raised in an `except` of them): their names. */
  converts?: ReadonlySet<string>;
  /** The class of the object the method runs on, when it inherits the method (`createUser.execute()` reaching `BaseController.execute`). */
  receiver?: string;
}

/** A function being walked: its items in source order, and how far the walk has got. */
interface Frame {
  items: Item[];
  next: number;
  /** Functions on the path from the handler here: a call back into one of them is recursion. */
  path: ReadonlySet<string>;
  /** The message being handled on this path (`Allocate`), for the handler table a bus looks it up in. */
  message: string | undefined;
}

/**
 * Follows a route's handler statically through the calls it makes, in source order, resolving each
 * callee through the symbol index (module functions, imports, `self` methods, attributes and
 * parameters of known type, objects made in the function, FastAPI `Depends`, factories such as
 * `Order.create`, interfaces and their implementations). Stops at code outside the workspace but
 * names it; marks what it cannot resolve; bounded in depth and size; never loops: a function is
 * walked once per trace, and a call back into the path is marked recursive.
 */
export function traceRoute(context: TraceContext, route: Route): Trace {
  return traceFrom(context, route.handler, `${route.method} ${route.path}`);
}

/** What a relation field declares that holds one instance (`ForeignKey`'s many-to-one, `OneToOneField`'s one-to-one). */
const TO_ONE = new Set(['many-to-one', 'one-to-one']);

/**
 * The trace's steps with what the frameworks' data adds: a message bus's dispatching method
 * (`CommandBus.execute`) is an outside call worth a step (the handler it reaches follows it); the
 * calls that give an instance of the class they are given, and the relation fields that hold one.
 */
function withFrameworks(context: TraceContext): TraceContext {
  const { messageBuses: buses, containerResolvers, instanceGetters, relationCalls, viewObjectGetters, proxiedInstances } = context.frameworks;
  const { outside } = context.steps;
  const toOneRelations = new Set([...relationCalls].flatMap(([field, kind]) => (TO_ONE.has(kind) ? [field] : [])));
  return {
    ...context,
    steps: {
      ...context.steps,
      outside: buses.size ? { test: (name) => outside.test(name) || buses.has(name) } : outside,
      instanceMakers: new Set([...context.steps.instanceMakers, ...containerResolvers, ...instanceGetters]),
      toOneRelations: new Set([...context.steps.toOneRelations, ...toOneRelations]),
      viewObjectGetters: [...context.steps.viewObjectGetters, ...viewObjectGetters],
      proxiedInstances: new Map([...context.steps.proxiedInstances, ...proxiedInstances]),
    },
  };
}

/** The same walk from any function or method (a framework's request entry, `App.__call__`), the trace named `name`. */
export function traceFrom(given: TraceContext, start: string, name: string): Trace {
  const context = withFrameworks(given);
  const limits = context.limits ?? DEFAULT_TRACE_LIMITS;
  const { index } = context;
  if (!index.definition(start)) {
    return { route: name, steps: [{ symbol: start, layer: context.layerOf(SymbolId.parse(start).path), via: 'call', line: 0, depth: 0, unresolved: true }] };
  }
  const steps: TraceStep[] = [stepFor(context, start, 'call', 0)];
  const walked = new Set<string>([start]);
  const lookups: Lookups = {
    implementations: new Map(context.interfaces.map((entry) => [entry.base, entry.implementations])),
    signals: new Set(context.findings.filter((finding) => finding.category === 'signal').map((finding) => finding.symbol)),
    indirections: indirectionsOf(index, context.frameworks),
  };
  const stack: Frame[] = [{ items: itemsOf(context, lookups, start, 1, undefined), next: 0, path: new Set([start]), message: undefined }];
  // An exception raised several times is told once; one raised while converting others gives them its status.
  const raised = new Map<string, TraceStep>();
  const conversions: { converts: ReadonlySet<string>; status: number }[] = [];
  /** Adds an item's step; whether it is a call the walk may go into. */
  const take = (frame: Frame, item: Item): boolean => {
    if (item.step.via === 'raise') {
      if (item.converts && item.step.status !== undefined) conversions.push({ converts: item.converts, status: item.step.status });
      // One HTTP error per status: `HTTPException(404)` and `HTTPException(409)` are two answers.
      const key = `${item.step.symbol} ${item.step.status ?? ''}`;
      if (raised.has(key)) return false;
      const step = { ...item.step };
      raised.set(key, step);
      steps.push(step);
      return false;
    }
    const recursive = frame.path.has(item.step.symbol);
    steps.push(recursive ? { ...item.step, recursive: true } : item.step);
    return item.expand && !recursive;
  };
  while (stack.length && steps.length < limits.maxSteps) {
    const frame = stack[stack.length - 1] as Frame;
    const item = frame.items[frame.next++];
    if (!item) {
      stack.pop();
      continue;
    }
    if (!take(frame, item) || walked.has(item.step.symbol) || (item.step.depth ?? 0) >= limits.maxDepth) continue;
    walked.add(item.step.symbol);
    const message = item.message ?? frame.message;
    stack.push({ items: itemsOf(context, lookups, item.step.symbol, (item.step.depth ?? 0) + 1, message, item.receiver), next: 0, path: new Set([...frame.path, item.step.symbol]), message });
  }
  // Out of steps inside a deep call: the calls still ahead in the handler itself are listed, not walked, so the
  // flow's later steps (a notification sent after the record is made) are not lost to its first call's depth.
  const handler = stack[0];
  if (handler) for (const item of handler.items.slice(handler.next)) take(handler, item);
  for (const step of raised.values()) {
    if (step.status !== undefined) continue;
    const names = exceptionNames(index, step.site?.path ?? '', SymbolId.parse(step.symbol).name || step.symbol);
    const converted = conversions.find((conversion) => [...names].some((name) => conversion.converts.has(name)));
    if (converted) step.status = converted.status;
  }
  return { route: name, steps };
}

/**
 * The trace with a type checker's help: each walk asks about the calls syntax could not follow in
 * TypeScript and JavaScript, and the next walk follows the answers, until nothing new is asked.
 * `answers` may be kept between traces of one analysis: the code they describe has not changed.
 */
export async function traceRouteWithTypes(context: TraceContext, route: Route, root: string, resolver: CallTypeResolver, answers = new Map<string, CallAnswer | null>()): Promise<Trace> {
  const limits = context.limits ?? DEFAULT_TRACE_LIMITS;
  // Each round can open the functions the last answers reached, one level deeper at least.
  for (let round = 0; ; round++) {
    const questions: CallQuestion[] = [];
    const trace = traceRoute({ ...context, typed: { answers, ask: (question) => questions.push(question) } }, route);
    if (!questions.length || round === limits.maxDepth) return trace;
    const replies = await resolver.resolveCalls(root, questions);
    questions.forEach((question, position) => answers.set(CallQuestion.key(question), replies[position] ?? null));
  }
}

function stepFor(context: TraceContext, symbol: string, via: TraceVia, depth: number, extra: Partial<TraceStep> = {}): TraceStep {
  const definition = context.index.definition(symbol);
  const marks = marksOf(context, symbol);
  // A method marked to run asynchronously (`@Async`) is handed to another thread when called.
  const handed = via === 'call' && marks.includes('async') ? 'async' : via;
  return { symbol, layer: context.layerOf(SymbolId.parse(symbol).path), via: handed, line: definition?.range.start.line ?? 0, depth, ...(marks.length ? { marks } : {}), ...extra };
}

/** What the annotations of a step's function mark it as (`@Transactional`, `@Async`). */
function marksOf(context: TraceContext, symbol: string): string[] {
  if (!context.steps.marks.size) return [];
  const { path } = SymbolId.parse(symbol);
  const marks = new Set<string>();
  for (const decorator of context.index.definition(symbol)?.decorators ?? []) {
    for (const name of context.index.qualifiedNames(path, decorator)) {
      const mark = context.steps.marks.get(name);
      if (mark) marks.add(mark);
    }
  }
  return [...marks];
}

/** Built once per trace: each interface's implementations, the workspace's signals, and what handler tables, buses and bootstraps register. */
interface Lookups {
  implementations: ReadonlyMap<string, readonly string[]>;
  signals: ReadonlySet<string>;
  indirections: Indirections;
}

/**
 * The steps one function contributes, in source order: its FastAPI dependencies, then its calls
 * and what it raises; when it looks a handler up by the message's type, the handlers registered
 * for the message being handled (`message`). A Java method's overloads are walked one after another.
 */
function itemsOf(context: TraceContext, lookups: Lookups, symbol: string, depth: number, message: string | undefined, receiver?: string): Item[] {
  return overloadsOf(context.index, symbol).flatMap((definition) => itemsOfDefinition(context, lookups, symbol, definition, depth, message, receiver));
}

/**
 * The definitions a symbol stands for: one, or a Java method's overloads (`search(keyword, page)`
 * and `search(keyword, brand, page)` share their name, and a call is not told apart by its
 * arguments), each walked in source order.
 */
function overloadsOf(index: SymbolIndex, symbol: string): SymbolDefinition[] {
  const definition = index.definition(symbol);
  if (definition?.kind !== 'method') return definition ? [definition] : [];
  const { path, name } = SymbolId.parse(symbol);
  const overloads = (index.file(path)?.symbols ?? []).filter((candidate) => candidate.kind === 'method' && candidate.name === name);
  return overloads.length > 1 ? overloads : [definition];
}

function itemsOfDefinition(context: TraceContext, lookups: Lookups, symbol: string, definition: SymbolDefinition, depth: number, message: string | undefined, receiver: string | undefined): Item[] {
  const { index } = context;
  const { path } = SymbolId.parse(symbol);
  const items: Item[] = [];
  const { signals, indirections } = lookups;
  const made = messagesMadeIn(index, indirections, path, definition);

  for (const parameter of definition.parameters ?? []) {
    // `db: Session = Depends(get_db)`, or a type alias that carries it: `SessionDep = Annotated[Session, Depends(get_db)]`.
    const alias = parameter.annotation ? aliasOf(index, path, parameter.annotation) : undefined;
    const written = /Depends\(/.test(parameter.default ?? '') ? { text: parameter.default ?? '', path } : alias && /Depends\(/.test(alias.text) ? alias : undefined;
    if (!written) continue;
    const dependency = /Depends\((\w[\w.]*)?\)/.exec(written.text.replace(/\s+/g, ''));
    const provider = dependency?.[1] ? index.resolve(written.path, dependency[1]) : parameter.annotation ? constructorOf(index, path, parameter.annotation) : undefined;
    if (provider) items.push({ step: stepFor(context, provider, 'di', depth, { site: { path, line: definition.range.start.line } }), expand: true });
  }
  // A path operation's `dependencies=[Depends(verify_token)]`: run before the handler, as its parameters' are.
  for (const call of Object.values(definition.decoratorCalls ?? {})) {
    for (const [, name] of (call.keywords['dependencies'] ?? '').replace(/\s+/g, '').matchAll(/Depends\((\w[\w.]*)\)/g)) {
      const provider = name ? index.resolve(path, name) : undefined;
      if (provider) items.push({ step: stepFor(context, provider, 'di', depth, { site: { path, line: definition.range.start.line } }), expand: true });
    }
  }

  // Raised exceptions, not asserts nor errors returned as values: those are the ones a request may end in.
  const raises = (definition.raises ?? []).filter((raised) => !raised.asserted && !raised.returned);
  for (const call of definition.calls ?? []) {
    const site = { path, line: call.line, ...(call.branch ? { branch: call.branch } : {}) };
    while (raises[0] && raises[0].line < call.line) items.push(raiseItem(context, path, raises.shift() as RaiseFact, depth));
    const injected = injectedInto(indirections, definition, call);
    if (injected) {
      items.push({ step: stepFor(context, injected.target, 'call', depth, { site, through: { kind: 'injected', by: injected.bootstrap } }), expand: true });
      continue;
    }
    const resolved = withTypes(context, path, call, resolveCall(index, context.steps, context.dataAccess, symbol, definition, call));
    if (resolved.kind === 'skip') continue;
    // A method inherited by the object it runs on calls that object's own methods: `this.executeImpl()` in
    // `BaseController.execute` is the override of the subclass the request's controller is (a template method).
    const own = receiver !== undefined && resolved.kind === 'symbol' ? overrideOnReceiver(index, definition, call, receiver, resolved.symbol) : undefined;
    if (own && receiver !== undefined) {
      items.push({ step: stepFor(context, own, 'call', depth, { site }), expand: true, receiver, ...(made[0] ? { message: made[0] } : {}) });
      continue;
    }
    if (resolved.kind === 'unresolved') {
      items.push({ step: { symbol: `${path}:${call.callee}`, layer: context.layerOf(path), via: 'call', line: call.line, depth, site, unresolved: true, expression: call.callee }, expand: false });
      continue;
    }
    if (resolved.kind === 'client') {
      // A call on the workspace's own client object: a step at the object's definition, where its outside maker is named.
      const layer = SERVICE_LAYERS.has(context.layerOf(SymbolId.parse(resolved.object).path)) ? 'infrastructure' : context.layerOf(SymbolId.parse(resolved.object).path);
      const step: TraceStep = { symbol: resolved.object, layer, via: 'call', line: index.definition(resolved.object)?.range.start.line ?? 0, depth, site, expression: call.callee, client: resolved.maker };
      const previous = items[items.length - 1]?.step;
      if (previous?.client && previous.site?.line === call.line && call.callee.startsWith(`${previous.expression ?? ''}()`)) items[items.length - 1] = { step, expand: false };
      else items.push({ step, expand: false });
      continue;
    }
    if (resolved.kind === 'external') {
      const verb = lastSegment(call.callee);
      const via: TraceVia = context.steps.enqueue.has(verb) ? 'async' : context.steps.publish.has(verb) ? 'event' : 'call';
      const step: TraceStep = { symbol: resolved.name, layer: 'external', via, line: call.line, depth, site, external: true, ...(resolved.typed ? { typed: true } : {}) };
      // `session.query(X).filter(...).first()` is one trip to the database: one step, the whole chain.
      const previous = items[items.length - 1]?.step;
      if (previous?.external && previous.site?.line === call.line && resolved.name.startsWith(`${previous.symbol}()`)) items[items.length - 1] = { step, expand: false };
      else items.push({ step, expand: false });
      // A message bus hands the message to the handler registered for its class.
      const bus = lookups.indirections.busHandlers.get(resolved.name);
      for (const handled of made) {
        const registered = bus?.get(handled);
        if (registered) items.push({ step: stepFor(context, registered.handler, 'call', depth, { site, through: { kind: 'message-bus', by: registered.by } }), expand: true, message: handled });
      }
      continue;
    }
    let via: TraceVia = 'call';
    if (resolved.enqueued) via = 'async';
    else if (context.steps.publish.has(lastSegment(call.callee)) && (resolved.onInstance || signals.has(resolved.receiver ?? ''))) via = 'event';
    const expand = via !== 'async' && via !== 'event';
    const implementations = lookups.implementations.get(ownerOf(resolved.symbol)) ?? [];
    const placed = { site, ...(resolved.typed ? { typed: true } : {}) };
    // A class made here and handed on is the message from here on, unless one a table or bus handles is on its way.
    const handed = made[0] ?? (message === undefined ? instanceHanded(index, path, definition, call) : undefined);
    // Inherited by the object it is called on: that object's class is what the method's own calls reach.
    const inheritedBy = resolved.instanceOf ?? (receiver !== undefined && isOnSelf(definition, call) ? receiver : undefined);
    if (!implementations.length) {
      const step = stepFor(context, resolved.symbol, via, depth, placed);
      items.push({ step, expand: expand && step.via !== 'async', ...(handed ? { message: handed } : {}), ...(inheritedBy ? { receiver: inheritedBy } : {}) });
      continue;
    }
    const methodName = lastSegment(resolved.symbol);
    // The implementations that override the method: those that inherit it run the base's code.
    // A test's fake runs only in the tests: the code's own implementations are those that run.
    const running = implementations.filter((implementation) => context.layerOf(SymbolId.parse(implementation).path) !== 'test');
    const overriding = [...new Set((running.length ? running : implementations).map((implementation) => index.methodOrInherited(implementation, methodName)))].filter(
      (found): found is string => found !== undefined && found !== resolved.symbol,
    );
    const fitting = resolved.instantiation ? fittingImplementations(index, resolved.symbol, resolved.instantiation, overriding) : undefined;
    const concrete = fitting ? [...fitting.exact, ...fitting.generic] : overriding;
    if (!concrete.length) {
      items.push({ step: stepFor(context, resolved.symbol, via, depth, placed), expand, ...(inheritedBy ? { receiver: inheritedBy } : {}) });
      continue;
    }
    items.push({ step: stepFor(context, resolved.symbol, via, depth, { ...placed, implementations: concrete }), expand: false });
    // One implementation is what runs: follow it, as injected (the guide's repository step). Of an instantiated generic
    // interface's, the one written for its type arguments: the generic ones around it hand the call on to it.
    const runs = fitting?.exact.length === 1 ? fitting.exact[0] : implementationThatRuns(context, ownerOf(resolved.symbol), fitting?.exact.length ? fitting.exact : concrete, handed ?? message);
    if (runs) items.push({ step: stepFor(context, runs, 'di', depth, { site }), expand, ...(handed ? { message: handed } : {}) });
  }
  for (const rest of raises) items.push(raiseItem(context, path, rest, depth));
  // A lookup of the handler by the message's type (`self.handlers[type(message)]`): the handlers the tables register for it.
  if (definition.dispatches?.length && message && acceptsMessage(index, path, definition, message)) {
    const site = { path, line: definition.dispatches[0]?.line ?? definition.range.start.line };
    for (const registered of indirections.tableHandlers.get(message) ?? []) {
      items.push({ step: stepFor(context, registered.handler, 'call', depth, { site, through: { kind: 'handler-table', by: registered.by } }), expand: true, message });
    }
  }
  return items;
}

/**
 * The implementation of an interface method that runs, when the code says which: the only one; else
 * of the classes the workspace's wiring hands where the interface is expected, the only one, or the
 * only one taking the message being handed on; else the only one outside tests and test doubles (a
 * mock, a test's fake).
 */
function implementationThatRuns(context: TraceContext, base: string, concrete: readonly string[], message: string | undefined): string | undefined {
  if (concrete.length <= 1) return concrete[0];
  const bound = context.bindings?.().get(base);
  const wired = bound ? concrete.filter((method) => bound.has(ownerOf(method))) : [];
  const candidates = takingMessage(context.index, wired.length ? wired : concrete, message);
  if (candidates.length === 1) return candidates[0];
  const shipped = candidates.filter((method) => context.layerOf(SymbolId.parse(method).path) !== 'test');
  return shipped.length === 1 ? shipped[0] : undefined;
}

/**
 * Of the implementations of a generic interface's method, those that fit the interface as instantiated (Go's rule):
 * `exact`, taking and returning the type arguments where the interface's method takes and returns its type
 * parameters (`Handle(ctx, q ListOrders)` for `QueryHandler[ListOrders, ...]`); `generic`, methods of generic types
 * that take their own type parameters there (a wrapper that hands the call on). Undefined when the method's
 * signature names no type parameter: nothing to tell them apart by.
 */
function fittingImplementations(index: SymbolIndex, method: string, instantiation: Instantiation, implementations: readonly string[]): { exact: string[]; generic: string[] } | undefined {
  const declared = index.definition(method);
  const parameters = index.definition(ownerOf(method))?.typeParameters ?? [];
  const argumentFor = (written: string | undefined) => (written === undefined ? undefined : instantiation.arguments[parameters.indexOf(written)]);
  const positions = (declared?.parameters ?? []).flatMap((parameter, position) => {
    const argument = argumentFor(parameter.annotation);
    return argument === undefined ? [] : [{ position, argument }];
  });
  const returned = argumentFor(declared?.returns);
  if (!positions.length && returned === undefined) return undefined;
  const exact: string[] = [];
  const generic: string[] = [];
  for (const implementation of implementations) {
    const definition = index.definition(implementation);
    const own = new Set(index.definition(ownerOf(implementation))?.typeParameters ?? []);
    const { path } = SymbolId.parse(implementation);
    const written = [...positions.map(({ position, argument }) => ({ type: definition?.parameters?.[position]?.annotation, argument })), ...(returned === undefined ? [] : [{ type: definition?.returns, argument: returned }])];
    const fits = written.map(({ type, argument }) => (type === undefined ? 'no' : own.has(type) ? 'generic' : sameType(index, path, type, instantiation.path, argument) ? 'exact' : 'no'));
    if (fits.includes('no')) continue;
    (fits.includes('generic') ? generic : exact).push(implementation);
  }
  return { exact, generic };
}

/** Whether two types written in two files are one: the same workspace type or outside name, or a predeclared type (`string`) written alike. */
function sameType(index: SymbolIndex, path: string, written: string, otherPath: string, otherWritten: string): boolean {
  const one = index.qualify(path, written);
  const other = index.qualify(otherPath, otherWritten);
  if (!one || !other) return !one && !other && written === otherWritten;
  return 'symbol' in one ? 'symbol' in other && one.symbol === other.symbol : 'external' in other && one.external === other.external;
}

/**
 * Of several implementations, those whose method takes the message's own class first
 * (`handle(command: CreateCourseCommand)`): a handler looked up by the type of what it handles is
 * the one written for it. All of them when none is, or no message is known.
 */
function takingMessage(index: SymbolIndex, implementations: readonly string[], message: string | undefined): readonly string[] {
  if (!message || implementations.length < 2) return implementations;
  const taking = implementations.filter((implementation) => {
    const first = index.definition(implementation)?.parameters?.find((parameter) => !RECEIVERS.has(parameter.name));
    return first?.annotation !== undefined && index.resolve(SymbolId.parse(implementation).path, bareType(first.annotation)) === message;
  });
  return taking.length ? taking : implementations;
}

/** The names a method's own object goes by among its parameters. */
const RECEIVERS = new Set(['self', 'cls', 'this']);

/** The workspace class of the instance a call is handed first, when the function makes it (see `CallSite.handsOn`). */
function instanceHanded(index: SymbolIndex, path: string, definition: SymbolDefinition, call: CallSite): string | undefined {
  const written = call.handsOn?.endsWith('()') ? call.handsOn.slice(0, -2) : definition.locals?.find((local) => local.name === call.handsOn)?.type;
  const made = written ? index.resolve(path, written) : undefined;
  return made && index.definition(made)?.kind === 'class' ? made : undefined;
}

/** Whether a dispatching function takes the message: none of its parameters is typed with a workspace class the message is not (`handle_event(self, event: Event)` takes no command). */
function acceptsMessage(index: SymbolIndex, path: string, definition: SymbolDefinition, message: string): boolean {
  const kinds = new Set([message, ...index.ancestry(message).classes]);
  return (definition.parameters ?? []).every((parameter) => {
    const typed = parameter.annotation ? index.resolve(path, bareType(parameter.annotation)) : undefined;
    return !typed || index.definition(typed)?.kind !== 'class' || kinds.has(typed);
  });
}

/** The layers of a business service: a client object made in any of them is its infrastructure. */
const SERVICE_LAYERS = new Set(['api', 'application', 'domain', 'infrastructure']);

/** The message classes a function makes (a local of the class, or a constructor call of it) that a handler table or bus handles. */
function messagesMadeIn(index: SymbolIndex, indirections: Indirections, path: string, definition: SymbolDefinition): string[] {
  if (!indirections.messages.size) return [];
  const found: string[] = [];
  const add = (written: string | undefined) => {
    const symbol = written ? index.resolve(path, written.replace(/\(\)$/, '')) : undefined;
    if (symbol && indirections.messages.has(symbol) && !found.includes(symbol)) found.push(symbol);
  };
  for (const local of definition.locals ?? []) add(local.type);
  for (const call of definition.calls ?? []) add(call.callee);
  return found;
}

/** A call to a handler's parameter that a bootstrap fills in by name (`publish(...)` with `publish=redis_eventpublisher.publish`). */
function injectedInto(indirections: Indirections, definition: SymbolDefinition, call: CallSite): { target: string; bootstrap: string } | undefined {
  if (call.callee.includes('.')) return undefined;
  const parameter = definition.parameters?.find((candidate) => candidate.name === call.callee);
  if (!parameter || (parameter.annotation && !/Callable/.test(parameter.annotation))) return undefined;
  const candidates = indirections.injected.get(parameter.name) ?? [];
  // Only one function injected under that name: it is what runs.
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** A raise as a step: the exception (a workspace class, or its outside name), where it is raised, and the status it answers with when the code says. */
function raiseItem(context: TraceContext, path: string, raised: RaiseFact, depth: number): Item {
  const { index } = context;
  const target = index.qualify(path, raised.exception);
  const symbol = target && 'symbol' in target ? target.symbol : (target && 'external' in target ? target.external : raised.exception);
  const status = raisedStatus(index, context.frameworks, path, raised);
  const converts = convertedFrom(raised).flatMap((written) => index.namesOf(index.qualify(path, written) ?? { external: written }));
  const step: TraceStep = {
    symbol,
    layer: target && 'symbol' in target ? context.layerOf(SymbolId.parse(target.symbol).path) : 'external',
    via: 'raise',
    line: raised.line,
    depth,
    site: { path, line: raised.line },
    ...(target && 'symbol' in target ? {} : { external: true }),
    ...(status !== undefined ? { status } : {}),
  };
  return { step, expand: false, ...(converts.length ? { converts: new Set(converts) } : {}) };
}

/** A generic interface as a Go type defined over it instantiates it: its type arguments, and the file that writes them. */
interface Instantiation {
  path: string;
  arguments: readonly string[];
}

/** A type reached from a written one: a generic interface with the type arguments it is instantiated with, when it is one. */
type TypeTarget = Target & { instantiation?: Instantiation };

type Resolved =
  | { kind: 'symbol'; symbol: string; receiver?: string; onInstance?: boolean; enqueued?: boolean; typed?: boolean; instanceOf?: string; instantiation?: Instantiation }
  | { kind: 'external'; name: string; typed?: boolean }
  /** A call on an object the workspace makes at module level with outside code: the object, and what makes it. */
  | { kind: 'client'; object: string; maker: string }
  | { kind: 'unresolved' }
  | { kind: 'skip' };

/**
 * A call syntax cannot follow (`order.cancel()` on a value of inferred type), in a file a type
 * checker reads: what the checker answered, or the syntax's result while the question is asked.
 */
function withTypes(context: TraceContext, path: string, call: CallSite, resolved: Resolved): Resolved {
  const { typed, index } = context;
  if (!typed || (resolved.kind !== 'skip' && resolved.kind !== 'unresolved') || !CHECKED_FILE.test(path)) return resolved;
  const question = { path, line: call.line, character: call.character, callee: call.callee };
  const key = CallQuestion.key(question);
  if (!typed.answers.has(key)) {
    typed.ask(question);
    return resolved;
  }
  const answer = typed.answers.get(key);
  if (!answer) return resolved;
  // Outside code the checker names is a step when it leaves the process or touches data, else known and no step.
  if ('external' in answer) return context.steps.outside.test(answer.external) ? { kind: 'external', name: answer.external, typed: true } : { kind: 'skip' };
  const symbol = declarationAt(index, answer);
  if (!symbol) return resolved;
  const target = symbolTarget(index, symbol, false);
  return target.kind === 'symbol' ? { ...target, typed: true } : target;
}

/** The workspace symbol of a declaration the checker names: by its name, else the innermost definition around its line. */
function declarationAt(index: SymbolIndex, answer: { path: string; line: number; name: string }): string | undefined {
  const named = SymbolId.of(answer.path, answer.name);
  if (index.definition(named)) return named;
  let around: SymbolDefinition | undefined;
  for (const symbol of index.file(answer.path)?.symbols ?? []) {
    const { start, end } = symbol.range;
    if (symbol.kind !== 'variable' && start.line <= answer.line && answer.line <= end.line && (!around || start.line >= around.range.start.line)) around = symbol;
  }
  return around ? SymbolId.of(answer.path, around.name) : undefined;
}

/** The workspace function or method a call written in `caller` reaches, when syntax and the workspace's types tell (`self.client._add` on a `client: BaseCache`). */
export function calledSymbol(context: TraceContext, caller: string, call: CallSite): string | undefined {
  const definition = context.index.definition(caller);
  if (!definition) return undefined;
  const resolved = resolveCall(context.index, context.steps, context.dataAccess, caller, definition, call);
  return resolved.kind === 'symbol' ? resolved.symbol : undefined;
}

/** What a call in `caller` reaches: a workspace function or method, a named outside call, or nothing worth a step. */
function resolveCall(index: SymbolIndex, steps: TraceSteps, data: DataAccess, caller: string, definition: SymbolDefinition, call: CallSite, depth = 0): Resolved {
  const { path, name: callerName } = SymbolId.parse(caller);
  const parts = call.callee.split('.');
  const head = parts[0] ?? '';
  if (!head || isLogging(parts)) return { kind: 'skip' };
  const method = parts[parts.length - 1] ?? '';
  const enqueued = steps.enqueue.has(method) && parts.length >= 2;
  const receiverParts = enqueued ? parts.slice(0, -1) : parts;
  const rest = receiverParts.slice(1);
  const owner = definition.kind === 'method' ? methodOwner(index, path, callerName.slice(0, callerName.lastIndexOf('.'))) : undefined;
  const selfName = owner ? definition.parameters?.[0]?.name : undefined;

  if (owner && head === selfName) {
    // `cls(...)` in a classmethod is the class's constructor; `self.x.y()` goes through x's type.
    if (rest.length === 0) return definition.decorators.includes('classmethod') ? symbolTarget(index, owner, false) : { kind: 'skip' };
    return memberOf(index, steps, data, { symbol: owner }, rest, enqueued);
  }
  if (head.endsWith('()')) {
    // `OrderCreated(...).publish()`: a method on a fresh instance.
    const made = index.resolve(path, head.slice(0, -2));
    if (!made || index.definition(made)?.kind !== 'class' || rest.length !== 1) return { kind: 'skip' };
    const found = index.methodOrInherited(made, rest[0] ?? '');
    return found ? { kind: 'symbol', symbol: found, receiver: made, onInstance: true } : { kind: 'skip' };
  }
  const parameter = definition.parameters?.find((candidate) => candidate.name === head);
  const local = definition.locals?.find((candidate) => candidate.name === head);
  // A callback written in place (`(req, res) => controller.run(req, res)`) reads the names of the functions around it.
  if (!parameter && !local && SymbolId.isAnonymousName(callerName)) {
    const outer = declaringFunction(index, path, definition, head);
    if (outer) return resolveCall(index, steps, data, outer.symbol, outer.definition, call, depth + 1);
  }
  // `check = get_object_or_404(Check, ...)`, `service = Container.get(AuthService)`: an instance of the class given.
  const instance = !parameter && local?.madeWith ? instanceMade(index, steps, path, local.madeWith) : undefined;
  if (instance) return rest.length ? memberOf(index, steps, data, instance, rest, enqueued) : { kind: 'skip' };
  if (parameter || local) {
    const written = parameter?.annotation ?? local?.type;
    // An untyped `db_session.commit()` is still the database: name the session, as the repositories do.
    if (!written && rest.length === 1 && data.sessionNames.has(head.toLowerCase()) && data.dataVerbs.has(rest[0] ?? '')) return { kind: 'external', name: `${head}.${rest[0]} (database session)` };
    // Data of unknown type (a loop variable, a dict) is not a flow step.
    if (!written || rest.length === 0) return { kind: 'skip' };
    const type = local && !parameter ? (madeByCall(index, steps, data, caller, definition, written, depth) ?? typeTarget(index, path, written)) : typeTarget(index, path, written);
    return type ? memberOf(index, steps, data, type, rest, enqueued) : { kind: 'skip' };
  }
  if (BUILTINS.has(head) && rest.length === 0) return { kind: 'skip' };
  const chained = chainedCall(index, steps, data, path, receiverParts, enqueued);
  if (chained) return chained;
  const whole = index.qualify(path, receiverParts.join('.'));
  if (whole && 'symbol' in whole) return symbolTarget(index, whole.symbol, enqueued);
  // A module-level object (`event_bus.publish`) whose class is known from its constructor call.
  const headTarget = index.qualify(path, head);
  if (headTarget && 'symbol' in headTarget && rest.length) {
    const made = index.definition(headTarget.symbol);
    if (made?.kind === 'variable' && made.value) {
      const type = typeTarget(index, SymbolId.parse(headTarget.symbol).path, made.value.callee);
      if (type) {
        const reached = memberOf(index, steps, data, type, rest, enqueued, headTarget.symbol);
        // Made by outside code (`r = redis.Redis()`, `prisma = new PrismaClient()`): the workspace's own client object.
        return reached.kind === 'external' && 'external' in type ? { kind: 'client', object: headTarget.symbol, maker: type.external } : reached;
      }
    }
  }
  // `current_user.launch_task(...)`: a name the framework binds to an instance of the workspace's class (Flask-Login's user).
  const proxied = headTarget && 'external' in headTarget && rest.length ? proxiedClass(index, steps, headTarget.external) : undefined;
  if (proxied) return memberOf(index, steps, data, { symbol: proxied }, rest, enqueued);
  const external = whole && 'external' in whole ? whole.external : call.callee;
  return steps.outside.test(external) ? { kind: 'external', name: external } : { kind: 'skip' };
}

/**
 * The one class outside tests deriving from the classes a proxied name stands for an instance of
 * (none when several do: which one is bound is told at run time).
 */
function proxiedClass(index: SymbolIndex, steps: TraceSteps, proxy: string): string | undefined {
  const bases = steps.proxiedInstances.get(proxy);
  if (!bases) return undefined;
  const classes = index.files().filter((file) => !isTestPath(file.path)).flatMap((file) =>
    index.part(`proxied-classes ${bases.join(' ')}`, file.path, () =>
      [...index.definitionsIn(file.path)].filter(({ symbol }) => index.derivesFromAny(symbol, bases)).map(({ symbol }) => symbol),
    ),
  );
  return classes.length === 1 ? classes[0] : undefined;
}

/**
 * The innermost function or method of the file around a function written in place that declares
 * `name` (a parameter or local; `this` is the nearest one's, as an arrow function's is).
 */
function declaringFunction(index: SymbolIndex, path: string, inner: SymbolDefinition, name: string): { symbol: string; definition: SymbolDefinition } | undefined {
  const found = index.functionsAround(path, inner.range.start.line).find((definition) => {
    if (definition === inner || !contains(definition, inner)) return false;
    return name === 'this' || definition.parameters?.some((candidate) => candidate.name === name) || definition.locals?.some((candidate) => candidate.name === name);
  });
  return found ? { symbol: SymbolId.of(path, found.name), definition: found } : undefined;
}

/**
 * The workspace class a call documented to give an instance of the class it is given makes (`Container.get(AuthService)`),
 * or of the class a container's service definitions name for the id it is given (`container.get('app.mailer')`).
 */
function instanceMade(index: SymbolIndex, steps: TraceSteps, path: string, madeWith: NonNullable<Local['madeWith']>): Target | undefined {
  if (!index.qualifiedNames(path, madeWith.callee).some((name) => steps.instanceMakers.has(name))) return undefined;
  if (madeWith.id) {
    const service = index.serviceClass(madeWith.argument);
    return service ? { symbol: service } : undefined;
  }
  const target = index.qualify(path, madeWith.argument);
  return target && 'symbol' in target && index.definition(target.symbol)?.kind === 'class' ? target : undefined;
}

/** The class or type a method belongs to: in its own file, or, for a Go method declared in another file of its package than its type, where the package defines the type. */
function methodOwner(index: SymbolIndex, path: string, typeName: string): string {
  const here = SymbolId.of(path, typeName);
  return index.definition(here) ? here : (index.resolve(path, typeName) ?? here);
}

/**
 * The type of a local made by a call on another value of the function (`product =
 * uow.products.get(sku)`): what the called function or method returns. Bounded: a local made
 * from another local is followed a few times, never in a circle.
 */
function madeByCall(index: SymbolIndex, steps: TraceSteps, data: DataAccess, caller: string, definition: SymbolDefinition, written: string, depth: number): Target | undefined {
  const head = written.split('.')[0] ?? '';
  const viewObject = head === definition.parameters?.[0]?.name ? viewObjectOf(index, steps, caller, written.slice(head.length + 1)) : undefined;
  if (viewObject) return viewObject;
  const known = definition.parameters?.some((parameter) => parameter.name === head) || definition.locals?.some((local) => local.name === head);
  if (!written.includes('.') || !known || depth > 3) return undefined;
  const resolved = resolveCall(index, steps, data, caller, definition, { callee: written, line: definition.range.start.line, character: 0 }, depth + 1);
  return resolved.kind === 'symbol' ? returnedType(index, resolved.symbol) : undefined;
}

/**
 * What a view's own inherited getter returns (`self.get_object()` in a `ModelViewSet`): an instance of
 * the model its query set attribute names (`queryset = Timer.objects.all()`), read on the view's
 * class or the workspace classes it derives from.
 */
function viewObjectOf(index: SymbolIndex, steps: TraceSteps, caller: string, method: string): Target | undefined {
  const getter = steps.viewObjectGetters.find((candidate) => candidate.method === method);
  const view = getter ? SymbolId.owner(caller) : undefined;
  // A view that writes its own getter returns what its code does.
  if (!getter || !view || index.definition(view)?.kind !== 'class' || index.methodOrInherited(view, method)) return undefined;
  const ancestry = index.ancestry(view);
  if (!getter.bases.some((base) => ancestry.names.includes(base))) return undefined;
  for (const owner of [view, ...ancestry.classes]) {
    const attribute = index.definition(owner)?.attributes?.find((candidate) => candidate.name === getter.attribute);
    const written = attribute?.call?.callee ?? attribute?.type;
    if (!written) continue;
    // `models.Timer.objects.all`: the longest start of it that names a workspace class.
    const parts = written.split('.');
    for (let length = parts.length; length > 0; length--) {
      const model = index.resolve(SymbolId.parse(owner).path, parts.slice(0, length).join('.'));
      if (model && index.definition(model)?.kind === 'class') return { symbol: model };
    }
    return undefined;
  }
  return undefined;
}

/**
 * A method called on what a call returns, `OrderService.for_session(db).cancel_order(...)`: the
 * function or method called first gives the type (its return annotation, or the class it makes;
 * a class called makes an instance of itself), the rest is followed from there.
 */
function chainedCall(index: SymbolIndex, steps: TraceSteps, data: DataAccess, path: string, parts: readonly string[], enqueued: boolean): Resolved | undefined {
  const made = parts.findIndex((part, position) => position > 0 && part.endsWith('()'));
  if (made < 0 || made === parts.length - 1) return undefined;
  const callee = [...parts.slice(0, made), (parts[made] ?? '').slice(0, -2)].join('.');
  const target = index.resolve(path, callee);
  const kind = target ? index.definition(target)?.kind : undefined;
  if (!target || (kind !== 'function' && kind !== 'method' && kind !== 'class')) return undefined;
  const type = kind === 'class' ? { symbol: target } : returnedType(index, target);
  return type ? memberOf(index, steps, data, type, parts.slice(made + 1), enqueued) : undefined;
}

/** Collections as Python's and TypeScript's type annotations write them: what they hold is data, their methods (`append`, `push`) no step. */
const COLLECTION_TYPE = /^(typing\.)?(List|list|Set|set|FrozenSet|frozenset|Dict|dict|Mapping|MutableMapping|Sequence|Iterable|Tuple|tuple|Deque|deque|Array|ReadonlyArray|Map|Record)\s*[[<]|\[\]$/;

/** A log line (`logger.info(...)`, `this.logger.debug(...)`, `console.log(...)`) moves no data of the flow: no step. */
export function isLogging(parts: readonly string[]): boolean {
  const receiver = parts[parts.length - 2] ?? '';
  return /^_?(logger|log|console)$/i.test(receiver) && /^(debug|info|warn|warning|error|exception|critical|log|trace|fatal)$/.test(parts[parts.length - 1] ?? '');
}

/** Whether a type as written is a collection (`List[Batch]`, `Order[]`): data, not a collaborator. */
export function isCollectionType(written: string): boolean {
  return COLLECTION_TYPE.test(written.trim());
}

/**
 * A type as written in a file, made a target: a workspace class, or an outside name; type aliases
 * are followed, and so are Go types defined over an interface. A collection is no target.
 */
function typeTarget(index: SymbolIndex, path: string, written: string, depth = 0): TypeTarget | undefined {
  if (isCollectionType(written)) return undefined;
  const target = index.qualify(path, bareType(written));
  if (!target || !('symbol' in target)) return target;
  const definition = index.definition(target.symbol);
  if (definition?.alias && depth < 4) return typeTarget(index, SymbolId.parse(target.symbol).path, definition.alias, depth + 1);
  return interfaceDefinedOver(index, target.symbol, definition) ?? target;
}

/**
 * The interface a Go type is defined over (`type ListHandler QueryHandler[ListOrders, []Order]`): the
 * type has that interface's methods and no others (an interface type declares no methods of its own),
 * and its type arguments tell which implementations fit.
 */
function interfaceDefinedOver(index: SymbolIndex, symbol: string, definition: SymbolDefinition | undefined): TypeTarget | undefined {
  const underlying = definition?.underlying;
  if (!underlying) return undefined;
  const { path } = SymbolId.parse(symbol);
  const over = index.qualify(path, underlying.type);
  if (!over || !('symbol' in over) || over.symbol === symbol || index.definition(over.symbol)?.keywords?.['interface'] !== 'true') return undefined;
  return underlying.arguments ? { symbol: over.symbol, instantiation: { path, arguments: underlying.arguments } } : over;
}

/** The text of the type alias a written type names, with the file it is written in. */
function aliasOf(index: SymbolIndex, path: string, written: string): { text: string; path: string } | undefined {
  const target = index.qualify(path, bareType(written));
  if (!target || !('symbol' in target)) return undefined;
  const alias = index.definition(target.symbol)?.alias;
  return alias ? { text: alias, path: SymbolId.parse(target.symbol).path } : undefined;
}

/** `rest` followed from a type: attributes of known type, then the method; factories by their return type. */
function memberOf(index: SymbolIndex, steps: TraceSteps, data: DataAccess, type: TypeTarget, rest: readonly string[], enqueued: boolean, receiver?: string, depth = 0): Resolved {
  if (depth > 6) return { kind: 'skip' };
  if ('external' in type) {
    const name = [type.external, ...rest].join('.');
    return steps.outside.test(name) ? { kind: 'external', name } : { kind: 'skip' };
  }
  const made = index.definition(type.symbol);
  if (rest.length === 0) return symbolTarget(index, type.symbol, enqueued);
  if (made?.kind === 'function' || made?.kind === 'method') {
    // `service = OrderService.for_session(db)`: the object is what the factory returns.
    const returned = returnedType(index, type.symbol);
    return returned ? memberOf(index, steps, data, returned, rest, enqueued, receiver, depth + 1) : { kind: 'unresolved' };
  }
  if (made?.kind !== 'class') return { kind: 'skip' }; // an object made by outside code (`SessionLocal()`): not followed
  const [first = '', ...more] = rest;
  // Not defined in the workspace: inherited from an outside base (pydantic's `.dict()`, an Enum's
  // `.name`), named when it matters, else no step; only a class with no outside base is unresolved.
  const outside = () => {
    const base = index.ancestry(type.symbol).names.find((name) => !name.includes(':'));
    if (!base) return { kind: 'unresolved' } as const;
    const name = `${base}.${rest.join('.')}`;
    return steps.outside.test(name) ? ({ kind: 'external', name } as const) : ({ kind: 'skip' } as const);
  };
  if (more.length === 0) {
    const found = index.methodOrInherited(type.symbol, first);
    if (found && !isProperty(index, found)) {
      return { kind: 'symbol', symbol: found, ...(receiver ? { receiver } : {}), ...(enqueued ? { enqueued } : {}), ...(ownerOf(found) !== type.symbol ? { instanceOf: type.symbol } : {}), ...(type.instantiation ? { instantiation: type.instantiation } : {}) };
    }
    if (found || attributeTarget(index, steps, type.symbol, first)) return { kind: 'skip' };
    return outside();
  }
  const attribute = attributeTarget(index, steps, type.symbol, first);
  if (attribute) return memberOf(index, steps, data, attribute, more, enqueued, undefined, depth + 1);
  if (hasAttribute(index, type.symbol, first)) {
    // An attribute of unknown type: a session-named one (`self.session.query(...)`) is the database; other data (`self.queue.pop()`) is no step.
    const verb = more[0] ?? '';
    return data.sessionNames.has(first.toLowerCase()) && data.dataVerbs.has(verb) ? { kind: 'external', name: `${first}.${verb} (database session)` } : { kind: 'skip' };
  }
  return outside();
}

/** Whether a class or one of its workspace ancestors sets an attribute, typed or not. */
function hasAttribute(index: SymbolIndex, classSymbol: string, name: string): boolean {
  return [classSymbol, ...index.ancestry(classSymbol).classes].some((owner) => index.definition(owner)?.attributes?.some((attribute) => attribute.name === name));
}

/** A class named as callee is its constructor: `__init__` (Java: the one named after the class) when it has one, else the class itself. Exceptions are not flow steps. */
function symbolTarget(index: SymbolIndex, symbol: string, enqueued: boolean): Resolved {
  const definition = index.definition(symbol);
  if (definition?.kind === 'class') {
    if (index.ancestry(symbol).names.some((name) => /(^|\.)(\w*Exception|Error|\w+Error)$/.test(name))) return { kind: 'skip' };
    return { kind: 'symbol', symbol: index.methodOrInherited(symbol, '__init__') ?? index.method(symbol, lastSegment(symbol.slice(symbol.lastIndexOf(':') + 1))) ?? symbol };
  }
  if (definition?.kind === 'variable') return { kind: 'skip' };
  return { kind: 'symbol', symbol, ...(enqueued ? { enqueued } : {}) };
}

/** Whether a method's call is on its own object (`this.x()`, `self.x()`). */
function isOnSelf(definition: SymbolDefinition, call: CallSite): boolean {
  const self = definition.kind === 'method' ? definition.parameters?.[0]?.name : undefined;
  const parts = call.callee.split('.');
  return self !== undefined && parts.length === 2 && parts[0] === self;
}

/** The receiver's own version of a method its inherited method calls on itself, when it is another than the one the syntax reached. */
function overrideOnReceiver(index: SymbolIndex, definition: SymbolDefinition, call: CallSite, receiver: string, reached: string): string | undefined {
  if (!isOnSelf(definition, call)) return undefined;
  const own = index.methodOrInherited(receiver, lastSegment(reached));
  return own !== undefined && own !== reached ? own : undefined;
}


/**
 * The type of an attribute of a class or of its workspace ancestors, qualified in the file that
 * states it: an annotated or constructed attribute, or a property's return annotation.
 */
function attributeTarget(index: SymbolIndex, steps: TraceSteps, classSymbol: string, name: string): Target | undefined {
  for (const owner of [classSymbol, ...index.ancestry(classSymbol).classes]) {
    // Made by a call on the object itself (`self.session = self.session_factory()`): no type written.
    const attribute = index.definition(owner)?.attributes?.find((candidate) => candidate.name === name && candidate.type && !/^(self|this|cls)\./.test(candidate.type));
    const related = attribute?.call && steps.toOneRelations.has(lastSegment(attribute.call.callee)) ? attribute.call.args[0]?.replace(/^(['"])(\w+)\1$/, '$2') : undefined;
    if (related) return /^[\w.]+$/.test(related) ? typeTarget(index, SymbolId.parse(owner).path, related) : undefined;
    if (attribute?.type) return typeTarget(index, SymbolId.parse(owner).path, attribute.type);
    if (isProperty(index, `${owner}.${name}`)) return returnedType(index, `${owner}.${name}`);
  }
  return undefined;
}

/**
 * What a function returns: its return annotation, or else the class it constructs last
 * (`def get_repositories(...): return AllRepositories(...)`).
 */
function returnedType(index: SymbolIndex, symbol: string): Target | undefined {
  const definition = index.definition(symbol);
  const { path } = SymbolId.parse(symbol);
  if (definition?.returns) return typeTarget(index, path, definition.returns);
  for (const call of [...(definition?.calls ?? [])].reverse()) {
    const target = index.qualify(path, call.callee);
    if (target && 'symbol' in target && index.definition(target.symbol)?.kind === 'class') return target;
  }
  return undefined;
}

function isProperty(index: SymbolIndex, method: string): boolean {
  return (index.definition(method)?.decorators ?? []).some((decorator) => /(^|\.)(property|cached_property)$/.test(decorator));
}

function constructorOf(index: SymbolIndex, path: string, annotation: string): string | undefined {
  const symbol = index.resolve(path, bareType(annotation));
  return symbol ? (index.methodOrInherited(symbol, '__init__') ?? symbol) : undefined;
}

/** `Optional["OrderService"]`, `OrderService | None`, `"OrderService"` → `OrderService`. */
function bareType(written: string): string {
  const names = written.replace(/["']/g, '').match(/[A-Za-z_][\w.]*/g) ?? [];
  return names.find((name) => !['Optional', 'None', 'typing', 'Annotated', 'Union', 'list', 'List', 'type', 'Type'].includes(name)) ?? written;
}

/** The class a method is written in; a function stands for itself. */
function ownerOf(symbol: string): string {
  return SymbolId.owner(symbol) ?? symbol;
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}
