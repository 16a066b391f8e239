import type { SymbolDefinition } from '../parse/facts';
import { SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** What the wiring code of a workspace hands to each interface-typed parameter: the classes of the values given, by interface. */
export type InterfaceBindings = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The classes the workspace's own wiring hands where an interface is expected: Go's `main` or a
 * generated injector makes each value with a constructor (`svc := article.NewService(repo)`) and
 * passes it on (`rest.NewArticleHandler(e, svc)`, whose parameter is an `ArticleService`). Read
 * from calls whose arguments are written as names or calls: a local made by a constructor, a
 * constructor called in place, or a value made in place (`&mysql.ArticleRepository{}`). A constructor
 * declared to return an interface binds it to the type it makes and returns (`func NewService(r Repo)
 * Service { return &service{r} }`), unless that type holds the interface itself: a decorator of
 * whichever implementation it is handed. When several types have an interface's methods, these say
 * which one the application runs. So do a dependency-injection container's service definitions
 * (`class: ../CreateCourseCommandHandler`): the classes they name are those the container makes.
 */
export function interfaceBindings(index: SymbolIndex): InterfaceBindings {
  const bindings = new Map<string, Set<string>>();
  const bind = (base: string, implementation: string) => {
    let bound = bindings.get(base);
    if (!bound) bindings.set(base, (bound = new Set()));
    bound.add(implementation);
  };
  for (const file of index.files()) {
    if (file.language !== 'go') continue;
    for (const [base, implementation] of index.part('interface-bindings', file.path, () => bindingsIn(index, file.path))) bind(base, implementation);
  }
  // A container's service definitions: the container makes each service's class, and hands it wherever
  // what it implements is expected; a class no definition names is never made there.
  for (const service of index.serviceClasses()) {
    for (const base of index.ancestry(service).classes) bind(base, service);
  }
  return bindings;
}

/** The interface–class pairs one file's calls make (a part: it reads its file and what its names stand for). */
function bindingsIn(index: SymbolIndex, path: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const { definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'function' && definition.kind !== 'method') continue;
    const declared = definition.returnsMade?.length && definition.returns ? index.resolve(path, definition.returns.replace(/^\*/, '')) : undefined;
    if (declared && index.definition(declared)?.keywords?.['interface'] === 'true') {
      for (const made of definition.returnsMade ?? []) {
        const returned = index.resolve(path, made);
        const returnedDefinition = returned ? index.definition(returned) : undefined;
        if (!returned || returned === declared || returnedDefinition?.kind !== 'class' || returnedDefinition.keywords?.['interface'] === 'true') continue;
        const wraps = returnedDefinition.attributes?.some((held) => held.type !== undefined && index.resolve(SymbolId.parse(returned).path, held.type.replace(/^\*/, '')) === declared);
        if (!wraps) pairs.push([declared, returned]);
      }
    }
    for (const call of definition.calls ?? []) {
      if (!call.arguments?.some(Boolean)) continue;
      const callee = index.resolve(path, call.callee);
      const called = callee ? index.definition(callee) : undefined;
      if (!callee || !called?.parameters) continue;
      const offset = called.kind === 'method' ? 1 : 0;
      call.arguments.forEach((argument, position) => {
        const parameter = called.parameters?.[position + offset];
        const expected = parameter?.annotation ? index.resolve(SymbolId.parse(callee).path, parameter.annotation) : undefined;
        if (!expected || index.definition(expected)?.keywords?.['interface'] !== 'true') return;
        const given = valueClass(index, path, definition, argument);
        if (given && given !== expected) pairs.push([expected, given]);
      });
    }
  }
  return pairs;
}

/** The class of a value as written: a local made by a constructor or in place, a constructor's call, a value made in place. */
function valueClass(index: SymbolIndex, path: string, around: SymbolDefinition, written: string): string | undefined {
  const made = /^&?([\w.]+)\{/.exec(written)?.[1] ?? /^([\w.]+)\(.*\)$/s.exec(written)?.[1] ?? around.locals?.find((local) => local.name === written)?.type;
  if (!made) return undefined;
  const target = index.resolve(path, made);
  const definition = target ? index.definition(target) : undefined;
  if (!target || !definition) return undefined;
  if (definition.kind === 'class') return definition.keywords?.['interface'] === 'true' ? undefined : target;
  // A constructor: the class it returns, unless it hides it behind an interface.
  if (definition.kind !== 'function' || !definition.returns) return undefined;
  const returned = index.resolve(SymbolId.parse(target).path, definition.returns);
  const returnedDefinition = returned ? index.definition(returned) : undefined;
  return returnedDefinition?.kind === 'class' && returnedDefinition.keywords?.['interface'] !== 'true' ? returned : undefined;
}
