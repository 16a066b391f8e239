import type { CallSite, HandlerFact } from '../parse/facts';
import { type AnswerFact, type Finding, type SourceLocation, SymbolId, type TraceStep } from '../result';
import { type AnswerContext, detailText, fact, findingsByFunction, findingSites, functionAt, inScope, memo } from './context';
import { authorsWhy } from './authorNotes';
import { flagEffects, studyRoutes } from './flow';
import { unsavedLocal } from './idempotency';
import { afterLast } from '../text';

/** Where a request writes a row a worker takes later. */
interface QueueWriter {
  route: string;
  /** The workspace function that makes the row. */
  writer: string;
  location: SourceLocation;
  /** The transaction the row is written in, when the writer or a caller of it on the trace runs one: as written (`transaction.atomic()`), and the function that runs it. */
  transaction?: { written: string; owner: string };
  /** The flag the writer is called with that makes it set the claimed column itself (`mark_as_processed=True` → `flip.processed = …`): the row is written already taken, no work for the worker. */
  preClaimed?: { flag: string; test: SourceLocation };
}

/**
 * A table of work: a worker's function reads the rows whose column is still unset
 * (`filter(processed=None)`) and claims one by setting the column where it is still unset, with an
 * update that counts the rows it wrote (`update(processed=now())`); requests write the rows. The
 * shape of a transactional outbox (a polling publisher), told by the code and not by names.
 */
export interface QueueTable {
  entity: string;
  model: string;
  column: string;
  /** The command that runs until stopped, and the function of it that takes rows. */
  worker: string;
  taker: string;
  poll: SourceLocation;
  pollCall: string;
  claim: SourceLocation;
  claimCall: string;
  /** The pool the row's work is handed to (`self.executor.submit(notify, flip)`). */
  handOff?: { location: SourceLocation; task: string };
  /** Where the taker asks to be told when the work ends, and the methods that read its outcome. */
  callback?: { location: SourceLocation; call: string };
  outcomeReaders: { symbol: string; parameter: string; clauses: HandlerFact[] }[];
  writers: QueueWriter[];
}

/** The functions a worker runs from its loop on: its own, then the methods and functions it calls (`self.x()` is its class's), one level down. */
export function loopCallees(context: AnswerContext, finding: Finding, fromLine: number): string[] {
  const { path } = SymbolId.parse(finding.symbol);
  const owner = SymbolId.owner(finding.symbol);
  const called = (context.index.definition(finding.symbol)?.calls ?? [])
    .filter((call) => call.line >= fromLine)
    .map((call) => (owner && call.callee.startsWith('self.') ? `${owner}.${call.callee.slice('self.'.length)}` : context.index.resolve(path, call.callee)))
    .filter((symbol): symbol is string => ['method', 'function'].includes((symbol && context.index.definition(symbol)?.kind) || ''));
  return [...new Set(called)];
}

/** The model a query's callee starts from (`Flip.objects.filter().first` → Flip), when it is one. */
function modelOf(context: AnswerContext, path: string, callee: string, models: ReadonlySet<string>): string | undefined {
  const symbol = context.index.resolve(path, callee.split('.')[0] ?? '');
  return symbol && models.has(symbol) ? symbol : undefined;
}

/** The callers of a trace's step, innermost first: each nearest step above one level less deep. */
function callersOf(steps: readonly TraceStep[], index: number): string[] {
  const callers: string[] = [];
  let depth = steps[index]?.depth ?? 0;
  for (let at = index - 1; at >= 0 && depth > 0; at--) {
    const step = steps[at] as TraceStep;
    if ((step.depth ?? 0) >= depth) continue;
    callers.push(step.symbol);
    depth = step.depth ?? 0;
  }
  return callers;
}

