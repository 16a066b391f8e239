import type { Finding, Language, Range } from '../result';

/** One file to analyse, as the discovery found it. */
export interface FileTask {
  path: string;
  absolutePath: string;
  language: Language;
  maxFileSizeBytes: number;
  /** The text an editor holds for the file, unsaved changes included: analysed instead of the file on disk. */
  text?: string;
  /** The changes made, in order, to the text last given for this file: the parser then reuses that text's tree. */
  edits?: readonly TextChange[];
}

/** A change of a text as editors report it: `length` characters (UTF-16 code units) at `offset` replaced by `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

export type SymbolKind = 'class' | 'function' | 'method' | 'variable';

/** A call whose arguments matter (a field, a router, a decorator): its callee and literal arguments. */
export interface CallShape {
  /** The called expression as written, without spaces or arguments: `models.ForeignKey`, `OrderCreated().publish`. */
  callee: string;
  /** Positional arguments' source text (string literals keep their quotes), cut to a bounded length. */
  args: string[];
  keywords: Record<string, string>;
}

/** A call in a function body: enough to resolve its callee and place it (arguments are not kept: traces do not read them). */
export interface CallSite {
  callee: string;
  line: number;
  character: number;
  /** The part of a `try` statement of the enclosing function the call is in, if any. */
  branch?: 'try' | 'except' | 'finally';
  /**
   * TypeScript/JavaScript: the first argument when it is an instance the function makes: a class made
   * in place, as `Name()` (`bus.dispatch(new CreateCourse(...))`), or a local made by a constructor
   * (`bus.dispatch(command)` after `const command = new CreateCourse(...)`): a message handed on.
   */
  handsOn?: string;
  /** Python: the `except` clauses of the `try` statements whose body holds the call, innermost first: what may catch an error the callee raises. */
  catches?: HandlerFact[];
  /** Python: the condition of the innermost `if` the call is written under (an `else` branch: `not (…)`), as written, cut to a bounded length. */
  condition?: string;
  /**
   * Go: the arguments as written when they are names or selectors (a router or handler handed on), else ''.
   * Python: kept for calls that hand on a module's list or a parameter (see python.ts `handedOn`):
   * positional names (else ''), then keywords as `key=name`.
   */
  arguments?: string[];
  /** Python: keyword arguments given `True` or `False`, as written (`mark_as_processed=True`): flags that choose what the callee does. */
  flags?: string[];
  /** Python: a method call given keyword arguments only (`filter(processed=None)`, `update(processed=now())`): their names, `=None` after one given None. */
  keywords?: string[];
  /** Python: a method call's keyword arguments given a plain name, as `key=name` (`update(last_error=error)`). */
  given?: string[];
}

/**
 * An error a function raises (Python's `raise`, `assert`; `throw` in TypeScript and JavaScript), or
 * returns as a value (`return Err(new BalanceTooLowError())`), with the condition it is raised under.
 */
export interface RaiseFact {
  /** The exception as written, without arguments: `InvalidOrderError`, `HTTPException`, `exceptions.NotFound`; `AssertionError` for an `assert`. */
  exception: string;
  line: number;
  /** The condition of the innermost `if` it is written under (an `else` branch: `not (…)`), or what an `assert` asserts; as written, cut to a bounded length. */
  condition?: string;
  /** True for an `assert`: the condition is what must hold. */
  asserted?: boolean;
  /** The first string argument: the message. */
  message?: string;
  /** An HTTP status among the arguments (`status_code=409`, `404`, `HttpStatus.CONFLICT`), as written. */
  status?: string;
  /** Raised inside an `except` clause: the exceptions the clause catches (`except OutOfStockError`). */
  caught?: string[];
  /** Returned as an error value, not thrown. */
  returned?: boolean;
}

