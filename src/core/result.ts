/**
 * The one serializable result of an analysis. Every view, the CLI and the reports render it;
 * `docs/analysis-result.schema.json`, generated from these types and their comments
 * (scripts/generate-result-schema.mjs), documents it for tools outside the project.
 */

export const SCHEMA_VERSION = 2;

export type RepoKind = 'framework' | 'service' | 'library';
export const REPO_KINDS: readonly RepoKind[] = ['framework', 'service', 'library'];

/** `sql` and `prisma` files are read for their schema only. */
export type Language = 'python' | 'typescript' | 'tsx' | 'javascript' | 'java' | 'go' | 'sql' | 'prisma';

export type FindingCategory =
  | 'middleware'
  | 'decorator'
  | 'signal'
  | 'receiver'
  | 'manager'
  | 'model'
  | 'repository'
  | 'interface'
  | 'route'
  | 'task'
  | 'event';

/** A path relative to the analysed root, with `/` between its parts. @pattern ^[^/\\] */
export type RelativePath = string;

/** 0-based, like the editor's positions. */
export interface Position {
  /** @asType integer @minimum 0 */
  line: number;
  /** @asType integer @minimum 0 */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Evidence {
  /** The id of the rule in kind-rules.yml. */
  signal: string;
  favours: RepoKind;
  weight: number;
  /** The folder, file or symbol that fired the rule. */
  path: string;
}

/** A kind's share of the fired rules' weights. @minimum 0 @maximum 1 */
export type Score = number;

export interface KindVerdict {
  kind: RepoKind;
  /** Each kind's share of the fired rules' weights; the three add up to 1 when any rule fired. */
  scores: Record<RepoKind, Score>;
  evidence: Evidence[];
  /** Subtrees whose kind differs from the whole (a framework that ships an ORM library). */
  parts: { path: RelativePath; kind: RepoKind }[];
}

export interface AnalyzedFile {
  path: RelativePath;
  language: Language;
  /**
   * The file's role in the layer model of the repository's kind (service: api, application,
   * domain, infrastructure; framework: http, routing, middleware, orm, auth, core; library:
   * public-api, core, adapter, driver; any: test, example, config, migration).
   */
  layer: string;
  reasons: string[];
  /** `stated` by the folders or file name, `inferred` from what the file holds, or the kind's `default`. */
  confidence: 'stated' | 'inferred' | 'default';
}

export interface Finding {
  category: FindingCategory;
  /** `relative/path:QualifiedName`, or `relative/path:<anonymous>@LINE` (LINE 1-based). */
  symbol: SymbolId;
  range: Range;
  layer: string;
  details: Record<string, unknown>;
}

export interface InterfaceImplementations {
  base: SymbolId;
  implementations: SymbolId[];
}

export interface Route {
  /** Upper case (GET, POST, …); ANY when the route takes every method; WS for websockets. */
  method: string;
  /** The full path with `{param}` placeholders, whatever the framework writes. */
  path: string;
  handler: SymbolId;
  framework: string;
  /** Where the route is declared (its decorator, its `path(...)` entry, its router registration). */
  source?: SourceLocation;
}

/**
 * call: a direct call; di: provided by the framework or the one implementation of an interface;
 * async: queued (`.delay`, `apply_async`); event: published or sent.
 */
export type TraceVia = 'call' | 'async' | 'event' | 'di';

export interface TraceStep {
  /** The callee: a workspace symbol, an outside name (`sqlalchemy.orm.Session.commit`), or `path:expression` when unresolved. */
  symbol: string;
  /** The callee's layer role; `external` for code outside the workspace. */
  layer: string;
  via: TraceVia;
  /** 0-based: where the callee is defined (for outside and unresolved calls, the call's line). @asType integer @minimum 0 */
  line: number;
  /** 0 for the handler, then one more per call level. @asType integer @minimum 0 */
  depth?: number;
  /** Where the call is made; `branch` when it sits in a `try` body, an `except` clause or a `finally`. */
  site?: { path: string; line: number; branch?: 'try' | 'except' | 'finally' };
  /** An interface method: the implementations that may run. */
  implementations?: string[];
  external?: boolean;
  unresolved?: boolean;
  /** The call as written, for an unresolved step. */
  expression?: string;
  /** The callee is already on the path from the handler (recursion); it is not walked again. */
  recursive?: boolean;
  /** Found by the TypeScript type checker: the call is on a value whose type the code does not write. */
  typed?: boolean;
  /** What the callee's annotations mark it as: `transactional` (a transaction's boundary), `async`. */
  marks?: string[];
}

export interface Trace {
  /** `METHOD /path`. */
  route: string;
  steps: TraceStep[];
}

/** An import that crosses the layers the wrong way (`layer-rules.yml`). */
export interface Violation {
  rule: string;
  path: RelativePath;
  /** 0-based line of the import. @asType integer @minimum 0 */
  line: number;
  /** The imported name, as written. */
  imported: string;
  message: string;
}

/** A place in the workspace: a relative path and a 0-based line. */
export interface SourceLocation {
  path: RelativePath;
  /** @asType integer @minimum 0 */
  line: number;
}

export interface EntityColumn {
  name: string;
  /** As declared: `VARCHAR(16)`, `CharField(max_length=16)`, `Mapped[int]`. */
  type: string;
  location: SourceLocation;
  primaryKey?: boolean;
  /** False when the column must have a value. */
  nullable: boolean;
  unique?: boolean;
  default?: string;
  /** A foreign key or relation field: the entity it points at. */
  references?: { entity: string; column?: string };
}

/** A constraint stated in plain words: "an order must have a user_id". */
export interface BusinessRule {
  kind: 'required' | 'unique' | 'check' | 'choices' | 'default' | 'on-delete';
  columns: string[];
  text: string;
  location: SourceLocation;
}

/** What an index says about the queries the code makes: "frequent lookup by (user_id, created_at)". */
export interface PerformanceHint {
  kind: 'index' | 'unique-index';
  columns: string[];
  text: string;
  name?: string;
  location: SourceLocation;
}

/** A table, from a model class or from schema statements (SQL files, migrations). */
export interface Entity {
  /** The model class's name, or the table's when no class defines it. */
  name: string;
  table: string;
  /** Where it was read from: `django`, `sqlalchemy`, `sqlmodel`, `sql`, `alembic`, `django-migrations`. */
  source: string;
  /** The model class, for entities read from code. */
  symbol?: SymbolId;
  location: SourceLocation;
  columns: EntityColumn[];
  rules: BusinessRule[];
  hints: PerformanceHint[];
}

export interface Relationship {
  /** The entity holding the reference (an order belongs to a user: from Order to User). */
  from: string;
  to: string;
  /** The field or column that holds it. */
  field: string;
  cardinality: 'many-to-one' | 'one-to-one' | 'many-to-many';
  /** True when the referencing side must have one. */
  required: boolean;
  onDelete?: string;
  location: SourceLocation;
}

export interface DataModel {
  entities: Entity[];
  relationships: Relationship[];
}

/** A loop that runs one query per item (N+1): what it iterates, what it reads, and the fix. */
export interface QueryWarning {
  rule: 'n-plus-one';
  path: RelativePath;
  /** 0-based: the `for`. */
  loop: Position;
  /** 0-based: the read in the loop that queries once per item. */
  access: Position;
  /** `Order.user`: the model and the relation read. */
  relation: string;
  /** The read as written: `order.user`. */
  read: string;
  message: string;
  /** What loads the relation with the query: `select_related("user")`, `options(selectinload(User.posts))`. */
  fix: string;
  /** Where `.` + fix can be appended to the iterated query, when that place is unambiguous. */
  insertAt?: Position;
}

export interface Skipped {
  path: RelativePath;
  reason: string;
}

/**
 * The one result of an ArchTrace analysis (`archtrace analyze --format json`). Paths are relative
 * to `root` and use `/`. Lines and characters are 0-based. A symbol is `relative/path:QualifiedName`
 * (`Class`, `Class.method`, `function`, a module-level name) or `relative/path:<anonymous>@LINE`
 * with LINE 1-based.
 */
export interface AnalysisResult {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The absolute path of the analysed folder. */
  root: string;
  kind: KindVerdict;
  files: AnalyzedFile[];
  findings: Finding[];
  interfaces: InterfaceImplementations[];
  routes: Route[];
  traces: Trace[];
  /** Imports that cross the layers of a business service the wrong way (src/core/layers/layer-rules.yml); checked by default for services only. */
  violations: Violation[];
  /**
   * Entities read from model classes (Django, SQLAlchemy, SQLModel, TypeORM, Mongoose, Sequelize,
   * Prisma) and from schema histories (SQL files, Alembic revisions, Django migrations) for the
   * tables no class defines; what a schema states about each (src/core/datamodel).
   */
  dataModel: DataModel;
  /**
   * Loops that run one query per item (N+1): Django query sets without the matching
   * select_related/prefetch_related, SQLAlchemy queries without a loader option for a lazy relationship.
   */
  queryWarnings: QueryWarning[];
  /** Files not analysed, and files read in part (SQL statements no grammar parses), each with its reason. */
  skipped: Skipped[];
}

export namespace AnalysisResult {
  const LISTS = ['files', 'findings', 'interfaces', 'routes', 'traces', 'violations', 'queryWarnings', 'skipped'] as const;

