import { Edit, type Node, type Point, type QueryMatch, type Tree } from 'web-tree-sitter';
import type { FileFacts, FileTask, SchemaOperation, TextChange } from '../parse/facts';
import type { Grammars, ParsedLanguage } from '../parse/grammars';
import { ecmascriptSyntax } from '../parse/ecmascript';
import { goSyntax } from '../parse/go';
import { javaSyntax } from '../parse/java';
import { pythonSyntax } from '../parse/python';
import { readPrismaSchema } from '../parse/prisma';
import { readSqlSchema } from '../parse/sql';
import { isTestPath } from '../testCode';
import { capturedAs, type LanguageSyntax, literalValue, qualifiedName, rangeOf } from '../parse/syntax';
import { Finding, type Language, type Range, SymbolId } from '../result';
import { CompiledRules } from './compiledRules';
import { customPredicatesHold } from './predicates';
import type { DetectorRule } from './rules';
import { listIn } from '../lists';

/** Each parsed language's extraction of symbols and imports. */
export const SYNTAX: Partial<Record<Language, LanguageSyntax>> = { python: pythonSyntax, typescript: ecmascriptSyntax, tsx: ecmascriptSyntax, javascript: ecmascriptSyntax, java: javaSyntax, go: goSyntax };

/**
 * The deepest node a pattern may start at. A pattern that waits for a later child keeps a partial
 * match open on each enclosing node, so a tree nested n deep costs n² without a bound; written code
 * stays under 150 levels (generated tables reach a thousand, in literals no rule reads).
 */
const QUERY_OPTIONS = { maxStartDepth: 1000 } as const;

/**
 * Parses a file and runs every detector of its language in one query pass. Runs in a worker;
 * each thread holds one scanner, so grammars and queries are compiled once per thread.
 */
export class FileScanner {
  private readonly compiled = new Map<Language, Promise<CompiledRules>>();
  private readonly documents = new DocumentTrees(OPEN_DOCUMENT_TREES, OPEN_DOCUMENT_CHARACTERS);
  private readonly split = new Map<Language, Promise<SplitQueries | undefined>>();
  private readonly ruleOrders = new Map<Language, ReadonlyMap<string, number>>();
  /** Whether this thread scans an editor's documents as they are edited (see `servesEdits`). */
  private forEdits = false;

  constructor(
    private readonly grammars: Grammars,
    private readonly rules: ReadonlyMap<Language, readonly DetectorRule[]>,
  ) {}

  /** Tells the scanner its thread is the one for an editor's edits: it compiles the split queries, not the one-pass query, whatever file comes first. */
  servesEdits(): void {
    this.forEdits = true;
  }

  /** Gets ready for files of any language: what each needs first (the tree-sitter runtime) is loaded. */
  ready(): Promise<void> {
    return this.grammars.runtime();
  }

