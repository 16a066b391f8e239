import { listIn } from '../lists';
import { Turns } from '../nextTurn';
import type { ClassRule, Frameworks } from '../frameworks/frameworks';
import type { RuleRole } from '../knowledge/documents';
import type { Attribute, SymbolDefinition } from '../parse/facts';
import { Shape } from '../datamodel/shapes';
import { Finding, type FindingOf, type ModelDetails, type ModelRelationship, type RepositoryDetails, SymbolId } from '../result';
import { beforeFirst } from '../text';
import { GlobSet } from '../workspacePatterns';
import type { FindingEdits } from './findingEdits';
import type { SymbolIndex } from './symbolIndex';

/**
 * Django's `MIDDLEWARE` setting names the middleware it runs by import path
 * (`"pretalx.common.middleware.CsrfViewMiddleware"`): each workspace class or factory it names is
 * middleware, whatever it derives from (Django's own `CsrfViewMiddleware`, WhiteNoise's), registered there.
 */
function listedMiddleware(index: SymbolIndex, existing: readonly Finding[]): Finding[] {
  const known = new Set(existing.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol));
  const listed: Finding[] = [];
  for (const finding of existing) {
    if (finding.category !== 'middleware' || finding.details.kind !== 'order' || !Array.isArray(finding.details.order)) continue;
    const site = `${SymbolId.parse(finding.symbol).path}:${finding.range.start.line + 1}`;
    for (const entry of finding.details.order) {
      const symbol = index.definitionAtImportPath(entry);
      const definition = symbol ? index.definition(symbol) : undefined;
      if (!symbol || !definition || known.has(symbol) || (definition.kind !== 'class' && definition.kind !== 'function')) continue;
      known.add(symbol);
      listed.push({ category: 'middleware', symbol, range: definition.range, layer: '', details: { rule: finding.details.rule, registeredAt: [site] } });
    }
  }
  return listed;
}

/** What one file's definitions make of the rules: findings on its own symbols, and uses of workspace decorators. */
interface FileFrameworkPart {
  found: Finding[];
  models: { symbol: string; definition: SymbolDefinition }[];
  /** `[decorator, decorated]`: a function or class wearing a workspace decorator. */
  decoratorUses: [string, string][];
  /** `[class, its __call__]`: a class whose instances are called, by a `__call__` of its own or inherited. */
  callables: [string, string][];
}

/**
 * Findings that follow from what classes inherit (models, managers, middleware bases) and from
 * the decorators functions wear (framework extension points, and the workspace's own decorators'
 * use sites, added to their definitions as `usedBy`).
 */