  /** What keeps a value read back (the kept result) from being a result of this schema; undefined when nothing does. */
  export function shapeProblem(value: unknown): string | undefined {
    if (!value || typeof value !== 'object') return 'not an object';
    const result = value as Partial<Record<keyof AnalysisResult, unknown>>;
    if (result.schemaVersion !== SCHEMA_VERSION) return `schema version ${String(result.schemaVersion)}`;
    if (typeof result.root !== 'string') return 'no root';
    const missing = LISTS.find((list) => !Array.isArray(result[list]));
    if (missing) return `no ${missing}`;
    const kind = result.kind as Partial<Record<keyof KindVerdict, unknown>> | undefined;
    if (typeof kind?.kind !== 'string' || !Array.isArray(kind.evidence) || !Array.isArray(kind.parts) || !kind.scores || typeof kind.scores !== 'object') return 'no kind';
    const dataModel = result.dataModel as Partial<Record<keyof DataModel, unknown>> | undefined;
    if (!Array.isArray(dataModel?.entities) || !Array.isArray(dataModel.relationships)) return 'no data model';
    return undefined;
  }

  export function findingsIn(result: AnalysisResult, path: string): Finding[] {
    const prefix = `${path}:`;
    return result.findings.filter((finding) => finding.symbol.startsWith(prefix));
  }

