import type { Route } from '../result';
import { SymbolId } from '../result';
import { isTestPath } from '../testCode';

/** A mixed part's files (`django/db/`), or every file when the part is the repository (''). */
export const inPart = (part: string) => (path: string): boolean => !part || path.startsWith(part);

/** The flow worth tracing first: a write (POST, PUT) before a read, outside tests. */
export function flowRoute(routes: readonly Route[], part: string): Route | undefined {
  const candidates = routes.filter((route) => inPart(part)(SymbolId.parse(route.handler).path) && !isTestPath(SymbolId.parse(route.handler).path));
  return candidates.find((route) => route.method === 'POST') ?? candidates.find((route) => route.method === 'PUT') ?? candidates[0];
}
