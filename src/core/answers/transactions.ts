import { type AnswerFact, type AnswerPart, type Finding, SymbolId } from '../result';
import { type AnswerContext, answerPart, detailText, fact, findingSites, findingsByFunction, firstFileOf, gap, noneFound, inScope, requestPathFunctions, tracedFunctions } from './context';
import { commentAbove } from './authorNotes';
import { studyRoutes } from './flow';
import { type PhraseKey, say } from './phrases';
import { queueConsistencyFacts, queueOutboxFacts, queueTransactionFacts } from './queueTables';

const ACTION_PHRASES: Readonly<Record<string, PhraseKey>> = { commit: 'commits', rollback: 'rollsBack', commitTransaction: 'commits', rollbackTransaction: 'rollsBack', abortTransaction: 'rollsBack' };

/** `session.commit()`, `transaction.atomic`, `this.repo.transaction(...)`, `@Transactional(readOnly = true)`: the transaction as the code writes it. */
function written(finding: Finding): string {
  const action = detailText(finding.details['action']);
  const on = finding.details['on'];
  if (typeof on === 'string' && on) return `${on}.${action}()`;
  return `${action.startsWith('@') || action.includes('(') ? action : `@${action}`}${detailText(finding.details['options'])}`;
}

/**
 * A commit, a rollback or a block as written; a declarative boundary (an annotated method, or a
 * class for each of its public methods) with what the framework does there: commit on return,
 * roll back on an unchecked exception.
 */
function transactionFact(owner: string, finding: Finding): AnswerFact {
  const action = detailText(finding.details['action']);
  const location = findingSites(finding)[0] ?? locationOfFinding(finding);
  if (finding.details['boundary'] === 'declarative') return fact(location, isClass(owner) ? 'declarativeTransactionClass' : 'declarativeTransaction', SymbolId.label(owner), written(finding));
  return fact(location, ACTION_PHRASES[action] ?? 'runsInTransaction', SymbolId.label(owner), written(finding));
}

/** A symbol named as a class (`Payments`), not one of its methods (`Payments.pay`). */
function isClass(symbol: string): boolean {
  return !SymbolId.parse(symbol).name.includes('.');
}

/** The transaction findings that hold for a traced function: its own, else its class's declarative boundary. */
function transactionOf(byFunction: ReadonlyMap<string, Finding[]>, symbol: string): Finding | undefined {
  const own = byFunction.get(symbol)?.[0];
  if (own) return own;
  const owner = SymbolId.owner(symbol);
  return owner ? byFunction.get(owner)?.find((finding) => finding.details['boundary'] === 'declarative') : undefined;
}