  export function countByCategory(result: AnalysisResult): Map<FindingCategory, number> {
    const counts = new Map<FindingCategory, number>();
    for (const finding of result.findings) {
      counts.set(finding.category, (counts.get(finding.category) ?? 0) + 1);
    }
    return counts;
  }
}

/** A symbol id: `path:QualifiedName`, or `path:<anonymous>@LINE` (LINE 1-based). @pattern ^[^:]+:(<anonymous>@[1-9][0-9]*|[^:]+)$ */
export type SymbolId = string;

export namespace SymbolId {
  /** Splits `path/to/file.py:Class.method` into its file and qualified name. */
  export function parse(symbol: SymbolId): { path: string; name: string } {
    const colon = symbol.lastIndexOf(':');
    return colon < 0 ? { path: symbol, name: '' } : { path: symbol.slice(0, colon), name: symbol.slice(colon + 1) };
  }

  export function of(path: string, name: string): SymbolId {
    return `${path}:${name}`;
  }

  export function anonymous(path: string, zeroBasedLine: number): SymbolId {
    return of(path, anonymousName(zeroBasedLine));
  }

  /** The name of what is written in place at a line (an inline handler, a call site): `<anonymous>@LINE`. */
  export function anonymousName(zeroBasedLine: number): string {
    return `<anonymous>@${zeroBasedLine + 1}`;
  }

  export function isAnonymousName(name: string): boolean {
    return name.startsWith('<anonymous>@');
  }

  /** The name shown to a reader: the qualified name, or for a function written in place (an inline handler) where it is. */
  export function label(symbol: SymbolId): string {
    const { name } = parse(symbol);
    return isAnonymousName(name) ? `inline function (line ${name.slice('<anonymous>@'.length)})` : name;
  }
}
