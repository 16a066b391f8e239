import { isEmpty, NONE } from '../lists';
import { Turns } from '../nextTurn';
import type { CallSite, SymbolDefinition } from '../parse/facts';
import { type Finding, type InterfaceImplementations, type Range, SymbolId } from '../result';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { SymbolIndex } from './symbolIndex';
import { beforeFirst } from '../text';
import { isTestPath } from '../testCode';
import { normalizeCallee } from '../parse/syntax';

/** What tells a data-access class from the rest (`data-access.yml`). */
export interface DataAccess {
  /** Methods of a database session or connection that read or write data. */
  dataVerbs: ReadonlySet<string>;
  /** What a session or connection is called when its type is not written, lower-cased. */
  sessionNames: ReadonlySet<string>;
  /** The types of sessions and connections, by qualified name. */
  sessionTypes: ReadonlySet<string>;
  /** SQL statement builders, by qualified name. */
  statementBuilders: ReadonlySet<string>;
  /** Prefixes of the classes whose subclasses reach data for another purpose (views, forms, commands). */
  notRepositories: readonly string[];
  /** Java's and Go's database handles (an `EntityManager`, a `JdbcTemplate`, `*sql.DB`, a GORM engine), by qualified name without a major version. */
  handleTypes: ReadonlySet<string>;
  /** Methods of a database handle, or of what it chains to (`db.WithContext(ctx).Where(...).Find(&x)`), that read or write data. */
  handleVerbs: ReadonlySet<string>;
  /** Languages whose data-access classes hold the rows of each workspace type they both take and return. */
  recordLanguages: ReadonlySet<string>;
}

/** Reads `data-access.yml` (or a user's file of the same shape). */
export function parseDataAccess(file: DataFile): DataAccess {
  const document = readDataFile('dataAccessFile', file);
  return {
    dataVerbs: new Set(document.dataVerbs),
    sessionNames: new Set(document.sessionNames.map((name) => name.toLowerCase())),
    sessionTypes: new Set(document.sessionTypes),
    statementBuilders: new Set(document.statementBuilders),
    notRepositories: document.notRepositories,
    handleTypes: new Set(document.handleTypes ?? []),
    handleVerbs: new Set(document.handleVerbs ?? []),
    recordLanguages: new Set(document.recordEntities ?? []),
  };
}

/** The rule of the repositories found by what their methods do. */
export const DATA_ACCESS_CLASS = 'data-access-class';

/** A repository's name; Java's implementations add `Impl` (`JpaOwnerRepositoryImpl`, Spring Data's custom fragments `XRepositoryImpl`). */
const REPOSITORY_NAME = /(Repository|Repo|DAO|Dao|Crud|CRUD)(Impl)?$/;
/** A repository port's name: ports and adapters (hexagonal architecture) name the interface the domain owns a port (`OrderRepositoryPort`). */
const REPOSITORY_PORT_NAME = /(Repository|Repo)Port$/;
/** Findings whose symbols are something else than a repository, whatever their methods do. */
const NOT_REPOSITORY_CATEGORIES: ReadonlySet<string> = new Set(['model', 'route', 'manager']);

/**
 * Data-access classes. The name is a hint, not the rule: a class is a repository when two or more
 * of its methods go through its own database session or SQL; or one reaches data in any way (a
 * session, a Django manager) and its name says repository; or it derives from a repository.
 */
export async function repositoryFindings(index: SymbolIndex, data: DataAccess, implemented: readonly InterfaceImplementations[], findings: readonly Finding[], turns = new Turns()): Promise<Finding[]> {
  const interfaces = new Set(implemented.map(({ base }) => base));
  const adapters = handleAdapters(index, data, implemented);
  const excluded = new Set(findings.filter((finding) => NOT_REPOSITORY_CATEGORIES.has(finding.category)).map((finding) => finding.symbol));
  // A framework's repository class (TypeORM's, MikroORM's) is found already, by its framework's rule.
  const found = new Set(findings.filter((finding) => finding.category === 'repository').map((finding) => finding.symbol));
  const repositories = new Map<string, Finding>();
  const abstractRepositories = new Set<string>();
  const classes: DataClass[] = [];
  const withAdapters = { ...data, adapters };
  await index.eachPart('data-classes', turns, (file) => (isTestPath(file.path) ? NONE : dataClasses(index, withAdapters, file.path)), (inFile) => classes.push(...inFile), [...adapters].sort().join(' '), undefined, isEmpty);
  for (const { symbol, range, named, port, dataMethods, ownedMethods, collaborators, notRepository } of classes) {
    if (notRepository || excluded.has(symbol) || found.has(symbol)) continue;
    let reason: string | undefined;
    if (interfaces.has(symbol) && (named || port)) {
      reason = 'an abstract repository';
      abstractRepositories.add(symbol);
    } else if (ownedMethods >= 2 && !collaborators.length) reason = `${ownedMethods} methods reach the database through the class's own session, an ORM manager or SQL`;
    else if (named && dataMethods.length >= 1) reason = 'named a repository, and reaches the database';
    if (reason) repositories.set(symbol, { category: 'repository', symbol, range, layer: '', details: { rule: DATA_ACCESS_CLASS, reason, dataMethods: [...dataMethods] } });
  }
  // A class deriving from a repository (a generic base, an abstract one) is a repository too, whatever its own methods look like.
  const direct = new Set(repositories.keys());
  // Every class's ancestry is asked only when there is a repository to derive from.
  for (const { symbol, range } of direct.size ? classes : NONE) {
    if (repositories.has(symbol) || found.has(symbol)) continue;
    const base = index.ancestry(symbol).classes.find((ancestor) => direct.has(ancestor));
    if (base) {
      const verb = abstractRepositories.has(base) ? 'implements' : 'derives from';
      repositories.set(symbol, { category: 'repository', symbol, range, layer: '', details: { rule: DATA_ACCESS_CLASS, reason: `${verb} ${base}`, dataMethods: [] } });
    }
  }
  return [...repositories.values()];
}

