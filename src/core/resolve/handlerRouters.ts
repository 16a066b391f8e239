import type { HandlerInterfaceDocument } from '../knowledge/documents';
import type { SymbolIndex } from './symbolIndex';

/**
 * Go: the types the workspace exports that serve requests themselves — they have the server's
 * handler method with its parameters (net/http's `ServeHTTP(ResponseWriter, *Request)`: they are
 * `http.Handler`s) — and that take handlers through exported methods of their own (`Handle(path,
 * http.Handler)`, or a handler function type the workspace exports, as gin's `Use(...HandlerFunc)`
 * takes its `type HandlerFunc func(*Context)`): routers other developers register their handlers on,
 * whatever they are named. A `main` package's types are imported by no one.
 */
export function handlerRouters(index: SymbolIndex, interfaces: readonly HandlerInterfaceDocument[]): string[] {
  if (!interfaces.length) return [];
  const routers: string[] = [];
  for (const file of index.files()) {
    if (file.language !== 'go' || file.packageName === 'main') continue;
    const isType = (written: string | undefined, names: readonly string[]) => written !== undefined && index.qualifiedNames(file.path, written).some((name) => names.includes(name));
    const isOwnHandlerType = (written: string | undefined) => {
      const target = written === undefined ? undefined : index.resolve(file.path, written);
      const definition = target === undefined ? undefined : index.definition(target);
      return definition?.kind === 'class' && definition.keywords?.['type'] === 'function_type' && exported(definition.name);
    };
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (definition.kind !== 'class' || definition.keywords?.['interface'] === 'true' || !exported(definition.name)) continue;
      const methods = index.methodsOf(symbol).filter(({ name }) => exported(name));
      const offers = interfaces.some((handler) => {
        const serves = methods.some(({ name, definition: method }) => {
          // The receiver comes first.
          const parameters = (method.parameters ?? []).slice(1);
          return name === handler.method && parameters.length === handler.parameters.length && parameters.every((parameter, position) => isType(parameter.annotation, [handler.parameters[position] ?? '']));
        });
        return serves && methods.some(({ definition: method }) => (method.parameters ?? []).slice(1).some((parameter) => isType(parameter.annotation, handler.handlerTypes) || isOwnHandlerType(parameter.annotation)));
      });
      if (offers) routers.push(symbol);
    }
  }
  return routers.sort();
}

function exported(name: string): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last);
}
