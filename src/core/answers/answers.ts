import { checklistItemId } from '../checklist/checklist';
import type { Frameworks } from '../frameworks/frameworks';
import type { SymbolIndex } from '../resolve/symbolIndex';
import type { AnalysisResult, Answer, AnswerPart, RepoKind, Route, Trace } from '../result';
import { asyncAnswer, failuresPart } from './asyncWork';
import type { AnswerContext } from './context';
import { errorsAnswer, invariantsAnswer } from './errors';
import { dataModelAnswer, dependenciesAnswer, flowAnswer, middlewareAnswer, routesAnswer } from './flow';
import { centralImplementationAnswer, interfaceAnswer, mandatoryMethodsAnswer, newImplementationAnswer, tradeOffsAnswer } from './library';
import { idempotentAnswer } from './idempotency';
import { consistencyAnswer, transactionalAnswer } from './transactions';
import { benchmarksAnswer, coreModulesAnswer, examplesAnswer, performanceAnswer, readingAnswer } from './studyMaterial';

type Builder = (context: AnswerContext) => AnswerPart[];

const README = /(^|\/)readme(\.\w+)?$/i;
const CONTRIBUTING = /(^|\/)contributing(\.\w+)?$/i;

/** Which answers with what: one builder (or several, their parts joined) per checklist item of each kind. */
const BUILDERS: Readonly<Record<RepoKind, Readonly<Record<string, readonly Builder[]>>>> = {
  service: {
    'api-docs': [routesAnswer],
    'trace-flow': [flowAnswer],
    'data-model': [dataModelAnswer],
    'draw-flow': [flowAnswer, dependenciesAnswer, middlewareAnswer],
    invariants: [invariantsAnswer],
    idempotent: [idempotentAnswer],
    transactional: [transactionalAnswer],
    errors: [errorsAnswer, failuresPart],
    consistency: [consistencyAnswer],
    async: [asyncAnswer],
  },
  library: {
    problem: [readingAnswer(README)],
    tutorial: [examplesAnswer],
    interface: [interfaceAnswer],
    'one-implementation': [centralImplementationAnswer],
    benchmarks: [benchmarksAnswer],
    contribute: [readingAnswer(CONTRIBUTING)],
    'mandatory-methods': [mandatoryMethodsAnswer],
    'trade-offs': [tradeOffsAnswer],
    performance: [performanceAnswer],
    'new-implementation': [newImplementationAnswer],
  },
  framework: {
    problem: [readingAnswer(README)],
    tutorial: [examplesAnswer],
    'one-module': [coreModulesAnswer],
    contribute: [readingAnswer(CONTRIBUTING)],
    'middleware-order': [middlewareAnswer],
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
export function answerChecklist(result: AnalysisResult, index: SymbolIndex, trace: (route: Route) => Trace, otherFiles: readonly string[], frameworks: Frameworks): Answer[] {
  const traces = new Map<Route, Trace>();
  const traceOf = (route: Route) => {
    let made = traces.get(route);
    if (!made) traces.set(route, (made = trace(route)));
    return made;
  };
  const answers: Answer[] = [];
  for (const { kind, part } of [{ kind: result.kind.kind, part: '' }, ...result.kind.parts.map((entry) => ({ kind: entry.kind, part: entry.path }))]) {
    const context: AnswerContext = { result, index, part, traceOf, otherFiles, frameworks };
    for (const [key, builders] of Object.entries(BUILDERS[kind])) answers.push({ item: checklistItemId(kind, key, part), parts: builders.flatMap((build) => build(context)) });
  }
  return answers;
}