/** A guard clause that ends a function under a condition: `if sent >= self.sms_limit: return False`. */
export interface RefusalFact {
  line: number;
  /** The condition, as written, cut to a bounded length. */
  condition: string;
  /** What it returns: `False`, `None`, the callee of the call it returns (`HttpResponseNotFound`), or '' for a bare `return`. */
  returns: string;
  /** The condition compares a value with a bound (`<`, `<=`, `>`, `>=`): a limit. */
  bound?: boolean;
}

/**
 * An `if` or `elif` that tests the type of a value (`isinstance(res, tuple)`, `not isinstance(res, Response)`,
 * `output is None`), with what its block does first: how a function treats each kind of value it is given.
 */
export interface TypeCheckFact {
  line: number;
  /** The value tested, as written (`res`, `output`). */
  subject: string;
  /** The types tested, as written (`tuple`, `str`, `bytes`), or `None`. */
  types: string[];
  /** The test is negated (`not isinstance(...)`): the block runs for any other type. */
  negated?: boolean;
  /** The block's first statement, its first line (`res = Response(res)`, `return output`, `if isinstance(res[0], int):`). */
  then: string;
  /** Where the subject was last assigned from a call before the first test of it, as written (`res = await invoke_handler(f, req)`), and its line. */
  from?: { text: string; line: number };
}

/** What a docstring says a function returns or raises, as written on one line, and the line its field opens on. */
export interface DocumentedOutcome {
  kind: 'returns' | 'raises';
  text: string;
  line: number;
}

/** An attribute added to in place (`check.n_pings += 1`): a counter a repeat moves again. */
export interface IncrementFact {
  target: string;
  line: number;
  /** The condition of the innermost `if` it is written under, as written. */
  condition?: string;
}

/** A value written to a name or an attribute, by what it is made from; bounded per function. */
export interface FillFact {
  /** The name or attribute as written (`project.badge_key`). */
  target: string;
  line: number;
  /** The calls in the value, as written (`str`, `uuid4`). */
  calls: string[];
  /** The names and attributes the value reads outside its calls' callees (`user.username`). */
  reads: string[];
}

/** A Python `except` clause of a function: the exceptions it catches, as written. */
export interface HandlerFact {
  exceptions: string[];
  line: number;
  /** The clause's last line. */
  end: number;
  /** The clause raises what it caught again: a bare `raise`, or `raise` of the name it binds. */
  reraises?: boolean;
  /** What the clause does, its first statements on one line, long arguments left out (`logger.exception(…); return None`). */
  does?: string;
  /** The loop the clause makes a retry of: its header on one line (`for attempt in range(self.MAX_TRIES)`, `while True`) and line; the `try` leaves the loop on success. */
  retries?: { loop: string; line: number };
}

/** An `if` testing a function's own parameter: what a caller's flag (`mark_as_processed=True`) changes there. */
export interface FlagTest {
  parameter: string;
  line: number;
  /** `if not parameter:`. */
  negated?: boolean;
  /** The block's first statement, on one line. */
  then: string;
  /** The attributes the block assigns (`flip.processed`), as written. */
  sets?: string[];
}

/** A local variable of a function and the type the code states for it, when it does. */
export interface Local {
  name: string;
  type?: string;
  /** The value as written: Go's short call (`r.Group("/v1")`) or field read (`options.BaseRouter`): what a router variable is made from; Java's constant (`HttpStatus.NOT_FOUND`); a TypeScript/JavaScript `const`'s string (`'api'`). */
  value?: string;
  /**
   * Made by a call given a class first (`get_object_or_404(Check, code=code)`, `Container.get(AuthService)`):
   * the call and the class as written, for the calls a framework documents as giving an instance of that class;
   * or given a service's id (`container.get('app.mailer')`), for the containers whose service files name its class.
   */
  madeWith?: {
    callee: string;
    argument: string;
    /** TypeScript/JavaScript: the argument is a string, a service's id in a container (`container.get('app.mailer')`), given without quotes. */
    id?: boolean;
  };
  /** TypeScript/JavaScript: the properties of the object given to the constructor that made it (`new Router({ prefix: '/api' })`), as written. */
  keywords?: Record<string, string>;
  /** Go: the line it is declared on, for the calls after it (a later block may declare the name again). */
  line?: number;
}

