import { listIn } from '../lists';
import type { Hint } from '../parse/facts';
import { type Route, SymbolId } from '../result';
import { joinRoutePaths, normalizeRoutePath, textOf } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/**
 * Routes a configuration maps to actions by name (hint `action-route`: Actionhero's `config/routes.ts`,
 * `{ get: [{ path: "/status", action: "status" }] }`): each path, under the hint's `prefix`, is answered
 * by the class of the hint's `actionBase` whose `name` field is the action's, through its `handlerMethod`.
 * A name no such class has routes nothing.
 */
export function actionRoutes(index: SymbolIndex, hints: readonly Hint[]): Route[] {
  const routed = hints.filter((hint) => hint.hint === 'action-route');
  if (!routed.length) return [];
  const wanted = new Set(routed.map((hint) => textOf(hint.details['action'])));
  // The classes each action name is given by, with every name they derive from.
  const named = new Map<string, { symbol: string; bases: ReadonlySet<string> }[]>();
  for (const file of index.files()) {
    for (const definition of file.symbols) {
      const name = definition.kind === 'class' ? definition.attributes?.find((attribute) => attribute.name === 'name')?.literal : undefined;
      if (name === undefined || !wanted.has(name)) continue;
      const symbol = SymbolId.of(file.path, definition.name);
      listIn(named, name).push({ symbol, bases: new Set(index.ancestry(symbol).names) });
    }
  }
  const routes: Route[] = [];
  for (const hint of routed) {
    const base = textOf(hint.details['actionBase']);
    const written = textOf(hint.details['method']).toUpperCase();
    const method = written === 'ALL' ? 'ANY' : written;
    const path = normalizeRoutePath(joinRoutePaths(textOf(hint.details['prefix']), textOf(hint.details.path)));
    const source = { path: SymbolId.parse(hint.symbol).path, line: hint.line };
    for (const action of named.get(textOf(hint.details['action'])) ?? []) {
      if (!action.bases.has(base)) continue;
      const handler = index.method(action.symbol, textOf(hint.details['handlerMethod'])) ?? action.symbol;
      routes.push({ method, path, handler, framework: textOf(hint.details.framework), source });
    }
  }
  return routes;
}