  /**
   * Scans `text`; a task that carries an editor's text (`task.text`) keeps its tree and facts, and
   * its next edits are parsed incrementally, the detectors' rules run again only over the top-level
   * statements the edits touched.
   */
  async scan(task: Pick<FileTask, 'path' | 'language' | 'text' | 'edits'>, text: string): Promise<FileFacts> {
    if (task.language === 'sql') return scanSql(task, text);
    if (task.language === 'prisma') return scanPrisma(task, text);
    const parser = await this.grammars.parser(task.language);
    const editorText = task.text !== undefined;
    // A thread compiles each rule once (a query's compile costs as much as a hundred scans): the
    // one query for files read from disk, or, in the thread for edits or when an editor's document
    // comes first, the split queries, which scan a whole file in two passes.
    const splitOnly = !this.compiled.has(task.language) && (editorText || this.forEdits || this.split.has(task.language));
    const splitFirst = splitOnly ? await this.splitQueries(task.language) : undefined;
    const compiled = splitFirst ? undefined : await this.compiledQuery(task.language);
    const edited = editorText ? this.documents.edited(task.path, task.language, text, task.edits ?? []) : null;
    const before = edited?.document.facts;
    const split = splitFirst ?? (before && compiled ? await this.splitQueries(task.language) : undefined);
    // The queries an open document's next edits will need, made once the result of its first scan is sent.
    if (editorText && !edited && compiled) {
      const { language } = task;
      setTimeout(() => void this.splitQueries(language), 0);
    }
    const tree = parser.parse(text, edited?.document.tree ?? null);
    if (!tree) {
      if (editorText) this.documents.forget(task.path); // its kept tree may have been edited for this text
      return { ...emptyFacts(task, text), skipped: 'the parser gave no tree' };
    }
    let scanned: FileFacts | undefined; // kept for the next edit only when the scan finished
    try {
      const root = tree.rootNode;
      const syntax = SYNTAX[task.language];
      const facts = emptyFacts(task, text);
      facts.hasSyntaxErrors = root.hasError;
      const touched = edited && split ? touchedStatements(root, edited, text) : undefined;
      // Statements touched from the first row to the last are the whole file: one pass serves.
      const region = touched && (touched.firstRow > 0 || touched.lastRow < root.endPosition.row) ? touched : undefined;
      // One pass of one query over the tree: the detectors' matches and the syntax's. After an
      // edit, the rules that keep to one statement run over the statements it touched alone.
      const whole = (region || !compiled) && split ? split.whole : compiled;
      const ruleMatches: QueryMatch[] = [];
      const syntaxMatches: QueryMatch[] = [];
      for (const match of whole?.query.matches(root, QUERY_OPTIONS) ?? []) (whole?.isRuleMatch(match) ? ruleMatches : syntaxMatches).push(match);
      if (syntax) {
        facts.symbols = syntax.symbols(root, syntaxMatches);
        facts.imports = syntax.imports(root, syntaxMatches);
        const packageName = syntax.packageName?.(root);
        if (packageName) facts.packageName = packageName;
      }
      if (whole) collectMatches(task.path, whole, ruleMatches, syntax, facts);
      if (region && split && before) {
        const range = { startPosition: { row: region.firstRow, column: 0 }, endPosition: { row: region.lastRow + 1, column: 0 } };
        const matches = split.local.query.matches(root, { ...range, ...QUERY_OPTIONS }).filter((match) => {
          const row = capturedAs(match, 'finding')?.startPosition.row;
          return row !== undefined && row >= region.firstRow && row <= region.lastRow;
        });
        collectMatches(task.path, split.local, matches, syntax, facts);
        keepUntouched(before, region, split.wholeFileRules, facts);
      } else if (split && whole === split.whole) collectMatches(task.path, split.local, split.local.query.matches(root, QUERY_OPTIONS), syntax, facts);
      inPlaceOrder(facts, this.ruleOrder(task.language));
      readEmbeddedSchema(facts);
      scanned = facts;
      return facts;
    } finally {
      if (editorText) this.documents.keep(task.path, task.language, text, tree, scanned);
      else tree.delete();
    }
  }

  /** The position of each rule of a language among its rules: findings at one place are listed in that order. */
  private ruleOrder(language: ParsedLanguage): ReadonlyMap<string, number> {
    let order = this.ruleOrders.get(language);
    if (!order) {
      order = new Map((this.rules.get(language) ?? []).map((rule, index) => [rule.id, index]));
      this.ruleOrders.set(language, order);
    }
    return order;
  }

  /**
   * For the documents an editor edits: the rules that need the whole file with the syntax's
   * patterns, and the others apart, to run over the statements an edit touched.
   */
  protected splitQueries(language: ParsedLanguage): Promise<SplitQueries | undefined> {
    let split = this.split.get(language);
    if (!split) {
      const rules = this.rules.get(language) ?? [];
      const wholeFile = rules.filter((rule) => rule.wholeFile);
      const local = rules.filter((rule) => !rule.wholeFile);
      split = local.length
        ? this.grammars.grammar(language).then((grammar) => ({
            whole: CompiledRules.compile(grammar, wholeFile, SYNTAX[language]?.query ?? ''),
            local: CompiledRules.compile(grammar, local),
            wholeFileRules: new Set(wholeFile.map((rule) => rule.id)),
          }))
        : Promise.resolve(undefined);
      this.split.set(language, split);
    }
    return split;
  }

  private compiledQuery(language: ParsedLanguage): Promise<CompiledRules | undefined> {
    const rules = this.rules.get(language) ?? [];
    const syntaxQuery = SYNTAX[language]?.query ?? '';
    if (!rules.length && !syntaxQuery) return Promise.resolve(undefined);
    let compiled = this.compiled.get(language);
    if (!compiled) {
      compiled = this.grammars.grammar(language).then((grammar) => CompiledRules.compile(grammar, rules, syntaxQuery));
      this.compiled.set(language, compiled);
    }
    return compiled;
  }
}

