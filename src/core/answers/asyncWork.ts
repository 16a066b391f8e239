import { handlerTablesIn } from '../resolve/handlerTables';
import { type AnswerFact, type AnswerPart, type Finding, type Route, type SourceLocation, SymbolId } from '../result';
import { languageOf } from '../discover/languages';
import { type AnswerContext, answerPart, detailText, fact, findingSites, findingsByFunction, gap, noneFound, inScope, locationOf, memo } from './context';
import { authorsWhy, commentAbove } from './authorNotes';
import { doesWork, studyRoutes } from './flow';
import { say } from './phrases';
import { loopCallees, queueFailureFacts, queueOrderFacts, queueWorkFacts } from './queueTables';


function studyFindings(context: AnswerContext, category: Finding['category']): Finding[] {
  return context.result.findings.filter((finding) => finding.category === category && inScope(context, SymbolId.parse(finding.symbol).path));
}

/** Queued work: the tasks, the places that queue them, and the workers that run queued jobs. */
function tasksPart(context: AnswerContext): AnswerPart {
  const facts = studyFindings(context, 'task').flatMap((finding) => findingSites(finding).flatMap((site) => [taskFact(context, finding, site), ...handOffWhy(context, finding, site)]));
  return answerPart(say('tasksTopic'), facts, noneFound('noTasks'));
}

/**
 * Why work is handed off, in its authors' words: the comment just above a thread started or a task
 * queued, else the docstring of the function that starts the thread.
 */
function handOffWhy(context: AnswerContext, finding: Finding, site: SourceLocation): AnswerFact[] {
  if (finding.details['kind'] === 'thread') return authorsWhy(context, finding.symbol, site.line);
  if (finding.details['kind'] !== 'enqueue') return [];
  const note = commentAbove(context, finding.symbol, site.line);
  return note ? [note] : [];
}

/** A task finding as a fact: what is queued, run, consumed or started where. */
function taskFact(context: AnswerContext, finding: Finding, site: SourceLocation): AnswerFact {
  const { details } = finding;
  const subject = SymbolId.label(finding.symbol);
  if (details['kind'] === 'enqueue') return fact(site, 'queues', subject, `${detailText(details['task'], '?')}${details['job'] ? ` '${detailText(details['job'])}'` : `.${detailText(details['call'], 'delay')}`}`);
  if (details['kind'] === 'worker') return fact(site, 'runsJobsOf', subject, detailText(details['queue'], '?'));
  if (details['kind'] === 'consumer') return details['handler'] ? fact(site, 'consumesWith', subject, detailText(details['queue'], '?'), detailText(details['handler'])) : fact(site, 'consumes', subject, detailText(details['queue'], '?'));
  if (details['kind'] === 'loop') return loopFact(context, finding, site);
  if (details['kind'] === 'thread') return details['task'] ? fact(site, 'startsThread', moduleLabel(finding.symbol), detailText(details['task'])) : fact(site, 'isThread', moduleLabel(finding.symbol));
  return fact(site, 'isTask', subject, detailText(details['framework'], details['rule'] ?? ''));
}

/** Functions a loop calls at most, in a fact. */
const MAX_LOOP_CALLS = 6;

/** A symbol named with its module (`sendalerts.Command.handle`): a Django command is its module's name, and every one's class is `Command`. */
function moduleLabel(symbol: string): string {
  const { path, name } = SymbolId.parse(symbol);
  return `${path.slice(path.lastIndexOf('/') + 1).replace(/\.\w+$/, '')}.${name}`;
}

/**
 * A command that runs until stopped, with the workspace functions its method calls from the loop
 * on (the finding keeps where the loop starts, not where it ends); `self.x()` is its own class's.
 */
function loopFact(context: AnswerContext, finding: Finding, site: SourceLocation): AnswerFact {
  const condition = detailText(finding.details['condition'], 'True');
  const labels = [...new Set(loopCallees(context, finding, site.line).map((symbol) => SymbolId.label(symbol)))];
  const subject = moduleLabel(finding.symbol);
  if (!labels.length) return fact(site, 'runsUntilStopped', subject, condition);
  return fact(site, 'runsUntilStoppedCalling', subject, condition, labels.slice(0, MAX_LOOP_CALLS).join(', '));
}