export interface Parameter {
  name: string;
  annotation?: string;
  /** The default's source text (`Depends(get_db)`). */
  default?: string;
  /** Python: `**kwargs` takes the keywords no other parameter names, `*args` the positional arguments left. */
  splat?: 'keywords' | 'positional';
}

/**
 * A Python value as the data-model stage reads it: calls with their receiver (`qs.filter(...)` is a
 * call of `filter` on `qs`) and arguments, literals, names, lists. Bounded in size by the scan.
 */
export type ValueShape =
  | { kind: 'call'; callee: string; receiver?: ValueShape; args: ValueShape[]; keywords: Record<string, ValueShape>; line: number }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  /** A dotted name, `True`, `None`. */
  | { kind: 'name'; value: string }
  /** A list, tuple or set display. */
  | { kind: 'list'; items: ValueShape[] }
  /** TypeScript and JavaScript: an object literal's properties (`{ type: String, required: true }`). */
  | { kind: 'object'; properties: Record<string, ValueShape> }
  /** Python: a dictionary display, its keys kept as values (`{events.Allocated: [handlers.publish], "sqlite": "backends.sqlite:SQLiteBackend"}`). */
  | { kind: 'dict'; entries: { key: ValueShape; value: ValueShape }[] }
  | { kind: 'other'; text: string };

/** A `for` loop (or a comprehension's `for`) over a single name: what it iterates and what its body reads of each item. */
export interface LoopFact {
  line: number;
  character: number;
  variable: string;
  iterable: ValueShape;
  /** Where the iterated expression ends, 0-based: a quick fix appends a call there. */
  iterableEnd: { line: number; character: number };
  /** When the loop iterates a local name: the values assigned to it earlier in the function, in order. */
  assigned?: ValueShape[];
  /** When the loop iterates a local name: earlier calls that take it as their first argument (`prefetch_related_objects(orders, "user")`). */
  passedTo?: ValueShape[];
  /**
   * `item.attribute` reads in the body (assignments to `item.attribute` are no reads); `next` is
   * what follows (`item.user.name` → `name`), `called` when that is a call, `chained` when the
   * call's result is used through another attribute (`item.lines.all().delete()`).
   */
  accesses: { attribute: string; next?: string; called?: boolean; chained?: boolean; line: number; character: number }[];
}

/** A column as a schema statement declares it. */
export interface ColumnFact {
  name: string;
  type: string;
  line: number;
  notNull?: boolean;
  primaryKey?: boolean;
  unique?: boolean;
  /** The default's source text. */
  default?: string;
  /** A CHECK on the column, as written. */
  check?: string;
  /** The values an enumerated type allows (Prisma enums). */
  choices?: string;
  references?: { table: string; column?: string; onDelete?: string };
}

/** A table-level constraint. */
export interface ConstraintFact {
  kind: 'primary-key' | 'unique' | 'foreign-key' | 'check';
  columns: string[];
  references?: { table: string; columns: string[]; onDelete?: string };
  /** A CHECK's expression, as written. */
  expression?: string;
  line: number;
}

/**
 * One change to a database schema, whoever wrote it: a SQL statement, an Alembic operation, a
 * Django migration operation. Replayed in order, they give the tables a migration history ends on.
 */
export type SchemaOperation =
  /** `entity`: the model's name when it is not the table's (a Prisma model mapped to another table). */
  | { op: 'create-table'; table: string; entity?: string; line: number; columns: ColumnFact[]; constraints: ConstraintFact[] }
  | { op: 'add-column'; table: string; line: number; column: ColumnFact }
  | { op: 'drop-column'; table: string; line: number; column: string }
  | { op: 'drop-table'; table: string; line: number }
  | { op: 'create-index'; table: string; line: number; name?: string; columns: string[]; unique: boolean }
  | { op: 'drop-index'; line: number; name: string }
  | { op: 'add-constraint'; table: string; line: number; constraint: ConstraintFact };

