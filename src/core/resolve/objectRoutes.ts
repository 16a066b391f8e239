import type { Hint } from '../parse/facts';
import { type Finding, type Route, type RouteFinding, SymbolId } from '../result';
import type { Frameworks } from '../frameworks/frameworks';
import type { ObjectDispatchDocument } from '../knowledge/documents';
import { HTTP_METHODS, joinRoutePaths, MAX_ROUTER_DEPTH, normalizeRoutePath, pathsOf, sourceOf, statedString } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** Routes one mounted tree of objects may give at most: a tree is workspace code, and may be wide. */
const MAX_ROUTES_PER_TREE = 2000;

/** What attribute assignments outside methods say, read from the `attribute-assignment` hints. */
interface AssignedAttributes {
  /** The objects set on a module variable (`root.blog = BlogPage()`), by the variable's symbol: attribute → the constructor as written. */
  made: Map<string, Map<string, string>>;
  /** The attributes set to True on a class's members (`index.exposed = True` in the class body), as `Class.member.attribute`. */
  set: Set<string>;
}

/**
 * Routes of frameworks that dispatch on a tree of objects (CherryPy): from each root mounted at a
 * path, every exposed method of the root's class answers its name under the path (`index` the
 * object's own path, `default` the segments its parameters name), and each attribute holding an
 * object of a workspace class is the subtree under the attribute's name. A mount whose root's class
 * is not found, or whose framework declares no object dispatch, is no route.
 */
export function objectRoutes(index: SymbolIndex, frameworks: Frameworks, findings: readonly RouteFinding[], hints: readonly Hint[], notRoutes: Set<Finding>): Route[] {
  if (!findings.length) return [];
  const assigned = assignedAttributes(index, hints);
  const routes: Route[] = [];
  for (const finding of findings) {
    const framework = finding.details.framework ?? '';
    const dispatch = frameworks.routerFrameworks.get(framework)?.objectDispatch;
    const source = sourceOf(finding);
    const root = dispatch ? rootObject(index, source.path, source.line, finding.details.resource ?? '') : undefined;
    if (!dispatch || !root) {
      notRoutes.add(finding);
      continue;
    }
    const mountedAt = statedString(index, source.path, pathsOf(finding)[0]);
    const found: Route[] = [];
    const walker = new TreeWalker(index, dispatch, assigned, (method, path, handler) => {
      if (found.length < MAX_ROUTES_PER_TREE) found.push({ method, path: normalizeRoutePath(path), handler, framework, source });
    });
    walker.walk(root.cls, mountedAt === '/' ? '' : mountedAt, root.variable ? assigned.made.get(root.variable) : undefined, []);
    if (!found.length) notRoutes.add(finding);
    routes.push(...found);
  }
  return routes;
}

/** The objects set on module variables and the attributes set to True on class members, outside methods. */
function assignedAttributes(index: SymbolIndex, hints: readonly Hint[]): AssignedAttributes {
  const made = new Map<string, Map<string, string>>();
  const set = new Set<string>();
  for (const hint of hints) {
    if (hint.hint !== 'attribute-assignment') continue;
    const { object, attribute, made: constructor, value } = hint.details;
    if (typeof object !== 'string' || typeof attribute !== 'string') continue;
    const { path, name } = SymbolId.parse(hint.symbol);
    if (value !== undefined && !SymbolId.isAnonymousName(name)) set.add(`${hint.symbol}.${object}.${attribute}`);
    if (typeof constructor !== 'string' || !SymbolId.isAnonymousName(name)) continue;
    const variable = index.resolve(path, object);
    if (!variable) continue;
    let attributes = made.get(variable);
    if (!attributes) made.set(variable, (attributes = new Map<string, string>()));
    attributes.set(attribute, constructor);
  }
  return { made, set };
}

/**
 * The class of a mounted root object and the module variable holding it, if one does: a
 * constructor call written in place (`Root()`), a variable made by one, or a local of the function
 * around the mount whose type the code states.
 */