/** Events, commands and messages: where they are published, and what handles them (subscriptions, receivers, handler decorators, handler tables). */
function messagesPart(context: AnswerContext): AnswerPart {
  const { index } = context;
  const facts: AnswerFact[] = [];
  for (const finding of studyFindings(context, 'event')) {
    const event = detailText(finding.details['event'], '?');
    const subject = SymbolId.label(finding.symbol);
    for (const site of findingSites(finding)) {
      if (finding.details['kind'] === 'subscribe') facts.push(fact(site, 'subscribes', detailText(finding.details['handler'], subject), event));
      else facts.push(fact(site, 'publishes', subject, event));
    }
  }
  // A consumer given its handler: what handles the messages it takes.
  for (const finding of studyFindings(context, 'task')) {
    if (finding.details['kind'] === 'consumer' && finding.details['handler']) for (const site of findingSites(finding)) facts.push(fact(site, 'handles', detailText(finding.details['handler']), detailText(finding.details['queue'], '?')));
  }
  for (const finding of studyFindings(context, 'receiver')) facts.push(fact(locationOf(index, finding.symbol), 'receives', SymbolId.label(finding.symbol), detailText(finding.details['signal'], '?')));
  for (const finding of studyFindings(context, 'decorator')) {
    const decorator = detailText(finding.details['decorator'], '');
    if (!context.frameworks.messageHandlerDecorators.has(decorator)) continue;
    const written = Object.entries(index.definition(finding.symbol)?.decoratorCalls ?? {}).find(([name]) => decorator.endsWith(`.${name.split('.').pop() ?? name}`))?.[1];
    facts.push(fact(locationOf(index, finding.symbol), 'handles', SymbolId.label(finding.symbol), written?.args.join(', ') || decorator));
  }
  for (const table of handlerTables(context)) {
    for (const entry of table.entries) facts.push(fact({ path: SymbolId.parse(table.symbol).path, line: table.line }, 'tableRoutes', SymbolId.label(table.symbol), SymbolId.label(entry.message), entry.handlers.map((handler) => SymbolId.label(handler)).join(', ')));
  }
  return answerPart(say('messagesTopic'), facts, noneFound('noMessages'));
}

/** The handler tables of the code under study. */
export function handlerTables(context: AnswerContext) {
  return memo(context, 'handler tables', () => context.result.files.filter((file) => inScope(context, file.path)).flatMap((file) => handlerTablesIn(context.index, file.path)));
}

/** How failures of async work are handled: retry options of tasks, retrying decorators, and what task functions catch. */
export function failuresPart(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  const tasks = studyFindings(context, 'task').filter((finding) => finding.details['kind'] !== 'enqueue' && finding.details['kind'] !== 'worker');
  for (const finding of tasks) {
    // A thread's work is the function it is given (`submit(notify, flip)`), not the one that starts it.
    const given = finding.details['kind'] === 'thread' ? index.resolve(SymbolId.parse(finding.symbol).path, detailText(finding.details['task'])) : undefined;
    const task = given ? { symbol: given } : finding;
    const definition = index.definition(task.symbol);
    for (const call of Object.values(definition?.decoratorCalls ?? {})) {
      const options = Object.entries(call.keywords).filter(([key]) => context.frameworks.taskRetryOptions.has(key));
      if (options.length) facts.push(fact(locationOf(index, task.symbol), 'retriesWith', SymbolId.label(task.symbol), options.map(([key, value]) => `${key}=${value}`).join(', ')));
    }
    if (definition?.calls?.some((call) => /(^|\.)retry$/.test(call.callee))) facts.push(fact(locationOf(index, task.symbol), 'retriesItself', SymbolId.label(task.symbol)));
    for (const handled of definition?.handles ?? []) facts.push(fact({ path: SymbolId.parse(task.symbol).path, line: handled.line }, 'catches', SymbolId.label(task.symbol), handled.exceptions.join(', ')));
  }
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      for (const decorator of definition.decorators) {
        const retrying = index.qualifiedNames(file.path, decorator).find((name) => context.frameworks.retryDecorators.has(name));
        if (retrying) facts.push(fact(locationOf(index, symbol), 'retriedBy', SymbolId.label(symbol), retrying));
      }
    }
  }
  const retries = retryLoopFacts(context);
  const records = failureRecordFacts(context);
  return [
    answerPart(say('failuresTopic'), [...queueFailureFacts(context), ...facts], noneFound('noFailureHandling')),
    ...(retries.length ? [answerPart(say('retryLoopsTopic'), retries)] : []),
    ...(records.length ? [answerPart(say('failureRecordsTopic'), records)] : []),
  ];
}

/**
 * Columns the code keeps a caught failure in: a write on a model (`Channel.objects.filter(…).update(last_error=error)`)
 * given, for a column of the data model, a name the function sets in an `except` clause
 * (`except TransportError as e: error = e.message`) — read from what the code does, not from the column's name.
 */
function failureRecordFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const entities = new Map(context.result.dataModel.entities.flatMap((entity) => (entity.symbol ? [[entity.symbol, entity] as const] : [])));
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      const setIn = new Map<string, string>();
      for (const clause of definition.handles ?? []) for (const statement of (clause.does ?? '').split('; ')) {
        const name = /^(\w+) = /.exec(statement)?.[1];
        if (name) setIn.set(name, clause.exceptions.join(', ') || 'everything');
      }
      if (!setIn.size) continue;
      for (const call of definition.calls ?? []) {
        const entity = entities.get(context.index.resolve(file.path, call.callee.split('.')[0] ?? '') ?? '');
        for (const keyword of call.given ?? []) {
          const [column = '', value = ''] = keyword.split('=');
          const caught = setIn.get(value);
          if (entity && caught && entity.columns.some((candidate) => candidate.name === column)) facts.push(fact({ path: file.path, line: call.line }, 'recordsFailure', SymbolId.label(symbol), value, caught, entity.name, column, call.callee));
        }
      }
    }
  }
  return facts;
}

