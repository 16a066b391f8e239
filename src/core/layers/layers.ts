import type { FileFacts } from '../parse/facts';
import { isWithinModule } from '../resolve/symbolIndex';
import type { FindingCategory, RepoKind } from '../result';

/** Roles, each with the folder or file names that state it; the first role listing a name wins. */
type RoleNames = Readonly<Record<string, readonly string[]>>;

/** Roles every kind shares: code that is not part of the architecture under study. */
const SHARED_FOLDER_ROLES: RoleNames = {
  test: ['tests', 'test', 'testing', '__tests__', 'spec', 'specs', 'e2e', 'integration_tests', 'unit_tests'],
  example: ['examples', 'example', 'samples', 'sample', 'docs_src', 'tutorial'],
  migration: ['migrations', 'alembic', 'migration'],
  config: ['config', 'configs', 'conf', 'settings', 'deployment', 'deploy', 'scripts'],
};

/** Each kind's layer model (guide, section 1), keyed by the folder names that state the layer. */
const FOLDER_ROLES: Readonly<Record<RepoKind, RoleNames>> = {
  service: {
    api: ['api', 'routes', 'routers', 'router', 'endpoints', 'handlers', 'controllers', 'views', 'rest', 'graphql', 'web', 'schemas'],
    application: ['services', 'application', 'use_cases', 'usecases', 'interactors', 'workflows'],
    domain: ['domain', 'models', 'entities', 'aggregates', 'value_objects'],
    infrastructure: ['infrastructure', 'infra', 'repositories', 'repository', 'persistence', 'db', 'database', 'adapters', 'clients', 'external', 'cache', 'messaging', 'tasks', 'workers', 'integrations'],
  },
  framework: {
    http: ['http', 'request', 'response', 'wsgi', 'asgi', 'server', 'handlers'],
    routing: ['routing', 'urls', 'router', 'routers'],
    middleware: ['middleware', 'middlewares'],
    orm: ['db', 'orm', 'models', 'sql', 'database'],
    auth: ['auth', 'security', 'authentication', 'permissions'],
  },
  library: {
    adapter: ['backends', 'backend', 'adapters', 'transport', 'transports', 'dialects', 'brokers', 'stores'],
    driver: ['drivers', 'driver', 'connection', 'connections', 'protocol', 'connectors', 'pool'],
  },
};

/**
 * `orders.service.ts`, `order.entity.ts`: the role NestJS and Angular write into a file's name (their
 * CLIs generate these names). It is the innermost statement of a layer, so it comes before folders.
 */
const NAME_ROLES: Readonly<Partial<Record<RepoKind, RoleNames>>> = {
  service: {
    api: ['controller', 'resolver', 'gateway', 'dto', 'guard', 'middleware', 'interceptor', 'pipe', 'filter'],
    application: ['service', 'usecase', 'use-case', 'handler'],
    domain: ['entity', 'aggregate'],
    infrastructure: ['repository', 'processor', 'consumer', 'client', 'adapter'],
  },
};

/** The layer a finding suggests when the folders say nothing (a flat Flask app). */
const FINDING_ROLES: Readonly<Record<RepoKind, Partial<Record<FindingCategory, string>>>> = {
  service: { route: 'api', middleware: 'api', model: 'domain', event: 'domain', repository: 'infrastructure', task: 'infrastructure', manager: 'infrastructure' },
  framework: { route: 'routing', middleware: 'middleware', model: 'orm', manager: 'orm', signal: 'core', decorator: 'core' },
  library: { interface: 'core', route: 'public-api' },
};

const DEFAULT_ROLE: Readonly<Record<RepoKind, string>> = { service: 'application', framework: 'core', library: 'core' };

const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(test|spec)\.[jt]sx?)$/;
/** Documentation and benchmark suites: code about the code under study, not part of it. */
const DOC_FOLDERS = ['docs', 'doc', 'documentation', 'bench', 'benchmarks', 'benchmark'];

/**
 * Whether a path is outside the code under study: tests, examples, docs, benchmarks. The repository-kind
 * signals about what the code is full of count only the rest.
 */
export function isTestExampleOrDoc(path: string): boolean {
  let known = testExampleOrDoc.get(path);
  if (known === undefined) {
    const folders = path.split('/').slice(0, -1).map((folder) => folder.toLowerCase());
    known = TEST_FILE.test(path) || folders.some((folder) => SHARED_FOLDER_ROLES['test']?.includes(folder) || SHARED_FOLDER_ROLES['example']?.includes(folder) || DOC_FOLDERS.includes(folder));
    if (testExampleOrDoc.size >= MAX_REMEMBERED_PATHS) testExampleOrDoc.clear();
    testExampleOrDoc.set(path, known);
  }
  return known;
}

/** Asked of every path by classification and layers, again after every edit: each answer is kept (within a bound). */
const testExampleOrDoc = new Map<string, boolean>();
const MAX_REMEMBERED_PATHS = 200_000;
const CONFIG_FILE = /(^|\/)(settings(\.py)?|config\.py|[^/]*\.config\.[jt]s|manage\.py|setup\.py|noxfile\.py|tasks\.py)$/;

