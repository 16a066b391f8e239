import { checklistItemId } from '../checklist/checklist';
import type { Knowledge } from '../knowledge/knowledge';
import type { SymbolIndex } from '../resolve/symbolIndex';
import type { AnalysisResult, Answer, AnswerPart, RepoKind, Route, Trace } from '../result';
import { calledSymbol, type TraceContext, traceFrom, traceRoute } from '../trace/trace';
import { asyncAnswer, failuresPart } from './asyncWork';
import { conditionalImplementationsAnswer } from './beanConditions';
import type { AnswerContext } from './context';
import { errorsAnswer, invariantsAnswer } from './errors';
import { dataModelAnswer, dependenciesAnswer, flowAnswer, middlewareAnswer, routesAnswer } from './flow';
import { extensionPointsAnswer, handlerContractAnswer, middlewareProtocolAnswer, nPlusOneAnswer, ormAnswer, preconditionAnswer, requestEntryAnswer, routeParametersAnswer, routePrecedenceAnswer, whyMiddlewareAnswer } from './framework';
import { centralImplementationAnswer, documentedBoundsAnswer, edgeCasesAnswer, interfaceAnswer, mandatoryMethodsAnswer, newImplementationAnswer, tradeOffsAnswer } from './library';
import { idempotentAnswer } from './idempotency';
import { consistencyAnswer, transactionalAnswer } from './transactions';
import { layerJobsAnswer } from './layerJobs';
import { flowContractAnswer, routeContractsAnswer } from './routeContracts';
import { contributeAnswer, documentedRationaleAnswer, purposeAnswer, tutorialAnswer } from './projectDocs';
import { benchmarksAnswer, coreModulesAnswer, examplesAnswer, performanceAnswer } from './studyMaterial';
import { alsoInherited, FOUNDATION_TOPICS, foundationsPart, inheritedPart } from './foundations';

type Builder = (context: AnswerContext) => AnswerPart[];

/** Which answers with what: one builder (or several, their parts joined) per checklist item of each kind. */
const BUILDERS: Readonly<Record<RepoKind, Readonly<Record<string, readonly Builder[]>>>> = {
  service: {
    'api-docs': [routesAnswer, routeContractsAnswer],
    'trace-flow': [flowAnswer, flowContractAnswer, conditionalImplementationsAnswer],
    'data-model': [dataModelAnswer],
    'draw-flow': [flowAnswer, flowContractAnswer, layerJobsAnswer, dependenciesAnswer, conditionalImplementationsAnswer, middlewareAnswer],
    invariants: [invariantsAnswer],
    idempotent: [idempotentAnswer],
    transactional: [transactionalAnswer],
    errors: [errorsAnswer, failuresPart],
    consistency: [consistencyAnswer],
    async: [asyncAnswer],
  },
  library: {
    problem: [purposeAnswer],
    tutorial: [tutorialAnswer, examplesAnswer],
    interface: [interfaceAnswer],
    'one-implementation': [centralImplementationAnswer],
    benchmarks: [benchmarksAnswer],
    contribute: [contributeAnswer],
    'mandatory-methods': [mandatoryMethodsAnswer],
    'trade-offs': [tradeOffsAnswer, documentedRationaleAnswer],
    performance: [performanceAnswer, documentedBoundsAnswer],
    'new-implementation': [newImplementationAnswer],
    'edge-cases': [edgeCasesAnswer],
  },
  framework: {
    problem: [purposeAnswer, documentedRationaleAnswer, foundationsPart],
    tutorial: [tutorialAnswer, examplesAnswer, handlerContractAnswer],
    'one-module': [coreModulesAnswer, foundationsPart],
    contribute: [contributeAnswer],
    'core-abstractions': [alsoInherited(requestEntryAnswer, FOUNDATION_TOPICS.entry), handlerContractAnswer, alsoInherited(routePrecedenceAnswer, FOUNDATION_TOPICS.routing), alsoInherited(middlewareProtocolAnswer, FOUNDATION_TOPICS.middleware), alsoInherited(ormAnswer, FOUNDATION_TOPICS.orm)],
    'route-params': [alsoInherited(routeParametersAnswer, FOUNDATION_TOPICS.routing, 'parameters')],
    'route-precedence': [alsoInherited(routePrecedenceAnswer, FOUNDATION_TOPICS.routing)],
    precondition: [preconditionAnswer, (context) => inheritedPart(context, FOUNDATION_TOPICS.middleware)],
    'middleware-order': [alsoInherited(middlewareProtocolAnswer, FOUNDATION_TOPICS.middleware, 'protocol')],
    'why-middleware': [whyMiddlewareAnswer],
    'orm-sql': [alsoInherited(ormAnswer, FOUNDATION_TOPICS.orm)],
    'n-plus-one': [alsoInherited(nPlusOneAnswer, FOUNDATION_TOPICS.orm)],
    extend: [extensionPointsAnswer],
  },
};

/** The checklist items of a kind that have an answer builder: every self-test question must (a test holds it to that). */
export function answeredItems(kind: RepoKind): string[] {
  return Object.keys(BUILDERS[kind]);
}

/**
 * The answers the code gives to the checklist of a repository: its kind's items, then each mixed
 * part's, each answer a list of located facts (and a line saying so where the code cannot tell).
 */
export function answerChecklist(result: AnalysisResult, index: SymbolIndex, tracing: TraceContext, workspace: Pick<AnswerContext, 'otherFiles' | 'documents'>, knowledge: Pick<Knowledge, 'frameworks' | 'layerRoles'>): Answer[] {
  const traces = new Map<Route, Trace>();
  // The traces the analysis made (the report's) are the ones the answers tell: each is made once.
  const made = new Map(result.traces.map((trace) => [`${trace.route}\0${trace.steps[0]?.symbol ?? ''}`, trace]));
  const traceOf = (route: Route) => {
    let trace = traces.get(route);
    if (!trace) traces.set(route, (trace = made.get(`${route.method} ${route.path}\0${route.handler}`) ?? traceRoute(tracing, route)));
    return trace;
  };
  const traceFromSymbol = (symbol: string, name: string) => traceFrom(tracing, symbol, name);
  const answers: Answer[] = [];
  for (const { kind, part } of [{ kind: result.kind.kind, part: '' }, ...result.kind.parts.map((entry) => ({ kind: entry.kind, part: entry.path }))]) {
    const context: AnswerContext = { result, index, part, traceOf, traceFrom: traceFromSymbol, calleeOf: (caller, call) => calledSymbol(tracing, caller, call), ...workspace, frameworks: knowledge.frameworks, layerRoles: knowledge.layerRoles };
    for (const [key, builders] of Object.entries(BUILDERS[kind])) answers.push({ item: checklistItemId(kind, key, part), parts: builders.flatMap((build) => build(context)) });
  }
  return answers;
}