/** The code's own retry loops: an `except` clause in a loop its `try` leaves on success, with what the clause does and whether it gives up by raising again. */
function retryLoopFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      for (const clause of definition.handles ?? []) {
        if (!clause.retries) continue;
        const caught = clause.exceptions.join(', ') || 'everything';
        facts.push(fact({ path: file.path, line: clause.line }, clause.reraises ? 'retryLoopGivesUp' : 'retryLoop', SymbolId.label(symbol), caught, clause.retries.loop, clause.does ?? '—'));
      }
    }
  }
  return facts;
}

/** Handlers listed by name at most, of each sort. */
const MAX_HANDLERS_NAMED = 6;

/**
 * What runs inside the request, before it answers: the handlers written as plain functions and as
 * coroutines (`def` or `async def`, where the language says), and the work a write route's path does
 * after its commit — a failure there answers an error though the write is kept.
 */
function inRequestPart(context: AnswerContext): AnswerPart {
  const { index } = context;
  const facts: AnswerFact[] = [];
  const routes = studyRoutes(context);
  const handlers = [...new Map(routes.map((route) => [route.handler, route])).values()].flatMap((route) => {
    const definition = index.definition(route.handler);
    return definition && (definition.kind === 'function' || definition.kind === 'method') && languageOf(SymbolId.parse(route.handler).path) === 'python' ? [{ route, coroutine: !!definition.async }] : [];
  });
  for (const coroutine of [false, true]) {
    const sorted = handlers.filter((handler) => handler.coroutine === coroutine);
    const first = sorted[0];
    if (!first) continue;
    const named = sorted.slice(0, MAX_HANDLERS_NAMED).map((handler) => SymbolId.label(handler.route.handler)).join(', ') + (sorted.length > MAX_HANDLERS_NAMED ? ', …' : '');
    facts.push(fact(locationOf(index, first.route.handler), coroutine ? 'handlersCoroutines' : 'handlersPlain', sorted.length, handlers.length, named));
  }
  for (const route of routes) {
    const after = workAfterCommit(context, route);
    if (after) facts.push(fact(after.location, 'runsAfterCommit', `${route.method} ${route.path}`, after.work.join(', '), `${after.commit.path}:${after.commit.line + 1}`));
  }
  return answerPart(say('inRequestTopic'), facts);
}

/**
 * The workspace functions a route's handler calls after the first commit on its path (its own, or
 * in a function it calls), in order: work done inside the request once the write is kept.
 */
function workAfterCommit(context: AnswerContext, route: Route): { location: SourceLocation; work: string[]; commit: SourceLocation } | undefined {
  const trace = context.traceOf(route);
  const handler = trace.steps[0]?.symbol ?? route.handler;
  const committing = findingsByFunction(context, 'transaction');
  const own = new Set((committing.get(handler) ?? []).map((finding) => finding.range.start.line));
  let commit: SourceLocation | undefined;
  // The `if` the commit is written under: work under another `if` may sit in a branch that never follows the commit.
  let commitCondition: string | undefined;
  const conditionAt = (line: number) => context.index.definition(handler)?.calls?.find((call) => call.line === line)?.condition;
  const work: { symbol: string; location: SourceLocation }[] = [];
  for (const step of trace.steps) {
    if (step.depth !== 1 || !step.site) continue;
    const site = { path: step.site.path, line: step.site.line };
    if (!commit) {
      const called = step.external || step.unresolved ? undefined : committing.get(step.symbol)?.[0];
      if (own.has(site.line) && site.path === SymbolId.parse(handler).path) commit = site;
      else if (called) commit = { path: SymbolId.parse(called.symbol).path, line: called.range.start.line };
      if (commit) commitCondition = conditionAt(site.line);
      continue;
    }
    const condition = conditionAt(site.line);
    if (commitCondition !== undefined && condition !== undefined && condition !== commitCondition) continue;
    if (!step.external && !step.unresolved && step.via === 'call' && doesWork(context, step)) work.push({ symbol: step.symbol, location: site });
  }
  const first = work[0];
  return commit && first ? { location: first.location, work: [...new Set(work.map((entry) => SymbolId.label(entry.symbol)))], commit } : undefined;
}

/** What runs asynchronously (tasks, events, messages and their handlers), how its failures are handled, and a line on message order. */
export function asyncAnswer(context: AnswerContext): AnswerPart[] {
  const tasks = tasksPart(context);
  const messages = messagesPart(context);
  const queued = queueWorkFacts(context);
  const order = answerPart(say('orderTopic'), queueOrderFacts(context));
  // The consumers are where order would matter: the first task or handler found; with none, no file is where to read.
  const consumer = messages.facts[0]?.location ?? tasks.facts[0]?.location;
  if (!order.facts.length) order.gap = consumer ? gap('orderGap', consumer) : noneFound('orderNoConsumers');
  // Told only where the code says it (Python's `def`/`async def`, work after a commit): a gap first would leave the item without its link to the tasks.
  const inRequest = inRequestPart(context);
  return [...(inRequest.facts.length ? [inRequest] : []), tasks, ...(queued.length ? [answerPart(say('queueTopic'), queued)] : []), messages, ...failuresPart(context), order];
}