/** The methods of a class that read a finished future's outcome: they call `.result()` on a parameter. */
function outcomeReaders(context: AnswerContext, taker: string): QueueTable['outcomeReaders'] {
  const owner = SymbolId.owner(taker);
  if (!owner) return [];
  return [...context.index.definitionsIn(SymbolId.parse(taker).path)].flatMap(({ symbol, definition }): QueueTable['outcomeReaders'] => {
    if (definition.kind !== 'method' || !symbol.startsWith(`${owner}.`)) return [];
    const parameter = (definition.parameters ?? []).find((candidate) => definition.calls?.some((call) => call.callee === `${candidate.name}.result`));
    return parameter ? [{ symbol, parameter: parameter.name, clauses: definition.handles ?? [] }] : [];
  });
}

function tableIn(context: AnswerContext, worker: Finding, taker: string, models: ReadonlySet<string>): Omit<QueueTable, 'writers'> | undefined {
  const { path } = SymbolId.parse(taker);
  const calls = context.index.definition(taker)?.calls ?? [];
  for (const poll of calls) {
    const model = modelOf(context, path, poll.callee, models);
    const unset = (poll.keywords ?? []).filter((keyword) => keyword.endsWith('=None')).map((keyword) => keyword.slice(0, -'=None'.length));
    if (!model || !unset.length) continue;
    const claim = calls.find((call: CallSite) => call.line >= poll.line && context.frameworks.countedUpdates.has(afterLast(call.callee, '.')) && (call.keywords ?? []).some((keyword) => unset.includes(keyword)));
    const column = claim && unset.find((name) => claim.keywords?.includes(name));
    if (!claim || !column) continue;
    // A thread's start names what it runs; the function a thread runs (`startedAt`) hands nothing on.
    const handOff = context.result.findings.find((finding) => finding.category === 'task' && finding.details['kind'] === 'thread' && finding.details['task'] !== undefined && SymbolId.parse(finding.symbol).path === path && functionAt(context.index, path, finding.range.start.line) === taker);
    const callback = calls.find((call) => call.line > claim.line && context.frameworks.completionCallbacks.has(afterLast(call.callee, '.')));
    const entity = context.result.dataModel.entities.find((candidate) => candidate.symbol === model)?.name ?? SymbolId.label(model);
    // The query as it runs: the call chained on the filter on the same line (`….filter().first`), if any.
    const taken = calls.find((call) => call.line === poll.line && call.callee.startsWith(`${poll.callee}().`)) ?? poll;
    return {
      entity,
      model,
      column,
      worker: worker.symbol,
      taker,
      poll: { path, line: poll.line },
      pollCall: taken.callee,
      claim: { path, line: claim.line },
      claimCall: claim.callee,
      ...(handOff ? { handOff: { location: findingSites(handOff)[0] ?? { path, line: handOff.range.start.line }, task: detailText(handOff.details['task'], '?') } } : {}),
      ...(callback ? { callback: { location: { path, line: callback.line }, call: callback.callee } } : {}),
      outcomeReaders: callback ? outcomeReaders(context, taker) : [],
    };
  }
  return undefined;
}

