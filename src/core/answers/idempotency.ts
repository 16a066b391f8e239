import type { CallSite } from '../parse/facts';
import { type AnswerFact, type AnswerPart, type Entity, type SourceLocation, SymbolId, type TraceStep } from '../result';
import { type AnswerContext, answerPart, fact, firstFileOf, gap, noneFound, inPart, inScope, routeLocation, tracedFunctions } from './context';
import { studyRoutes } from './flow';
import { IDEMPOTENT_METHODS, SAFE_METHODS } from './http';
import { say } from './phrases';

/** Routes listed per method at most; the rest are counted in the fact. */
const ROUTES_PER_METHOD = 6;

/**
 * Which operations may be repeated safely: the routes by HTTP method (HTTP defines GET, PUT and
 * DELETE as idempotent, POST and PATCH not; a route the code does not narrow takes any), then
 * operation by operation what a repeat does — an insert-or-update finds what the first request
 * made, a new entity made on the way adds another — then the unique constraints that reject a
 * second insert.
 */
export function idempotentAnswer(context: AnswerContext): AnswerPart[] {
  const byMethod = new Map<string, ReturnType<typeof studyRoutes>>();
  for (const route of studyRoutes(context)) byMethod.set(route.method, [...(byMethod.get(route.method) ?? []), route]);
  const methods: AnswerFact[] = [...byMethod].map(([method, routes]) => {
    const first = routes[0];
    const listed = routes.slice(0, ROUTES_PER_METHOD).map((route) => route.path).join(', ') + (routes.length > ROUTES_PER_METHOD ? ', …' : '');
    const phrase = method === 'ANY' ? 'methodAny' : IDEMPOTENT_METHODS.has(method) ? 'methodIdempotent' : 'methodNotIdempotent';
    return fact(first ? routeLocation(context.index, first) : { path: '', line: 0 }, phrase, method, routes.length, listed);
  });
  const safe: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      for (const call of definition.calls ?? []) {
        if (isIdempotentWrite(context, call.callee) && !savedAfter(context, definition.calls ?? [], call.line)) safe.push(fact({ path: file.path, line: call.line }, 'idempotentWrite', SymbolId.label(symbol), call.callee));
      }
    }
  }
  for (const entity of context.result.dataModel.entities) {
    for (const rule of entity.rules) if (rule.kind === 'unique' && inPart(context, rule.location.path) && !generatedEachInsert(entity, rule.columns)) safe.push(fact(rule.location, 'uniqueRejectsRepeat', entity.name, rule.text));
  }
  const operations = operationFacts(context);
  return [
    answerPart(say('methodsTopic'), methods, gap('noRoutes', firstFileOf(context, ['api']))),
    answerPart(say('repeatByOperationTopic'), operations.repeats, noneFound('noRepeatByOperation')),
    answerPart(say('repeatSafeTopic'), [...operations.guarded, ...safe], gap('noRepeatSafety', firstFileOf(context, ['api', 'application']))),
  ];
}

function isIdempotentWrite(context: AnswerContext, callee: string): boolean {
  return context.frameworks.idempotentWrites.has(methodName(callee));
}

/** The method a dotted callee calls: `db.session.add` → `add`. */
function methodName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

/** A get-or-create whose function later saves an instance (`obj.tokens -= 1; obj.save()`) changes what it found: each repeat changes it again. */
function savedAfter(context: AnswerContext, calls: readonly CallSite[], line: number): boolean {
  return calls.some((call) => call.line > line && context.frameworks.instanceSaves.has(methodName(call.callee)));
}

/**
 * What the path from the handler to a step's call waits on, innermost first: the `if` a call on it is
 * written under (`if self.status != new_status:`), or an `except` clause (made only when the `try`
 * above fails, as when a lookup finds nothing) with the guard clauses in it that return before the
 * call (`if request.GET.get("create") != "1": return …`).
 */