/** What tells a data-access class, with the workspace's own database handles: the adapters of a driver's handle and the interfaces they implement. */
type DataAccessIn = DataAccess & { adapters: ReadonlySet<string> };

/**
 * Go: the workspace's adapters of a database handle — a struct holding a handle whose methods, most of
 * them, call the handle's method of their own name (`func (c *mongoCollection) InsertOne(...)` calls
 * `c.coll.InsertOne(...)`) — and the interfaces they implement. A repository written over such an
 * interface (`database mongo.Database`) reaches data through it as through the driver's own handle;
 * the adapter itself is the handle, not a repository of one kind of data.
 */
function handleAdapters(index: SymbolIndex, data: DataAccess, implemented: readonly InterfaceImplementations[]): Set<string> {
  const adapters = new Set<string>();
  for (const file of index.files()) {
    if (file.language !== 'go' || isTestPath(file.path)) continue;
    for (const adapter of index.part('handle-adapters', file.path, () => adaptersIn(index, data, file.path))) adapters.add(adapter);
  }
  if (!adapters.size) return adapters;
  for (const { base, implementations } of implemented) if (implementations.some((implementation) => adapters.has(implementation))) adapters.add(base);
  return adapters;
}

function adaptersIn(index: SymbolIndex, data: DataAccess, path: string): string[] {
  const found: string[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'class' || definition.keywords?.['interface'] === 'true') continue;
    const handles = (definition.attributes ?? []).filter((held) => held.type !== undefined && index.qualifiedNames(path, held.type.replace(/^\*/, '')).some((name) => data.handleTypes.has(name))).map((held) => held.name);
    if (!handles.length) continue;
    const methods = index.methodsOf(symbol);
    const forwarding = methods.filter(({ name, definition: method }) => {
      const self = method.parameters?.[0]?.name;
      return self !== undefined && (method.calls ?? []).some((call) => handles.some((handle) => call.callee === `${self}.${handle}.${name}`));
    });
    if (forwarding.length >= 2 && 2 * forwarding.length >= methods.length) found.push(symbol);
  }
  return found;
}

/** A class as a repository candidate: how its own methods reach data. */
interface DataClass {
  symbol: string;
  range: Range;
  named: boolean;
  /** Named as a repository port (an interface the domain owns). */
  port: boolean;
  /** Methods that reach data in any way. */
  dataMethods: string[];
  /** How many go through the class's own session, a manager or SQL. */
  ownedMethods: number;
  /**
   * The workspace services it holds besides its sessions (a mailer, another service, an event
   * dispatcher): a class that reaches data and coordinates them is an application service.
   */
  collaborators: string[];
  /** Derives from a view, form, admin, command…: it reaches data for another purpose. */
  notRepository: boolean;
}

function dataClasses(index: SymbolIndex, data: DataAccessIn, path: string): DataClass[] {
  const classes: DataClass[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'class') continue;
    const ancestry = index.ancestry(symbol);
    const className = symbol.slice(symbol.lastIndexOf('.') + 1);
    const entry = { symbol, range: definition.range, named: REPOSITORY_NAME.test(className), port: REPOSITORY_PORT_NAME.test(className), dataMethods: [] as string[], ownedMethods: 0, collaborators: [] as string[], notRepository: false };
    classes.push(entry);
    if (data.adapters.has(symbol) || ancestry.names.some((name) => data.notRepositories.some((prefix) => name.startsWith(prefix)))) {
      entry.notRepository = true;
      continue;
    }
    entry.collaborators = collaboratorsOf(index, data, path, definition);
    for (const { name, definition: method } of index.methodsOf(symbol)) {
      const strength = strongest((method.calls ?? []).map((call) => dataAccess(index, data, path, definition, method, call)));
      if (strength !== 'none') entry.dataMethods.push(name);
      if (strength === 'owned') entry.ownedMethods++;
    }
  }
  return classes;
}