function locationOfFinding(finding: Finding): { path: string; line: number } {
  return { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
}

/** Where work is committed and rolled back, and which flows reach those places. */
export function transactionalAnswer(context: AnswerContext): AnswerPart[] {
  const byFunction = findingsByFunction(context, 'transaction');
  // Each transaction with the comment its authors wrote just above it, when they did: why it holds, in their words.
  const facts = [...byFunction].flatMap(([owner, findings]) =>
    findings.flatMap((finding) => {
      const told = transactionFact(owner, finding);
      const why = commentAbove(context, owner, told.location.line);
      return why ? [told, why] : [told];
    }),
  );
  const flows: AnswerFact[] = [];
  for (const route of studyRoutes(context)) {
    for (const symbol of tracedFunctions(context.traceOf(route))) {
      const found = transactionOf(byFunction, symbol);
      if (found) flows.push(fact(findingSites(found)[0] ?? locationOfFinding(found), 'flowReaches', `${route.method} ${route.path}`, SymbolId.label(symbol), written(found)));
    }
  }
  return [
    answerPart(say('transactionsTopic'), [...facts, ...queueTransactionFacts(context)], gap('noTransactions', firstFileOf(context, ['infrastructure', 'orm', 'application']))),
    answerPart(say('transactionalFlowsTopic'), flows, noneFound('noTransactionalFlows')),
  ];
}

/**
 * Strong or eventual, as the code shows it: the routes that commit before they answer (a read after
 * the answer sees their write: strongly consistent in the database they commit to), then, when a
 * flow or a listener hands work on after a commit, that what it writes is seen later (eventually
 * consistent there).
 */
function verdictFacts(context: AnswerContext, byFunction: ReadonlyMap<string, Finding[]>, handedOn: readonly AnswerFact[]): AnswerFact[] {
  const facts: AnswerFact[] = [];
  const committing = studyRoutes(context).flatMap((route) => {
    const found = requestPathFunctions(context.traceOf(route)).map((symbol) => transactionOf(byFunction, symbol)).find((finding) => finding);
    return found ? [{ route, found }] : [];
  });
  const first = committing[0];
  if (first) facts.push(fact(findingSites(first.found)[0] ?? locationOfFinding(first.found), 'verdictStrongInDatabase', committing.length, `${first.route.method} ${first.route.path}`, written(first.found)));
  const handOff = handedOn[0];
  if (handOff) facts.push(fact(handOff.location, first ? 'verdictEventualBeside' : 'verdictEventual', handedOn.length));
  return facts;
}

/** Calls of a listener told at most. */
const MAX_LISTENER_CALLS = 3;

/**
 * Listeners of a session's commit (SQLAlchemy's `after_commit`, found by the receiver rule that marks
 * them `after-commit`), with what each calls: work every commit hands on outside its transaction,
 * which the rest of the system sees later or, when it fails, never.
 */
function afterCommitListenerFacts(context: AnswerContext): AnswerFact[] {
  const facts: AnswerFact[] = [];
  for (const finding of context.result.findings) {
    if (finding.category !== 'receiver' || finding.details['kind'] !== 'after-commit') continue;
    const site = findingSites(finding)[0] ?? locationOfFinding(finding);
    if (!inScope(context, site.path)) continue;
    const listener = context.index.definition(finding.symbol);
    // What it hands on: the workspace's functions and outside modules' calls it makes, not the language's own (`isinstance`).
    const { path } = SymbolId.parse(finding.symbol);
    const calls = [...new Set((listener?.calls ?? []).map((call) => call.callee).filter((callee) => callee.includes('.') || context.index.resolve(path, callee)))].slice(0, MAX_LISTENER_CALLS);
    const label = listener ? SymbolId.label(finding.symbol) : detailText(finding.details['symbol'], SymbolId.label(finding.symbol));
    facts.push(calls.length ? fact(site, 'listenerAfterCommitCalls', label, detailText(finding.details['signal']), calls.map((callee) => `\`${callee}\``).join(', ')) : fact(site, 'listenerAfterCommit', label, detailText(finding.details['signal'])));
  }
  return facts;
}

/**
 * What the code says about consistency: the work a flow hands elsewhere after it commits (queued
 * tasks, published events: the rest of the system sees it later), and sagas, outboxes or
 * two-phase commits, by name.
 */
export function consistencyAnswer(context: AnswerContext): AnswerPart[] {
  const byFunction = findingsByFunction(context, 'transaction');
  const after: AnswerFact[] = [];
  for (const route of studyRoutes(context)) {
    const trace = context.traceOf(route);
    const committing = requestPathFunctions(trace).find((symbol) => transactionOf(byFunction, symbol));
    if (!committing) continue;
    for (const step of trace.steps) {
      if (step.via !== 'async' && step.via !== 'event') continue;
      const site = step.site ?? { path: SymbolId.parse(step.symbol).path, line: step.line };
      after.push(fact({ path: site.path, line: site.line }, step.via === 'async' ? 'commitsThenQueues' : 'commitsThenPublishes', `${route.method} ${route.path}`, SymbolId.label(committing), step.external ? step.symbol : SymbolId.label(step.symbol)));
    }
  }
  after.push(...afterCommitListenerFacts(context));
  const named = { saga: [] as AnswerFact[], outbox: [] as AnswerFact[], twoPhase: [] as AnswerFact[] };
  const { frameworks } = context;
  const namedBy = (name: string, words: ReadonlySet<string>) => {
    const written = name.toLowerCase().replace(/-/g, '_');
    return [...words].some((word) => written.includes(word));
  };
  for (const file of context.index.files()) {
    if (!inScope(context, file.path)) continue;
    for (const symbol of file.symbols) {
      const location = { path: file.path, line: symbol.range.start.line };
      if (symbol.kind === 'class' || symbol.kind === 'function') {
        if (namedBy(symbol.name, frameworks.sagaWords)) named.saga.push(fact(location, 'namedSaga', symbol.name));
        if (namedBy(symbol.name, frameworks.outboxWords)) named.outbox.push(fact(location, 'namedOutbox', symbol.name));
        if (namedBy(symbol.name, frameworks.twoPhaseWords)) named.twoPhase.push(fact(location, 'namedTwoPhase', symbol.name));
      }
      for (const call of symbol.calls ?? []) {
        const method = call.callee.split('.').pop() ?? '';
        if (frameworks.twoPhaseCalls.has(method) || call.flags?.some((flag) => frameworks.twoPhaseFlags.has(flag))) named.twoPhase.push(fact({ path: file.path, line: call.line }, 'callsTwoPhase', symbol.name, call.callee));
      }
    }
  }
  const handedOn = [...queueConsistencyFacts(context), ...after];
  // Each kind is told apart, with its own line when none is found: an absence stated, not left to a short list.
  return [
    answerPart(say('consistencyVerdictTopic'), verdictFacts(context, byFunction, handedOn), noneFound('noConsistencyVerdict')),
    answerPart(say('afterCommitTopic'), handedOn, noneFound('nothingAfterCommit')),
    answerPart(say('outboxTopic'), [...queueOutboxFacts(context), ...named.outbox], noneFound('noOutbox')),
    answerPart(say('sagaTopic'), named.saga, noneFound('noSaga')),
    answerPart(say('twoPhaseTopic'), named.twoPhase, noneFound('noTwoPhase')),
  ];
}