function guardOf(context: AnswerContext, steps: readonly TraceStep[], index: number): { location: SourceLocation; condition?: string; returnsFirst?: string[]; stateGuard?: string } | undefined {
  for (let at = index; at >= 0; ) {
    const step = steps[at] as TraceStep;
    const depth = step.depth ?? 0;
    if (!step.site || depth === 0) return undefined;
    let caller = at - 1;
    while (caller >= 0 && ((steps[caller] as TraceStep).depth ?? 0) >= depth) caller--;
    const callerSymbol = caller >= 0 ? (steps[caller] as TraceStep).symbol : undefined;
    const site = step.site;
    const definition = callerSymbol ? context.index.definition(callerSymbol) : undefined;
    const call = definition?.calls?.find((candidate) => candidate.line === site.line);
    if (call?.condition) return { location: { path: site.path, line: site.line }, condition: call.condition };
    if (site.branch === 'except') {
      const clause = definition?.handles?.find((handled) => handled.line <= site.line && site.line <= handled.end);
      const returnsFirst = clause ? (definition?.refusals ?? []).filter((refusal) => refusal.line > clause.line && refusal.line < site.line).map((refusal) => refusal.condition) : [];
      return { location: { path: site.path, line: site.line }, ...(returnsFirst.length ? { returnsFirst } : {}) };
    }
    const stateGuard = definition?.refusals?.find((refusal) => refusal.line < site.line && refusal.line >= definition.range.start.line && STATE_GUARD.test(refusal.condition));
    if (stateGuard) return { location: { path: site.path, line: stateGuard.line }, stateGuard: stateGuard.condition };
    at = caller;
  }
  return undefined;
}

/**
 * The local a step's instance is kept in (`dummy = Check(project=…)`) when the function that makes it
 * never saves it (no `dummy.save()`) nor hands anything to a session: a stand-in (a dummy
 * object a test notification is built around), no row, unless what it is given to saves it.
 */
function unsavedLocal(context: AnswerContext, steps: readonly TraceStep[], index: number): string | undefined {
  const step = steps[index] as TraceStep;
  const depth = step.depth ?? 0;
  let caller = index - 1;
  while (caller >= 0 && ((steps[caller] as TraceStep).depth ?? 0) >= depth) caller--;
  const definition = caller >= 0 ? context.index.definition((steps[caller] as TraceStep).symbol) : undefined;
  const calls = definition?.calls ?? [];
  const made = calls.find((call) => call.line === step.site?.line && call.callee.split('.').pop() === SymbolId.parse(step.symbol).name.split('.').pop());
  const local = made ? definition?.locals?.find((candidate) => candidate.type === made.callee) : undefined;
  if (!local || !context.frameworks.instanceSaves.size) return undefined;
  const savesItself = (callee: string) => callee.startsWith(`${local.name}.`) && context.frameworks.instanceSaves.has(callee.slice(local.name.length + 1));
  const handsToSession = (callee: string) => !callee.startsWith(`${local.name}.`) && callee.includes('.') && context.frameworks.sessionSaves.has(methodName(callee));
  const saved = calls.some((call) => savesItself(call.callee) || handsToSession(call.callee));
  return saved ? undefined : local.name;
}

/**
 * A guard clause on an object's state (`if check.status == "paused": return …`): an attribute
 * compared with a literal, as a handler written to be repeated checks the state its first run
 * leaves before it changes anything. A comparison with another value (`check.project_id !=
 * request.project.id`) is a permission check, and one on the request (`request.method == "POST"`)
 * chooses what the request does: neither guards a state.
 */
const STATE_GUARD = /^(?!(?:request|req)\.)[A-Za-z_]\w*(?:\.\w+)+ (?:==|!=|is not|is|in|not in) (?:(?:"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|True|False|None|(?:\w+\.)*[A-Z][A-Z0-9_]*)|[([](?:"[^"]*"|'[^']*')(?:, ?(?:"[^"]*"|'[^']*'))*,?[)\]])$/;

