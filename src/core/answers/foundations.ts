import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, inPart, inScope, locationOf, memo } from './context';
import { isTopicPage } from '../discover/studyDocuments';
import { PHRASES, say } from './phrases';
import { FENCE, quote } from './projectDocs';

/** A workspace class and the class of a declared dependency it derives from. */
interface Inherited {
  symbol: string;
  base: string;
  dependency: string;
}

/** Manifests whose text names what the project installs. */
const MANIFEST = /^(pyproject\.toml|setup\.py|setup\.cfg|requirements[^/]*\.txt|package\.json)$/i;

/** Facts per topic, at most. */
const MAX_INHERITED = 8;

export { FOUNDATION_TOPICS } from '../discover/studyDocuments';

/**
 * The classes of the code under study that derive from a class of a package the project declares
 * as a dependency in its manifest (a `Router` deriving from
 * `webcore.routing.Router`, a `Database` from a data-access package's `DAL`): what they inherit, routing or the request's way in, is written in
 * that package, not in the repository. Standard-library and undeclared bases are left out.
 */
function inheritedClasses(context: AnswerContext): Inherited[] {
  return memo(context, 'inherited from dependencies', () => {
    const { index } = context;
    const manifests = context.documents.filter((document) => MANIFEST.test(document.path)).map((document) => document.text.toLowerCase());
    const declared = (top: string) => {
      // A distribution's name may prefix the module's (`acme-sqlkit` installs `sqlkit`).
      const written = new RegExp(`["'\\s=\\[-]${top.toLowerCase().replace(/[-_]/g, '[-_]')}(?=[\\s"'\\[<>=~!;,]|$)`);
      return manifests.some((text) => written.test(text));
    };
    const found: Inherited[] = [];
    for (const file of context.result.files) {
      if (!inScope(context, file.path)) continue;
      for (const { symbol, definition } of index.definitionsIn(file.path)) {
        if (definition.kind !== 'class') continue;
        for (const base of definition.bases) {
          const target = index.qualify(file.path, base.split('[')[0] ?? base);
          const dotted = target && 'external' in target ? target.external : '';
          const top = dotted.split('.')[0] ?? '';
          if (dotted.includes('.') && !dotted.includes('(') && declared(top)) found.push({ symbol, base: dotted, dependency: top });
        }
      }
    }
    return found;
  });
}

/** The classes of a topic that derive from a dependency's, each told with where its behaviour is written. */
export function inheritedFacts(context: AnswerContext, topic: RegExp): AnswerFact[] {
  // A base named for the topic (`HTTPRouter`) before one only in a module of it (`routing.response.ResponseProcessor`).
  const named = (entry: Inherited) => Number(topic.test(entry.base.slice(entry.base.lastIndexOf('.') + 1)));
  return inheritedClasses(context)
    .filter((entry) => topic.test(entry.base))
    .sort((a, b) => named(b) - named(a))
    .slice(0, MAX_INHERITED)
    .map((entry) => fact(locationOf(context.index, entry.symbol), 'inheritsFromDependency', SymbolId.label(entry.symbol), entry.base, entry.dependency));
}

/** Documentation pages named per topic, at most. */
const MAX_TOPIC_PAGES = 12;

/**
 * The repository's own documentation pages on a topic, by their path read as a dotted name
 * (`docs/routing.md` as `docs.routing.md`, `docs/orm/relations.md`): where the behaviour a
 * dependency holds is told for this framework's users.
 */
function topicPages(context: AnswerContext, topic: RegExp): string[] {
  return context.otherFiles
    .filter((path) => isTopicPage(path, topic) && inPart(context, path))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .slice(0, MAX_TOPIC_PAGES);
}

/**
 * The classes of a topic that derive from a dependency's, told once per dependency with their
 * names, and the repository's documentation pages on the topic, where its users read what the
 * dependency does (none when no class derives so).
 */
export function inheritedPart(context: AnswerContext, topic: RegExp, quoting?: Quoting): AnswerPart[] {
  const facts = inheritedFacts(context, topic);
  const first = facts[0];
  if (!first) return [];
  const byDependency = new Map<string, AnswerFact[]>();
  for (const inherited of facts) byDependency.set(String(inherited.terms[2]), [...(byDependency.get(String(inherited.terms[2])) ?? []), inherited]);
  const told = [...byDependency].map(([dependency, entries]) =>
    entries.length === 1 ? (entries[0] as AnswerFact) : fact((entries[0] as AnswerFact).location, 'inheritTopicFromDependency', entries.map((entry) => `${String(entry.terms[0])} ← ${String(entry.terms[1])}`).join(', '), dependency),
  );
  return [answerPart(say('inheritedTopic'), [...told, ...topicPageFacts(context, topic, quoting)])];
}