export interface LayerAssignment {
  layer: string;
  reasons: string[];
  confidence: 'stated' | 'inferred' | 'default';
}

/** What a file imports says its layer when nothing else does (a flat Flask app): web framework, data access, drivers. */
const IMPORT_ROLES: Readonly<Record<RepoKind, readonly { prefixes: readonly string[]; layer: string }[]>> = {
  service: [
    { prefixes: ['fastapi', 'flask', 'starlette', 'django.http', 'django.views', 'django.shortcuts', 'rest_framework', 'aiohttp.web', 'quart'], layer: 'api' },
    { prefixes: ['sqlalchemy', 'sqlmodel', 'django.db', 'psycopg', 'psycopg2', 'asyncpg', 'pymongo', 'motor', 'redis', 'boto3', 'httpx', 'requests', 'celery', 'kombu'], layer: 'infrastructure' },
  ],
  framework: [
    { prefixes: ['sqlalchemy', 'psycopg', 'psycopg2', 'asyncpg', 'pymongo'], layer: 'orm' },
    { prefixes: ['http', 'wsgiref', 'asyncio.streams', 'h11', 'httptools'], layer: 'http' },
  ],
  library: [{ prefixes: ['redis', 'psycopg', 'psycopg2', 'asyncpg', 'pymongo', 'socket', 'ssl', 'aiohttp', 'httpx', 'requests', 'boto3', 'pika', 'kafka'], layer: 'driver' }],
};

/** Gives one file its layer role in the model of the repository's kind, with the reasons. */
export function layerOf(kind: RepoKind, facts: Pick<FileFacts, 'path' | 'findings' | 'imports'>): LayerAssignment {
  const { path } = facts;
  if (TEST_FILE.test(path)) return { layer: 'test', reasons: ['test file name'], confidence: 'stated' };
  const folders = path.split('/').slice(0, -1);
  const shared = roleFromFolders(folders, SHARED_FOLDER_ROLES, 'stated');
  if (shared) return shared;
  if (CONFIG_FILE.test(path)) return { layer: 'config', reasons: ['configuration file name'], confidence: 'stated' };
  const named = roleInName(path, NAME_ROLES[kind]);
  if (named) return named;
  // Folders state the layer first (`domain/repositories.py` is domain); the file name only when they do not.
  const stated = roleFromFolders(folders, FOLDER_ROLES[kind], 'stated') ?? roleFromFolders([fileStem(path)], FOLDER_ROLES[kind], 'stated');
  if (stated) return stated;
  const byFinding = facts.findings.map((finding) => ({ finding, layer: FINDING_ROLES[kind][finding.category] })).find((entry) => entry.layer);
  if (byFinding?.layer) return { layer: byFinding.layer, reasons: [`holds a ${byFinding.finding.category} (${byFinding.finding.symbol})`], confidence: 'inferred' };
  if (kind === 'library' && /(^|\/)__init__\.py$|(^|\/)index\.[jt]s$/.test(path) && folders.length <= 1) {
    return { layer: 'public-api', reasons: ['the package entry point'], confidence: 'inferred' };
  }
  for (const { prefixes, layer } of IMPORT_ROLES[kind]) {
    const imported = facts.imports.find((statement) => statement.level === 0 && prefixes.some((prefix) => isWithinModule(statement.module, prefix)));
    if (imported) return { layer, reasons: [`imports ${imported.module}`], confidence: 'inferred' };
  }
  return { layer: DEFAULT_ROLE[kind], reasons: [`no folder, finding or import states a layer; default for a ${kind}`], confidence: 'default' };
}

/** The innermost folder that names a role wins: `app/api/services/` is application code. */
function roleFromFolders(folders: readonly string[], roles: RoleNames, confidence: LayerAssignment['confidence']): LayerAssignment | undefined {
  for (let index = folders.length - 1; index >= 0; index--) {
    const role = roleNamed(roles, (folders[index] ?? '').toLowerCase());
    if (role) return { layer: role, reasons: [`'${folders[index]}' in the path → ${role}`], confidence };
  }
  return undefined;
}

function roleInName(path: string, roles: RoleNames | undefined): LayerAssignment | undefined {
  const parts = path.slice(path.lastIndexOf('/') + 1).split('.');
  const suffix = parts.length >= 3 && /^[cm]?[jt]sx?$/.test(parts[parts.length - 1] ?? '') ? (parts[parts.length - 2] ?? '').toLowerCase() : undefined;
  const role = suffix && roles ? roleNamed(roles, suffix) : undefined;
  return role ? { layer: role, reasons: [`'.${suffix}' in the file name → ${role}`], confidence: 'stated' } : undefined;
}

/** Each table's roles by name, made once: every folder of every file is looked up (the table's entries had been listed and searched for each). */
const rolesByName = new WeakMap<RoleNames, ReadonlyMap<string, string>>();

function roleNamed(roles: RoleNames, name: string): string | undefined {
  let byName = rolesByName.get(roles);
  if (!byName) {
    const made = new Map<string, string>();
    for (const [role, names] of Object.entries(roles)) for (const listed of names) if (!made.has(listed)) made.set(listed, role);
    rolesByName.set(roles, (byName = made));
  }
  return byName.get(name);
}

function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}
