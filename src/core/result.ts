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
  | 'event'
  /** Where work is committed or rolled back, or run inside a transaction. */
  | 'transaction'
  /** A handler registered for an exception or an error status (`@app.exception_handler`, `errorhandler`, NestJS `@Catch`, Express error middleware). */
  | 'error-handler'
  /** An error status written out: `abort(404)`, `return body, 400`, `res.status(404)`, `Response(status=409)`. */
  | 'error-response';

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

/** What a signal favours: a kind, or `published`: a framework or a library alike, a package for other developers. */
export type Favours = RepoKind | 'published';

/** The questions of the guide's decision tree, in the order they are asked: who uses the repository (published or deployed), then what its code offers. */
export type KindQuestion = 'who-uses-it' | 'what-it-offers';
export const KIND_QUESTIONS: readonly KindQuestion[] = ['who-uses-it', 'what-it-offers'];

export interface Evidence {
  /** The id of the rule in kind-rules.yml. */
  signal: string;
  /** The question of the decision tree the rule answered. */
  question: KindQuestion;
  favours: Favours;
  weight: number;
  /** The folder, file (a package manifest, for the rules that read one) or symbol that fired the rule. */
  path: string;
}

/** A kind's share along the decision tree. @minimum 0 @maximum 1 */
export type Score = number;

export interface KindVerdict {
  kind: RepoKind;
  /**
   * The shares along the decision tree: service's is the deployed share of who uses the
   * repository, and the published share is divided between framework and library by what the code
   * offers; when who uses it is not told, each kind's share of what the code offers. The three add
   * up to 1 when any rule fired.
   */
  scores: Record<RepoKind, Score>;
  /** Question by question, in the order they are asked; each question's in the order of the rules. */
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

/**
 * What the analysis found, of one category: the details say what the rule that found it captured
 * and what resolution added, and their keys depend on the category.
 * @discriminator category
 */
export type Finding =
  | MiddlewareFinding
  | DecoratorFinding
  | SignalFinding
  | ReceiverFinding
  | ManagerFinding
  | ModelFinding
  | RepositoryFinding
  | InterfaceFinding
  | RouteFinding
  | TaskFinding
  | EventFinding
  | TransactionFinding
  | ErrorHandlerFinding
  | ErrorResponseFinding;

/** A finding of one category. */
export type FindingOf<C extends FindingCategory> = Extract<Finding, { category: C }>;

export namespace Finding {
  /**
   * The same finding with its details copied, `added` among them: stages that add to a finding's
   * details work on copies, so that the facts of a file and the kept answers stay as they were made.
   */
  export function withDetails<F extends Finding>(finding: F, added: Partial<F['details']> = {}): F {
    return { ...finding, details: { ...finding.details, ...added } };
  }

  /**
   * A finding of a category known only at run time (a class rule's, read from a framework file):
   * every category's details take the keys all findings share.
   */
  export function made(category: FindingCategory, symbol: SymbolId, range: Range, details: FindingDetails): Finding {
    return { category, symbol, range, layer: '', details } as Finding;
  }