/** The queue tables of the code under study, with the routes whose traces write their rows. */
export function queueTables(context: AnswerContext): QueueTable[] {
  return memo(context, 'queue tables', () => {
    const models = new Set(context.result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol));
    const tables: QueueTable[] = [];
    for (const worker of context.result.findings) {
      if (worker.category !== 'task' || worker.details['kind'] !== 'loop' || !inScope(context, SymbolId.parse(worker.symbol).path)) continue;
      for (const taker of [worker.symbol, ...loopCallees(context, worker, worker.range.start.line)]) {
        const table = tableIn(context, worker, taker, models);
        if (table && !tables.some((known) => known.model === table.model && known.taker === table.taker)) tables.push({ ...table, writers: [] });
      }
    }
    if (!tables.length) return tables;
    const transactions = findingsByFunction(context, 'transaction');
    const handlers = new Set<string>();
    for (const route of studyRoutes(context)) {
      if (handlers.has(route.handler)) continue;
      const steps = context.traceOf(route).steps;
      steps.forEach((step, index) => {
        const table = step.external || step.unresolved || !step.site ? undefined : tables.find((candidate) => candidate.model === step.symbol);
        const callers = table ? callersOf(steps, index) : [];
        const writer = callers[0];
        if (!table || !writer || !step.site || table.writers.some((known) => known.writer === writer && known.route === `${route.method} ${route.path}`)) return;
        // A row built and never saved (a stand-in handed to a call) is no work for the worker.
        if (unsavedLocal(context, steps, index)) return;
        handlers.add(route.handler);
        const owner = callers.find((caller) => transactions.has(caller));
        const transaction = owner ? transactions.get(owner)?.[0] : undefined;
        const on = transaction ? detailText(transaction.details['on']) : '';
        const action = transaction ? detailText(transaction.details['action']) : '';
        const preClaimed = flagSetting(context, steps, writer, table.column);
        table.writers.push({
          route: `${route.method} ${route.path}`,
          writer,
          location: { path: step.site.path, line: step.site.line },
          ...(owner && transaction ? { transaction: { written: on ? `${on}.${action}()` : action, owner } } : {}),
          ...(preClaimed ? { preClaimed } : {}),
        });
      });
    }
    // Writes inside a transaction first, each writing function before a repeat of it, rows written already taken last: a list cut short still shows every way in.
    for (const table of tables) {
      const seen = new Set<string>();
      const first = table.writers.filter((writer) => !seen.has(`${writer.writer} ${!!writer.preClaimed}`) && seen.add(`${writer.writer} ${!!writer.preClaimed}`));
      table.writers = [...first, ...table.writers.filter((writer) => !first.includes(writer))].sort((a, b) => Number(!!a.preClaimed) - Number(!!b.preClaimed) || Number(!!b.transaction) - Number(!!a.transaction));
    }
    return tables;
  });
}

/**
 * The flag a writer's caller passes (`create_flip("paused", mark_as_processed=True)`) that, at the
 * writer's `if` on that parameter, assigns the table's claimed column (`flip.processed = …`).
 */
function flagSetting(context: AnswerContext, steps: readonly TraceStep[], writer: string, column: string): QueueWriter['preClaimed'] {
  const at = steps.findIndex((step) => step.symbol === writer && step.site);
  const site = steps[at]?.site;
  const caller = callersOf(steps, at)[0];
  if (!site || !caller) return undefined;
  const flags = context.index.definition(caller)?.calls?.find((call) => call.line === site.line && call.flags)?.flags ?? [];
  return flagEffects(context, writer, flags).find((effect) => effect.taken && effect.test.sets?.some((target) => target.endsWith(`.${column}`)))?.told;
}

/** Writers told per table at most: the first routes of the code under study. */
const MAX_WRITERS = 3;

/** What runs later, and why: who takes the rows, how, and the requests that write them. */
export function queueWorkFacts(context: AnswerContext): AnswerFact[] {
  return queueTables(context).flatMap((table) => [
    fact(table.poll, 'queueTaken', SymbolId.label(table.taker), table.entity, table.column, table.pollCall),
    fact(table.claim, 'queueClaimed', SymbolId.label(table.taker), table.column, table.claimCall),
    ...writtenByFacts(context, table),
    ...preClaimedFacts(table),
  ]);
}

/** The requests that write rows for the worker, each writing function followed once by what its authors say of it (the comment above the row's making, else its docstring). */
function writtenByFacts(context: AnswerContext, table: QueueTable): AnswerFact[] {
  const explained = new Set<string>();
  return table.writers
    .filter((writer) => !writer.preClaimed)
    .slice(0, MAX_WRITERS)
    .flatMap((writer) => {
      const told = fact(writer.location, 'queueWrittenBy', writer.route, table.entity, SymbolId.label(writer.writer), SymbolId.label(table.taker));
      if (explained.has(writer.writer)) return [told];
      explained.add(writer.writer);
      return [told, ...authorsWhy(context, writer.writer, writer.location.line)];
    });
}