/** The attributes typed with a workspace class or interface that has methods and is no session, client or database handle. */
function collaboratorsOf(index: SymbolIndex, data: DataAccessIn, path: string, definition: SymbolDefinition): string[] {
  const collaborators: string[] = [];
  for (const { name, type } of definition.attributes ?? []) {
    if (!type || isSessionType(index, data, path, type)) continue;
    const held = index.resolve(path, beforeFirst(type, '<').trim().replace(/^\*/, ''));
    if (held && !data.adapters.has(held) && index.definition(held)?.kind === 'class' && index.methodsOf(held).length > 0) collaborators.push(name);
  }
  return collaborators;
}

/**
 * How one call of a method reaches data: `owned` through the class's own session (`self.session`)
 * or a SQL builder; `passed` through a session handed in as a parameter or a Django manager (any
 * service function or view does that, so it counts only for classes named as repositories); or `none`.
 */
type Access = 'owned' | 'passed' | 'none';

function dataAccess(index: SymbolIndex, data: DataAccessIn, path: string, owner: SymbolDefinition, method: SymbolDefinition, call: CallSite): Access {
  const language = index.file(path)?.language;
  if (language === 'java' || language === 'go') return databaseHandleAccess(index, data, path, owner, method, call);
  if (language === 'typescript' || language === 'tsx' || language === 'javascript') return clientAccess(index, data, path, owner, method, call);
  const parts = call.callee.split('.');
  const verb = parts[parts.length - 1] ?? '';
  // Model.objects.filter(...): Django's managers are its data-access layer, and every view, form and
  // task calls them, so this alone marks only classes named as repositories.
  if (parts.includes('objects') && parts.length >= 3) return 'passed';
  if (parts.length === 1 || parts.length === 2) {
    if (index.qualifiedNames(path, call.callee).some((name) => data.statementBuilders.has(name))) return 'owned';
  }
  if (!data.dataVerbs.has(verb) || parts.length < 2) return 'none';
  const receiver = parts.slice(0, -1);
  const selfName = method.parameters?.[0]?.name;
  if (receiver.length === 2 && receiver[0] === selfName) {
    const attribute = owner.attributes?.find((candidate) => candidate.name === receiver[1]);
    return isSession(index, data, path, receiver[1] ?? '', attribute?.type) ? 'owned' : 'none';
  }
  if (receiver.length === 1) {
    const parameter = method.parameters?.find((candidate) => candidate.name === receiver[0]);
    return parameter !== undefined && isSession(index, data, path, parameter.name, parameter.annotation) ? 'passed' : 'none';
  }
  return 'none';
}

function strongest(accesses: readonly Access[]): Access {
  return accesses.includes('owned') ? 'owned' : accesses.includes('passed') ? 'passed' : 'none';
}

function isSession(index: SymbolIndex, data: DataAccess, path: string, name: string, type: string | undefined): boolean {
  return (type !== undefined && isSessionType(index, data, path, type)) || data.sessionNames.has(name.toLowerCase());
}

/**
 * A type written in `path` is a session, connection or client: one of the types named, or a workspace
 * class deriving from one (`class PrismaService extends PrismaClient`). Optional and generic
 * spellings are read as the type itself (`Optional[Session]`, `Repository<User>`, `Pool | undefined`).
 */