  /** Whether a finding is of the category: `findings.filter(Finding.of('signal'))`. */
  export function of<C extends FindingCategory>(category: C): (finding: Finding) => finding is FindingOf<C> {
    return (finding): finding is FindingOf<C> => finding.category === category;
  }
}

interface FindingBase {
  /** `relative/path:QualifiedName`, or `relative/path:<anonymous>@LINE` (LINE 1-based). */
  symbol: SymbolId;
  range: Range;
  /** The layer of the finding's file. */
  layer: string;
}

/**
 * What every finding's details hold. A detector's captures are its details (string literals
 * without their quotes; a list's items as a list), as are its fixed values (`(#set! kind "order")`);
 * the keys each category's type names are those of ArchTrace's own rules and resolvers, and a
 * user's rules may add others.
 */
export interface FindingDetails {
  /**
   * The rule that found it: a detector's id (`fastapi-route`), a framework file's class rule
   * (`django-model`), or a resolver's (`framework-decorator`, `manager-attribute`, `abstract-class`,
   * `data-access-class`, `nest-route`, `annotation-route`, `go-route`, `middleware-interface`,
   * `handler-wrapper`).
   */
  rule: string;
  /** The framework or library the rule belongs to. */
  framework?: string;
  /** What tells findings of one category apart (`order`, `installed`, `enqueue`, `publish`, …). */
  kind?: string;
  /** A class rule's finding: the outside class (or decorator) that made it one. */
  extends?: string;
  /** Found where it is registered (`app.add_middleware(X)`, `signal.connect(handler)`): each place that registers it, `path:LINE` (LINE 1-based). */
  registeredAt?: string[];
  /** Registered, but defined outside the workspace: its qualified name. */
  reference?: string;
  /** What else a user's rules capture. */
  [capture: string]: unknown;
}

/** Where work is committed or rolled back, or a block that runs inside a transaction (`session.commit()`, `with transaction.atomic():`). */
export interface TransactionFinding extends FindingBase {
  category: 'transaction';
  details: TransactionDetails;
}

export interface TransactionDetails extends FindingDetails {
  /** The object the call is made on, as written (`self.session`, `db.session`). */
  on?: string;
  /** `commit`, `rollback`, or what opens the transaction (`atomic`, `begin`, `transaction`). */
  action?: string;
  /** A transaction block: what opens it, as written. */
  atomic?: string;
  transaction?: string;
}

/** An exception handler registered with the framework (`@app.exception_handler(X)`, `@app.errorhandler(404)`). */
export interface ErrorHandlerFinding extends FindingBase {
  category: 'error-handler';
  details: ErrorHandlerDetails;
}

export interface ErrorHandlerDetails extends FindingDetails {
  /** The exception class or status it handles, as written. */
  handles?: string;
  /** The handler, when it is registered by a call rather than decorated. */
  handler?: string;
  app?: string;
  bp?: string;
}

/** An error answered in place: `abort(404)`, `return ..., 400`, `Response(..., status=500)`. */
export interface ErrorResponseFinding extends FindingBase {
  category: 'error-response';
  details: ErrorResponseDetails;
}

export interface ErrorResponseDetails extends FindingDetails {
  kind?: 'abort' | 'response' | 'return';
  /** The status as written (`404`, `status.HTTP_409_CONFLICT`). */
  status?: string;
  /** The response class or call that carries it. */
  response?: string;
}

export interface MiddlewareFinding extends FindingBase {
  category: 'middleware';
  details: MiddlewareDetails;
}

export interface MiddlewareDetails extends FindingDetails {
  /** `installed`: a middleware installed on an application; `order`: Django's `MIDDLEWARE` setting. */
  kind?: 'installed' | 'order';
  /** The application or router it is installed on, as written (`app.use(...)`, `@app.middleware(...)`). */
  app?: string;
  /** What is installed, when it is made in place (`app.use(helmet())`: `helmet`). */
  middleware?: string;
  /** The router's method that installs it (`use`; restify's `pre`). */
  method?: string;
  /** Route-level middleware (`router.get('/me', auth, handler)`): the handler (or router) given after it, when it is named, as written. */
  handler?: string;
  /** The class that installs it (`Middleware(...)`). */
  callee?: string;
  /** A Flask request hook: which (`before_request`, `after_request`, …). */
  hook?: string;
  /** A function middleware's type (`@app.middleware("http")`: `http`). */
  type?: string;
  /** Django's `MIDDLEWARE`: the middleware in the order they run; one installed by a router's call (Go's `Use`, Spark's filters): its place among the middleware the same function installs on the same router, from 1. */
  order?: string[] | number;
  /** Installed by a router's call for one route only: the route's path. */
  route?: string;
  /** Middleware written in place under a path (`app.use('/store', (req, res, next) => ...)`): that path. */
  path?: string;
  /** The decorator that makes it middleware or runs it (routing-controllers' `Middleware`, `UseBefore`, `UseAfter`), as written. */
  decorator?: string;
  /** `signature`: a function found by its parameters alone (`(req, res, next)`), which a route may run as its handler instead. */
  by?: 'signature';
  /** A subclass of a middleware class found by its `__call__`: that class. */
  inherits?: string;
  /** An implementation of a workspace interface that is a middleware's contract (rules `middleware-interface`, `handler-wrapper`): the interface. */
  interface?: string;
  /** `handler-wrapper`: the handler type its interface's method takes and returns. */
  wraps?: string;
}

export interface DecoratorFinding extends FindingBase {
  category: 'decorator';
  details: DecoratorDetails;
}

export interface DecoratorDetails extends FindingDetails {
  /**
   * `use`: a function or class wearing a framework's extension-point decorator; `class`: a class
   * whose instances decorate (its `__call__`, or an ancestor's, is a decorator); `registers`: a
   * decorator that keeps the function it is given and hands it back (a route, a hook, a handler).
   */
  kind?: 'use' | 'class' | 'registers';
  /** The framework's decorator it wears, qualified. */
  decorator?: string;
  /** A decorator class: the `__call__` that decorates. */
  call?: string;
  /** A decorator that hands the work to another decorator the workspace defines: that call, as written. */
  delegate?: string;
  /** A decorator factory (`def retry(times): def decorator(func): ...`). */
  factory?: string;
  /** A workspace decorator's definition: the functions and classes that wear it. */
  usedBy?: string[];
  /** A NestJS module (`@Module(...)`): the modules it imports, as written. */
  imports?: string[];
  /** A NestJS module: its controllers. */
  controllers?: string[];
  /** A NestJS module: its providers. */
  providers?: string[];
  /** A NestJS module: what it exports. */
  exports?: string[];
}

export interface SignalFinding extends FindingBase {
  category: 'signal';
  details: SignalDetails;
}

export interface SignalDetails extends FindingDetails {
  /** What makes the signal, as written (`Signal`, `signal`, `ns.signal`). */
  maker?: string;
  /** The receivers connected to it. */
  receivers?: string[];
  /** The places that send it (their enclosing definitions). */
  senders?: string[];
}

export interface ReceiverFinding extends FindingBase {
  category: 'receiver';
  details: ReceiverDetails;
}

export interface ReceiverDetails extends FindingDetails {
  /** The signal it is connected to, as written; the signals, when it is given a list (`@receiver([post_save, post_delete])`). */
  signal?: string | string[];
  /** The handler connected, when it is written in place. */
  handler?: string;
  /** The decorator that connects it (`receiver`). */
  decorator?: string;
}

export interface ManagerFinding extends FindingBase {
  category: 'manager';
  details: ManagerDetails;
}

export interface ManagerDetails extends FindingDetails {
  /** `attached`: a manager attached to a model (`objects = OrderManager()`). */
  kind?: 'attached';
  /** The attached manager's call, as written. */
  manager?: string;
  /** What makes a manager class (`models.Manager.from_queryset`). */
  maker?: string;
}

export interface ModelFinding extends FindingBase {
  category: 'model';
  details: ModelDetails;
}

export interface ModelDetails extends FindingDetails {
  /** The fields that relate the model to others. */
  relationships?: ModelRelationship[];
  /** The factory that makes a model bound to a name (`mongoose.model`). */
  factory?: string;
  /** The name a model is made under (`mongoose.model('User', ...)`: `User`). */
  name?: string;
}

/** A model's field that relates it to another model, as its class writes it. */
export interface ModelRelationship {
  field: string;
  /** `many-to-one`, `one-to-one`, `many-to-many`, `generic`, or `relationship` (SQLAlchemy's, whose side says which). */
  kind: string;
  /** The related model, as written. */
  target: string;
}

export interface RepositoryFinding extends FindingBase {
  category: 'repository';
  details: RepositoryDetails;
}

export interface RepositoryDetails extends FindingDetails {
  /** Why it is a data-access class: the data methods it calls, or the base it extends. */
  reason?: string;
  /** The methods that reach the data. */
  dataMethods?: string[];
  /** Implemented by the framework (a Spring Data repository interface): the framework. */
  implementedBy?: string;
  /** Its query methods the framework derives from their names (`findByEmail`). */
  derivedQueries?: string[];
  /** Its query methods whose query an annotation declares (`@Query`). */
  declaredQueries?: string[];
}

export interface InterfaceFinding extends FindingBase {
  category: 'interface';
  details: FindingDetails;
}

export interface RouteFinding extends FindingBase {
  category: 'route';
  details: RouteDetails;
}

export interface RouteDetails extends FindingDetails {
  /** The HTTP method as the route's call or decorator writes it (`get`, `websocket`, `all`). */
  method?: string;
  /** The methods a route lists (`methods=["GET", "POST"]`). */
  methods?: string[];
  /**
   * The path as written where the route is declared, before the prefixes of its routers; several
   * when a resource is registered for more than one (`api.add_resource(Users, "/users", "/people")`).
   */
  path?: string | string[];
  /** A resource registered on a router, as written: a class (Flask-RESTful's `api.add_resource(Users, ...)`, `@ns.route(...)` on the class) or an object (Falcon's `app.add_route('/x', Things())`). */
  resource?: string;
  /** The application or router it is declared on, as written. */
  router?: string;
  /** What a URL pattern or route object points to, as written (`views.archive`, `include("shop.urls")`). */
  view?: string;
  /** The function that makes the URL pattern or route object (`path`, `re_path`, `Route`). */
  callee?: string;
  /** `named`: the handler is a named function; `inline`: it is written in place. */
  handler?: 'named' | 'inline';
  /** The responders' suffix a resource's route names (`suffix='item'`: `on_get_item`). */
  suffix?: string;
}

export interface TaskFinding extends FindingBase {
  category: 'task';
  details: TaskDetails;
}

export interface TaskDetails extends FindingDetails {
  /**
   * `enqueue`: work queued to run elsewhere; `worker`: what runs queued jobs; `job`: a method run as
   * a queue's job or on a schedule (`@Process`, `@Cron`); `loop`: a command that repeats its work
   * until stopped; `thread`: work run on a thread (or a pool's) of its own.
   */
  kind?: 'enqueue' | 'worker' | 'job' | 'loop' | 'thread';
  /** A loop's condition, as written (`not self.shutdown`). */
  condition?: string;
  /** The task queued, as written. */
  task?: string;
  /** The call that queues it (`delay`, `apply_async`). */
  call?: string;
  /** The decorator that makes a function a task. */
  decorator?: string;
  /** The queued job's name. */
  job?: string;
  /** The jobs queued at once (`queue.addBulk(jobs)`), as written. */
  jobs?: string;
  /** The queue a worker runs the jobs of. */
  queue?: string;
  /** What makes a worker (`Worker`). */
  maker?: string;
  /** A function a thread or pool is started on: where it is started (`file:line`). */
  startedAt?: string[];
  /** Registered through a workspace function that hands what it is given to a framework's registration: that function. */
  registeredThrough?: string;
}

export interface EventFinding extends FindingBase {
  category: 'event';
  details: EventDetails;
}

export interface EventDetails extends FindingDetails {
  /** `publish`: an event sent; `subscribe`: a handler registered for one. */
  kind?: 'publish' | 'subscribe';
  /** The event: its name, or its class. */
  event?: string;
  /** The object it is emitted on or subscribed to, as written. */
  emitter?: string;
  /** The handler subscribed, as written. */
  handler?: string;
  /** The decorator that makes a method a handler (`OnEvent`). */
  decorator?: string;
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
export type TraceVia = 'call' | 'async' | 'event' | 'di' | 'raise';

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
  /**
   * Reached through what no call names: the handler a handler table (`by`: the table) or a message
   * bus (`by`: the bus's method) registers for the message's class, or a function a bootstrap
   * injects by parameter name (`by`: the bootstrap).
   */
  through?: { kind: 'handler-table' | 'message-bus' | 'injected'; by: string };
  /** A `raise` step: the HTTP status it is answered with, when the code says so on the trace. @asType integer @minimum 100 @maximum 599 */
  status?: number;
  /** A call on an object the workspace makes at module level (`prisma = new PrismaClient()`): the outside class or call that makes it; the step is at the object's definition. */
  client?: string;
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

/**
 * A sentence of an answer: an English phrase with `{0}`, `{1}`… standing for the code terms it names
 * (`{0} refuses when {1}`). Translations change the phrase and keep the terms.
 */
export interface Phrase {
  /** The English phrase, `{0}`, `{1}`… where the terms go; code is between backticks. */
  phrase: string;
  /** The code terms (names, conditions, statuses as written), in the order of their placeholders. */
  terms: string[];
}

/** One fact of an answer, found in the code and linked to where the code says it. */
export interface AnswerFact extends Phrase {
  /** Where the code says it. */
  location: SourceLocation;
}

/** Which implementation provides which method of an interface: a library's contract at a glance. */
export interface AnswerTable {
  /** The interface whose methods are the columns. */
  subject: SymbolId;
  /** The interface's methods, those implementations must define first. */
  methods: string[];
  rows: AnswerTableRow[];
}

/** One implementation of an answer's table. */
export interface AnswerTableRow {
  implementation: SymbolId;
  location: SourceLocation;
  /**
   * One per method: the implementation (or a class between it and the interface) `defines` it, it
   * `inherits` the interface's body, or it is `missing` a method the interface leaves abstract.
   */
  cells: ('defines' | 'inherits' | 'missing')[];
}

/** One part of an answer: a topic, the facts found for it, and, when the code cannot tell, a line saying so. */
export interface AnswerPart {
  topic: Phrase;
  facts: AnswerFact[];
  /** Facts found beyond those listed. @asType integer @minimum 1 */
  omitted?: number;
  table?: AnswerTable;
  /** What static analysis cannot answer here, in one line, and where to read instead. */
  gap?: AnswerGap;
}

/** A line saying what the code cannot tell, and the place to read instead. */
export interface AnswerGap extends Phrase {
  readAt?: SourceLocation;
}

/** The answer the code gives to one item of the study checklist. */
export interface Answer {
  /** The checklist item: `service.invariants`, or a mixed part's `web/db/#library.interface`. */
  item: string;
  parts: AnswerPart[];
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
  /**
   * The answers to the study checklist's questions, made from the analysis on demand: filled by
   * `archtrace analyze` and `report`; an editor's analysis makes them when its checklist asks.
   */
  answers: Answer[];
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

  /** The class a member is written in (`path:Class.method` → `path:Class`); undefined for a name no class holds. */
  export function owner(symbol: SymbolId): SymbolId | undefined {
    const { path, name } = parse(symbol);
    const dot = name.lastIndexOf('.');
    return dot > 0 ? of(path, name.slice(0, dot)) : undefined;
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
