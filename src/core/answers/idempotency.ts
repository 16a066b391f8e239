import { type AnswerFact, type AnswerPart, type Entity, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, firstFileOf, gap, inPart, inScope, routeLocation, tracedFunctions } from './context';
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
        if (isIdempotentWrite(context, call.callee)) safe.push(fact({ path: file.path, line: call.line }, 'idempotentWrite', SymbolId.label(symbol), call.callee));
      }
    }
  }
  for (const entity of context.result.dataModel.entities) {
    for (const rule of entity.rules) if (rule.kind === 'unique' && inPart(context, rule.location.path) && !generatedEachInsert(entity, rule.columns)) safe.push(fact(rule.location, 'uniqueRejectsRepeat', entity.name, rule.text));
  }
  return [
    answerPart(say('methodsTopic'), methods, gap('noRoutes', firstFileOf(context, ['api']))),
    answerPart(say('repeatByOperationTopic'), operationFacts(context), gap('noRepeatByOperation', firstFileOf(context, ['api']))),
    answerPart(say('repeatSafeTopic'), safe, gap('noRepeatSafety', firstFileOf(context, ['api', 'application']))),
  ];
}

function isIdempotentWrite(context: AnswerContext, callee: string): boolean {
  return context.frameworks.idempotentWrites.has(callee.slice(callee.lastIndexOf('.') + 1));
}

/** A unique column filled with a default (`default=uuid.uuid4`) gets a new value on every insert: it never rejects a repeat. */
function generatedEachInsert(entity: Entity, columns: readonly string[]): boolean {
  return columns.some((name) => entity.columns.find((column) => column.name === name)?.default !== undefined);
}

/**
 * What repeating each write does, from its trace: an insert-or-update it reaches (`get_or_create`)
 * finds what the first request made; an entity of the data model it makes (`Ping(...)`) is a new
 * one each time the request goes that way (the trace does not tell the branch). Routes sharing a
 * handler (an API's versions) are told once.
 */
function operationFacts(context: AnswerContext): AnswerFact[] {
  const entities = new Map(context.result.dataModel.entities.flatMap((entity) => (entity.symbol ? [[entity.symbol, entity.name] as const] : [])));
  const once: AnswerFact[] = [];
  const adds: AnswerFact[] = [];
  const seen = new Set<string>();
  for (const route of studyRoutes(context)) {
    if (SAFE_METHODS.has(route.method)) continue;
    const operation = `${route.method} ${route.path}`;
    const trace = context.traceOf(route);
    for (const symbol of tracedFunctions(trace)) {
      const { path } = SymbolId.parse(symbol);
      for (const call of context.index.definition(symbol)?.calls ?? []) {
        const key = `${route.handler} ${path}:${call.line}`;
        if (!isIdempotentWrite(context, call.callee) || seen.has(key)) continue;
        seen.add(key);
        once.push(fact({ path, line: call.line }, 'routeWritesOnce', operation, call.callee));
      }
    }
    for (const step of trace.steps) {
      const entity = step.external || step.unresolved ? undefined : entities.get(step.symbol);
      const key = `${route.handler} ${step.symbol}`;
      if (!entity || !step.site || seen.has(key)) continue;
      seen.add(key);
      adds.push(fact({ path: step.site.path, line: step.site.line }, 'routeAddsEachTime', operation, entity));
    }
  }
  return [...once, ...adds];
}