export async function frameworkFindings(index: SymbolIndex, rules: Frameworks, existing: Finding[], edits: FindingEdits, ruleRoles: ReadonlyMap<string, RuleRole>, turns = new Turns()): Promise<Finding[]> {
  const found: Finding[] = [];
  /** Where each decorator's finding is in `existing` (the last one of a symbol): its uses are added to it. */
  const decoratorDefinitions = new Map<string, number>();
  existing.forEach((finding, at) => {
    if (finding.category === 'decorator') decoratorDefinitions.set(finding.symbol, at);
  });
  // Managers the scan found (`X = Manager.from_queryset(QS)`) count when models attach them.
  const managerClasses = new Set(existing.filter((finding) => finding.category === 'manager').map((finding) => finding.symbol));
  const models: { symbol: string; definition: SymbolDefinition }[] = [];
  const callables: [string, string][] = [];
  // Workspace functions applied as decorators that no rule found as decorators, and what wears them.
  const undeclared = new Map<string, string[]>();

  await index.eachPart('framework-findings', turns, (file) => fileFrameworkPart(index, rules, file.path), (part) => {
    // Later stages that add to these findings' details copy them first (see FindingEdits): the kept part stays as it was made.
    for (const finding of part.found) {
      found.push(finding);
      if (finding.category === 'manager') managerClasses.add(finding.symbol);
    }
    models.push(...part.models);
    callables.push(...part.callables);
    for (const [decorator, decorated] of part.decoratorUses) {
      const definitionFinding = decoratorDefinitions.get(decorator);
      if (definitionFinding !== undefined) (edits.own<FindingOf<'decorator'>>(existing, definitionFinding).details.usedBy ??= []).push(decorated);
      else undeclared.set(decorator, [...(undeclared.get(decorator) ?? []), decorated]);
    }
  }, '', undefined, (part) => part === NOTHING_FOUND);

  // A workspace function or method the code applies as a decorator (`@app.route("/")` on
  // `App.route`, `@before_insert`), or a class it applies bare (a descriptor such as `@reify`), is
  // one, whatever its body shows: its use proves it.
  for (const [decorator, usedBy] of undeclared) {
    const definition = index.definition(decorator);
    if (definition?.kind === 'class') found.push({ category: 'decorator', symbol: decorator, range: definition.range, layer: '', details: { rule: 'decorator-use-site', kind: 'class', usedBy } });
    else if (definition?.kind === 'function' || definition?.kind === 'method') found.push({ category: 'decorator', symbol: decorator, range: definition.range, layer: '', details: { rule: 'decorator-use-site', usedBy } });
  }

  // A class whose `__call__` is a decorator (`@cached(ttl=10)`, `@auth`) is one, and so are its subclasses.
  for (const [symbol, call] of callables) {
    const decorator = decoratorDefinitions.get(call);
    const definition = index.definition(symbol);
    if (!decorator || !definition) continue;
    found.push({ category: 'decorator', symbol, range: definition.range, layer: '', details: { rule: 'decorator-class', kind: 'class', call } });
  }

  // A subclass of a class found middleware by its `__call__` (an ASGI or WSGI middleware's `__call__(self, scope, receive, send)`)
  // inherits that `__call__`: it is middleware of the same kind, whatever it adds, when it is given the application it wraps
  // (an ASGI application's or route's `__call__` has the same shape, and wraps nothing).
  const middlewareByCall = new Map<string, Finding>();
  for (const finding of existing) if (finding.category === 'middleware' && ruleRoles.get(finding.details.rule) === 'wrapping-class') middlewareByCall.set(`${finding.symbol}.__call__`, finding);
  for (const [symbol, call] of callables) {
    const base = middlewareByCall.get(call);
    const definition = index.definition(symbol);
    if (!base || base.symbol === symbol || !definition || !givenTheApplication(index, symbol)) continue;
    found.push({ category: 'middleware', symbol, range: definition.range, layer: '', details: { rule: base.details.rule, ...(base.details.framework ? { framework: base.details.framework } : {}), inherits: base.symbol } });
  }

  found.push(...scannedInterfaces(index, rules.classes));

  found.push(...listedMiddleware(index, existing));

  // `objects = OrderManager()`, `objects = OrderQuerySet.as_manager()`, `Manager.from_queryset(QS)()`.
  const managerNames = new Set(rules.classes.filter((rule) => rule.category === 'manager').flatMap((rule) => rule.extends));
  for (const { symbol, definition } of models) {
    const { path } = SymbolId.parse(symbol);
    for (const attribute of definition.attributes ?? []) {
      const callee = attribute.call?.callee;
      if (!callee) continue;
      const target = index.qualify(path, beforeFirst(callee, '('));
      const isManager =
        /\.(as_manager|from_queryset)(\(\))?$/.test(callee) ||
        (target && 'symbol' in target && managerClasses.has(target.symbol)) ||
        (target !== undefined && index.namesOf(target).some((name) => managerNames.has(name)));
      if (!isManager) continue;
      const line = attribute.line;
      found.push({
        category: 'manager',
        symbol: `${symbol}.${attribute.name}`,
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        layer: '',
        details: { rule: 'manager-attribute', kind: 'attached', manager: callee },
      });
    }
  }
  return found;
}

const PLACEHOLDER_CLASS_NAME = /^__\w+__$/;

/** The names PEP 3333 and the ASGI middleware that follow it give the application a middleware wraps. */
const WRAPPED_APPLICATION = /^(?:app|application|nextapp|wsgi_app|asgi_app)$/;

/** Whether the class's `__init__`, its own or inherited, is given an application first. */
function givenTheApplication(index: SymbolIndex, symbol: string): boolean {
  const init = index.methodOrInherited(symbol, '__init__');
  const parameters = init ? (index.definition(init)?.parameters ?? []) : [];
  return WRAPPED_APPLICATION.test(parameters[1]?.name ?? '');
}