/** The documentation pages of a topic, a page on its own or a folder of several told in one line with their names (`docs/orm/`: models, relations, …). */
function topicPageFacts(context: AnswerContext, topic: RegExp, quoting: Quoting | undefined): AnswerFact[] {
  const byFolder = new Map<string, string[]>();
  for (const path of topicPages(context, topic)) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  const pages = [...byFolder].map(([folder, paths]) => {
    const [first = folder] = paths;
    return paths.length === 1 ? fact({ path: first, line: 0 }, 'topicDocumented', first) : fact({ path: first, line: 0 }, 'topicDocumentedIn', folder, paths.map((path) => path.slice(folder.length)).join(', '));
  });
  return [...pages, ...(quoting ? pageQuotes(context, topic, [...byFolder.values()].flat(), quoting) : [])];
}

/**
 * What a question quotes of a topic's pages: `protocol`, the sentences on the methods the topic's
 * classes define (a middleware's hooks and their order); `parameters`, those on the typed-parameter
 * syntax the routes write, and the table of its types.
 */
export type Quoting = 'protocol' | 'parameters';

/** Lines quoted from a topic's pages, at most, and the rows of one table. */
const MAX_QUOTES = 12;
const MAX_TABLE_ROWS = 8;

/** A method defined in a documentation page's code example (indented under a class: `    async def pipe(self, next_pipe, **kwargs):`). */
const EXAMPLE_METHOD = /^\s+(?:async\s+)?def\s+([A-Za-z]\w*)\s*\(/;

/** A typed parameter as route patterns write it: `<int:pid>` (type first) or `{pid:int}` (type last). */
const TYPED_PARAMETER = /<(\w+):\w+>|\{\w+:(\w+)\}/g;

/** A placeholder of that syntax written in a page's inline code (`<type:variable_name>`): the sentence that defines the syntax. */
const PLACEHOLDER_CODE = /`[^`]*(<\w+:\w+>|\{\w+:\w+\})[^`]*`/;

/**
 * What a topic's pages say in prose of what the code relies on, quoted at their lines: the
 * sentences naming (in inline code) a method the topic's classes define — their own, or the page's
 * examples' — which state the protocol and the order its methods are called in; the sentences
 * defining the typed-parameter syntax the routes use, or naming one of its types; and the rows of
 * a table listing those types.
 */
function pageQuotes(context: AnswerContext, topic: RegExp, paths: readonly string[], quoting: Quoting): AnswerFact[] {
  const documents = context.documents.filter((document) => paths.includes(document.path));
  if (!documents.length) return [];
  const { index } = context;
  const classMethods = inheritedClasses(context)
    .filter((entry) => topic.test(entry.base))
    .flatMap((entry) => index.methodsOf(entry.symbol).map((method) => method.name))
    .filter((name) => /^[A-Za-z]/.test(name));
  const routeTypes = routeParameterTypes(context);
  const quotes: AnswerFact[] = [];
  for (const document of documents) {
    const lines = document.text.split('\n');
    const fenced = fencedLines(lines);
    // The types the code's routes use, and those the page's own examples write (`@app.route('/double/<int:number>')`).
    const types = new Set([...routeTypes, ...lines.flatMap((line, at) => (fenced[at] ? typesWritten(line) : []))]);
    const methods = new Set(quoting === 'protocol' ? [...classMethods, ...lines.flatMap((line, at) => (fenced[at] ? (EXAMPLE_METHOD.exec(line)?.[1] ?? []) : []))] : []);
    const namesMethod = (sentence: string) => [...sentence.matchAll(/`(\w+)(?:\(\))?`/g)].some((match) => methods.has(match[1] ?? ''));
    const namesParameters = (sentence: string) => PLACEHOLDER_CODE.test(sentence) || [...types].some((type) => new RegExp(`[\`*]${type}[\`*]`).test(sentence));
    const names = quoting === 'protocol' ? namesMethod : namesParameters;
    for (let at = 0; at < lines.length && quotes.length < MAX_QUOTES; at++) {
      const line = lines[at] ?? '';
      if (fenced[at] || /^\s*#/.test(line)) continue;
      if (line.trim().startsWith('|')) {
        const table = tableAt(lines, at);
        // The table of the types: its first column holds every type the routes and the page's examples write.
        const listed = new Set(table.rows.map((row) => row.cells[0] ?? ''));
        if (quoting === 'parameters' && types.size && [...types].every((type) => listed.has(type))) for (const row of table.rows.slice(0, MAX_TABLE_ROWS)) quotes.push(fact({ path: document.path, line: row.line }, 'docTableRow', document.path, row.cells[0] ?? '', row.cells.slice(1).join(' — ')));
        at = table.end;
        continue;
      }
      const said = line.replace(/^\s*>\s?/, '').trim().split(/(?<=[.!?])\s+/).filter(names).join(' ');
      if (said) quotes.push(fact({ path: document.path, line: at }, 'docSays', document.path, quote(said, MAX_QUOTED)));
    }
  }
  return quotes.slice(0, MAX_QUOTES);
}

/** A quoted sentence is cut past this length. */
const MAX_QUOTED = 320;

/** Which lines of a page are inside a fenced code block (the fences included). */
function fencedLines(lines: readonly string[]): boolean[] {
  let inside = false;
  return lines.map((line) => {
    const fence = FENCE.test(line);
    const was = inside;
    if (fence) inside = !inside;
    return fence || was;
  });
}

/** The Markdown table starting at a line: its body rows (the header and the separator left out), cells stripped of emphasis and code marks, and the table's last line. */
function tableAt(lines: readonly string[], start: number): { rows: { line: number; cells: string[] }[]; end: number } {
  let end = start;
  while (end + 1 < lines.length && (lines[end + 1] ?? '').trim().startsWith('|')) end++;
  const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => unmarked(cell.trim()));
  const separator = lines.slice(start, end + 1).findIndex((line) => /^\|?\s*:?-{3,}/.test(line.trim()));
  const rows = lines.slice(start, end + 1).flatMap((line, offset) => (separator >= 0 && offset <= separator ? [] : [{ line: start + offset, cells: cellsOf(line) }]));
  return { rows, end };
}

/** A table cell without the emphasis and code marks around it (`` `int` `` → `int`). */
function unmarked(cell: string): string {
  let start = 0;
  let end = cell.length;
  while (start < end && '`*'.includes(cell[start] ?? '')) start++;
  while (end > start && '`*'.includes(cell[end - 1] ?? '')) end--;
  return cell.slice(start, end);
}

/** The parameter types the routes of the code under study write in their patterns (`int` of `'/post/<int:pid>'`). */
function routeParameterTypes(context: AnswerContext): Set<string> {
  const types = new Set<string>();
  for (const route of context.result.routes) {
    if (!inPart(context, SymbolId.parse(route.handler).path)) continue;
    for (const call of Object.values(context.index.definition(route.handler)?.decoratorCalls ?? {})) for (const type of typesWritten(call.args[0] ?? '')) types.add(type);
  }
  return types;
}

/** The parameter types a route pattern writes (`int` of `'/post/<int:pid>'`). */
function typesWritten(pattern: string): string[] {
  return [...pattern.matchAll(TYPED_PARAMETER)].map((match) => match[1] ?? match[2] ?? '').filter(Boolean);
}

/**
 * An answer's part, with the classes of its topic that derive from a dependency after it: when the
 * code under study has none of the part's own mechanism, its gap points at the repository's own
 * documentation page on the topic, or without one at the first such class, rather than at a file
 * of the layer (a thin subclass holds none of the mechanism either).
 */
export function withInherited(context: AnswerContext, part: AnswerPart, topic: RegExp, quoting?: Quoting): AnswerPart[] {
  const inherited = inheritedPart(context, topic, quoting);
  const facts = inherited[0]?.facts ?? [];
  const first = facts.find((candidate) => candidate.phrase === PHRASES.topicDocumented || candidate.phrase === PHRASES.topicDocumentedIn) ?? facts[0];
  if (first && part.gap) part.gap = { ...part.gap, terms: [first.location.path, ...part.gap.terms.slice(1)], readAt: first.location };
  return [part, ...inherited];
}

/** Classes named per dependency in its summary, at most. */
const MAX_NAMED = 5;

/** A dependency the code builds on when this many of its classes derive from the dependency's. */
const MIN_DERIVED = 3;

/** The dependencies the code under study builds on, each with how many of its classes derive from theirs: the framework's core is partly there. */
export function foundationsPart(context: AnswerContext): AnswerPart[] {
  const byDependency = new Map<string, Inherited[]>();
  for (const entry of inheritedClasses(context)) byDependency.set(entry.dependency, [...(byDependency.get(entry.dependency) ?? []), entry]);
  const facts = [...byDependency]
    .filter(([, entries]) => entries.length >= MIN_DERIVED)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([dependency, entries]) => {
      const named = entries.slice(0, MAX_NAMED).map((entry) => `${SymbolId.label(entry.symbol)} ← ${entry.base}`).join(', ') + (entries.length > MAX_NAMED ? ', …' : '');
      return fact(locationOf(context.index, (entries[0] as Inherited).symbol), 'buildsOnDependency', dependency, entries.length, named);
    });
  return facts.length ? [answerPart(say('foundationsTopic'), facts)] : [];
}

/** An answer builder with the classes of its topic that derive from a dependency told after its first part. */
export function alsoInherited(build: (context: AnswerContext) => AnswerPart[], topic: RegExp, quoting?: Quoting): (context: AnswerContext) => AnswerPart[] {
  return (context) => {
    const [first, ...rest] = build(context);
    return first ? [...withInherited(context, first, topic, quoting), ...rest] : rest;
  };
}
