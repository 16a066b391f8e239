import type { Finding, Language, Range } from '../result';

/** One file to analyse, as the discovery found it. */
export interface FileTask {
  path: string;
  absolutePath: string;
  language: Language;
  maxFileSizeBytes: number;
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
}

/** A local variable of a function and the type the code states for it, when it does. */
export interface Local {
  name: string;
  type?: string;
}

export interface Parameter {
  name: string;
  annotation?: string;
  /** The default's source text (`Depends(get_db)`). */
  default?: string;
}

/** A class attribute or an instance attribute set in a method, with the type the code states. */
export interface Attribute {
  name: string;
  /** From an annotation, a parameter's annotation (`self.repo = repo`), or a constructor call. */
  type?: string;
  /** The assigned value when it is a call (`models.ForeignKey(User, ...)`, `Manager()`). */
  call?: CallShape;
  /** The assigned value when it is a plain string literal (`API_V1_STR = "/api/v1"`). */
  literal?: string;
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
  /** Functions and methods: the return annotation. */
  returns?: string;
  /** Functions and methods: the calls in their body, in source order (nested definitions excluded). */
  calls?: CallSite[];
  /** Functions and methods: local variables, with their type when an annotation or a constructor call states it. */
  locals?: Local[];
  /** Methods whose body only raises NotImplementedError: the mark of an abstract method without `abc`. */
  notImplemented?: boolean;
  /** Classes: attributes from the class body and from `self.x = ...` in its methods. */
  attributes?: Attribute[];
  /** Variables: the assigned value when it is a call (`router = APIRouter(prefix="/items")`). */
  value?: CallShape;
  /** Variables: the assigned value when it is a plain string literal. */
  literal?: string;
  /** Variables: the assigned type when the variable is a type alias (`SessionDep = Annotated[Session, Depends(get_db)]`). */
  alias?: string;
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
  line: number;
}

/**
 * A finding as the worker reports it. `qualify` asks the resolver to keep it only if a name it
 * captured resolves, through the file's imports, to one of the given qualified names.
 */
export interface ScannedFinding extends Finding {
  qualify?: { name: string; anyOf: string[] };
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
  details: Record<string, unknown>;
  qualify?: { name: string; anyOf: string[] };
}

/** What one worker pass learns about one file; plain data, so it crosses threads and caches. */
export interface FileFacts {
  path: string;
  language: Language;
  /** Set when the file was not analysed; the reason is shown to the user. */
  skipped?: string;
  lineCount: number;
  hasSyntaxErrors: boolean;
  symbols: SymbolDefinition[];
  imports: ImportStatement[];
  /** Findings of the detectors; the layer is filled in by the layers stage. */
  findings: ScannedFinding[];
  hints: Hint[];
}

export namespace FileFacts {
  export function skipped(task: Pick<FileTask, 'path' | 'language'>, reason: string): FileFacts {
    return { path: task.path, language: task.language, skipped: reason, lineCount: 0, hasSyntaxErrors: false, symbols: [], imports: [], findings: [], hints: [] };
  }
}
