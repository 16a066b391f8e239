import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, firstFileOf, gap, inPart, inScope, routeLocation } from './context';
import { studyRoutes } from './flow';
import { IDEMPOTENT_METHODS } from './http';
import { say } from './phrases';

/** Routes listed per method at most; the rest are counted in the fact. */
const ROUTES_PER_METHOD = 6;

/**
 * Which operations may be repeated safely: the routes by HTTP method (HTTP defines GET, PUT and
 * DELETE as idempotent, POST and PATCH not), then what in the code makes a repeat safe —
 * insert-or-update and get-or-create writes, and unique constraints that reject a second insert.
 */
export function idempotentAnswer(context: AnswerContext): AnswerPart[] {
  const byMethod = new Map<string, ReturnType<typeof studyRoutes>>();
  for (const route of studyRoutes(context)) byMethod.set(route.method, [...(byMethod.get(route.method) ?? []), route]);
  const methods: AnswerFact[] = [...byMethod].map(([method, routes]) => {
    const first = routes[0];
    const listed = routes.slice(0, ROUTES_PER_METHOD).map((route) => route.path).join(', ') + (routes.length > ROUTES_PER_METHOD ? ', …' : '');
    return fact(first ? routeLocation(context.index, first) : { path: '', line: 0 }, IDEMPOTENT_METHODS.has(method) ? 'methodIdempotent' : 'methodNotIdempotent', method, routes.length, listed);
  });
  const safe: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      for (const call of definition.calls ?? []) {
        const method = call.callee.slice(call.callee.lastIndexOf('.') + 1);
        if (context.frameworks.idempotentWrites.has(method)) safe.push(fact({ path: file.path, line: call.line }, 'idempotentWrite', SymbolId.label(symbol), call.callee));
      }
    }
  }
  for (const entity of context.result.dataModel.entities) {
    for (const rule of entity.rules) if (rule.kind === 'unique' && inPart(context, rule.location.path)) safe.push(fact(rule.location, 'uniqueRejectsRepeat', entity.name, rule.text));
  }
  return [
    answerPart(say('methodsTopic'), methods, gap('noRoutes', firstFileOf(context, ['api']))),
    answerPart(say('repeatSafeTopic'), safe, gap('noRepeatSafety', firstFileOf(context, ['api', 'application']))),
  ];
}
