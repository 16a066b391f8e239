import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, inPart, inScope, locationOf, memo } from './context';
import { PHRASES, say } from './phrases';

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

/**
 * What each answer's topic is about, read in the dependency's dotted class name (`webcore.routing.routes.HTTPRoute`).
 * Generic, so code rather than framework data: the words are how any package names the modules of
 * these topics (routing, middleware, the request's way in, the ORM), matched in whichever dependency
 * the project declares, not names one framework defines.
 */
export const FOUNDATION_TOPICS = {
  entry: /(^|\.)(app|application|asgi|wsgi|rsgi|handlers?|protocols?|server)(\.|$)/i,
  routing: /rout|url|rule/i,
  middleware: /pipe|middleware/i,
  orm: /(^|\.)(orm|dal|objects|adapters?|dialects?|sql\w*|models?|table|field|set|rows?)(\.|$)/i,
} as const;

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

/** A documentation page: prose in a documentation folder. */
const DOCUMENTATION_PAGE = /(^|\/)docs?\/.*\.(md|mdx|rst|txt)$/i;

/**
 * The repository's own documentation pages on a topic, by their path read as a dotted name
 * (`docs/routing.md` as `docs.routing.md`, `docs/orm/relations.md`): where the behaviour a
 * dependency holds is told for this framework's users.
 */
function topicPages(context: AnswerContext, topic: RegExp): string[] {
  return context.otherFiles
    .filter((path) => DOCUMENTATION_PAGE.test(path) && inPart(context, path) && topic.test(path.replace(/^.*?(^|\/)docs?\//i, '').split(/[/._-]+/).join('.')))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .slice(0, MAX_TOPIC_PAGES);
}

/**
 * The classes of a topic that derive from a dependency's, told once per dependency with their
 * names, and the repository's documentation pages on the topic, where its users read what the
 * dependency does (none when no class derives so).
 */
export function inheritedPart(context: AnswerContext, topic: RegExp): AnswerPart[] {
  const facts = inheritedFacts(context, topic);
  const first = facts[0];
  if (!first) return [];
  const byDependency = new Map<string, AnswerFact[]>();
  for (const inherited of facts) byDependency.set(String(inherited.terms[2]), [...(byDependency.get(String(inherited.terms[2])) ?? []), inherited]);
  const told = [...byDependency].map(([dependency, entries]) =>
    entries.length === 1 ? (entries[0] as AnswerFact) : fact((entries[0] as AnswerFact).location, 'inheritTopicFromDependency', entries.map((entry) => `${String(entry.terms[0])} ← ${String(entry.terms[1])}`).join(', '), dependency),
  );
  return [answerPart(say('inheritedTopic'), [...told, ...topicPageFacts(context, topic)])];
}

/** The documentation pages of a topic, a page on its own or a folder of several told in one line with their names (`docs/orm/`: models, relations, …). */
function topicPageFacts(context: AnswerContext, topic: RegExp): AnswerFact[] {
  const byFolder = new Map<string, string[]>();
  for (const path of topicPages(context, topic)) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  return [...byFolder].map(([folder, paths]) => {
    const [first = folder] = paths;
    return paths.length === 1 ? fact({ path: first, line: 0 }, 'topicDocumented', first) : fact({ path: first, line: 0 }, 'topicDocumentedIn', folder, paths.map((path) => path.slice(folder.length)).join(', '));
  });
}

/**
 * An answer's part, with the classes of its topic that derive from a dependency after it: when the
 * code under study has none of the part's own mechanism, its gap points at the repository's own
 * documentation page on the topic, or without one at the first such class, rather than at a file
 * of the layer (a thin subclass holds none of the mechanism either).
 */
export function withInherited(context: AnswerContext, part: AnswerPart, topic: RegExp): AnswerPart[] {
  const inherited = inheritedPart(context, topic);
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
export function alsoInherited(build: (context: AnswerContext) => AnswerPart[], topic: RegExp): (context: AnswerContext) => AnswerPart[] {
  return (context) => {
    const [first, ...rest] = build(context);
    return first ? [...withInherited(context, first, topic), ...rest] : rest;
  };
}