/** Trees kept for the documents an editor has open: enough for the files a user edits in turn. */
const OPEN_DOCUMENT_TREES = 16;
/** And no more text than this between them: a tree takes about ten times its text's size in the parser's memory. */
const OPEN_DOCUMENT_CHARACTERS = 4_000_000;

/**
 * The trees of the texts last scanned for an editor's documents, the most recently used kept, so
 * that the next edits of a document are parsed incrementally (tree-sitter reuses what the edits did
 * not touch). Edits are checked: applied to the kept text they must give the new text, or the new
 * text is parsed whole — a missed or reordered change costs time, never a wrong tree.
 */
class DocumentTrees {
  private readonly trees = new Map<string, KeptDocument>();
  private characters = 0;

  constructor(
    private readonly limit: number,
    private readonly characterLimit: number,
  ) {}

  /**
   * The kept document, its tree edited to match `text`, or null when the changes do not lead from
   * the kept text to it. The tree is told of one edit, the span between what the two texts begin
   * and end with alike, whatever changes led there: a text replaced whole (as editors may send a
   * change) then costs no more than the part of it that changed.
   */
  edited(path: string, language: Language, text: string, changes: readonly TextChange[]): EditedDocument | null {
    const kept = this.trees.get(path);
    if (!kept || kept.language !== language) return null;
    let current = kept.text;
    for (const change of changes) {
      const oldEndIndex = change.offset + change.length;
      if (change.offset < 0 || change.length < 0 || oldEndIndex > current.length) return null;
      current = current.slice(0, change.offset) + change.text + current.slice(oldEndIndex);
    }
    if (current !== text) return null;
    const before = kept.text;
    const shorter = Math.min(before.length, text.length);
    let start = 0;
    while (start < shorter && before.charCodeAt(start) === text.charCodeAt(start)) start++;
    let sameEnd = 0;
    while (sameEnd < shorter - start && before.charCodeAt(before.length - 1 - sameEnd) === text.charCodeAt(text.length - 1 - sameEnd)) sameEnd++;
    const startPosition = pointAt(text, start);
    const newEnd = text.length - sameEnd;
    kept.tree.edit(new Edit({ startIndex: start, oldEndIndex: before.length - sameEnd, newEndIndex: newEnd, startPosition, oldEndPosition: pointAt(before, before.length - sameEnd), newEndPosition: pointAt(text, newEnd) }));
    return { document: kept, changed: { start, end: newEnd, startRow: startPosition.row } };
  }

  forget(path: string): void {
    const kept = this.trees.get(path);
    if (!kept) return;
    kept.tree.delete();
    this.characters -= kept.text.length;
    this.trees.delete(path);
  }

  /** Keeps the tree of a document's text and its facts, the oldest forgotten beyond the limits (the newest always kept). */
  keep(path: string, language: Language, text: string, tree: Tree, facts: FileFacts | undefined): void {
    this.forget(path); // the tree the new one was parsed from, if any; kept again last, as the most recently used
    this.trees.set(path, { language, text, tree, ...(facts ? { facts } : {}) });
    this.characters += text.length;
    for (const oldest of this.trees.keys()) {
      if (oldest === path || (this.trees.size <= this.limit && this.characters <= this.characterLimit)) break;
      this.forget(oldest);
    }
  }
}

interface KeptDocument {
  language: Language;
  text: string;
  tree: Tree;
  /** What the scan of `text` found; absent when it failed. */
  facts?: FileFacts;
}

/** A kept document edited for a new text, and where the new text differs from the kept one. */
interface EditedDocument {
  document: KeptDocument;
  changed: { start: number; end: number; startRow: number };
}

export interface SplitQueries {
  /** The syntax's patterns and the rules that need the whole file. */
  whole: CompiledRules;
  /** The rules whose matches keep to one top-level statement. */
  local: CompiledRules;
  wholeFileRules: ReadonlySet<string>;
}

/** The rows (of the new text) of the top-level statements an edit touched, and how many rows the text gained. */
interface TouchedRows {
  firstRow: number;
  lastRow: number;
  rowShift: number;
}

