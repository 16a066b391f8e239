import type { Route } from '../result';
import { SymbolId } from '../result';

/** A mixed part's files (`django/db/`), or every file when the part is the repository (''). */
export const inPart = (part: string) => (path: string): boolean => !part || path.startsWith(part);

/** Test code: studied for its own questions, never as the code under study. */
export function isTestPath(path: string): boolean {
  return /(^|\/)(tests?|testing)\//.test(path) || /(^|\/)test_[^/]*\.py$/.test(path);
}

/** The flow worth tracing first: a write (POST, PUT) before a read, outside tests. */
export function flowRoute(routes: readonly Route[], part: string): Route | undefined {
  const candidates = routes.filter((route) => inPart(part)(SymbolId.parse(route.handler).path) && !isTestPath(SymbolId.parse(route.handler).path));
  return candidates.find((route) => route.method === 'POST') ?? candidates.find((route) => route.method === 'PUT') ?? candidates[0];
}
