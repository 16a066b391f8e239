import { type AnalysisResult, type Answer, type Finding, type MiddlewareFinding, type RepoKind, SymbolId } from '../result';
import { PHRASES, phraseText } from '../answers/phrases';
import { isTestPath } from '../testCode';
import { flowRoute, inPart } from './scope';

/** Where a checklist item points in this repository: a place in the code, or a route to trace. */
export type ChecklistLink = { kind: 'code'; path: string; line: number; label: string } | { kind: 'route'; route: string; label: string };

export interface ChecklistItem {
  /** Stable across analyses, so progress stays attached: `service.trace-flow`. */
  id: string;
  section: 'path' | 'self-test';
  text: string;
  /** The guide's time estimate for a learning-path step. */
  estimate?: string;
  link?: ChecklistLink;
  /** For a mixed repository's part (`django/db/`), the part the item studies. */
  part?: string;
  /** What the code says in answer, each fact where the code says it. */
  answer?: Answer;
}

interface Template {
  key: string;
  section: ChecklistItem['section'];
  text: string;
  estimate?: string;
  link?: (result: AnalysisResult, part: string) => ChecklistLink | undefined;
}

/**
 * The guide's learning paths and self-tests (shared/domain/backend-repo-guide.md, sections 3 to 5),
 * in ArchTrace's words, one list per kind of repository, each item linked to this repository's
 * code where the analysis found what it is about.
 */