/** The requests that write a row already taken (a flag makes the writer set the claimed column): bookkeeping the worker never acts on. */
function preClaimedFacts(table: QueueTable): AnswerFact[] {
  return table.writers.flatMap((writer) => (writer.preClaimed ? [fact(writer.preClaimed.test, 'queueWrittenTaken', writer.route, table.entity, SymbolId.label(writer.writer), writer.preClaimed.flag, table.column, SymbolId.label(table.taker))] : [])).slice(0, MAX_WRITERS);
}

/** How a failure of the work on a row is handled: the claim made before the work, and the callback that reads its outcome. */
export function queueFailureFacts(context: AnswerContext): AnswerFact[] {
  return queueTables(context).flatMap((table) => {
    const facts: AnswerFact[] = [fact(table.claim, 'queueClaimedFirst', SymbolId.label(table.taker), table.column)];
    if (table.callback) facts.push(fact(table.callback.location, 'queueCallback', SymbolId.label(table.taker), table.callback.call, table.handOff?.task ?? '?'));
    for (const reader of table.outcomeReaders) {
      const { path } = SymbolId.parse(reader.symbol);
      for (const clause of reader.clauses) facts.push(fact({ path, line: clause.line }, clause.does ? 'outcomeCaughtDoes' : 'outcomeCaught', SymbolId.label(reader.symbol), `${reader.parameter}.result()`, clause.exceptions.join(', ') || 'everything', clause.does ?? ''));
    }
    return facts;
  });
}

/** The order rows are taken in and their work ends in. */
export function queueOrderFacts(context: AnswerContext): AnswerFact[] {
  return queueTables(context).map((table) =>
    table.handOff ? fact(table.poll, 'queueOrderPooled', SymbolId.label(table.taker), table.entity, table.pollCall, table.handOff.task) : fact(table.poll, 'queueOrderOne', SymbolId.label(table.taker), table.entity, table.pollCall),
  );
}

/** What is eventually consistent: each request that writes a row a worker acts on later. */
export function queueConsistencyFacts(context: AnswerContext): AnswerFact[] {
  return queueTables(context).flatMap((table) => [
    ...table.writers
      .filter((writer) => !writer.preClaimed)
      .slice(0, MAX_WRITERS)
      .map((writer) =>
      writer.transaction
        ? fact(writer.location, 'queueEventualCommitted', writer.route, table.entity, SymbolId.label(writer.writer), writer.transaction.written, SymbolId.label(writer.transaction.owner), SymbolId.label(table.taker))
        : fact(writer.location, 'queueEventual', writer.route, table.entity, SymbolId.label(writer.writer), SymbolId.label(table.taker)),
      ),
    ...preClaimedFacts(table),
  ]);
}

/** Each queue table as the pattern it is: an outbox when requests write its rows in their transaction. */
export function queueOutboxFacts(context: AnswerContext): AnswerFact[] {
  return queueTables(context).map((table) => {
    const location = context.result.dataModel.entities.find((entity) => entity.symbol === table.model)?.location ?? table.poll;
    const committed = table.writers.find((writer) => writer.transaction && !writer.preClaimed);
    return committed
      ? fact(location, 'queueIsOutbox', table.entity, SymbolId.label(committed.transaction?.owner ?? committed.writer), committed.transaction?.written ?? '', SymbolId.label(table.taker))
      : fact(location, 'queueIsTable', table.entity, SymbolId.label(table.taker));
  });
}

/** Why a transaction holds: it writes a row a worker takes, with the change the row announces. */
export function queueTransactionFacts(context: AnswerContext): AnswerFact[] {
  const told = new Set<string>();
  return queueTables(context).flatMap((table) =>
    table.writers.flatMap((writer) => {
      if (!writer.transaction || writer.preClaimed || told.has(`${table.model} ${writer.transaction.owner}`)) return [];
      told.add(`${table.model} ${writer.transaction.owner}`);
      return [fact(writer.location, 'transactionWritesQueue', SymbolId.label(writer.transaction.owner), writer.transaction.written, table.entity, SymbolId.label(table.taker), SymbolId.label(writer.writer))];
    }),
  );
}