/**
 * The rows of the top-level statements an edit touched: those around the text that changed and
 * where the syntax changed, in the new tree and in the kept one (edited to the new text's
 * positions), widened to whole statements and to whole lines, so that what lies outside is the
 * same text and syntax as before, only moved by whole rows when below.
 */
function touchedStatements(root: Node, edited: EditedDocument, text: string): TouchedRows {
  const kept = edited.document;
  let firstRow = edited.changed.startRow;
  let lastRow = pointAt(text, edited.changed.end).row;
  for (const range of kept.tree.getChangedRanges(root.tree)) {
    firstRow = Math.min(firstRow, range.startPosition.row);
    lastRow = Math.max(lastRow, range.endPosition.row);
  }
  const statements = [...root.children, ...kept.tree.rootNode.children];
  for (let widened = true; widened; ) {
    widened = false;
    for (const statement of statements) {
      if (!statement) continue;
      const start = statement.startPosition.row;
      const end = statement.endPosition.row;
      if (end >= firstRow && start <= lastRow && (start < firstRow || end > lastRow)) {
        firstRow = Math.min(firstRow, start);
        lastRow = Math.max(lastRow, end);
        widened = true;
      }
    }
  }
  return { firstRow, lastRow, rowShift: rowsOf(text) - rowsOf(kept.text) };
}

function rowsOf(text: string): number {
  let rows = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) rows++;
  return rows;
}

/**
 * The findings and hints of the statements an edit did not touch, from the facts before it: those
 * above as they were, those below moved by the rows the edit added or removed. The rules that need
 * the whole file found theirs again.
 */
function keepUntouched(before: FileFacts, touched: TouchedRows, wholeFileRules: ReadonlySet<string>, facts: FileFacts): void {
  const lastRowBefore = touched.lastRow - touched.rowShift;
  for (const finding of before.findings) {
    const row = finding.range.start.line;
    if (wholeFileRules.has(finding.details.rule) || (row >= touched.firstRow && row <= lastRowBefore)) continue;
    facts.findings.push(row < touched.firstRow || touched.rowShift === 0 ? finding : { ...finding, symbol: movedSymbol(finding.symbol, touched.rowShift), range: movedRange(finding.range, touched.rowShift) });
  }
  for (const hint of before.hints) {
    const row = hint.range.start.line;
    if (wholeFileRules.has(hint.rule) || (row >= touched.firstRow && row <= lastRowBefore)) continue;
    facts.hints.push(row < touched.firstRow || touched.rowShift === 0 ? hint : { ...hint, symbol: movedSymbol(hint.symbol, touched.rowShift), line: hint.line + touched.rowShift, range: movedRange(hint.range, touched.rowShift) });
  }
}

function movedRange(range: Range, rows: number): Range {
  return { start: { line: range.start.line + rows, character: range.start.character }, end: { line: range.end.line + rows, character: range.end.character } };
}

/** A symbol named after the line of what is written in place (`<anonymous>@12`, at any depth of its name) moves with it. */
function movedSymbol(symbol: string, rows: number): string {
  return symbol.includes(ANONYMOUS) ? symbol.replace(/<anonymous>@(\d+)/g, (_, line: string) => `${ANONYMOUS}${Number(line) + rows}`) : symbol;
}

const ANONYMOUS = '<anonymous>@';

/**
 * Findings and hints in the order of where they are in the file, those at one place in their
 * rules' order: the same whether a scan found them in one pass or kept some from before an edit.
 */
function inPlaceOrder(facts: FileFacts, ruleOrder: ReadonlyMap<string, number>): void {
  const order = (rule: string) => ruleOrder.get(rule) ?? 0;
  facts.findings.sort((a, b) => byStart(a.range, b.range) || order(a.details.rule) - order(b.details.rule));
  facts.hints.sort((a, b) => byStart(a.range, b.range) || order(a.rule) - order(b.rule));
}

function byStart(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** The row and column (UTF-16 code units, as web-tree-sitter counts in a JavaScript string) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) row++;
  return { row, column: offset - (offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0) };
}

/**
 * The schema statements a program holds in strings and runs itself (the `sql-schema` hint: Go's
 * migrations, a raw string `CREATE TABLE ...` handed to `tx.Exec`), read as a SQL file's are, their lines
 * counted from the string's. Made from the hints, so that an edit's scan, which keeps the hints of
 * the statements it did not touch, makes them again.
 */
