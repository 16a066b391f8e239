import type { StudyDocument } from '../discover/studyDocuments';
import { DOCS_INDEX, TUTORIAL_PAGE } from '../discover/studyDocuments';
import type { AnswerFact, AnswerPart, SourceLocation } from '../result';
import { benchmarkOptions } from './studyMaterial';
import { type AnswerContext, answerPart, fact, gap, inPart, memo, readmeLocation } from './context';
import { say } from './phrases';
import { isTestPath } from '../testCode';

/**
 * The learning path's questions the code alone does not answer — what the project is for and who
 * its peers are, where its tutorial is and how its API is called, how to work on it — answered
 * from the files beside the code that say so, each fact quoted with its line.
 */

/** A line longer than this is cut before a pattern reads it: documents are the workspace's text. */
const MAX_LINE = 1000;
/** What a quoted sentence or command is cut to. */
const MAX_QUOTE = 240;
const MAX_LISTED = 8;

/** The text on one line; a longer one cut after its last sentence that fits, else at a word, never inside one. */
export const quote = (text: string, max = MAX_QUOTE): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max);
  let sentenceEnd = -1;
  for (let position = head.length - 2; position > 0 && sentenceEnd < 0; position--) if ('.!?'.includes(head[position] ?? '') && head[position + 1] === ' ') sentenceEnd = position + 1;
  if (sentenceEnd > 0) return flat.slice(0, sentenceEnd);
  const wordEnd = head.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, wordEnd > 0 ? wordEnd : max - 1)}…`;
};

function linesOf(document: StudyDocument): string[] {
  return document.text.split(/\r?\n/).map((line) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line));
}

/** The text without the given characters at its start and its end (a loop: no pattern runs over workspace text). */
function strip(text: string, characters: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && characters.includes(text.charAt(start))) start++;
  while (end > start && characters.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** The name an import binds: `Foo` of `Foo`, `Bar` of `Foo as Bar`. */
const boundName = (written: string) => written.split(/\s/).filter(Boolean).pop() ?? '';

const at = (document: StudyDocument, line: number): SourceLocation => ({ path: document.path, line });

/** The study documents of the part under study (a mixed part's own, else the repository's). */
function documentsOf(context: AnswerContext, pattern: RegExp): StudyDocument[] {
  const matching = context.documents.filter((document) => pattern.test(document.path.slice(document.path.lastIndexOf('/') + 1)));
  const own = context.part ? matching.filter((document) => inPart(context, document.path)) : [];
  // The repository's own: at its root, or where GitHub and Sphinx look (`.github/CONTRIBUTING.md`, `docs/`), not a workspace package's.
  return own.length ? own : matching.filter((document) => !document.path.includes('/') || /^(\.github|docs?)\/[^/]+$/.test(document.path));
}

const README = /^readme(\.\w+)?$/i;

// ---------------------------------------------------------------------------------------------
// Headings and paragraphs of Markdown and reStructuredText

interface Heading {
  line: number;
  title: string;
}

const RST_ADORNMENT = /^([=\-~^"'`#*+.:_])\1{2,}\s*$/;
/** A line that opens or closes a fenced code block. */
export const FENCE = /^\s*(```|~~~)/;

/** The document's headings: Markdown `#` lines, reStructuredText titles (a line underlined), outside code. */
export function headingsOf(document: StudyDocument): Heading[] {
  const lines = linesOf(document);
  const headings: Heading[] = [];
  let fenced = false;
  lines.forEach((text, line) => {
    if (FENCE.test(text)) fenced = !fenced;
    if (fenced) return;
    const markdown = /^#{1,6}\s/.test(text) ? strip(strip(text, '#').trim(), '#').trim() : '';
    if (markdown && !/\.rst$/i.test(document.path)) headings.push({ line, title: markdown });
    else if (text.trim() && !RST_ADORNMENT.test(text) && !/^\s/.test(text) && RST_ADORNMENT.test(lines[line + 1] ?? '') && (lines[line + 1] ?? '').trim().length >= Math.min(3, text.trim().length)) headings.push({ line, title: text.trim() });
  });
  return headings;
}

/** A line of prose: not a heading, an adornment, a directive, a badge or image, HTML, a table, nor a line of links with a word or two. */
function isProse(text: string, next: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || RST_ADORNMENT.test(trimmed) || RST_ADORNMENT.test(next)) return false;
  if (/^(#|\.\.|\[!\[|!\[|<|\||:\w|```|~~~|-{3}|\+[-=])/.test(trimmed)) return false;
  // A line of links only (badges, a table of contents) says nothing of its own.
  const words = trimmed.split(/\s/).filter((word) => word && !/^(\[|!\[|<|\(|https?:|[|•·-]$)/.test(word) && !/\]\(|:\/\/|[=<>]/.test(word));
  return words.length >= 3;
}

/** The README's opening paragraphs of prose (the first, and the next when the first is only a tagline). */
function openingParagraphs(document: StudyDocument): { line: number; text: string }[] {
  const lines = linesOf(document);
  const paragraphs: { line: number; text: string }[] = [];
  let fenced = false;
  for (let line = 0; line < lines.length && paragraphs.length < 2; line++) {
    if (FENCE.test(lines[line] ?? '')) fenced = !fenced;
    if (fenced || !isProse(lines[line] ?? '', lines[line + 1] ?? '')) continue;
    const start = line;
    const body: string[] = [];
    while (line < lines.length && isProse(lines[line] ?? '', lines[line + 1] ?? '')) body.push(lines[line++] ?? '');
    paragraphs.push({ line: start, text: body.join(' ') });
    if (body.join(' ').length >= 80) break;
  }
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------
// What the project is for, and its peers

/** `description = "…"` (pyproject, setup.cfg), `description="…"` (setup.py), `"description": "…"` (package.json). */
const DESCRIPTION = /^\s*"?description"?\s*[:=]\s*(?:"([^"]{1,300})"|'([^']{1,300})'|([^\s"'[{(][^\n]{0,300}))/;
const CLASSIFIER = /["']((?:Framework|Topic|Intended Audience) :: [^"']{1,100})["']/;
const KEYWORDS = /^\s*"?keywords"?\s*[:=]\s*\[/;
const MANIFEST = /^(pyproject\.toml|setup\.cfg|setup\.py|package\.json)$/i;

/** What the packaging metadata says the project is: its description, keywords and trove classifiers, each at its line. */
function manifestFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const document of documentsOf(context, MANIFEST)) {
    const lines = linesOf(document);
    const python = document.path.endsWith('.py');
    const description = lines.findIndex((text) => DESCRIPTION.test(text));
    const match = description >= 0 ? DESCRIPTION.exec(lines[description] ?? '') : null;
    // In setup.py an unquoted value is a variable, not the text.
    const value = match ? (match[1] ?? match[2] ?? (python ? undefined : strip(match[3] ?? '', ', \t'))) : undefined;
    if (value) facts.push(fact(at(document, description), 'packageDescription', document.path, quote(value)));
    const keywordsLine = lines.findIndex((text) => KEYWORDS.test(text));
    if (keywordsLine >= 0) {
      const list = lines.slice(keywordsLine, keywordsLine + 30).join(' ');
      const inside = list.slice(list.indexOf('[') + 1, list.includes(']') ? list.indexOf(']') : undefined);
      const words = inside.split(',').map((word) => strip(word.trim(), '"\'')).filter((word) => word && word.length <= 60);
      if (words.length) facts.push(fact(at(document, keywordsLine), 'packageKeywords', document.path, words.slice(0, MAX_LISTED * 2).join(', ')));
    }
    const classifiers = lines.flatMap((text, line) => {
      const found = CLASSIFIER.exec(text);
      return found?.[1] ? [{ line, classifier: found[1] }] : [];
    });
    const first = classifiers[0];
    if (first) facts.push(fact(at(document, first.line), 'packageClassifiers', document.path, classifiers.slice(0, MAX_LISTED).map((entry) => entry.classifier).join('; ')));
  }
  return facts;
}

/** Words that name where a project runs or what it is written in, not a peer it is compared to. */
const NOT_PEERS = new Set(['python', 'cpython', 'pypy', 'micropython', 'circuitpython', 'javascript', 'typescript', 'node', 'node.js', 'nodejs', 'java', 'go', 'the', 'this', 'that', 'it', 'a', 'an', 'any', 'other', 'most', 'many', 'all', 'some', 'these', 'those']);

/** A sentence that names another project as a model or a point of comparison. */
const PEER_SENTENCE = /\b(inspired by|similar to|(?:faster|slower|simpler|smaller|lighter) than|compared (?:to|with)|comparison (?:to|with)|alternatives? to|unlike|modell?ed (?:after|on)|works as in|in the spirit of|port of|fork of|(?:drop-in )?replacement for|vs\.?|versus)\s+(?:the\s+)?(\[[^\]]{1,40}\]|`[^`]{1,40}`|\*\*?[^*]{1,40}\*\*?|[A-Za-z][\w.+-]{1,30})/g;

/** The project a comparison names: a link's text or code as written, a plain word only when capitalised (a proper name). */
function peerName(written: string): string | undefined {
  const name = strip(strip(written, '[]`*'), '.,;:').trim();
  return name && !NOT_PEERS.has(name.toLowerCase()) && (/^[A-Z]/.test(name) || /^[[`*]/.test(written)) ? name : undefined;
}

/** Other projects the README, the documentation's front page and the tutorial pages name as a model or a comparison, and the benchmarks that run one. */
function peerFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const document of proseDocuments(context)) {
    const lines = linesOf(document);
    lines.forEach((text, line) => {
      // A comparison wrapped after its words (`faster than` / `*rq*` on the next line) is the line's where it opens.
      const wrapped = `${text} ${lines[line + 1]?.trim() ?? ''}`;
      const matches = [...wrapped.matchAll(PEER_SENTENCE)].filter((match) => match.index < text.length && peerName(match[2] ?? ''));
      const names = matches.map((match) => peerName(match[2] ?? '') ?? '');
      const crosses = matches.some((match) => match.index + match[0].length > text.length);
      if (names.length) facts.push(fact(at(document, line), 'peerNamed', document.path, [...new Set(names)].join(', '), quote(crosses ? wrapped : text)));
    });
  }
  return [...facts, ...benchmarkedPeers(context)];
}

/**
 * Benchmarks that run another project: a benchmark file named after a module it imports
 * (`mem_flask.py` importing `flask`) that does not import this project's own packages.
 */
function benchmarkedPeers(context: AnswerContext): AnswerFact[] {
  const own = ownPackages(context);
  const facts: AnswerFact[] = [];
  for (const file of context.index.files()) {
    if (!inPart(context, file.path) || !/(^|\/)(bench|benchmarks?|perf|performance)\//i.test(file.path)) continue;
    const stem = (file.path.slice(file.path.lastIndexOf('/') + 1).split('.')[0] ?? '').toLowerCase();
    const modules = file.imports.filter((statement) => statement.level === 0).map((statement) => (statement.module.split(/[./]/)[0] ?? '').toLowerCase());
    if (modules.some((module) => own.has(module))) continue;
    const named = modules.find((module) => module.length > 2 && stem.split(/[-_]/).includes(module));
    const statement = file.imports.find((entry) => (entry.module.split(/[./]/)[0] ?? '').toLowerCase() === named);
    if (named && statement) facts.push(fact({ path: file.path, line: statement.line }, 'benchmarkRunsPeer', file.path, named));
  }
  return [...facts, ...peerOptions(context, own)];
}

/**
 * A benchmark script of this project with an option that runs it on another project it imports
 * (`--use-celery` in a script that imports `celery` and `dramatiq`): the peer it measures itself against.
 */
function peerOptions(context: AnswerContext, own: ReadonlySet<string>): AnswerFact[] {
  return context.index.files().flatMap((file) => {
    if (!inPart(context, file.path) || !/(^|\/)(bench|benchmarks?|perf|performance)\//i.test(file.path)) return [];
    const outside = file.imports.filter((statement) => statement.level === 0).map((statement) => (statement.module.split(/[./]/)[0] ?? '').toLowerCase()).filter((module) => module.length > 2 && !own.has(module) && !context.frameworks.standardModules.has(module));
    return benchmarkOptions(context, file.path).flatMap((option) => {
      const words = option.flag.toLowerCase().split(/[^a-z0-9]+/);
      const peer = outside.find((module) => words.includes(module));
      return peer ? [fact(option.location, 'benchmarkOptionRunsPeer', file.path, peer, option.flag, option.help ?? '')] : [];
    });
  });
}

/** The names the project's own code is imported by: its Python packages (`src/microdot/` → `microdot`) and its npm package names. */
function ownPackages(context: AnswerContext): Set<string> {
  return memo(context, 'own packages', () => {
    const names = new Set<string>();
    for (const file of context.result.files) {
      const match = /^(?:src\/)?([\w-]+)\/__init__\.py$/.exec(file.path);
      if (match?.[1]) names.add(match[1].toLowerCase());
    }
    for (const document of context.documents) {
      if (!/(^|\/)package\.json$/.test(document.path)) continue;
      const name = packageName(document.text);
      if (name) names.add(name.toLowerCase());
    }
    return names;
  });
}

function packageName(manifest: string): string | undefined {
  try {
    const name = (JSON.parse(manifest) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** What problem the project solves, in its own words, and the peers it names. */
export function purposeAnswer(context: AnswerContext): AnswerPart[] {
  const readme = documentsOf(context, README)[0];
  const opening = readme ? openingParagraphs(readme).map((paragraph) => fact(at(readme, paragraph.line), 'readmeOpening', readme.path, quote(paragraph.text, 400))) : [];
  return [
    answerPart(say('purposeTopic'), [...manifestFacts(context), ...opening], gap('noPurpose', readmeLocation(context))),
    answerPart(say('peersTopic'), peerFacts(context), gap('noPeers', readmeLocation(context))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Design reasons and delivery guarantees, where the documents state them

/** The prose a newcomer reads of the project: its README, the documentation's front page and its tutorial pages. */
function proseDocuments(context: AnswerContext): StudyDocument[] {
  return [...documentsOf(context, README), ...context.documents.filter((document) => (DOCS_INDEX.test(document.path) || TUTORIAL_PAGE.test(document.path)) && inPart(context, document.path))];
}

/** Section titles that give the design's reasons or compare it: `Why use X?`, `Trade-offs`, `Comparison`, `When to use`, `Design`. */
const RATIONALE_SECTION = /\b(why|trade-?offs?|comparisons?|compared|versus|vs|alternatives?|when to use|design|motivation|rationale|philosophy|differences?|choosing|pros and cons|limitations)\b/i;

/**
 * The sections of the README and documentation pages that state why the project is built so, or
 * compare it: headings named so, headings asked as a question (`Redesigned to be less elegant?`),
 * and a question on a line of its own that opens with why (`Why use X?`, a definition list's title);
 * a line saying so when none does.
 */
export function documentedRationaleAnswer(context: AnswerContext): AnswerPart[] {
  const facts: AnswerFact[] = [];
  for (const document of proseDocuments(context)) {
    const headings = headingsOf(document);
    const lines = linesOf(document);
    const titled = new Set(headings.map((heading) => heading.line));
    const standalone = lines.flatMap((text, line) => (!titled.has(line) && !lines[line - 1]?.trim() && !lines[line + 1]?.trim() && WHY_QUESTION.test(text.trim()) ? [{ line, title: strip(text.trim(), '*') }] : []));
    const sections = [...headings.filter((heading) => RATIONALE_SECTION.test(heading.title) || (heading.title.endsWith('?') && !ASKS_FOR_HELP.test(heading.title))), ...standalone].sort((a, b) => a.line - b.line);
    const ends = headings.map((heading) => heading.line);
    facts.push(
      ...sections.map((section) => {
        const said = sectionParagraph(lines, section.line, ends.find((line) => line > section.line) ?? lines.length);
        return said ? fact(at(document, said.line), 'readmeSectionSays', document.path, quote(section.title, 120), quote(said.text, 400)) : fact(at(document, section.line), 'readmeSection', document.path, quote(section.title, 120));
      }),
    );
  }
  return [answerPart(say('rationaleTopic'), facts, gap('noRationale', readmeLocation(context)))];
}

/** Lines read after a section's title for its first paragraph, at most. */
const SECTION_LOOKAHEAD = 40;

/** A section's first paragraph of prose (a definition's text after its term), outside code, before the next heading. */
function sectionParagraph(lines: readonly string[], title: number, end: number): { line: number; text: string } | undefined {
  let fenced = false;
  for (let line = title + 1; line < Math.min(end, title + SECTION_LOOKAHEAD); line++) {
    if (FENCE.test(lines[line] ?? '')) fenced = !fenced;
    if (fenced || !isProse(lines[line] ?? '', lines[line + 1] ?? '')) continue;
    const body: string[] = [];
    const start = line;
    while (line < end && isProse(lines[line] ?? '', lines[line + 1] ?? '')) body.push((lines[line++] ?? '').trim());
    return { line: start, text: body.join(' ') };
  }
  return undefined;
}

/** A heading asked as a question that is about working with the project, not about its design (`How can I help?`, `Need support?`). */
const ASKS_FOR_HELP = /\b(help|contribut\w*|install\w*|support|sponsor\w*|donat\w*)\b/i;

/** A question that asks why, alone on its line (`Why use *arq*?`, `**Why not X?**`). */
const WHY_QUESTION = /^\**why\b[^\n]{0,120}\?\**$/i;

/** A sentence stating how reliably work is carried out: at least once, more than once, retried, acknowledged, idempotent. */
const DELIVERY_STATEMENT = /\b(at[- ]least[- ]once|at[- ]most[- ]once|exactly[- ]once|more than once|multiple times|redeliver\w*|requeue\w*|retr(y|ies|ied|ying)|acknowledg\w*|idempoten\w*)\b/i;
const MAX_DELIVERY_STATEMENTS = 8;

/** The sentences of the README and documentation pages that state delivery, retry and acknowledgement, each at its line (prose only: not code, not headings). */
export function documentedDeliveryFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const document of proseDocuments(context)) {
    const lines = linesOf(document);
    let fenced = false;
    lines.forEach((text, line) => {
      if (FENCE.test(text)) fenced = !fenced;
      if (!fenced && facts.length < MAX_DELIVERY_STATEMENTS && isProse(text, lines[line + 1] ?? '') && DELIVERY_STATEMENT.test(text)) facts.push(fact(at(document, line), 'deliveryStatement', document.path, quote(text)));
    });
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// The tutorial and the basic API

const USAGE_SECTION = /\b(usage|quick ?start|getting started|tutorial|examples?|how to use|basic|introduction|first steps)\b/i;

/** Where the tutorial is: documentation pages named so, and the README's usage sections. */
function tutorialFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const document of context.documents.filter((candidate) => TUTORIAL_PAGE.test(candidate.path) && inPart(context, candidate.path))) {
    const title = headingsOf(document)[0];
    facts.push(title ? fact(at(document, title.line), 'tutorialPage', document.path, quote(title.title, 120)) : fact(at(document, 0), 'tutorialPageUntitled', document.path));
  }
  for (const readme of documentsOf(context, README)) {
    for (const heading of headingsOf(readme)) if (USAGE_SECTION.test(heading.title)) facts.push(fact(at(readme, heading.line), 'readmeSection', readme.path, quote(heading.title, 120)));
  }
  return facts;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The code of a document: a source file whole, the code blocks of a README or a documentation page. */
function codeLines(document: StudyDocument): { line: number; text: string }[] {
  const lines = linesOf(document);
  if (/\.(py|[cm]?[jt]s)$/i.test(document.path)) return lines.map((text, line) => ({ line, text }));
  const code: { line: number; text: string }[] = [];
  let fenced = false;
  let literal = false;
  lines.forEach((text, line) => {
    if (FENCE.test(text)) {
      fenced = !fenced;
      return;
    }
    if (literal && text.trim() && !/^\s/.test(text)) literal = false;
    if (fenced || literal) code.push({ line, text: text.replace(/^\s*(>>>|\.\.\.)\s?/, '') });
    if (!fenced && /::\s*(\w+\s*)?$/.test(text.trim())) literal = true;
  });
  return code;
}

/** `import { a, b as c } from 'pkg'` and `const x = require('pkg')`: what is bound and from which module. */
function javascriptImport(trimmed: string): { clause: string; from: string } | undefined {
  const esm = trimmed.startsWith('import ') ? trimmed.lastIndexOf(' from ') : -1;
  if (esm > 0) return { clause: trimmed.slice('import '.length, esm), from: strip(trimmed.slice(esm + ' from '.length).trim(), '\'";`') };
  const required = /^(const|let|var)\s/.test(trimmed) ? trimmed.indexOf('require(') : -1;
  const equals = trimmed.indexOf('=');
  if (required < 0 || equals < 0 || equals > required) return undefined;
  const close = trimmed.indexOf(')', required);
  return { clause: trimmed.slice(trimmed.indexOf(' ') + 1, equals), from: strip(trimmed.slice(required + 'require('.length, close < 0 ? undefined : close).trim(), '\'"`') };
}

/** The package of a module specifier: `@scope/name` of `@scope/name/sub`, `name` of `name/sub`. */
const npmPackageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The calls a piece of code makes on the project's public names: what it imports from the project
 * (`from microdot import Microdot`, `import { Keyv } from 'keyv'`), the objects it makes from them
 * (`app = Microdot()`), and each call or decorator on those (`@app.route('/')`), as written.
 */
function apiCalls(code: readonly { line: number; text: string }[], own: ReadonlySet<string>): { line: number; call: string; callee: string; classes: string[] }[] {
  const names = new Set<string>();
  const classes = new Set<string>();
  for (const { text } of code) {
    const from = /^\s*from\s+([\w.]+)\s+import\s+\(?([\w\s,]+)/.exec(text);
    if (from?.[1] && own.has((from[1].split('.')[0] ?? '').toLowerCase())) {
      for (const name of (from[2] ?? '').split(',')) {
        names.add(boundName(name));
        if (/^\s*[A-Z]\w*\s*$/.test(name)) classes.add(name.trim());
      }
    }
    const plain = /^\s*import\s+([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(text);
    if (plain?.[1] && own.has((plain[1].split('.')[0] ?? '').toLowerCase())) names.add(plain[2] ?? plain[1]);
    const module = javascriptImport(text.trim());
    if (module && own.has(npmPackageOf(module.from).toLowerCase())) for (const name of module.clause.replace(/[{}*]/g, ',').split(',')) names.add(boundName(name));
  }
  names.delete('');
  if (!names.size) return [];
  const named = [...names].slice(0, 40).map(escapeRegExp).join('|');
  const made = new RegExp(`^\\s*(?:(?:const|let|var)\\s+)?(\\w+)\\s*=\\s*(?:await\\s+|new\\s+)?(?:${named})\\b[\\w.]*\\s*\\(`);
  for (const { text } of code) {
    const object = made.exec(text)?.[1];
    if (object) names.add(object);
  }
  const callable = new RegExp(`(?:^|[^\\w.])(@?(?:${[...names].slice(0, 60).map(escapeRegExp).join('|')})(?:\\.\\w+)*)\\s*\\(`);
  return code.flatMap(({ line, text }) => {
    const trimmed = text.trim();
    if (!isStatement(trimmed)) return [];
    const callee = callable.exec(trimmed)?.[1];
    return callee ? [{ line, call: quote(trimmed, 120), callee: callee.replace(/^@/, ''), classes: classesNamed(trimmed, classes) }] : [];
  });
}

/**
 * The project's classes a line of Python names: those it imports from the project by name (`RedisCache(…)`)
 * and the class-like names its comment offers as alternatives (`# Or RedisCache, MemcachedCache`).
 */
function classesNamed(line: string, imported: ReadonlySet<string>): string[] {
  const words = (text: string) => text.match(/\b[A-Z]\w*/g) ?? [];
  const comment = /\s(#|\/\/)\s/.exec(line);
  const code = comment ? line.slice(0, comment.index) : line;
  const inCode = words(code).filter((word) => imported.has(word));
  const inComment = comment ? words(line.slice(comment.index)).filter((word) => imported.has(word) || /^[A-Z][a-z0-9]+[A-Z]\w*$/.test(word)) : [];
  return [...new Set([...inCode, ...inComment])];
}

/** A comment, an import, a definition, or the inside of a call spread over lines (`config, ttl=10,`) is not a call of its own. */
function isStatement(trimmed: string): boolean {
  if (!trimmed || /^(#|\/\/|import\b|from\b|[)\]}]|(async )?def\s|class\s|(async )?function\b)/.test(trimmed) || /,$/.test(trimmed) || /\brequire\(/.test(trimmed)) return false;
  const argument = /^\w+\s*(,|=[^=])/.test(trimmed);
  const assignment = /^\w+\s*=\s*(await\s+|new\s+)?[\w.]+\(/.test(trimmed);
  return !argument || assignment;
}

/** Calls shown per example or code block: enough for the API's shape. */
const CALLS_PER_SOURCE = 4;

/** The basic API as the README, the tutorial pages and the examples call it, each call once. */
function basicApiFacts(context: AnswerContext): AnswerFact[] {
  const own = ownPackages(context);
  const sources = [
    ...documentsOf(context, README),
    ...context.documents.filter((document) => TUTORIAL_PAGE.test(document.path) && inPart(context, document.path)),
    ...context.documents.filter((document) => /\.(py|[cm]?[jt]s)$/i.test(document.path) && /(^|\/)(examples?|samples?)\//i.test(document.path) && inPart(context, document.path)),
  ];
  const shown = new Set<string>();
  const defined = definedNames(context);
  const facts: AnswerFact[] = [];
  for (const document of sources) {
    let count = 0;
    for (const { line, call, callee, classes } of apiCalls(codeLines(document), own)) {
      if (shown.has(callee) || count >= CALLS_PER_SOURCE) continue;
      shown.add(callee);
      count++;
      const missing = classes.filter((name) => !defined.has(name));
      facts.push(missing.length ? fact(at(document, line), 'apiCallUndefined', call, missing.join('`, `')) : fact(at(document, line), 'apiCall', call));
    }
  }
  return facts;
}

/** The names the workspace defines at the top of a file: its classes, functions and variables. */
function definedNames(context: AnswerContext): Set<string> {
  return memo(context, 'defined names', () => {
    const names = new Set<string>();
    for (const file of context.index.files()) for (const { symbol } of context.index.definitionsIn(file.path)) names.add((symbol.slice(symbol.lastIndexOf(':') + 1).split('.')[0]) ?? '');
    return names;
  });
}

/** Where to follow the tutorial, and the basic API's calls as the examples make them. */
export function tutorialAnswer(context: AnswerContext): AnswerPart[] {
  return [answerPart(say('tutorialTopic'), tutorialFacts(context), gap('noTutorial', readmeLocation(context))), answerPart(say('basicApiTopic'), basicApiFacts(context), gap('noBasicApi', readmeLocation(context)))];
}

// ---------------------------------------------------------------------------------------------
// How to contribute

/** Make targets and npm scripts that test, lint or check: the commands a contributor runs. */
const CHECK_NAMES = new Set(['test', 'tests', 'unit', 'integration', 'acceptance', 'functional', 'e2e', 'lint', 'check', 'format', 'typecheck', 'types', 'mypy', 'flake8', 'ruff', 'coverage', 'cov', 'ci', 'bench', 'benchmark', 'performance', 'perf']);
/** `test`, `test:unit`, `lint-fix`: named by its first word. */
const isCheckName = (name: string) => CHECK_NAMES.has((name.split(/[-_:.]/)[0] ?? '').toLowerCase());
const SETUP_COMMAND = /^((python3? -m )?pip3? install|npm (ci|install)|yarn( install)?$|pnpm install|poetry install|uv sync)\b/;
const CI_COMMAND = /\b(test|pytest|tox|nox|lint|flake8|ruff|mypy|pylint|black|isort|coverage|npm|yarn|pnpm|make|jest|vitest|mocha|eslint|tsc|go (test|vet)|mvn|gradle)\b/i;

function toxFacts(document: StudyDocument): AnswerFact[] {
  const lines = linesOf(document);
  const facts: AnswerFact[] = [];
  lines.forEach((text, line) => {
    const section = /^\[testenv(?::([^\]]+))?\]\s*$/.exec(text);
    if (!section) return;
    const commands = toxCommands(lines, line);
    // Installing the package is set-up: what the environment runs is the rest.
    const shown = commands.filter((command) => !/^(python -m )?pip install\b/.test(command));
    const command = (shown.length ? shown : commands).join('; ');
    const env = section[1] ? `tox -e ${section[1]}` : 'tox';
    facts.push(command ? fact(at(document, line), 'runsCommand', env, quote(command, 160)) : fact(at(document, line), 'declaresCommand', env));
  });
  return facts;
}

/** The commands of the tox section starting at `section`: `commands =` inline and on the indented lines after it. */
function toxCommands(lines: readonly string[], section: number): string[] {
  for (let line = section + 1; line < lines.length && !/^\[/.test(lines[line] ?? ''); line++) {
    const text = lines[line] ?? '';
    if (!/^commands\s*=/.test(text)) continue;
    const inline = text.slice(text.indexOf('=') + 1).trim();
    const found = inline ? [inline] : [];
    for (let next = line + 1; next < lines.length && /^\s+\S/.test(lines[next] ?? ''); next++) found.push((lines[next] ?? '').trim());
    return found;
  }
  return [];
}

function noxFacts(document: StudyDocument): AnswerFact[] {
  const lines = linesOf(document);
  return lines.flatMap((text, line) => {
    if (!/^\s*@nox\.session\b/.test(text)) return [];
    const definition = lines.slice(line + 1, line + 6).find((candidate) => /^\s*def\s+\w+/.test(candidate));
    const name = definition ? /def\s+(\w+)/.exec(definition)?.[1] : undefined;
    return name ? [fact(at(document, line), 'declaresCommand', `nox -s ${name}`)] : [];
  });
}

function makeFacts(document: StudyDocument): AnswerFact[] {
  const lines = linesOf(document);
  return lines.flatMap((text, line) => {
    const target = /^([A-Za-z][\w.-]*)\s*:(?!=)(.*)$/.exec(text);
    if (!target?.[1] || !isCheckName(target[1])) return [];
    const recipe = /^\t(.+)$/.exec(lines[line + 1] ?? '')?.[1]?.trim();
    const command = recipe ?? (target[2]?.trim() ? `make ${target[2].trim().split(/\s+/).join(', make ')}` : '');
    return [command ? fact(at(document, line), 'runsCommand', `make ${target[1]}`, quote(command, 160)) : fact(at(document, line), 'declaresCommand', `make ${target[1]}`)];
  });
}

function npmFacts(document: StudyDocument): AnswerFact[] {
  const lines = linesOf(document);
  const start = lines.findIndex((text) => /^\s*"scripts"\s*:\s*\{/.test(text));
  if (start < 0) return [];
  const facts: AnswerFact[] = [];
  for (let line = start + 1; line < lines.length && !/^\s*\}/.test(lines[line] ?? ''); line++) {
    const script = /^\s*"([^"]{1,60})"\s*:\s*"((?:[^"\\]|\\.){1,300})"/.exec(lines[line] ?? '');
    if (script?.[1] && script[2] && isCheckName(script[1])) facts.push(fact(at(document, line), 'runsCommand', script[1] === 'test' ? 'npm test' : `npm run ${script[1]}`, quote(script[2], 160)));
  }
  return facts;
}

/** The workflow's steps that run a test, lint or build command. */
function workflowFacts(document: StudyDocument): AnswerFact[] {
  const lines = linesOf(document);
  const seen = new Set<string>();
  return lines.flatMap((text, line) => {
    const step = strip(text.trim(), '- ');
    if (!step.startsWith('run:')) return [];
    const written = step.slice('run:'.length).trim();
    const command = /^[|>][-+]?$/.test(written) ? (lines[line + 1] ?? '').trim() : written;
    // Installing tools is the job's set-up, and a matrix repeats its steps: each command once.
    if (!command || !CI_COMMAND.test(command) || SETUP_COMMAND.test(command) || seen.has(command)) return [];
    seen.add(command);
    return [fact(at(document, line), 'runsCommand', document.path, quote(command, 160))];
  });
}

/** The children of a YAML mapping key (`services:`), each with its `image:` when it has one, by indentation. */
function yamlChildren(lines: readonly string[], keyLine: number): { line: number; name: string; image: string }[] {
  const indent = (text: string) => text.length - text.trimStart().length;
  const keyIndent = indent(lines[keyLine] ?? '');
  const children: { line: number; name: string; image: string }[] = [];
  let childIndent = -1;
  for (let line = keyLine + 1; line < lines.length; line++) {
    const text = lines[line] ?? '';
    if (!text.trim() || text.trim().startsWith('#')) continue;
    if (indent(text) <= keyIndent) break;
    if (childIndent < 0) childIndent = indent(text);
    const child = indent(text) === childIndent ? /^\s*([\w.-]+):\s*$/.exec(text) : null;
    if (child?.[1]) children.push({ line, name: child[1], image: '' });
    const image = text.trim().startsWith('image:') ? strip(text.trim().slice('image:'.length).trim(), '"\'') : '';
    const last = children[children.length - 1];
    if (image && last && !last.image) last.image = image.slice(0, 120);
  }
  return children;
}

/** The services the tests run against: a compose file's, a CI job's `services:`. */
function serviceFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const document of context.documents.filter((candidate) => /^((docker-)?compose[^/]*\.ya?ml|\.github\/workflows\/.+)$/i.test(candidate.path))) {
    const lines = linesOf(document);
    lines.forEach((text, line) => {
      if (!/^\s*services:\s*$/.test(text)) return;
      for (const child of yamlChildren(lines, line)) facts.push(child.image ? fact(at(document, child.line), 'declaresService', document.path, child.name, child.image) : fact(at(document, child.line), 'declaresServiceBuilt', document.path, child.name));
    });
  }
  return [...facts, ...containerFacts(context)];
}

/** Testcontainers' packages: Python's `testcontainers.redis`, npm's `testcontainers` and `@testcontainers/postgresql`. */
const TESTCONTAINERS = /^(@?testcontainers)([./]|$)/;

/** The containers the tests start themselves with Testcontainers (`RedisContainer(f'redis:{v}')` in a conftest): the tests need Docker, not a declared service. */
function containerFacts(context: AnswerContext): AnswerFact[] {
  const { index } = context;
  return index.files().flatMap((file) => {
    if (!isTestPath(file.path) || !inPart(context, file.path)) return [];
    const names = new Set(file.imports.filter((statement) => TESTCONTAINERS.test(statement.module)).flatMap((statement) => statement.names.map((name) => name.alias ?? name.name)));
    if (!names.size) return [];
    const seen = new Set<string>();
    return [...index.definitionsIn(file.path)].flatMap(({ definition }) =>
      (definition.calls ?? []).flatMap((call) => {
        const called = call.callee.replace(/^new /, '');
        if (!names.has(called) || seen.has(called)) return [];
        seen.add(called);
        return [fact({ path: file.path, line: call.line }, 'startsContainer', file.path, called)];
      }),
    );
  });
}

/** A changelog's entry written as a line of its own: `**Release 2.6.2** - 2026-05-12`, `- v1.4.0`. */
const RELEASE_LINE = /^(?:(?:release|version) ?|v)?\d+\.\d/i;
/** A command a contributing guide tells to run, written as code: ``make lint``, `npm test`. */
const GUIDE_COMMAND = /``?((?:make|pip|tox|nox|pytest|npm|yarn|pnpm|docker(?:-compose)?|python3?|uv|poetry|pre-commit|sphinx-\w+|go|mvn|gradle)\b[^`]{0,100})``?/g;

/** CONTRIBUTING with its sections and the commands it says to run, and the changelog with its latest entry. */
function contributingFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const document of documentsOf(context, /^contributing(\.\w+)?$/i)) {
    const sections = headingsOf(document).map((heading) => heading.title);
    facts.push(sections.length ? fact(at(document, 0), 'contributingSections', document.path, sections.slice(0, MAX_LISTED * 2).map((title) => quote(title, 60)).join('; ')) : fact(at(document, 0), 'contributingFile', document.path));
    const told = linesOf(document).flatMap((text, line) => {
      const commands = [...text.matchAll(GUIDE_COMMAND)].map((match) => `\`${(match[1] ?? '').trim()}\``);
      return commands.length ? [fact(at(document, line), 'contributingSays', document.path, [...new Set(commands)].join(', '))] : [];
    });
    facts.push(...told.slice(0, MAX_LISTED));
  }
  for (const document of documentsOf(context, /^(changes|changelog|history|news)(\.\w+)?$/i)) {
    const entry = headingsOf(document).find((heading) => /\d\.\d/.test(heading.title)) ?? linesOf(document).map((text, line) => ({ line, title: text.trim() })).find((candidate) => RELEASE_LINE.test(strip(candidate.title, '-*# ')));
    facts.push(entry ? fact(at(document, entry.line), 'changelogEntry', document.path, quote(entry.title, 120)) : fact(at(document, 0), 'changelogFile', document.path));
  }
  return facts;
}

/** How to work on the project: the commands it declares for tests and lint, the services the tests need, CONTRIBUTING and the changelog. */
export function contributeAnswer(context: AnswerContext): AnswerPart[] {
  const commands = [
    ...documentsOf(context, /^tox\.ini$/i).flatMap(toxFacts),
    ...documentsOf(context, /^noxfile\.py$/i).flatMap(noxFacts),
    ...documentsOf(context, /^makefile$/i).flatMap(makeFacts),
    ...documentsOf(context, /^package\.json$/i).flatMap(npmFacts),
    ...context.documents.filter((document) => document.path.startsWith('.github/workflows/')).flatMap(workflowFacts),
  ];
  const readme = readmeLocation(context);
  return [
    answerPart(say('testCommandsTopic'), commands, gap('noTestCommands', readme)),
    answerPart(say('testServicesTopic'), serviceFacts(context), gap('noTestServices', readme)),
    answerPart(say('contributingTopic'), contributingFacts(context), gap('noContributing', readme)),
  ];
}
