import type { Phrase } from '../result';

/**
 * Every sentence an answer can say, in English: `{0}`, `{1}`… stand for the code terms it names
 * (written in backticks where they are code). The extension shows them translated (l10n/), the
 * terms kept as they are; the Markdown report and the CLI show them in English.
 */
export const PHRASES = {
  // Business service: the flow
  routesTopic: 'Routes and their handlers',
  route: '`{0} {1}` → `{2}`',
  noRoutes: 'No route found; read the API layer: {0}',
  flowTopic: 'The flow of `{0}`, layer by layer',
  flowStep: '{0}: `{1}`',
  noFlow: 'No route to trace; read {0}',
  dependenciesTopic: 'How dependencies reach the handlers',
  providedByDepends: '`{0}` gets `{1}` from `Depends({2})`',
  constructorInjected: '`{0}` receives `{1}: {2}` in its constructor',
  injectedImplementation: '`{0}` is the one implementation of `{1}`, injected where `{1}` is asked for',
  moduleGlobal: '`{0}` uses `{1}`, a module-level object made by `{2}`',
  noDependencies: 'No dependency injection found on the traced flows; read the handlers: {0}',
  middlewareTopic: 'Middleware and hooks on every request, in the order they are installed',
  middlewareInstalled: '`{0}` installed at {1}',
  middlewareDefined: '`{0}` ({1})',
  noMiddleware: 'No middleware or request hook found; read the application setup: {0}',
  dataModelTopic: 'Entities, from {0}',
  entity: '`{0}` (table `{1}`): {2} columns, {3} rules',
  noEntities: 'No entity found: no model class, schema file or migration ArchTrace reads; read {0}',
  invariantsTopic: 'Rules the domain enforces: where it refuses',
  refusesWhen: '`{0}` refuses when `{1}`: `{2}`',
  refusesWithValue: '`{0}` returns an error when `{1}`: `{2}`',
  asserts: '`{0}` asserts `{1}`',
  raisesAlways: '`{0}` raises `{1}`',
  noInvariants: 'No guard found in the domain layer (no raise, assert or returned error under a condition); read {0}',
  schemaRulesTopic: 'Rules the schema enforces',
  schemaRule: '`{0}`: {1}',
  errorHandlersTopic: 'Exception handlers',
  handlerAnswers: '`{0}` is answered by `{1}` with {2}',
  handlerRegistered: '`{0}` is handled by `{1}`',
  noErrorHandlers: 'No exception handler registered; errors are answered where they are raised, or by the framework. Read {0}',
  routeErrorsTopic: 'Error statuses by route',
  routeAnswers: '`{0}` answers {1} (`{2}`)',
  routeConverts: '`{0}` answers {1} when `{2}` is raised',
  routeMapped: '`{0}`: `{1}` raised in `{2}` becomes {3} (`{4}`)',
  routeUncaught: '`{0}`: `{1}` raised in `{2}` is not converted to a status on the way: it reaches the framework',
  noRouteErrors: 'No route raises or writes an error status on its trace; read the handlers: {0}',
  transactionsTopic: 'Where work is committed and rolled back',
  commits: '`{0}` commits: `{1}`',
  rollsBack: '`{0}` rolls back: `{1}`',
  runsInTransaction: '`{0}` runs inside a transaction: `{1}`',
  noTransactions: 'No commit, rollback or transaction block found; the data layer may commit on its own (autocommit). Read {0}',
  transactionalFlowsTopic: 'Flows that reach a transaction',
  flowReaches: '`{0}` reaches `{1}`: `{2}`',
  noTransactionalFlows: 'No traced route reaches a transaction; read {0}',
  afterCommitTopic: 'Work a flow hands elsewhere after it commits (seen later by the rest of the system)',
  commitsThenQueues: '`{0}` commits in `{1}` and queues `{2}`',
  commitsThenPublishes: '`{0}` commits in `{1}` and publishes `{2}`',
  nothingAfterCommit: 'No traced flow both commits and queues work or publishes an event; read {0}',
  distributedTopic: 'Sagas, outboxes and distributed transactions',
  namedDistributed: '`{0}` is named as a saga, an outbox, a compensation or a two-phase commit',
  noDistributed: 'No saga, outbox, compensation or two-phase commit found by name; read {0}',
  tasksTopic: 'Tasks and where they are queued',
  isTask: '`{0}` is a task ({1})',
  queues: '`{0}` queues `{1}`',
  runsJobsOf: '`{0}` runs the jobs of queue `{1}`',
  noTasks: 'No task, queue or worker found; read {0}',
  messagesTopic: 'Events, commands and messages, and what handles them',
  publishes: '`{0}` publishes `{1}`',
  subscribes: '`{0}` is subscribed to `{1}`',
  receives: '`{0}` receives `{1}`',
  handles: '`{0}` handles `{1}`',
  tableRoutes: '`{0}` sends `{1}` to {2}',
  noMessages: 'No event, command or message handler found; read {0}',
  failuresTopic: 'How failures of async work are handled',
  retriesWith: '`{0}` retries: `{1}`',
  retriesItself: '`{0}` retries itself (`retry()`)',
  catches: '`{0}` catches `{1}`',
  retriedBy: '`{0}` is retried by `@{1}`',
  noFailureHandling: 'No retry option, retrying decorator or exception handling found in the async work; read {0}',
  orderTopic: 'Does message order matter?',
  orderGap: 'Whether order matters is a property of the messages, not written as code; read the handlers and consumers: {0}',
  methodsTopic: 'Routes by HTTP method',
  methodIdempotent: '{0} ({1} routes), which HTTP defines as idempotent: {2}',
  methodNotIdempotent: '{0} ({1} routes), which HTTP does not define as idempotent: {2}',
  repeatSafeTopic: 'What makes a repeated request safe',
  idempotentWrite: '`{0}` writes with `{1}`',
  uniqueRejectsRepeat: '`{0}`: {1} (a repeated insert is refused)',
  noRepeatSafety: 'No insert-or-update, get-or-create or unique constraint found; read the POST handlers: {0}',
  // Library
  examplesTopic: 'Examples and what they use',
  exampleUses: '`{0}` uses {1}',
  exampleRoutes: '`{0}` declares {1} routes: {2}',
  exampleUsesNothing: '`{0}` uses no class or function of the library by name',
  noExamples: 'No examples folder; read the README: {0}',
  contractTopic: 'The contract of `{0}`',
  abstractMethod: '`{0}` is abstract (`@abstractmethod`)',
  notImplementedMethod: '`{0}` raises `NotImplementedError`: every implementation must define it',
  interfaceMember: '`{0}` is declared by the interface without a body',
  providedMethod: '`{0}` has a body in `{1}`: implementations inherit it',
  noContract: '`{0}` declares no abstract method; its implementations override: {1}',
  noInterface: 'No interface with implementations found; read the core: {0}',
  implementationsTopic: 'Implementations of `{0}`, method by method',
  centralTopic: 'Implementations of `{0}`, the most complete and most used first: study the first',
  implementationRank: '`{0}` defines {1} of the {2} methods itself; {3} files import it',
  tradeOffsTopic: 'What sets each implementation of `{0}` apart',
  dependsOn: '`{0}` imports `{1}`, which no other implementation imports',
  onlyItHas: '`{0}` alone has {1}',
  takesOptions: '`{0}` takes {1}',
  noTradeOffs: 'The implementations import the same modules and offer the same methods; read them side by side, starting at {0}',
  newImplementationTopic: 'How to add an implementation of `{0}`',
  subclass: 'Subclass `{0}` and define {1}',
  subclassNothingMandatory: 'Subclass `{0}`; it declares no method an implementation must define',
  implementationsLiveIn: 'The {0} implementations live in {1}; `{2}` is one to copy',
  testAppsTopic: 'Apps written inside the tests, kept apart from the examples',
  testApp: '`{0}` declares {1} routes',
  benchmarksTopic: 'Benchmarks and stress tests',
  benchmarkUses: '`{0}` exercises {1}',
  benchmarkFile: '`{0}`',
  noBenchmarks: 'No benchmark or stress test found; read the tests: {0}',
  performanceGap: 'Throughput, latency percentiles and memory growth are measured by running, not by reading: run the benchmarks ({0})',
  performanceNoBenchmarks: 'Throughput, latency percentiles and memory growth are measured by running, not by reading, and no benchmark was found; read {0}',
  // Framework
  coreModulesTopic: 'The modules most of the rest depends on',
  importedBy: '`{0}` is imported by {1} other modules',
  noCoreModules: 'No module is imported by another; read {0}',
  // Shared
  notFromCodeTopic: 'Not in the code',
  notFromCode: 'ArchTrace reads code, not intentions: read {0}',
} as const;

export type PhraseKey = keyof typeof PHRASES;

/** A phrase of the catalogue with its terms. */
export function say(key: PhraseKey, ...terms: (string | number)[]): Phrase {
  return { phrase: PHRASES[key], terms: terms.map(String) };
}

/** The phrase with its terms put in: what the Markdown report and the CLI show. */
export function phraseText(phrase: Phrase): string {
  return phrase.phrase.replace(/\{(\d+)\}/g, (whole, position: string) => phrase.terms[Number(position)] ?? whole);
}

/** Every phrase an answer can use, for translations to cover. */
export function answerPhrases(): string[] {
  return Object.values(PHRASES);
}