/** A class attribute or an instance attribute set in a method, with the type the code states. */
export interface Attribute {
  name: string;
  /** From an annotation, a parameter's annotation (`self.repo = repo`), or a constructor call. */
  type?: string;
  /** The assigned value when it is a call (`models.ForeignKey(User, ...)`, `Manager()`). */
  call?: CallShape;
  /** The assigned value when it is a plain string literal (`API_V1_STR = "/api/v1"`). */
  literal?: string;
  /** TypeScript class fields: their decorators as written (`Column`, `ManyToOne`), and the arguments of those that are calls. */
  decorators?: string[];
  decoratorCalls?: Record<string, CallShape>;
  /** Class-body attributes: the assigned value, whole (`models.ForeignKey(User, on_delete=models.CASCADE)`, `abstract = True`). */
  shape?: ValueShape;
  /** Go struct fields: the tag (`gorm:"not null;index" json:"name"`). */
  tag?: string;
  /** Python class bodies: annotated and given no value (`account_confirmed: Callable[[User], None]`), left for the class's users or subclasses to give. */
  unassigned?: true;
  line: number;
}

export interface SymbolDefinition {
  /** Qualified inside the file: `Class`, `Class.method`, `function`, `CONSTANT`. */
  name: string;
  kind: SymbolKind;
  range: Range;
  /** Base classes as written (`models.Model`, `ABC`). */
  bases: string[];
  /** The metaclass keyword of a class (`ABCMeta`), when it has one. */
  metaclass?: string;
  /** Other keywords of a class statement (`table=True` of SQLModel). */
  keywords?: Record<string, string>;
  /** Decorators as written, without `@` and arguments (`app.get`, `staticmethod`). */
  decorators: string[];
  /** The arguments of decorators that are calls, by decorator name (`action`: `detail=True`). */
  decoratorCalls?: Record<string, CallShape>;
  /** Functions and methods: parameters in order (`self` included). */
  parameters?: Parameter[];
  /** Functions and methods: the return annotation; a TypeScript type alias of a function type: the type its functions return. */
  returns?: string;
  /** TypeScript variables (a function too, when it is a variable's value): the type the annotation names, without type arguments (`const driver: DriverFactory<Options> = ...`). */
  declaredType?: string;
  /** Functions and methods: the calls in their body, in source order (nested definitions excluded). */
  calls?: CallSite[];
  /** Functions and methods: local variables, with their type when an annotation or a constructor call states it. */
  locals?: Local[];
  /** Python functions and methods defined with `async def`: a coroutine, run on the event loop. */
  async?: boolean;
  /** Methods whose body only raises NotImplementedError: the mark of an abstract method without `abc`. */
  notImplemented?: boolean;
  /** Python functions and methods whose body is only `...` (or `pass`), after a docstring: a declaration, as a Protocol's members are written. */
  stub?: boolean;
  /** TypeScript/JavaScript: other names an export clause gives the definition (`export { handler as GET, handler as POST }`). */
  exportedAs?: string[];
  /** TypeScript/JavaScript functions: the HTTP methods the body compares a request's `method` to (`req.method === 'POST'`, `case 'GET':`, or a variable named `method`, as handlers take it out of the request: `const { method } = req`), upper-cased, each once. */
  methodTests?: string[];
  /** Functions and methods: the errors raised (or returned as values), in source order. */
  raises?: RaiseFact[];
  /**
   * Python functions whose last statement returns a string made of literals and their parameters
   * (`return "/<org_slug>{}".format(rule)`, `return rule`): the expression as written, a path helper's.
   */
  returnsString?: string;
  /** Go functions: the types of the values they return made in place (`return &orderService{repo: r}`), as written. */
  returnsMade?: string[];
  /**
   * Python functions and methods: the status a `return` gives as the second item of its tuple (Flask's
   * `return body, 201, headers`), as written (`201`, `HTTPStatus.CREATED`), in source order.
   */
  returnedStatuses?: { status: string; line: number }[];
  /** Python functions and methods: guard clauses that return early under a condition, in source order. */
  refusals?: RefusalFact[];
  /** Python functions and methods: attributes added to in place (`+=`), in source order. */
  increments?: IncrementFact[];
  /**
   * Python functions and methods: what a name or attribute is assigned (`project.badge_key = str(uuid4())`),
   * and the keywords of a call a local is made with (`user = User(username=name)` fills `user.username`):
   * the calls and names the value is made from, so an answer can tell a value the code generates from one a request gives.
   */
  fills?: FillFact[];
  /** The function writes more values than `fills` keeps: an attribute absent from them may still be written. */
  fillsCut?: boolean;
  /** Python functions and methods: the `if` statements that test one of their own parameters (`if mark_as_processed:`), in source order. */
  flagTests?: FlagTest[];
  /** Python functions and methods: the `if`/`elif` tests of a value's type, in source order. */
  typeChecks?: TypeCheckFact[];
  /** Python functions and methods: the `except` clauses, in source order. */
  handles?: HandlerFact[];
  /** Python functions and methods: what each `for` statement goes through, as written (`self.url_map`, `reversed(middleware)`), whatever its target. */
  iterates?: {
    iterable: string;
    line: number;
    /** Where the body calls each item (`h(req)`, `await invoke_handler(h, req)`); absent when it only stores or copies them. */
    calledAt?: number;
    /** The statement that calls each item, as written on one line (`res = await invoke_handler(handler, req, res) or res`): what an item is given and what becomes of its return. */
    calledAs?: string;
    /** Where the loop stops on what an item's call returned (`if rv: break`, `if h(req): return`). */
    stopsAt?: number;
  }[];
  /** Python functions and methods: the calls made by functions defined inside the body (a decorator's wrapper), in source order. */
  innerCalls?: { callee: string; line: number }[];
  /** Python functions and methods: the `for` statements of functions defined inside the body, told as `iterates` tells its own. */
  innerIterates?: NonNullable<SymbolDefinition['iterates']>;
  /**
   * Python functions and methods: values stored in a table under a key (`REGISTRY[name] = cls`,
   * `cls._registry[key] = cls`), by the body or by a function nested in it (a decorator's inner
   * function): the table and the value as written. How a registry is filled at run time.
   */
  stores?: { table: string; value: string; line: number }[];
  /** Python functions and methods: lookups of a handler by a value's type (`self.handlers[type(message)]`): the table's expression as written. */
  dispatches?: { table: string; line: number }[];
  /** Functions and methods: loops over a single name, for the N+1 check. */
  loops?: LoopFact[];
  /** Functions and methods: calls made as statements on an attribute (`op.create_table(...)`, `parser.add_argument(...)`), whole, for schema migrations and scripts' options. */
  statementCalls?: ValueShape[];
  /** Classes: attributes from the class body and from `self.x = ...` in its methods. */
  attributes?: Attribute[];
  /** Variables: the assigned value when it is a call (`router = APIRouter(prefix="/items")`). */
  value?: CallShape;
  /** Variables: the assigned call, whole (`orders = Table("orders", metadata, Column(...))`), or a list of objects (`[{ path: '/auth', route: authRoute }]`). */
  shape?: ValueShape;
  /** Variables: the assigned value when it is a plain string literal. */
  literal?: string;
  /** Python module lists and dicts: what later module-level statements add (`X.append(Y)`, `X += [Y]`, `X["k"] = Y`), in order. */
  additions?: Addition[];
  /** TypeScript and JavaScript: the module's default export (`export default class X`, `export default router`). */
  defaultExport?: boolean;
  /**
   * Variables: the assigned type when the variable is a type alias (`SessionDep = Annotated[Session, Depends(get_db)]`);
   * as a TypeScript type alias of one named type is (`type KyselyDB = Kysely<DB>` → `Kysely`).
   */
  alias?: string;
  /** Go generic types: the names of their type parameters, in order (`Q`, `R` of `type QueryHandler[Q, R any] interface {...}`). */
  typeParameters?: string[];
  /**
   * Go types defined over another named type (`type ListHandler QueryHandler[ListOrders, []Order]`):
   * that type and its type arguments, each written as a dotted name without pointers or slices.
   */
  underlying?: { type: string; arguments?: string[] };
  /** Python functions and methods: what the docstring says they return and raise (`:returns: True if key is inserted`, `Raises: ValueError …`), each on one line, cut to a bounded length. */
  outcomes?: DocumentedOutcome[];
  /** Python functions and methods: the docstring and each block of whole-line comments in the body, squeezed to one line and cut, with the lines they span: the authors' own why. */
  notes?: { kind: 'docstring' | 'comment'; line: number; end: number; text: string }[];
  /** Python classes: the docstring's text as written (indentation kept, cut to a bounded length) and the line it starts on. */
  docstring?: { text: string; line: number };
}