function fileFrameworkPart(index: SymbolIndex, rules: Frameworks, path: string): FileFrameworkPart {
  const part: FileFrameworkPart = { found: [], models: [], decoratorUses: [], callables: [] };
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind === 'class') {
      const ancestry = index.ancestry(symbol);
      const call = [symbol, ...ancestry.classes].map((owner) => `${owner}.__call__`).find((method) => index.definition(method));
      if (call) part.callables.push([symbol, call]);
      // A class named like a dunder (`class __class__(Middleware)`) is a code generator's template, its name replaced on copy: no class of the code's.
      const classRules = PLACEHOLDER_CLASS_NAME.test(definition.name) ? [] : rules.classes;
      for (const rule of classRules) {
        const via = rule.extends.find((name) => ancestry.names.includes(name)) ?? decoratedBy(index, path, definition, rule.decoratedWith);
        if (!via || !keywordsMatch(definition, rule.keyword) || isRegistryBase(index, path, symbol, definition, rule) || !declaresFields(index, symbol, definition, ancestry.classes, rule.withFields)) continue;
        if (rule.alsoDecoratedWith && !decoratedBy(index, path, definition, rule.alsoDecoratedWith)) continue;
        const details: ModelDetails = { rule: rule.id, framework: rule.framework, extends: via };
        if (rule.category === 'model') {
          part.models.push({ symbol, definition });
          const relationships = relationshipsOf(rules, definition.attributes ?? []);
          if (relationships.length) details.relationships = relationships;
        }
        if (rule.implementedByFramework) Object.assign(details, frameworkImplemented(index, path, symbol, rule.framework, rule.implementedByFramework));
        part.found.push(Finding.made(rule.category, symbol, definition.range, details));
      }
    }
    for (const decorator of definition.decorators) {
      const target = index.qualify(path, decorator);
      if (!target) continue;
      const frameworkName = index.namesOf(target).find((name) => rules.decorators.has(name));
      if (frameworkName) {
        part.found.push({ category: 'decorator', symbol, range: definition.range, layer: '', details: { rule: 'framework-decorator', kind: 'use', decorator: frameworkName } });
      } else {
        const used = 'symbol' in target ? target.symbol : madeMember(index, target.external);
        // A class worn bare (`@reify`) is called with the function; worn as a call, its instance is (its `__call__`, above).
        const bare = !definition.decoratorCalls?.[decorator];
        if (used && (bare || index.definition(used)?.kind !== 'class')) part.decoratorUses.push([used, symbol]);
      }
    }
  }
  return part.found.length || part.models.length || part.decoratorUses.length || part.callables.length ? part : NOTHING_FOUND;
}

/** The part of most files, kept for each of them: one object, not three empty lists per file. */
const NOTHING_FOUND: FileFrameworkPart = Object.freeze({ found: [], models: [], decoratorUses: [], callables: [] });

/** `app.route` of `app = App(...)`, which the index names `path:App().route`: the workspace class's method (its own or inherited). */
function madeMember(index: SymbolIndex, external: string): string | undefined {
  const made = /^(.+:[\w.]+)\(\)\.(\w+)$/.exec(external);
  const [, owner, name] = made ?? [];
  if (!owner || !name || index.definition(owner)?.kind !== 'class') return undefined;
  return [owner, ...index.ancestry(owner).classes].map((candidate) => index.method(candidate, name)).find((method) => method !== undefined);
}

function decoratedBy(index: SymbolIndex, path: string, definition: SymbolDefinition, names: readonly string[] | undefined): string | undefined {
  if (!names) return undefined;
  for (const decorator of definition.decorators) {
    const found = index.qualifiedNames(path, decorator).find((name) => names.includes(name));
    if (found) return found;
  }
  return undefined;
}

/** `class Base(DeclarativeBase)`, `__abstract__ = True` and `class Meta: abstract = True` classes are bases of models, not models. */
function isRegistryBase(index: SymbolIndex, path: string, symbol: string, definition: SymbolDefinition, rule: ClassRule): boolean {
  if (rule.abstractAttribute && definition.attributes?.some((attribute) => attribute.name === rule.abstractAttribute)) return true;
  if (rule.abstractOption) {
    const dot = rule.abstractOption.indexOf('.');
    const option = index.definition(`${symbol}.${rule.abstractOption.slice(0, dot)}`)?.attributes?.find((attribute) => attribute.name === rule.abstractOption?.slice(dot + 1));
    if (Shape.isTrue(option?.shape)) return true;
  }
  const direct = rule.baseIfDirect;
  return direct !== undefined && definition.bases.some((base) => index.qualifiedNames(path, base).some((name) => direct.includes(name)));
}