const TEMPLATES: Readonly<Record<RepoKind, readonly Template[]>> = {
  framework: [
    { key: 'problem', section: 'path', estimate: '30 min', text: 'What problem does the framework solve, what are its design ideas, and who are its peers?' },
    { key: 'tutorial', section: 'path', estimate: '1 h', text: 'Follow the official tutorial and build a complete small app: models, views, URLs.', link: (result, part) => folderLink(result, part, /(^|\/)(examples?|docs_src|tutorial)\//, 'an example') },
    { key: 'core-abstractions', section: 'path', estimate: '2 h', text: 'Read the core abstractions: middleware, ORM mapping, URL routing, templates.', link: (result, part) => layerLink(result, part, ['routing', 'middleware', 'http']) },
    { key: 'one-module', section: 'path', estimate: '2 h', text: 'Study one key module in depth (the ORM, say): read its source, check it with its tests, write an extension (a field type, a manager).', link: (result, part) => layerLink(result, part, ['orm', 'core']) },
    { key: 'contribute', section: 'path', estimate: 'optional', text: 'Contribute: a bug fix, a performance improvement or a feature.' },
    { key: 'route-params', section: 'self-test', text: 'How does the router parse `{id}` in a route?', link: (result, part) => layerLink(result, part, ['routing']) },
    { key: 'route-precedence', section: 'self-test', text: 'Which wins for a request to `/users/me`: `/users/{id}` or `/users/me`? Why?', link: (result, part) => layerLink(result, part, ['routing']) },
    { key: 'precondition', section: 'self-test', text: 'How would you add a precondition (a permission check) to a route?', link: (result, part) => findingLink(result, part, 'decorator', (finding) => finding.details['kind'] !== 'registers') },
    { key: 'middleware-order', section: 'self-test', text: 'In what order does middleware run, and how does it read and change the request and the response?', link: (result, part) => middlewareOrderLink(result, part) },
    { key: 'why-middleware', section: 'self-test', text: 'Why is this concern middleware rather than part of the view?', link: (result, part) => findingLink(result, part, 'middleware') },
    { key: 'orm-sql', section: 'self-test', text: 'Write a query with the ORM and the SQL it runs. Where does the query become SQL?', link: (result, part) => layerLink(result, part, ['orm']) },
    { key: 'n-plus-one', section: 'self-test', text: 'Explain an N+1 query and fix it (`select_related` / `prefetch_related`, or a loader option).', link: (result, part) => findingLink(result, part, 'manager') },
    { key: 'extend', section: 'self-test', text: 'Write an extension of each kind: a middleware, a manager, a decorator, a hook (signal receiver).', link: (result, part) => findingLink(result, part, 'signal') ?? findingLink(result, part, 'decorator') },
  ],
  service: [
    { key: 'api-docs', section: 'path', estimate: '30 min', text: 'Read the API: which routes exist, what each takes and returns.', link: (result, part) => routeCodeLink(result, part) },
    { key: 'trace-flow', section: 'path', estimate: '1 h', text: 'Trace one business flow end to end: API → application → domain → infrastructure. Step through it.', link: (result, part) => keyRoute(result, part) },
    { key: 'data-model', section: 'path', estimate: '1 h', text: 'Read the data model: entities, relationships, and the constraints that are business rules.', link: (result, part) => findingLink(result, part, 'model') ?? folderLink(result, part, /(^|\/)(migrations|alembic)\//, 'a migration') },
    { key: 'draw-flow', section: 'self-test', text: 'Draw the flow API → Application → Domain → Infrastructure. What is each layer\'s job, and why so many layers?', link: (result, part) => keyRoute(result, part) },
    { key: 'invariants', section: 'self-test', text: 'Which invariants does the domain enforce, and where?', link: (result, part) => layerLink(result, part, ['domain'], /(^|\/)models?(\/|\.py$)/) },
    { key: 'idempotent', section: 'self-test', text: 'Which operations are idempotent, and which are not?', link: (result, part) => routeCodeLink(result, part) },
    { key: 'transactional', section: 'self-test', text: 'Which operations must be transactional? Where is the commit?', link: (result, part) => findingLink(result, part, 'repository') },
    { key: 'errors', section: 'self-test', text: 'When does the service answer 4xx, when 5xx, and what should be retried?', link: (result, part) => routeCodeLink(result, part) },
    { key: 'consistency', section: 'self-test', text: 'Is the data strongly or eventually consistent? Are there distributed transactions or sagas?', link: (result, part) => findingLink(result, part, 'event') },
    { key: 'async', section: 'self-test', text: 'What runs asynchronously, and why? How are failures of async work handled? Does message order matter?', link: (result, part) => findingLink(result, part, 'task') },
  ],
  library: [
    { key: 'problem', section: 'path', estimate: '30 min', text: 'What problem does the library solve, who are its peers, how does it perform against them?' },
    { key: 'tutorial', section: 'path', estimate: '1 h', text: 'Read the tutorial and the examples; use the basic API.', link: (result, part) => folderLink(result, part, /(^|\/)(examples?|samples?)\//, 'an example') },
    { key: 'interface', section: 'path', estimate: '1 h', text: 'Read the key interface and why it is designed so.', link: (result, part) => interfaceLink(result, part) },
    { key: 'one-implementation', section: 'path', estimate: '2 h', text: 'Study one implementation in depth: its algorithm, optimisations and edge cases.', link: (result, part) => implementationLink(result, part) },
    { key: 'benchmarks', section: 'path', estimate: '1 h', text: 'Run the benchmarks: where are the bottlenecks, when is which implementation the right one?', link: (result, part) => folderLink(result, part, /(^|\/)(benchmarks?|bench|perf)\//, 'a benchmark') },
    { key: 'contribute', section: 'path', estimate: 'optional', text: 'Contribute: a fix, an optimisation, or a new implementation.' },
    { key: 'mandatory-methods', section: 'self-test', text: 'Which methods of the interface must every implementation provide?', link: (result, part) => interfaceLink(result, part) },
    { key: 'trade-offs', section: 'self-test', text: 'What are the trade-offs between the implementations?', link: (result, part) => implementationLink(result, part) },
    { key: 'performance', section: 'self-test', text: 'What are its throughput and latency percentiles (P50, P99, P99.9)? Does memory grow over a million operations?' },
    { key: 'edge-cases', section: 'self-test', text: 'What happens under overload, a network partition, a lost message?', link: (result, part) => layerLink(result, part, ['driver', 'adapter']) },
    { key: 'new-implementation', section: 'self-test', text: 'How would you add a new implementation?', link: (result, part) => interfaceLink(result, part) },
  ],
};

/** Every text the checklist can show, for translations to cover. */
export function checklistTexts(): string[] {
  return Object.values(TEMPLATES).flatMap((templates) => templates.map((template) => template.text));
}

/**
 * The checklist of a repository: its kind's, then each mixed part's, ids stable across analyses;
 * each item with its answer, when given (by default, those the result carries).
 */
export function buildChecklist(result: AnalysisResult, answers: readonly Answer[] = result.answers): ChecklistItem[] {
  const items = instantiate(result, result.kind.kind, '');
  for (const part of result.kind.parts) items.push(...instantiate(result, part.kind, part.path));
  const byItem = new Map(answers.map((answer) => [answer.item, answer]));
  for (const item of items) {
    const answer = byItem.get(item.id);
    if (!answer) continue;
    item.answer = answer;
    // A link goes where the answer starts (the route it traces, its first fact, else the place it says to read), so that the two never point at different things.
    const first = answer.parts[0];
    const fact = first?.facts[0];
    const traced = first?.topic.phrase === PHRASES.flowTopic && fact ? first.topic.terms[0] : undefined;
    if (item.link?.kind === 'route') {
      if (traced) item.link = { kind: 'route', route: traced, label: traced };
    } else if (first && fact) item.link = { kind: 'code', path: fact.location.path, line: fact.location.line, label: phraseText(first.topic).replace(/`/g, '') };
    else if (item.link && first?.gap?.readAt) item.link = { kind: 'code', path: first.gap.readAt.path, line: first.gap.readAt.line, label: first.gap.readAt.path };
    // An answer that found none names no place: a link would send the reader somewhere the answer does not.
    else if (first?.gap) delete item.link;
  }
  return items;
}

/** An item's id: `service.trace-flow`, or a mixed part's `django/db/#library.interface`. */
export function checklistItemId(kind: RepoKind, key: string, part: string): string {
  return `${part ? `${part}#` : ''}${kind}.${key}`;
}

function instantiate(result: AnalysisResult, kind: RepoKind, part: string): ChecklistItem[] {
  return TEMPLATES[kind].map((template) => {
    const link = template.link?.(result, part);
    return {
      id: checklistItemId(kind, template.key, part),
      section: template.section,
      text: template.text,
      ...(template.estimate ? { estimate: template.estimate } : {}),
      ...(link ? { link } : {}),
      ...(part ? { part } : {}),
    };
  });
}

const isStudyCode = (path: string) => !isTestPath(path);

/** The first finding of a category (that `wanted` keeps) in the part's code under study. */
function findingLink(result: AnalysisResult, part: string, category: Finding['category'], wanted: (finding: Finding) => boolean = () => true): ChecklistLink | undefined {
  const candidates = result.findings.filter((candidate) => candidate.category === category && wanted(candidate) && inPart(part)(SymbolId.parse(candidate.symbol).path) && isStudyCode(SymbolId.parse(candidate.symbol).path));
  // A repository that reaches the database itself says more than an abstract one; a decorator
  // written as a function (`login_required`) more than a class's or the registration methods of an app object,
  // and one configured per route (`permission_required('x')`, a factory) more than a plain wrapper such as a logger.
  const functionDecorators = category === 'decorator' ? candidates.filter((candidate) => !SymbolId.parse(candidate.symbol).name.includes('.') && candidate.details.kind !== 'class') : [];
  const finding =
    candidates.find((candidate) => candidate.category === 'repository' && (candidate.details.dataMethods?.length ?? 0) > 0) ??
    functionDecorators.find((candidate) => candidate.details.factory === 'true') ??
    functionDecorators[0] ??
    candidates[0];
  if (!finding) return undefined;
  const { path, name } = SymbolId.parse(finding.symbol);
  return { kind: 'code', path, line: finding.range.start.line, label: SymbolId.isAnonymousName(name) ? path : name };
}

function layerLink(result: AnalysisResult, part: string, layers: readonly string[], prefer?: RegExp): ChecklistLink | undefined {
  for (const layer of layers) {
    const files = result.files.filter((candidate) => candidate.layer === layer && inPart(part)(candidate.path) && isStudyCode(candidate.path) && !candidate.path.endsWith('__init__.py'));
    const file = (prefer ? files.find((candidate) => prefer.test(candidate.path)) : undefined) ?? files[0];
    if (file) return { kind: 'code', path: file.path, line: 0, label: file.path };
  }
  return undefined;
}

function folderLink(result: AnalysisResult, part: string, folder: RegExp, label: string): ChecklistLink | undefined {
  const file = result.files.find((candidate) => folder.test(candidate.path) && inPart(part)(candidate.path));
  return file ? { kind: 'code', path: file.path, line: 0, label: `${label}: ${file.path}` } : undefined;
}

function middlewareOrderLink(result: AnalysisResult, part: string): ChecklistLink | undefined {
  const ordered = result.findings.find((finding): finding is MiddlewareFinding => finding.category === 'middleware' && (finding.details.kind === 'order' || finding.details.registeredAt !== undefined) && inPart(part)(SymbolId.parse(finding.symbol).path));
  if (ordered) {
    const site = ordered.details.registeredAt?.[0];
    const match = site ? /^(.*):(\d+)$/.exec(site) : null;
    if (match?.[1] && match[2]) return { kind: 'code', path: match[1], line: Number(match[2]) - 1, label: `${SymbolId.parse(ordered.symbol).name} installed at ${site}` };
    const { path, name } = SymbolId.parse(ordered.symbol);
    return { kind: 'code', path, line: ordered.range.start.line, label: name };
  }
  return findingLink(result, part, 'middleware');
}

function routeCodeLink(result: AnalysisResult, part: string): ChecklistLink | undefined {
  const route = result.routes.find((candidate) => candidate.source && inPart(part)(candidate.source.path) && isStudyCode(candidate.source.path));
  return route?.source ? { kind: 'code', path: route.source.path, line: route.source.line, label: `${route.method} ${route.path}` } : undefined;
}

function keyRoute(result: AnalysisResult, part: string): ChecklistLink | undefined {
  const chosen = flowRoute(result.routes, part);
  return chosen ? { kind: 'route', route: `${chosen.method} ${chosen.path}`, label: `${chosen.method} ${chosen.path}` } : undefined;
}

function interfaceLink(result: AnalysisResult, part: string): ChecklistLink | undefined {
  const best = [...result.interfaces].filter((entry) => inPart(part)(SymbolId.parse(entry.base).path) && isStudyCode(SymbolId.parse(entry.base).path)).sort((a, b) => b.implementations.length - a.implementations.length)[0];
  if (!best) return undefined;
  const finding = result.findings.find((candidate) => candidate.category === 'interface' && candidate.symbol === best.base);
  const { path, name } = SymbolId.parse(best.base);
  return { kind: 'code', path, line: finding?.range.start.line ?? 0, label: `${name} (${best.implementations.length} implementations)` };
}

function implementationLink(result: AnalysisResult, part: string): ChecklistLink | undefined {
  const best = [...result.interfaces].filter((entry) => inPart(part)(SymbolId.parse(entry.base).path)).sort((a, b) => b.implementations.length - a.implementations.length)[0];
  const implementation = best?.implementations.find(isStudyCodeSymbol);
  if (!implementation) return undefined;
  const { path, name } = SymbolId.parse(implementation);
  return { kind: 'code', path, line: 0, label: name };
}

function isStudyCodeSymbol(symbol: string): boolean {
  return isStudyCode(SymbolId.parse(symbol).path);
}