function readEmbeddedSchema(facts: FileFacts): void {
  // A test's fixture tables are no part of the application's data model.
  if (isTestPath(facts.path)) return;
  const operations: SchemaOperation[] = [];
  for (const hint of facts.hints) {
    const sql = hint.hint === 'sql-schema' ? hint.details['sql'] : undefined;
    if (typeof sql !== 'string') continue;
    const fromString = (key: string, value: unknown) => (key === 'line' && typeof value === 'number' ? value + hint.line : value);
    for (const operation of readSqlSchema(sql).operations) operations.push(JSON.parse(JSON.stringify(operation), fromString) as SchemaOperation);
  }
  if (operations.length) facts.schema = operations;
}

/** A SQL file holds no code to detect in: its schema statements are what it has to say. */
function scanSql(task: Pick<FileTask, 'path' | 'language'>, text: string): FileFacts {
  const facts = emptyFacts(task, text);
  const { operations, unparsed, statements } = readSqlSchema(text);
  facts.schema = operations;
  if (unparsed > 0) {
    facts.hasSyntaxErrors = true;
    if (unparsed === statements) return { ...facts, skipped: `no SQL dialect ArchTrace reads (PostgreSQL, MySQL, SQLite) parses its ${unparsed} statement(s)` };
    facts.partlyRead = `${unparsed} of ${statements} SQL pieces (split at semicolons that end a line) not understood by the PostgreSQL, MySQL or SQLite grammar; the others were read`;
  }
  return facts;
}