/** A unique column filled with a default (`default=uuid.uuid4`) gets a new value on every insert: it never rejects a repeat. */
function generatedEachInsert(entity: Entity, columns: readonly string[]): boolean {
  return columns.some((name) => entity.columns.find((column) => column.name === name)?.default !== undefined);
}

/**
 * What repeating each write does, from its trace: an insert-or-update it reaches (`get_or_create`)
 * finds what the first request made; an entity of the data model it makes (`Ping(...)`) is a new
 * one each time the request goes that way (the trace does not tell the branch). Routes sharing a
 * handler (an API's versions) are told once; a write behind a guard on state (`guarded`) is told with what makes a repeat safe.
 */
function operationFacts(context: AnswerContext): { repeats: AnswerFact[]; guarded: AnswerFact[] } {
  const entities = new Map(context.result.dataModel.entities.flatMap((entity) => (entity.symbol ? [[entity.symbol, entity.name] as const] : [])));
  const once: AnswerFact[] = [];
  const guarded: AnswerFact[] = [];
  const adds: AnswerFact[] = [];
  const conditional: AnswerFact[] = [];
  const seen = new Set<string>();
  for (const route of studyRoutes(context)) {
    if (SAFE_METHODS.has(route.method)) continue;
    const operation = `${route.method} ${route.path}`;
    const trace = context.traceOf(route);
    for (const symbol of tracedFunctions(trace)) {
      const { path } = SymbolId.parse(symbol);
      for (const call of context.index.definition(symbol)?.calls ?? []) {
        const key = `${route.handler} ${path}:${call.line}`;
        if (!isIdempotentWrite(context, call.callee) || savedAfter(context, context.index.definition(symbol)?.calls ?? [], call.line) || seen.has(key)) continue;
        seen.add(key);
        once.push(fact({ path, line: call.line }, 'routeWritesOnce', operation, call.callee));
      }
    }
    trace.steps.forEach((step, index) => {
      const entity = step.external || step.unresolved ? undefined : entities.get(step.symbol);
      const key = `${route.handler} ${step.symbol}`;
      if (!entity || !step.site || seen.has(key)) return;
      seen.add(key);
      const guard = guardOf(context, trace.steps, index);
      if (guard?.stateGuard) guarded.push(fact(guard.location, 'routeAddsPastStateGuard', operation, entity, guard.stateGuard));
      else if (guard?.condition) conditional.push(fact(guard.location, 'routeAddsWhen', operation, entity, guard.condition));
      else if (guard?.returnsFirst) conditional.push(fact(guard.location, 'routeAddsOnFailurePast', operation, entity, guard.returnsFirst.join('; ')));
      else if (guard) conditional.push(fact(guard.location, 'routeAddsOnFailure', operation, entity));
      else {
        const unsaved = unsavedLocal(context, trace.steps, index);
        if (unsaved) conditional.push(fact({ path: step.site.path, line: step.site.line }, 'routeMakesUnsaved', operation, entity, unsaved));
        else adds.push(fact({ path: step.site.path, line: step.site.line }, 'routeAddsEachTime', operation, entity));
      }
    });
    for (const symbol of tracedFunctions(trace)) {
      const { path } = SymbolId.parse(symbol);
      for (const increment of context.index.definition(symbol)?.increments ?? []) {
        const key = `${route.handler} ${path}:${increment.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const location = { path, line: increment.line };
        if (increment.condition) conditional.push(fact(location, 'routeIncrementsWhen', operation, increment.target, increment.condition));
        else adds.push(fact(location, 'routeIncrementsEachTime', operation, increment.target));
      }
    }
  }
  // What every repeat changes again comes first: it is what makes an operation not idempotent. A
  // guard on state is what makes one safe to repeat: it is told with the other guards.
  return { repeats: [...adds, ...conditional, ...once], guarded };
}