function isSessionType(index: SymbolIndex, data: DataAccess, path: string, type: string): boolean {
  const bare = beforeFirst(type.replace(/^Optional\[|\]$|\|\s*(None|undefined|null)$/g, '').trim().replace(/^["']|["']$/g, ''), '<').trim();
  const target = index.throughAliases(index.qualify(path, bare));
  if (!target) return false;
  if (index.namesOf(target).some((name) => data.sessionTypes.has(name))) return true;
  return 'symbol' in target && index.ancestry(target.symbol).names.some((name) => data.sessionTypes.has(name));
}

/**
 * TypeScript and JavaScript: a call through a database client whose type the code states — an ORM's
 * entity manager, a Prisma client, a query builder, a driver's pool. `owned` when the client is a
 * field of the class (its own or inherited: `this.prisma.user.findMany()`, `this.knex('users')`) or a
 * local the method typed so (`const manager = this.getActiveManager<EntityManager>(context)`);
 * `passed` when it is a parameter.
 */
function clientAccess(index: SymbolIndex, data: DataAccess, path: string, owner: SymbolDefinition, method: SymbolDefinition, call: CallSite): Access {
  const parts = call.callee.split('.').map((part) => (part.endsWith('()') ? part.slice(0, -2) : part));
  const [head = '', first = ''] = parts;
  if (parts.length < 2) return 'none';
  if (head === method.parameters?.[0]?.name) {
    const field = fieldOf(index, owner, path, first);
    return field?.attribute.type !== undefined && isSessionType(index, data, field.from, field.attribute.type) ? 'owned' : 'none';
  }
  const local = method.locals?.find((candidate) => candidate.name === head);
  if (local?.type !== undefined) return isSessionType(index, data, path, local.type) ? 'owned' : 'none';
  const parameter = method.parameters?.find((candidate) => candidate.name === head);
  return parameter?.annotation !== undefined && isSessionType(index, data, path, parameter.annotation) ? 'passed' : 'none';
}

/**
 * Java and Go: a call that reads or writes through a database handle. `owned` when the handle is a
 * field of the class (or a field of a field: `ar.data.DB.Context(ctx).Get(&x)`, `this.jdbcTemplate.query(...)`),
 * `passed` when it is a parameter (`func (r *Repo) Save(tx *sql.Tx, ...)`).
 */
function databaseHandleAccess(index: SymbolIndex, data: DataAccessIn, path: string, owner: SymbolDefinition, method: SymbolDefinition, call: CallSite, depth = 0): Access {
  const parts = call.callee.split('.').map((part) => (part.endsWith('()') ? part.slice(0, -2) : part));
  if (parts.length < 2 || !parts.slice(1).some((part) => data.handleVerbs.has(part))) return 'none';
  const self = method.parameters?.[0];
  const isHandle = (type: string | undefined, from: string) => {
    if (type === undefined) return false;
    const bare = type.replace(/^\*/, '');
    if (index.qualifiedNames(from, bare).some((name) => data.handleTypes.has(name))) return true;
    const own = data.adapters.size ? index.resolve(from, bare) : undefined;
    return own !== undefined && data.adapters.has(own);
  };
  if (self && parts[0] === self.name) {
    // A method of its own that hands out a handle (`d.usersCollection().Doc(id).Get(ctx)`, a Firestore collection).
    const helper = index.definition(SymbolId.of(path, `${owner.name}.${parts[1] ?? ''}`));
    if (helper?.kind === 'method' && isHandle(helper.returns, path)) return 'owned';
    // Field by field from the receiver, up to a handle (bounded: a handle sits a field or two away).
    let definition: SymbolDefinition | undefined = owner;
    let from = path;
    for (const part of parts.slice(1, 4)) {
      const field = definition ? fieldOf(index, definition, from, part) : undefined;
      if (!field?.attribute.type) return 'none';
      if (isHandle(field.attribute.type, field.from)) return 'owned';
      const next = index.resolve(field.from, field.attribute.type.replace(/^\*/, ''));
      definition = next ? index.definition(next) : undefined;
      from = next ? next.slice(0, next.indexOf(':')) : from;
    }
    return 'none';
  }
  const parameter = method.parameters?.find((candidate) => candidate.name === parts[0]);
  if (parameter) return isHandle(parameter.annotation, path) ? 'passed' : 'none';
  // Go: a session kept in a local (`session := r.data.DB.Context(ctx).Desc("id")`, then `session.Find(&rows)`) is read as the chain it was made by.
  const local = depth < 2 ? method.locals?.find((candidate) => candidate.name === parts[0] && candidate.value !== undefined) : undefined;
  if (local?.value === undefined) return 'none';
  const rest = call.callee.slice(call.callee.indexOf('.'));
  return databaseHandleAccess(index, data, path, owner, method, { ...call, callee: `${normalizeCallee(local.value)}${rest}` }, depth + 1);
}

/**
 * A field of a class or struct by name, with the file that declares it: its own, or one its bases
 * declare — Go promotes the fields of an embedded struct (`type Repo struct{ *postgres.Postgres }`
 * reaches `r.Pool`), Java inherits a superclass's. Bounded: a field sits a base or two away.
 */
function fieldOf(index: SymbolIndex, definition: SymbolDefinition, from: string, name: string, depth = 0): { attribute: NonNullable<SymbolDefinition['attributes']>[number]; from: string } | undefined {
  const attribute = definition.attributes?.find((candidate) => candidate.name === name);
  if (attribute) return { attribute, from };
  if (depth >= 2) return undefined;
  for (const base of definition.bases) {
    const symbol = index.resolve(from, base.replace(/^\*/, ''));
    const inherited = symbol ? index.definition(symbol) : undefined;
    const found = inherited && symbol ? fieldOf(index, inherited, symbol.slice(0, symbol.indexOf(':')), name, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