function scanPrisma(task: Pick<FileTask, 'path' | 'language'>, text: string): FileFacts {
  const facts = emptyFacts(task, text);
  try {
    facts.schema = readPrismaSchema(text);
  } catch (error) {
    return { ...facts, skipped: `not a Prisma schema the parser reads: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
  return facts;
}

function emptyFacts(task: Pick<FileTask, 'path' | 'language'>, text: string): FileFacts {
  let lineCount = text.length > 0 ? 1 : 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineCount++;
  return { path: task.path, language: task.language, lineCount, hasSyntaxErrors: false, symbols: [], imports: [], findings: [], hints: [] };
}

function collectMatches(path: string, compiled: CompiledRules, matches: QueryMatch[], syntax: LanguageSyntax | undefined, facts: FileFacts): void {
  const seen = new Set<string>();
  const outermostSpans = new Map<string, { start: number; end: number }[]>();
  for (const match of matches) {
    const rule = compiled.ruleOf(match.patternIndex);
    const node = match.captures.find((capture) => capture.name === 'finding')?.node;
    if (node && rule.outermost && customPredicatesHold(compiled.query.predicatesForPattern(match.patternIndex), match)) listIn(outermostSpans, rule.id).push({ start: node.startIndex, end: node.endIndex });
  }
  for (const match of matches) {
    const rule = compiled.ruleOf(match.patternIndex);
    const findingNode = match.captures.find((capture) => capture.name === 'finding')?.node;
    if (!findingNode || !customPredicatesHold(compiled.query.predicatesForPattern(match.patternIndex), match)) continue;
    const nestedInAnother = outermostSpans
      .get(rule.id)
      ?.some((span) => span.start <= findingNode.startIndex && span.end >= findingNode.endIndex && (span.start !== findingNode.startIndex || span.end !== findingNode.endIndex));
    if (nestedInAnother) continue;
    const symbol = symbolOf(path, findingNode, match, syntax);
    // Two matches of one rule on one node are one finding, unless they capture different things:
    // a function under `@app.get('/')` and `@app.post('/')` is two routes.
    let key = `${rule.id}|${symbol}|${findingNode.startIndex}`;
    for (const capture of match.captures) if (capture.name !== 'finding' && !capture.name.startsWith('_')) key += `|${capture.node.startIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const details = detailsOf(rule, match);
    const qualifyingNode = rule.qualifies ? match.captures.find((capture) => capture.name === rule.qualifies?.capture)?.node : undefined;
    const qualifying = qualifyingNode?.type === 'method_invocation' ? javaCallee(qualifyingNode) : rule.qualifies ? details[rule.qualifies.capture] : undefined;
    // The name a rule qualifies is one capture's text; a list captured there names nothing.
    const qualify = rule.qualifies ? { name: typeof qualifying === 'string' ? qualifying : '', anyOf: rule.qualifies.names } : undefined;
    if (rule.hint) {
      facts.hints.push({ hint: rule.hint, rule: rule.id, symbol, line: findingNode.startPosition.row, range: rangeOf(findingNode), details, ...(qualify ? { qualify } : {}) });
    } else if (rule.category) {
      // An error response is answered under a condition a reader needs to know: the `if` around it.
      const condition = rule.category === 'error-response' ? syntax?.guardingCondition?.(findingNode) : undefined;
      if (condition) details['condition'] = condition;
      facts.findings.push({ ...Finding.made(rule.category, symbol, rangeOf(findingNode), details), ...(qualify ? { qualify } : {}) });
    }
  }
}

/** A Java call captured to be qualified stands for what it calls (`Tasks.audit(entry)` → `Tasks.audit`). */
function javaCallee(call: Node): string {
  const object = call.childForFieldName('object')?.text;
  const name = call.childForFieldName('name')?.text ?? '';
  return object ? `${object}.${name}` : name;
}

function symbolOf(path: string, finding: Node, match: QueryMatch, syntax: LanguageSyntax | undefined): string {
  // `(#set! symbol "anonymous")`: what the finding is about is written in place (an inline handler), not the function around it.
  // Named after the line the function written in place starts on (`@_inline`), else the finding's.
  if (match.setProperties?.['symbol'] === 'anonymous') return SymbolId.anonymous(path, (match.captures.find((capture) => capture.name === '_inline')?.node ?? finding).startPosition.row);
  if (syntax) {
    const own = syntax.definitionName(finding) ?? syntax.assignedName(finding);
    if (own) return SymbolId.of(path, qualifiedName(syntax, finding, own));
  }
  const named = match.captures.find((capture) => capture.name === 'symbol')?.node;
  if (named) {
    const text = named.text.replace(/\s+/g, '');
    // `self.on_ready` (`this.onReady`) inside a method names a method of the same class.
    const member = /^(?:self|cls|this)\.(\w+)$/.exec(text)?.[1];
    const enclosing = member && syntax ? qualifiedName(syntax, finding) : '';
    const owner = enclosing.includes('.') ? enclosing.slice(0, enclosing.lastIndexOf('.')) : '';
    return SymbolId.of(path, owner && member ? `${owner}.${member}` : text);
  }
  // A call site (`task.delay(...)`) belongs to the function it is written in.
  const enclosing = syntax ? qualifiedName(syntax, finding) : '';
  return enclosing ? SymbolId.of(path, enclosing) : SymbolId.anonymous(path, finding.startPosition.row);
}

/**
 * A string with values put in (`f"/api/{API_VERSION}"`, `` `/${root}/:id` ``) is kept as written,
 * quotes and all: its literal parts alone would be another string. The resolvers read the values
 * that are constants.
 */
function isInterpolated(node: Node): boolean {
  return (node.type === 'string' || node.type === 'template_string') && node.namedChildren.some((child) => child?.type === 'interpolation' || child?.type === 'template_substitution');
}

/** What a match captured, as a finding's or hint's details: the rule's id and framework, each capture's text, the fixed values the query sets. */
function detailsOf(rule: DetectorRule, match: QueryMatch): { rule: string; [capture: string]: unknown } {
  const details: { rule: string; [capture: string]: unknown } = { rule: rule.id };
  if (rule.framework) details.framework = rule.framework;
  for (const capture of match.captures) {
    if (capture.name === 'finding' || capture.name === 'symbol' || capture.name.startsWith('_')) continue;
    const value = capture.node.type === 'list' || capture.node.type === 'tuple'
      ? capture.node.namedChildren.filter((child) => child && child.type !== 'comment' && child.type !== 'ERROR' && !child.isMissing).map((child) => (child ? literalValue(child) : ''))
      : isInterpolated(capture.node) ? capture.node.text : literalValue(capture.node);
    const existing = details[capture.name];
    if (existing === undefined) details[capture.name] = value;
    else details[capture.name] = Array.isArray(existing) ? [...(existing as unknown[]), value] : [existing, value];
  }
  for (const [key, value] of Object.entries(match.setProperties ?? {})) {
    if (value !== null && key !== 'symbol' && details[key] === undefined) details[key] = value;
  }
  return details;
}
