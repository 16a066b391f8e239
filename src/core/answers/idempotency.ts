import type { CallSite, FillFact } from '../parse/facts';
import { caughtNames, raisedStatus } from '../resolve/errorStatus';
import { type AnswerFact, type AnswerPart, type Entity, type Route, type SourceLocation, SymbolId, type Trace, type TraceStep } from '../result';
import { type AnswerContext, answerPart, fact, findingSites, findingsByFunction, firstFileOf, functionAt, gap, noneFound, inPart, inScope, routeLocation, tracedFunctions } from './context';
import { responseStatus } from './errors';
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
  const operations = operationFacts(context);
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
    for (const rule of entity.rules) if (rule.kind === 'unique' && inPart(context, rule.location.path) && !generatedEachInsert(entity, rule.columns) && !neverMetByRoutes(operations.inserted, entity, rule)) safe.push(fact(rule.location, 'uniqueRejectsRepeat', entity.name, rule.text));
  }
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
 * object a test notification is built around), no row, unless what it is given to saves it: neither
 * a write to repeat nor work queued for a worker.
 */
export function unsavedLocal(context: AnswerContext, steps: readonly TraceStep[], index: number): string | undefined {
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
/** The unique rules a route's insert of an entity can break, by the entity's symbol: an entity absent was inserted by no traced route. */
type InsertedRules = Map<string, Set<Entity['rules'][number]>>;

/** A rule of an entity the routes insert that none of their inserts can break (each fills the column with a generated value or leaves it null): it refuses no repeated request. */
function neverMetByRoutes(inserted: InsertedRules, entity: Entity, rule: Entity['rules'][number]): boolean {
  const met = entity.symbol ? inserted.get(entity.symbol) : undefined;
  return !!met && !met.has(rule);
}

function operationFacts(context: AnswerContext): { repeats: AnswerFact[]; guarded: AnswerFact[]; inserted: InsertedRules } {
  const inserted: InsertedRules = new Map();
  const entities = new Map(context.result.dataModel.entities.flatMap((entity) => (entity.symbol ? [[entity.symbol, entity.name] as const] : [])));
  const once: AnswerFact[] = [];
  const guarded: AnswerFact[] = [];
  const adds: AnswerFact[] = [];
  const conditional: AnswerFact[] = [];
  const unique: AnswerFact[] = [];
  const rewrites: AnswerFact[] = [];
  const seen = new Set<string>();
  for (const route of studyRoutes(context)) {
    if (SAFE_METHODS.has(route.method)) continue;
    const operation = `${route.method} ${route.path}`;
    const trace = context.traceOf(route);
    const told = adds.length + conditional.length;
    const made: { entity: string; site: SourceLocation }[] = [];
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
      made.push({ entity: step.symbol, site: { path: step.site.path, line: step.site.line } });
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
    for (const entry of handedToSession(context, trace)) {
      const key = `${route.handler} ${entry.entity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      made.push(entry);
      const name = entities.get(entry.entity) ?? SymbolId.label(entry.entity);
      if (entry.condition) conditional.push(fact(entry.site, 'routeAddsWhen', operation, name, entry.condition));
      else adds.push(fact(entry.site, 'routeAddsEachTime', operation, name));
    }
    unique.push(...uniqueRepeatFacts(context, route, trace, made));
    for (const { entity: symbol, site } of made) {
      const entity = context.result.dataModel.entities.find((candidate) => candidate.symbol === symbol);
      const met = inserted.get(symbol) ?? new Set();
      inserted.set(symbol, met);
      for (const rule of entity ? uniqueRulesMet(context, entity, site) : []) met.add(rule);
    }
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
    const repeatsSomething = adds.length + conditional.length > told;
    if (route.method === 'DELETE') rewrites.push(...deletedTwiceFacts(context, route, trace));
    else if (!repeatsSomething && (route.method === 'PUT' || route.method === 'PATCH')) {
      const refused = refusedAfterOwnWrite(context, trace);
      const write = refused ? undefined : writeSite(context, trace);
      if (refused) rewrites.push(fact(refused.location, 'routeRefusedAfterOwnWrite', operation, refused.status, refused.condition, refused.written));
      else if (write) rewrites.push(fact(write, 'routeRewritesSame', operation));
    }
  }
  // What every repeat changes again comes first: it is what makes an operation not idempotent. A
  // guard on state is what makes one safe to repeat: it is told with the other guards.
  return { repeats: [...adds, ...unique, ...conditional, ...once, ...rewrites], guarded, inserted };
}

/**
 * Entities a traced function makes through a class method (`item = Item.model_validate(data)`,
 * `Order.create(...)`) and hands to a session (`session.add(item)`): a new row each time the
 * request goes that way, under the `if` the making call is written in.
 */
function handedToSession(context: AnswerContext, trace: Trace): { entity: string; site: SourceLocation; condition?: string }[] {
  const entities = new Set(context.result.dataModel.entities.flatMap((entity) => (entity.symbol ? [entity.symbol] : [])));
  const found: { entity: string; site: SourceLocation; condition?: string }[] = [];
  for (const symbol of tracedFunctions(trace)) {
    const definition = context.index.definition(symbol);
    const { path } = SymbolId.parse(symbol);
    const calls = definition?.calls ?? [];
    for (const local of definition?.locals ?? []) {
      const parts = (local.type ?? '').split('.');
      const entity = parts.length === 2 ? context.index.resolve(path, parts[0] ?? '') : undefined;
      if (!entity || !entities.has(entity)) continue;
      const handed = calls.some((call) => call.callee.includes('.') && !call.callee.startsWith(`${local.name}.`) && context.frameworks.sessionSaves.has(methodName(call.callee)));
      const making = calls.find((call) => call.callee === local.type);
      if (handed && making) found.push({ entity, site: { path, line: making.line }, ...(making.condition ? { condition: making.condition } : {}) });
    }
  }
  return found;
}

/** Whether a route's path catches the error a write breaking a constraint raises: an `except` naming it (or every error) in a traced function, or a registered handler of it. */
export function catchesIntegrityError(context: AnswerContext, trace: Trace): SourceLocation | undefined {
  const integrity = context.frameworks.integrityErrors;
  const catching = (path: string, written: string) => written === 'Exception' || written === 'BaseException' || caughtNames(context.index, path, written).some((name) => integrity.has(name));
  for (const symbol of tracedFunctions(trace)) {
    const { path } = SymbolId.parse(symbol);
    const clause = context.index.definition(symbol)?.handles?.find((handled) => !handled.reraises && handled.exceptions.some((written) => catching(path, written)));
    if (clause) return { path, line: clause.line };
  }
  for (const finding of context.result.findings) {
    if (finding.category !== 'error-handler') continue;
    const { path } = SymbolId.parse(finding.symbol);
    const handles = String(finding.details['handles'] ?? '').replace(/^[({](.*)[)}]$/, '$1').split(',').map((name) => name.trim()).filter(Boolean);
    if (handles.some((written) => catching(path, written))) return findingSites(finding)[0];
  }
  return undefined;
}

/**
 * What a repeat of a route that inserts a row of an entity with a unique rule meets: a check the
 * handler makes first and refuses on (`if user: raise HTTPException(400)`), then the rule itself —
 * caught where an `except` or handler names the integrity error, else an uncaught error, which
 * after such a check only two requests racing past it meet.
 */
function uniqueRepeatFacts(context: AnswerContext, route: Route, trace: Trace, made: readonly { entity: string; site: SourceLocation }[]): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const operation = `${route.method} ${route.path}`;
  for (const { entity: symbol, site } of made) {
    const entity = context.result.dataModel.entities.find((candidate) => candidate.symbol === symbol);
    const rule = entity ? uniqueRule(context, entity, site) : undefined;
    if (!entity || !rule) continue;
    const refusal = checkedFirst(context, route, trace, site, rule.columns);
    if (refusal) facts.push(fact(refusal.location, 'routeRepeatRefusedFirst', operation, refusal.status, refusal.condition, entity.name));
    const caught = catchesIntegrityError(context, trace);
    const status = context.frameworks.uncaughtErrors.get(route.framework)?.status ?? 500;
    const columns = rule.columns.join('`, `');
    if (caught) facts.push(fact(caught, 'routeRepeatUniqueCaught', operation, entity.name, rule.text, columns));
    else if (refusal) facts.push(fact(rule.location, 'routeRepeatUniqueRace', operation, entity.name, rule.text, status, columns, refusal.status));
    else facts.push(fact(rule.location, 'routeRepeatUniqueUncaught', operation, entity.name, rule.text, status, columns));
  }
  return facts;
}

/**
 * The entities a route's path inserts (made as a step, or through a class method and handed to a
 * session) whose unique rule a duplicate breaks with nothing on the path catching the integrity
 * error, with the refusal the handler tests first when it has one (then only a race gets past it).
 */
export function uncaughtUniqueInserts(context: AnswerContext, route: Route, trace: Trace): { entity: Entity; rule: Entity['rules'][number]; checked?: Refusal }[] {
  if (catchesIntegrityError(context, trace)) return [];
  const inserts = [...trace.steps.flatMap((step) => (!step.external && !step.unresolved && step.via !== 'raise' && step.site ? [{ entity: step.symbol, site: { path: step.site.path, line: step.site.line } }] : [])), ...handedToSession(context, trace)];
  const told = new Set<string>();
  return inserts.flatMap(({ entity: symbol, site }) => {
    const entity = context.result.dataModel.entities.find((candidate) => candidate.symbol === symbol);
    const rule = entity && !told.has(symbol) ? uniqueRule(context, entity, site) : undefined;
    if (!entity || !rule) return [];
    told.add(symbol);
    const checked = checkedFirst(context, route, trace, site, rule.columns);
    return [{ entity, rule, ...(checked ? { checked } : {}) }];
  });
}

/** The first unique rule of an entity that a repeated insert at `site` breaks. */
function uniqueRule(context: AnswerContext, entity: Entity, site: SourceLocation): Entity['rules'][number] | undefined {
  return uniqueRulesMet(context, entity, site)[0];
}

/**
 * The unique rules of an entity that a repeated insert at `site` breaks: not one on a column given a
 * new value on every insert, by a default or by the function making the row, nor one on nullable
 * columns that function leaves unset (a unique constraint does not compare NULLs: Django's
 * "Field.unique", null=True on a unique CharField "to avoid unique constraint violations").
 */
function uniqueRulesMet(context: AnswerContext, entity: Entity, site: SourceLocation): Entity['rules'] {
  const made = madeAt(context, entity, site);
  return entity.rules.filter((rule) => rule.kind === 'unique' && !generatedEachInsert(entity, rule.columns) && !(made && (filledWithGenerated(context, made, rule.columns) || leftNull(entity, made, rule.columns))));
}

/** The fills of the function making an entity's row at `site`, and the local the row is kept in when the code names one (`project = Project(owner=user)`). */
function madeAt(context: AnswerContext, entity: Entity, site: SourceLocation): { fills: readonly FillFact[]; local?: string; cut?: boolean } | undefined {
  const caller = functionAt(context.index, site.path, site.line);
  const definition = caller ? context.index.definition(caller) : undefined;
  const fills = definition?.fills ?? [];
  if (!fills.length) return undefined;
  const className = SymbolId.parse(entity.symbol ?? '').name;
  const local = fills.find((fill) => fill.line === site.line && !fill.target.includes('.') && fill.calls.some((callee) => methodName(callee) === className))?.target;
  return { fills, ...(local ? { local } : {}), ...(definition?.fillsCut ? { cut: true } : {}) };
}

/** The row is kept in a local, made without `**` keywords, the function's fills are all kept, and none of the columns, all nullable, is given a value: each insert leaves them NULL. */
function leftNull(entity: Entity, made: { fills: readonly FillFact[]; local?: string; cut?: boolean }, columns: readonly string[]): boolean {
  const { local, fills } = made;
  if (!local || made.cut || fills.some((fill) => fill.target === `${local}.**`)) return false;
  return columns.every((name) => entity.columns.find((column) => column.name === name)?.nullable && !fills.some((fill) => fill.target === `${local}.${name}`));
}

/** How many assignments back a value is followed to the call that made it (`badge_key = user.username` ← `User(username=name)` ← `name = str(uuid4())`). */
const MAX_FILL_HOPS = 4;

/**
 * Whether the function making an entity's row fills all the columns with values it generates on
 * each call (`project.badge_key = str(uuid4())`, or a local or keyword made so): every request then
 * inserts a new value, and a repeat never meets the first one.
 */
function filledWithGenerated(context: AnswerContext, made: { fills: readonly FillFact[]; local?: string }, columns: readonly string[]): boolean {
  const { fills, local } = made;
  const generated = (fill: FillFact, hops: number): boolean =>
    fill.calls.some((callee) => context.frameworks.generatedValues.has(methodName(callee))) ||
    (hops < MAX_FILL_HOPS && fill.reads.some((read) => fills.some((earlier) => earlier.target === read && earlier.line <= fill.line && earlier !== fill && generated(earlier, hops + 1))));
  return columns.every((column) => fills.some((fill) => (local ? fill.target === `${local}.${column}` : fill.target.endsWith(`.${column}`)) && generated(fill, 0)));
}

/** Statuses a handler refuses a duplicate with (RFC 9110: 400 a request it will not process, 409 a conflict with the current state). */
const DUPLICATE_STATUSES: ReadonlySet<number> = new Set([400, 409]);

/**
 * A refusal the handler writes under a condition before the call that leads to the insert (`if user: raise HTTPException(400)`
 * after a lookup): its status, or the function whose answer it returns (`return bad_request("taken")`) when no status is written there.
 */
interface Refusal {
  location: SourceLocation;
  status: number | string;
  condition: string;
}

/**
 * The handler's refusal of a duplicate before the insert: an HTTP error raised under a condition, or
 * an early return of a response (`if db.session.scalar(select(User).where(User.name == name)): return bad_request(…)`)
 * under a condition that names one of the unique columns: a check of what the insert would meet.
 */
function checkedFirst(context: AnswerContext, route: Route, trace: Trace, insert: SourceLocation, columns: readonly string[]): Refusal | undefined {
  const handler = trace.steps[0]?.symbol ?? route.handler;
  const { path } = SymbolId.parse(handler);
  // The handler's call that leads to the insert: the insert itself, or the call of the first step below the handler whose span holds it.
  const leading = insert.path === path ? insert.line : trace.steps.find((step) => step.depth === 1 && step.site && !step.external && SymbolId.parse(step.symbol).path === insert.path && spans(context, step.symbol, insert.line))?.site?.line;
  if (leading === undefined) return undefined;
  for (const raised of context.index.definition(handler)?.raises ?? []) {
    const status = raisedStatus(context.index, context.frameworks, path, raised);
    if (status !== undefined && DUPLICATE_STATUSES.has(status) && raised.condition && raised.line < leading) return { location: { path, line: raised.line }, status, condition: raised.condition };
  }
  for (const refusal of context.index.definition(handler)?.refusals ?? []) {
    if (refusal.line >= leading || !refusal.returns || !/^[A-Za-z_][\w.]*$/.test(refusal.returns)) continue;
    // Names the condition reads, not words in its strings (`'username' not in data` tests for a field, not the column).
    const named = new Set(refusal.condition.replace(/(["'])(?:\\.|(?!\1)[^\\])*\1/g, '""').match(NAME_IN_CONDITION) ?? []);
    if (!columns.some((column) => named.has(column) || [...named].some((name) => name.endsWith(`.${column}`)))) continue;
    const status = returnedErrorStatus(context, path, refusal.returns);
    if (status === undefined || DUPLICATE_STATUSES.has(status)) return { location: { path, line: refusal.line }, status: status ?? `${refusal.returns}(…)`, condition: refusal.condition };
  }
  return formValidatorFirst(context, handler, leading, columns);
}

/** A form's validation written as the condition of a call (`if form.validate_on_submit():`): the form's local. */
const FORM_VALIDATION = /^(?:not \()?([A-Za-z_]\w*)\.validate(?:_on_submit)?\(\)\)?$/;

/**
 * WTForms' inline validators: a form class's `validate_<field>` method runs when the form is
 * validated, and its raise refuses the field (WTForms' docs, "Custom Validators"). A handler that
 * makes the row only when its form validates refuses a duplicate there, for a field named as a
 * unique column.
 */
function formValidatorFirst(context: AnswerContext, handler: string, leading: number, columns: readonly string[]): Refusal | undefined {
  const { index } = context;
  const definition = index.definition(handler);
  const condition = definition?.calls?.find((call) => call.line === leading)?.condition ?? '';
  const form = FORM_VALIDATION.exec(condition)?.[1];
  const type = form ? definition?.locals?.find((local) => local.name === form)?.type : undefined;
  const formClass = type ? index.resolve(SymbolId.parse(handler).path, type) : undefined;
  if (!formClass) return undefined;
  for (const column of columns) {
    const validator = [formClass, ...index.ancestry(formClass).classes].map((owner) => `${owner}.validate_${column}`).find((symbol) => index.definition(symbol));
    const raised = validator ? index.definition(validator)?.raises?.find((candidate) => candidate.condition && !candidate.asserted) : undefined;
    if (validator && raised?.condition) return { location: { path: SymbolId.parse(validator).path, line: raised.line }, status: `${SymbolId.label(validator)}: ${raised.exception}`, condition: raised.condition };
  }
  return undefined;
}

/** The error status a workspace function a handler returns the answer of writes itself (`return {"error": m}, 400`), when it writes one. */
function returnedErrorStatus(context: AnswerContext, path: string, callee: string): number | undefined {
  const resolved = context.index.resolve(path, callee);
  for (const finding of (resolved && findingsByFunction(context, 'error-response').get(resolved)) || []) {
    const status = responseStatus(context, finding);
    if (status !== undefined && status >= 400) return status;
  }
  return undefined;
}

function spans(context: AnswerContext, symbol: string, line: number): boolean {
  const range = context.index.definition(symbol)?.range;
  return !!range && range.start.line <= line && line <= range.end.line;
}

/** A DELETE whose handler (or a function it calls directly) answers 404 when what it deletes is not there: a second delete is refused so. */
function deletedTwiceFacts(context: AnswerContext, route: Route, trace: Trace): AnswerFact[] {
  const own = trace.steps.filter((step, position) => position === 0 || (step.depth === 1 && step.via === 'call' && !step.external && !step.unresolved));
  for (const step of own) {
    const { path } = SymbolId.parse(step.symbol);
    for (const raised of context.index.definition(step.symbol)?.raises ?? []) {
      if (raisedStatus(context.index, context.frameworks, path, raised) === 404 && raised.condition) return [fact({ path, line: raised.line }, 'routeDeleteTwice404', `${route.method} ${route.path}`, raised.condition)];
    }
  }
  return [];
}

/** A dotted name in a condition as written (`current_user.hashed_password`, `verified`). */
const NAME_IN_CONDITION = /[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g;

/**
 * A 4xx a traced function raises under a test that reads what the same function writes later
 * (`if not verify_password(body.current_password, user.hashed_password): raise …` then
 * `user.hashed_password = …`, through the locals the test names): the first request changes what
 * the test reads, so a repeat is no rewrite of the same values.
 */
function refusedAfterOwnWrite(context: AnswerContext, trace: Trace): (Refusal & { written: string }) | undefined {
  for (const symbol of tracedFunctions(trace)) {
    const definition = context.index.definition(symbol);
    const fills = definition?.fills ?? [];
    if (!fills.length) continue;
    const { path } = SymbolId.parse(symbol);
    for (const raised of definition?.raises ?? []) {
      const status = raisedStatus(context.index, context.frameworks, path, raised);
      if (!raised.condition || status === undefined || status < 400 || status >= 500) continue;
      const read = new Set(raised.condition.match(NAME_IN_CONDITION) ?? []);
      for (let hop = 0; hop < MAX_FILL_HOPS; hop++) {
        for (const fill of fills) if (fill.line < raised.line && read.has(fill.target)) fill.reads.forEach((name) => read.add(name));
      }
      const written = fills.find((fill) => fill.line > raised.line && fill.target.includes('.') && read.has(fill.target));
      if (written) return { location: { path, line: raised.line }, status, condition: raised.condition, written: written.target };
    }
  }
  return undefined;
}

/** Where a route's path writes: a commit or transaction found in a traced function, else a save of an instance. */
function writeSite(context: AnswerContext, trace: Trace): SourceLocation | undefined {
  const committing = findingsByFunction(context, 'transaction');
  for (const symbol of tracedFunctions(trace)) {
    const finding = committing.get(symbol)?.[0];
    if (finding) return { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
    const save = context.index.definition(symbol)?.calls?.find((call) => call.callee.includes('.') && (context.frameworks.instanceSaves.has(methodName(call.callee)) || context.frameworks.sessionSaves.has(methodName(call.callee))));
    if (save) return { path: SymbolId.parse(symbol).path, line: save.line };
  }
  return undefined;
}