/** Items (a list shape) or entries (a dict shape) added to a module variable, and the `if` or `try` the statement sits in, if any. */
export interface Addition {
  shape: ValueShape;
  line: number;
  inside?: 'if' | 'try';
  /** Inside a `try` that imports these modules and catches ImportError: the statement runs only when they are installed. */
  requires?: string[];
}

export interface ImportedName {
  name: string;
  alias?: string;
}

export interface ImportStatement {
  /** The module as written, without the leading dots of a relative import. */
  module: string;
  /** Leading dots of a relative import (0 for an absolute one). */
  level: number;
  /** Empty for `import module`; `*` for a star import. */
  names: ImportedName[];
  /** For `import module as alias`. */
  alias?: string;
  /** Python: written under `if TYPE_CHECKING:`, so for type checkers only: no run-time dependency. */
  typeOnly?: boolean;
  line: number;
}

/**
 * A finding as the worker reports it. `qualify` asks the resolver to keep it only if a name it
 * captured resolves, through the file's imports, to one of the given qualified names.
 */
export type ScannedFinding = Qualified<Finding>;

/** Each finding type of the union with a `qualify`. */
type Qualified<F> = F extends unknown ? F & { qualify?: Qualify } : never;

/** What a scanned finding or hint's name must resolve to for it to stand (a rule's `;; qualifies:`). */
export interface Qualify {
  name: string;
  anyOf: string[];
}

