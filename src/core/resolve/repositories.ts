import type { CallSite, SymbolDefinition } from '../parse/facts';
import type { Finding } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** Methods of a database session or connection that read or write data. */
export const DATA_VERBS = new Set([
  'add', 'add_all', 'get', 'query', 'execute', 'executemany', 'scalars', 'scalar', 'commit', 'delete', 'merge', 'flush', 'refresh', 'exec',
  'fetch', 'fetchone', 'fetchall', 'fetchmany', 'fetchrow', 'fetchval', 'bulk_save_objects', 'bulk_insert_mappings', 'bulk_update_mappings',
  'get_one', 'stream', 'stream_scalars', 'rollback',
]);

/** What a session or connection is called when its type is not written. */
export const SESSION_NAMES = new Set(['session', 'db', 'db_session', 'dbsession', 'sess', 'connection', 'conn', 'cursor', 'async_session', '_session', '_db', '_conn']);

const SESSION_TYPES = [
  'sqlalchemy.orm.Session', 'sqlalchemy.orm.session.Session', 'sqlalchemy.orm.scoped_session', 'sqlalchemy.ext.asyncio.AsyncSession',
  'sqlalchemy.engine.Connection', 'sqlalchemy.ext.asyncio.AsyncConnection', 'sqlmodel.Session', 'sqlmodel.ext.asyncio.session.AsyncSession',
  'asyncpg.Connection', 'asyncpg.Pool', 'psycopg.Connection', 'psycopg.AsyncConnection', 'psycopg2.extensions.connection', 'sqlite3.Connection',
  'databases.Database', 'motor.motor_asyncio.AsyncIOMotorDatabase', 'pymongo.database.Database',
];

/** SQL statement builders: a method that builds one talks to the database. */
const SQL_BUILDERS = ['sqlalchemy.select', 'sqlalchemy.insert', 'sqlalchemy.update', 'sqlalchemy.delete', 'sqlalchemy.text', 'sqlmodel.select', 'sqlalchemy.sql.select'];

/** Classes that reach data for another purpose than being a repository: views, forms, admin, commands. */
const NOT_REPOSITORIES = [
  'django.views.', 'django.contrib.admin.', 'django.forms.', 'django.core.management.', 'django.db.models.', 'django_filters.', 'rest_framework.',
  'graphene', 'strawberry.', 'starlette.endpoints.', 'flask.views.', 'celery.', 'unittest.', 'pytest',
];

const REPOSITORY_NAME = /(Repository|Repo|DAO|Dao|Crud|CRUD)$/;
const TEST_PATH = /(^|\/)(tests?|testing)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/**
 * Data-access classes. The name is a hint, not the rule: a class is a repository when two or more
 * of its methods go through its own database session or SQL; or one reaches data in any way (a
 * session, a Django manager) and its name says repository; or it derives from a repository.
 */
export function repositoryFindings(index: SymbolIndex, interfaces: ReadonlySet<string>, findings: readonly Finding[]): Finding[] {
  const excluded = new Set(findings.filter((finding) => ['model', 'route', 'manager'].includes(finding.category)).map((finding) => finding.symbol));
  const repositories = new Map<string, Finding>();
  const abstractRepositories = new Set<string>();
  for (const { symbol, path, definition } of index.allDefinitions()) {
    if (definition.kind !== 'class' || TEST_PATH.test(path) || excluded.has(symbol)) continue;
    const ancestry = index.ancestry(symbol);
    if ([...ancestry.names].some((name) => NOT_REPOSITORIES.some((prefix) => name.startsWith(prefix)))) continue;
    const className = symbol.slice(symbol.lastIndexOf('.') + 1);
    const named = REPOSITORY_NAME.test(className);
    const access = index.methodsOf(symbol).map(({ name, definition: method }) => ({
      name,
      strength: strongest((method.calls ?? []).map((call) => dataAccess(index, path, definition, method, call))),
    }));
    const dataMethods = access.filter(({ strength }) => strength !== 'none');
    const owned = access.filter(({ strength }) => strength === 'owned');
    let reason: string | undefined;
    if (interfaces.has(symbol) && named) {
      reason = 'an abstract repository';
      abstractRepositories.add(symbol);
    } else if (owned.length >= 2) reason = `${owned.length} methods reach the database through the class's own session, an ORM manager or SQL`;
    else if (named && dataMethods.length >= 1) reason = 'named a repository, and reaches the database';
    if (reason) {
      repositories.set(symbol, {
        category: 'repository',
        symbol,
        range: definition.range,
        layer: '',
        details: { rule: 'data-access-class', reason, dataMethods: dataMethods.map(({ name }) => name) },
      });
    }
  }
  // A class deriving from a repository (a generic base, an abstract one) is a repository too, whatever its own methods look like.
  const direct = new Set(repositories.keys());
  for (const { symbol, path, definition } of index.allDefinitions()) {
    if (definition.kind !== 'class' || repositories.has(symbol) || TEST_PATH.test(path)) continue;
    const base = index.ancestry(symbol).classes.find((ancestor) => direct.has(ancestor));
    if (base) {
      const verb = abstractRepositories.has(base) ? 'implements' : 'derives from';
      repositories.set(symbol, { category: 'repository', symbol, range: definition.range, layer: '', details: { rule: 'data-access-class', reason: `${verb} ${base}`, dataMethods: [] } });
    }
  }
  return [...repositories.values()];
}

/**
 * How one call of a method reaches data: `owned` through the class's own session (`self.session`)
 * or a SQL builder; `passed` through a session handed in as a parameter or a Django manager (any
 * service function or view does that, so it counts only for classes named as repositories); or `none`.
 */
type Access = 'owned' | 'passed' | 'none';

function dataAccess(index: SymbolIndex, path: string, owner: SymbolDefinition, method: SymbolDefinition, call: CallSite): Access {
  const parts = call.callee.split('.');
  const verb = parts[parts.length - 1] ?? '';
  // Model.objects.filter(...): Django's managers are its data-access layer, and every view, form and
  // task calls them, so this alone marks only classes named as repositories.
  if (parts.includes('objects') && parts.length >= 3) return 'passed';
  if (parts.length === 1 || parts.length === 2) {
    if (index.qualifiedNames(path, call.callee).some((name) => SQL_BUILDERS.includes(name))) return 'owned';
  }
  if (!DATA_VERBS.has(verb) || parts.length < 2) return 'none';
  const receiver = parts.slice(0, -1);
  const selfName = method.parameters?.[0]?.name;
  if (receiver.length === 2 && receiver[0] === selfName) {
    const attribute = owner.attributes?.find((candidate) => candidate.name === receiver[1]);
    return isSession(index, path, receiver[1] ?? '', attribute?.type) ? 'owned' : 'none';
  }
  if (receiver.length === 1) {
    const parameter = method.parameters?.find((candidate) => candidate.name === receiver[0]);
    return parameter !== undefined && isSession(index, path, parameter.name, parameter.annotation) ? 'passed' : 'none';
  }
  return 'none';
}

function strongest(accesses: readonly Access[]): Access {
  return accesses.includes('owned') ? 'owned' : accesses.includes('passed') ? 'passed' : 'none';
}

function isSession(index: SymbolIndex, path: string, name: string, type: string | undefined): boolean {
  if (type) {
    const bare = type.replace(/^Optional\[|\]$|\s*\|\s*None$/g, '').replace(/^["']|["']$/g, '');
    if (index.qualifiedNames(path, bare).some((name) => SESSION_TYPES.includes(name))) return true;
  }
  return SESSION_NAMES.has(name.toLowerCase());
}
