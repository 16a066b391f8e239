import type { SymbolDefinition } from '../parse/facts';
import { Finding, type InterfaceImplementations } from '../result';
import { afterLast } from '../text';
import type { SymbolIndex } from './symbolIndex';

/**
 * The implementations of a workspace interface that is a middleware's contract are middleware,
 * whatever the framework calls them: an interface named so (shiori's `HttpMiddleware` with
 * `OnRequest`/`OnResponse`), or one whose abstract method takes the next handler and returns a
 * handler of the same type (Jooby's `Route.Filter`: `Handler apply(Handler next)`), the shape of a
 * handler wrapper, as Go's `func(http.Handler) http.Handler`. An interface combining two of its own
 * kind (`Rule and(Rule other)`) is no such wrapper.
 */
export function middlewareInterfaceImplementations(index: SymbolIndex, interfaces: readonly InterfaceImplementations[]): Finding[] {
  const found: Finding[] = [];
  for (const { base, implementations } of interfaces) {
    const named = MIDDLEWARE_NAME.test(afterLast(base, ':'));
    const wrapper = named ? undefined : index.methodsOf(base).find(({ definition }) => wrapsHandler(definition, base) && isHandlerType(index, base, definition.returns ?? ''));
    if (!wrapper && !named) continue;
    for (const implementation of implementations) {
      const definition = index.definition(implementation);
      if (!definition || definition.kind !== 'class' || definition.keywords?.['interface'] === 'true' || definition.keywords?.['abstract'] === 'true') continue;
      const details = wrapper ? { rule: 'handler-wrapper', interface: base, wraps: wrapper.definition.returns ?? '' } : { rule: 'middleware-interface', interface: base };
      found.push(Finding.made('middleware', implementation, definition.range, details));
    }
  }
  return found;
}

/** An interface named a middleware (`Middleware`, `HttpMiddleware`, `Route.Middleware`), by its name within its file. */
const MIDDLEWARE_NAME = /(?:^|\.)\w*Middleware$/;

/**
 * What tells a handler wrapper from a value mapped to another of its type (a visitor's `Expr
 * simplify(Expr e)`): the handler is given as the next one in a chain, or its type is named a handler.
 */
const NEXT_HANDLER = /^(?:next|handler|chain|delegate|inner)$/i;
const HANDLER_TYPE = /Handler$/;

/**
 * A handler's type: a workspace interface with one abstract method (a functional interface, as
 * `Route.Handler` is), looked up from the interface that names it, then among the types nested beside it.
 */
function isHandlerType(index: SymbolIndex, owner: string, written: string): boolean {
  if (!/^[A-Za-z_$][\w$.]*$/.test(written)) return false;
  const path = index.pathOf(owner);
  const ownName = afterLast(owner, ':');
  const outer = ownName.includes('.') ? ownName.slice(0, ownName.lastIndexOf('.')) : undefined;
  const symbol = index.resolve(path, written) ?? (outer ? index.resolve(path, `${outer}.${written}`) : undefined);
  const definition = symbol ? index.definition(symbol) : undefined;
  if (!symbol || definition?.keywords?.['interface'] !== 'true') return false;
  return index.methodsOf(symbol).filter((method) => method.definition.notImplemented).length === 1;
}

/**
 * An abstract method whose one parameter (besides `this`) has the type it returns, a type other
 * than its own class's, given as the next handler or typed a handler.
 */
function wrapsHandler(method: SymbolDefinition, owner: string): boolean {
  if (!method.notImplemented || !method.returns) return false;
  const given = (method.parameters ?? []).filter((parameter) => parameter.name !== 'this' && parameter.name !== 'self');
  const returned = method.returns;
  const [only] = given;
  if (given.length !== 1 || only?.annotation !== returned || afterLast(returned, '.') === afterLast(afterLast(owner, ':'), '.')) return false;
  return NEXT_HANDLER.test(only.name) || HANDLER_TYPE.test(afterLast(returned, '.'));
}