/** What a `;; hint:` rule found: input for a resolver (routers, includes), not reported itself. */
export interface Hint {
  hint: string;
  rule: string;
  /** The node's enclosing definition (or `<anonymous>@LINE`), like a finding's symbol. */
  symbol: string;
  line: number;
  /** The matched node's extent, for resolvers that nest hints lexically (a Mount around its routes). */
  range: Range;
  details: HintDetails;
  qualify?: Qualify;
}

/** What the hints' detectors capture, by the names the resolvers read (each hint has some of them). */
export interface HintDetails {
  rule: string;
  /** `include`: the application or router something is mounted on, as written. */
  parent?: string;
  /** `include`: what is mounted, as written. */
  child?: string;
  /** `include`: the module a mounted value is required from in place (`app.use('api', require('./api'))`). */
  childModule?: string;
  /** `include`: what is mounted, named by its import path (Django Ninja's `api.add_router("/news/", "news.api.router")`). */
  childPath?: string;
  /** `include`, `mount`, `viewset`: the prefix as written, a string literal without its quotes; `global-prefix`: the global prefix. */
  prefix?: string;
  /** `include`: the constant the prefix is given by (`prefix=settings.API_V1_STR`). */
  prefixName?: string;
  /** `include`: what is mounted is a function written in place, named as the hint is (`fastify.register(async (instance) => {...}, { prefix })`). */
  childInPlace?: string;
  /** `include`: a plugin registration (`fastify.register(...)`): the framework whose plugins it mounts. */
  plugin?: string;
  /** `include` of each entry of a list: the list, and the properties of an entry that hold the prefix and the router. */
  list?: string;
  prefixKey?: string;
  childKey?: string;
  /** `include` in a loop (`for bp in blueprints: app.register_blueprint(bp)`): the list looped over, as written. */
  each?: string;
  /** `viewset`, `route-chain`, `router-pass`: the router, as written; `router-factory`: the local that holds the router the function makes. */
  router?: string;
  /** `router-factory`: what makes the router (`Router`, `express.Router`). */
  maker?: string;
  /** `router-factory`: the function's parameter the router it makes is mounted on (`app` in `app.use('/order', router)`), when it mounts it instead of returning it. */
  mountedOn?: string;
  /** `router-pass`: the function the router is handed to. */
  callee?: string;
  /** `viewset`: the ViewSet registered. */
  viewset?: string;
  /** `route-chain`: the path the chain's routes share. */
  path?: string;
  /** `signal-send`: the signal sent, as written. */
  signal?: string;
  /** `nest-application`: the root module an application is made from (`NestFactory.create(AppModule)`). */
  rootModule?: string;
  /** `global-prefix` read from the configuration: the key read (`app.apiPrefix`). */
  configKey?: string;
  /** `config-value`: a configuration namespace's key and its default, a string literal without its quotes. */
  namespace?: string;
  key?: string;
  value?: string;
  /** `global-prefix`, `versioning`: the options object, as written. */
  options?: string;
  /** What else a user's rules capture. */
  [capture: string]: unknown;
}