function rootObject(index: SymbolIndex, path: string, line: number, written: string): { cls: string; variable?: string } | undefined {
  const called = /^([A-Za-z_][\w.]*)\s*\(/.exec(written)?.[1];
  if (called !== undefined) {
    const cls = classNamed(index, path, called);
    return cls ? { cls } : undefined;
  }
  const local = localType(index, path, line, written);
  if (local !== undefined) {
    const cls = classNamed(index, path, local);
    return cls ? { cls } : undefined;
  }
  const variable = index.resolve(path, written);
  const definition = variable ? index.definition(variable) : undefined;
  if (!variable || definition?.kind !== 'variable' || !definition.value) return undefined;
  const cls = classNamed(index, SymbolId.parse(variable).path, definition.value.callee);
  return cls ? { cls, variable } : undefined;
}

/** The type the innermost function around a line states for a local of that name. */
function localType(index: SymbolIndex, path: string, line: number, name: string): string | undefined {
  let found: { start: number; type: string | undefined } | undefined;
  for (const symbol of index.file(path)?.symbols ?? []) {
    const { start, end } = symbol.range;
    if ((symbol.kind !== 'function' && symbol.kind !== 'method') || start.line > line || end.line < line || (found && found.start > start.line)) continue;
    const local = symbol.locals?.find((candidate) => candidate.name === name);
    if (local) found = { start: start.line, type: local.type };
  }
  return found?.type;
}

/** The workspace class a name written in a file stands for. */
function classNamed(index: SymbolIndex, path: string, written: string): string | undefined {
  const symbol = index.resolve(path, written);
  return symbol && index.definition(symbol)?.kind === 'class' ? symbol : undefined;
}

/** Walks a tree of objects from a class, telling each route its exposed methods answer. */
class TreeWalker {
  constructor(
    private readonly index: SymbolIndex,
    private readonly dispatch: ObjectDispatchDocument,
    private readonly assigned: AssignedAttributes,
    private readonly route: (method: string, path: string, handler: string) => void,
  ) {}

  /**
   * The routes of an object of class `cls` reached at `prefix`: its exposed methods (the nearest
   * definition of each name, its own or inherited), then the objects its attributes hold, and
   * those set on it where it is made (`extra`). `onPath` keeps a class that holds itself from
   * being walked again.
   */
  walk(cls: string, prefix: string, extra: ReadonlyMap<string, string> | undefined, onPath: readonly string[]): void {
    if (onPath.includes(cls) || onPath.length > MAX_ROUTER_DEPTH) return;
    const classes = [cls, ...this.index.ancestry(cls).classes];
    const members = new Map<string, string>();
    for (const owner of [...classes].reverse()) for (const method of this.index.methodsOf(owner)) members.set(method.name, method.symbol);
    const wholeClassExposed = classes.some((owner) => this.exposes(owner));
    for (const [name, symbol] of members) {
      if (this.dispatch.verbMethods && wholeClassExposed && HTTP_METHODS.includes(name.toLowerCase()) && name === name.toUpperCase()) {
        this.route(name, prefix || '/', symbol);
        continue;
      }
      if (name.startsWith('_') || !this.exposes(symbol)) continue;
      if (name === this.dispatch.index) this.route('ANY', joinRoutePaths(prefix, '/'), symbol);
      else if (name === this.dispatch.default) this.route('ANY', joinRoutePaths(prefix, this.segmentsOf(symbol)), symbol);
      else this.route('ANY', joinRoutePaths(prefix, `/${name}`), symbol);
    }
    const children = new Map<string, { written: string; path: string }>();
    for (const owner of [...classes].reverse()) {
      for (const attribute of this.index.definition(owner)?.attributes ?? []) {
        if (attribute.call) children.set(attribute.name, { written: attribute.call.callee, path: SymbolId.parse(owner).path });
      }
    }
    const made = SymbolId.parse(cls).path;
    for (const [name, written] of extra ?? []) children.set(name, { written, path: made });
    for (const [name, child] of children) {
      if (name.startsWith('_') || members.has(name)) continue;
      const childClass = classNamed(this.index, child.path, child.written);
      if (childClass) this.walk(childClass, joinRoutePaths(prefix || '/', name), undefined, [...onPath, cls]);
    }
  }

  /** The path segments a `default` method takes, as its positional parameters name them (`default(self, user)` → `{user}`). */
  private segmentsOf(method: string): string {
    const parameters = (this.index.definition(method)?.parameters ?? []).slice(1).filter((parameter) => parameter.splat !== 'keywords' && parameter.default === undefined);
    return parameters.map((parameter) => `/{${parameter.name}}`).join('') || '/';
  }

  /** Whether a method or class is exposed: by one of the framework's decorators, or by its expose attribute set to True. */
  private exposes(symbol: string): boolean {
    const definition = this.index.definition(symbol);
    if (!definition) return false;
    const { path, name } = SymbolId.parse(symbol);
    for (const decorator of definition.decorators) {
      const target = this.index.qualify(path, decorator);
      if (target && this.index.namesOf(target).some((qualified) => this.dispatch.expose.includes(qualified))) return true;
    }
    const attribute = this.dispatch.exposeAttribute;
    if (attribute === undefined) return false;
    if (definition.kind === 'class') return definition.attributes?.some((held) => held.name === attribute && held.shape?.kind === 'name' && held.shape.value === 'True') ?? false;
    const dot = name.lastIndexOf('.');
    return dot > 0 && this.assigned.set.has(`${SymbolId.of(path, name.slice(0, dot))}.${name.slice(dot + 1)}.${attribute}`);
  }
}