/** Whether the class or a workspace class it derives from declares an attribute made by one of the calls (`Field()`, `Field.text()`); true when the rule names none. */
function declaresFields(index: SymbolIndex, symbol: string, definition: SymbolDefinition, ancestors: readonly string[], calls: readonly string[] | undefined): boolean {
  if (!calls) return true;
  // By the call's first name (`Field.text()`) or its last (`peewee.CharField()`).
  const declares = (attributes: readonly Attribute[] | undefined) => (attributes ?? []).some(({ call }) => call !== undefined && (calls.includes(beforeFirst(call.callee, '.')) || calls.includes(call.callee.slice(call.callee.lastIndexOf('.') + 1))));
  return declares(definition.attributes) || ancestors.some((ancestor) => ancestor !== symbol && declares(index.definition(ancestor)?.attributes));
}

function keywordsMatch(definition: SymbolDefinition, required: Record<string, string> | undefined): boolean {
  if (!required) return true;
  return Object.entries(required).every(([key, value]) => definition.keywords?.[key] === value);
}

function relationshipsOf({ relationCalls, relationWrappers }: Pick<Frameworks, 'relationCalls' | 'relationWrappers'>, attributes: readonly Attribute[]): ModelRelationship[] {
  const relationships: ModelRelationship[] = [];
  for (const attribute of attributes) {
    const call = attribute.call;
    if (!call) continue;
    const name = call.callee.slice(call.callee.lastIndexOf('.') + 1);
    const kind = relationCalls.get(name);
    if (!kind) continue;
    const written = call.keywords['to'] ?? call.args[0] ?? innerTypeName(relationWrappers, attribute.type === call.callee ? undefined : attribute.type);
    relationships.push({ field: attribute.name, kind, target: unquote(written ?? '') });
  }
  return relationships;
}

/** Python's own names in an annotation: the collection or optional around the type, not the type. */
const TYPING_NAMES: ReadonlySet<string> = new Set(['list', 'List', 'Optional', 'set', 'Set', 'None', 'typing', 'Union']);

/** `Mapped[list["Item"]]` → `Item`: the model a typed relationship points to. */
function innerTypeName(wrappers: ReadonlySet<string>, annotation: string | undefined): string | undefined {
  if (!annotation) return undefined;
  const names = annotation.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [];
  return names.filter((name) => !TYPING_NAMES.has(name) && !wrappers.has(name)).pop();
}