/** What one worker pass learns about one file; plain data, so it crosses threads and caches. */
export interface FileFacts {
  path: string;
  language: Language;
  /** Java and Go: the package the file declares (`com.acme.orders`, `handler`). */
  packageName?: string;
  /** Set when the file was not analysed; the reason is shown to the user. */
  skipped?: string;
  /** Set when only part of the file was understood (SQL statements no grammar parses); shown like a skip. */
  partlyRead?: string;
  /**
   * Set when the skip says more of the run than of the file (its time budget overrun, on a machine
   * that may have been busy): such facts are never kept, and the file is tried again next run.
   */
  skippedForNow?: true;
  lineCount: number;
  hasSyntaxErrors: boolean;
  symbols: SymbolDefinition[];
  imports: ImportStatement[];
  /** Findings of the detectors; the layer is filled in by the layers stage. */
  findings: ScannedFinding[];
  hints: Hint[];
  /** SQL files: the schema statements understood, in order. */
  schema?: SchemaOperation[];
}

/** The empty list every fact shares: facts are never changed once made, and thousands of symbols have no bases, no decorators, no calls. */
const NO_ITEMS: readonly never[] = Object.freeze([]);

export namespace FileFacts {
  /**
   * The same facts with each empty list of a symbol the one shared empty list: as parsed from the
   * worker's JSON, each is an array of its own, and there is one per symbol. Changes the facts given.
   */
  export function sharingEmptyLists(facts: FileFacts): FileFacts {
    const shared = <T>(list: T[]): T[] => (list.length ? list : (NO_ITEMS as never[]));
    for (const symbol of facts.symbols) {
      symbol.bases = shared(symbol.bases);
      symbol.decorators = shared(symbol.decorators);
      if (symbol.parameters) symbol.parameters = shared(symbol.parameters);
      if (symbol.calls) symbol.calls = shared(symbol.calls);
      if (symbol.attributes) symbol.attributes = shared(symbol.attributes);
    }
    for (const statement of facts.imports) statement.names = shared(statement.names);
    facts.findings = shared(facts.findings);
    facts.hints = shared(facts.hints);
    return facts;
  }

  export function skipped(task: Pick<FileTask, 'path' | 'language'>, reason: string): FileFacts {
    return { path: task.path, language: task.language, skipped: reason, lineCount: 0, hasSyntaxErrors: false, symbols: [], imports: [], findings: [], hints: [] };
  }

  /** A skip of this run only (see `skippedForNow`). */
  export function skippedForNow(task: Pick<FileTask, 'path' | 'language'>, reason: string): FileFacts {
    return { ...skipped(task, reason), skippedForNow: true };
  }
}
