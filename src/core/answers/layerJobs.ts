import { type AnswerFact, type AnswerPart, type Route, type SourceLocation, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, findingsByFunction, firstFileOf, gap, inPart, inScope, layerOfPath, locationOf, readmeLocation } from './context';
import { studyRoutes } from './flow';
import { type PhraseKey, say } from './phrases';

/** The job the guide gives each layer of a business service (backend-repo-guide.md, sections 1 and 4). */
const JOBS: Readonly<Record<string, PhraseKey>> = {
  api: 'apiLayerJob',
  application: 'applicationLayerJob',
  domain: 'domainLayerJob',
  infrastructure: 'infrastructureLayerJob',
};

/** Folders named per layer. */
const MAX_FOLDERS = 3;

const folderOf = (path: string) => (path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/` : './');

/**
 * Each layer's job, as the guide defines it, with what shows that this repository's files play
 * it: the folders that hold them and what they declare (routes, models, repositories, tasks…),
 * linked to the first such declaration.
 */
function layerFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const layer of context.layerRoles.lanesOf('service')) {
    const job = JOBS[layer];
    const files = context.result.files.filter((file) => file.layer === layer && inScope(context, file.path));
    if (!job || !files.length) continue;
    const paths = new Set(files.map((file) => file.path));
    const folders = new Map<string, number>();
    for (const file of files) folders.set(folderOf(file.path), (folders.get(folderOf(file.path)) ?? 0) + 1);
    const topFolders = [...folders].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, MAX_FOLDERS).map(([folder]) => `\`${folder}\``);
    const routes = context.result.routes.filter((route) => paths.has(route.source?.path ?? SymbolId.parse(route.handler).path));
    const findings = context.result.findings.filter((finding) => finding.category !== 'route' && paths.has(SymbolId.parse(finding.symbol).path));
    const counts = new Map<string, number>(routes.length ? [['route', routes.length]] : []);
    for (const finding of findings) counts.set(finding.category, (counts.get(finding.category) ?? 0) + 1);
    const declared = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([category, count]) => `${count} ${category}`).join(', ');
    const first = routes[0]?.source ?? (findings[0] ? { path: SymbolId.parse(findings[0].symbol).path, line: findings[0].range.start.line } : mostDefining(context, files.map((file) => file.path)));
    facts.push(fact({ path: first.path, line: first.line }, job, files.length, topFolders.join(', '), declared || '—'));
  }
  return facts;
}

/** With nothing declared to point at, the file that defines most (not an empty package marker), at its first definition. */
function mostDefining(context: AnswerContext, paths: readonly string[]): SourceLocation {
  let best: { path: string; line: number; count: number } = { path: paths[0] ?? '', line: 0, count: 0 };
  for (const path of paths) {
    const definitions = [...context.index.definitionsIn(path)];
    if (definitions.length > best.count) best = { path, line: Math.min(...definitions.map(({ definition }) => definition.range.start.line)), count: definitions.length };
  }
  return { path: best.path, line: best.line };
}

/** Imports that cross the layers the wrong way, each with the reason the rule gives. */
function crossingFacts(context: AnswerContext): AnswerFact[] {
  return context.result.violations.filter((violation) => inPart(context, violation.path) && inScope(context, violation.path)).map((violation) => fact({ path: violation.path, line: violation.line }, 'layerCrossed', violation.path, layerOfPath(context.result, violation.path), violation.imported, violation.message));
}

/** Names listed in a fact at most. */
const MAX_NAMED = 5;

/**
 * How this code shares the work out, in its own shape rather than the guide's: the write routes
 * whose traces go from the handler to the database with no application-layer step (the handlers
 * orchestrate), and the model methods that save or commit themselves (the models hold the rules
 * and the persistence).
 */
function splitFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const committing = findingsByFunction(context, 'transaction');
  const workspaceSteps = (route: Route) => context.traceOf(route).steps.filter((step) => !step.external && !step.unresolved && step.via !== 'di');
  const writes = studyRoutes(context).filter((route) => WRITE_METHODS.has(route.method) && workspaceSteps(route).some((step) => committing.has(step.symbol) || context.index.definition(step.symbol)?.calls?.some((call) => isSave(context, call.callee))));
  const direct = writes.filter((route) => !workspaceSteps(route).some((step) => step.layer === 'application'));
  const first = direct[0];
  if (first) facts.push(fact(locationOf(context.index, first.handler), 'handlersOrchestrate', direct.length, writes.length, direct.slice(0, MAX_NAMED).map((route) => `${route.method} ${route.path}`).join(', ')));
  const models = new Set(context.result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol));
  const persisting: string[] = [];
  for (const model of models) {
    if (!inScope(context, SymbolId.parse(model).path)) continue;
    for (const { symbol, definition } of context.index.methodsOf(model)) {
      if (committing.has(symbol) || definition.calls?.some((call) => call.callee.startsWith('self.') && isSave(context, call.callee))) persisting.push(symbol);
    }
  }
  const model = persisting[0];
  if (model) facts.push(fact(locationOf(context.index, model), 'modelsPersist', persisting.length, persisting.slice(0, MAX_NAMED).map((symbol) => SymbolId.label(symbol)).join(', ')));
  return facts;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ANY']);

/** A call that writes an instance (`obj.save()`) or hands one to a session (`session.add(obj)`). */
function isSave(context: AnswerContext, callee: string): boolean {
  const method = callee.slice(callee.lastIndexOf('.') + 1);
  return callee.includes('.') && (context.frameworks.instanceSaves.has(method) || context.frameworks.sessionSaves.has(method));
}

/** What each layer of a service is for here, and why they are kept apart, told at the imports that cross them. */
export function layerJobsAnswer(context: AnswerContext): AnswerPart[] {
  const readAt = firstFileOf(context, ['domain', 'application', 'api']) ?? readmeLocation(context);
  const crossings = crossingFacts(context);
  const split = splitFacts(context);
  // The guide's reason for the layers is told where this code goes against it.
  return [
    answerPart(say('layerJobsTopic'), layerFacts(context), gap('noLayerFiles', readAt)),
    ...(split.length ? [answerPart(say('layerSplitTopic'), split)] : []),
    ...(crossings.length ? [answerPart(say('layerCrossingsTopic'), crossings)] : []),
  ];
}