function unquote(text: string): string {
  return text.replace(/^[rRbBuU]?(['"])(.*)\1$/s, '$2');
}

/**
 * What the framework implements of an interface (a Spring Data repository): the methods whose names
 * derive their query (`findByLastNameStartingWith`: a prefix, then `By` and the properties), and
 * those whose query an annotation states (`@Query("select ...")`).
 */
function frameworkImplemented(index: SymbolIndex, path: string, symbol: string, framework: string, rule: NonNullable<ClassRule['implementedByFramework']>): Pick<RepositoryDetails, 'implementedBy' | 'derivedQueries' | 'declaredQueries'> {
  const derived: string[] = [];
  const declared: string[] = [];
  for (const { name, definition } of index.methodsOf(symbol)) {
    const annotated = definition.decorators.some((decorator) => index.qualifiedNames(path, decorator).some((qualified) => rule.queryAnnotations?.includes(qualified)));
    if (annotated) declared.push(name);
    else if (rule.queryPrefixes.some((prefix) => isDerivedQuery(name, prefix))) derived.push(name);
  }
  const details: Pick<RepositoryDetails, 'implementedBy' | 'derivedQueries' | 'declaredQueries'> = { implementedBy: framework };
  if (derived.length) details.derivedQueries = derived;
  if (declared.length) details.declaredQueries = declared;
  return details;
}

/** `findByEmail`, `findTop10ByOrderByDateDesc`, `countDistinctByStatus`: the prefix, a subject of its own, then `By` and a property. */
function isDerivedQuery(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  const by = rest.indexOf('By');
  return by >= 0 && /^[A-Z]/.test(rest.slice(by + 2)) && (by === 0 || /^[A-Z]/.test(rest));
}

/**
 * The interfaces of the packages a scanning annotation on a workspace class names (`@MapperScan({"com.acme.mapper"})`),
 * subpackages included: what a class rule's `scannedPackages` finds. The packages are read as written (string literals only);
 * each may hold several, and Ant-style patterns (`com.acme.**.mapper`), as Spring's classpath scanning reads a base package.
 */
function scannedInterfaces(index: SymbolIndex, rules: readonly ClassRule[]): Finding[] {
  const scanning = rules.filter((rule) => rule.scannedPackages);
  if (scanning.length === 0) return [];
  const packagesByRule = new Map<ClassRule, Set<string>>();
  for (const file of index.files()) {
    if (file.language !== 'java') continue;
    for (const definition of file.symbols) {
      if (definition.kind !== 'class' || !definition.decoratorCalls) continue;
      for (const [written, call] of Object.entries(definition.decoratorCalls)) {
        const names = index.qualifiedNames(file.path, written);
        for (const rule of scanning) {
          const scan = rule.scannedPackages;
          if (!scan?.annotations.some((annotation) => names.includes(annotation))) continue;
          const values = [...(scan.keys.includes('value') && call.args[0] !== undefined ? [call.args[0]] : []), ...scan.keys.flatMap((key) => call.keywords[key] ?? [])];
          const packages = packagesByRule.get(rule) ?? new Set<string>();
          for (const value of values) for (const literal of value.matchAll(/"([^"\\]*)"/g)) for (const scanned of (literal[1] ?? '').split(/[,;\s]+/)) if (scanned) packages.add(scanned);
          packagesByRule.set(rule, packages);
        }
      }
    }
  }
  const found: Finding[] = [];
  if (packagesByRule.size === 0) return found;
  const matchers = new Map([...packagesByRule].map(([rule, packages]) => [rule, [...packages].map((scanned) => ({ scanned, globs: new GlobSet([packageGlob(scanned)]) }))]));
  for (const file of index.files()) {
    const packageName = file.language === 'java' ? file.packageName : undefined;
    if (packageName === undefined) continue;
    const packagePath = packageName.replaceAll('.', '/');
    for (const [rule, packages] of matchers) {
      const via = packages.find(({ globs }) => globs.matches(packagePath))?.scanned;
      if (via === undefined) continue;
      for (const definition of file.symbols) {
        if (definition.kind !== 'class' || definition.keywords?.['interface'] !== 'true' || definition.name.includes('.')) continue;
        found.push(Finding.made(rule.category, SymbolId.of(file.path, definition.name), definition.range, { rule: rule.id, framework: rule.framework, extends: via }));
      }
    }
  }
  return found;
}

/**
 * A base package as a glob over package paths: the package and its subpackages, `**` any number of
 * packages and `*` part of one name, as Spring's classpath scanning matches a base package (an Ant
 * path pattern over the package's folders).
 */
function packageGlob(scanned: string): string {
  return `${scanned.split('.').filter(Boolean).join('/')}/**`;
}

/**
 * Structs a framework folds into the structs that embed them (GORM's embedded structs): a struct
 * found by a rule with `embeddedBases` that enough workspace structs embed anonymously is their
 * base, as `gorm.Model` is — no table of its own — and each struct embedding it is found by the rule.
 */
export function embeddedBases(index: SymbolIndex, rules: readonly ClassRule[], findings: readonly Finding[]): { bases: Set<string>; found: Finding[] } {
  const bases = new Set<string>();
  const found: Finding[] = [];
  for (const rule of rules) {
    const atLeast = rule.embeddedBases?.atLeast;
    if (atLeast === undefined) continue;
    const ruled = new Set(findings.filter((finding) => finding.category === rule.category && finding.details.framework === rule.framework).map((finding) => finding.symbol));
    if (!ruled.size) continue;
    const embedders = new Map<string, { symbol: string; definition: SymbolDefinition }[]>();
    for (const file of index.files()) {
      if (file.language !== 'go') continue;
      for (const definition of file.symbols) {
        if (definition.kind !== 'class' || !definition.bases.length || definition.keywords?.['interface'] === 'true') continue;
        for (const base of definition.bases) {
          const target = index.resolve(file.path, base.replace(/^\*/, ''));
          if (target && ruled.has(target)) listIn(embedders, target).push({ symbol: SymbolId.of(file.path, definition.name), definition });
        }
      }
    }
    for (const [base, structs] of embedders) {
      if (structs.length < atLeast) continue;
      bases.add(base);
      for (const { symbol, definition } of structs) if (!ruled.has(symbol)) found.push(Finding.made(rule.category, symbol, definition.range, { rule: rule.id, framework: rule.framework, extends: base }));
    }
  }
  return { bases, found };
}
