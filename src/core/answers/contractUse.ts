import type { CallSite, HandlerFact, RaiseFact } from '../parse/facts';
import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type Contract, definingClass, isMandatory } from './contract';
import { type AnswerContext, answerPart, fact, inScope, memo } from './context';
import { say } from './phrases';

/** A call in the library, outside the interface and its implementations, of a method of the contract. */
export interface ContractCall {
  method: string;
  caller: string;
  path: string;
  call: CallSite;
}

/**
 * Where the code under study (not the interface, not its implementations, not tests) calls a
 * method of the contract: `RedLock._acquire` calling `self.client._add`. A call counts when the
 * types tell it reaches the interface or an implementation; a `_`-named method of the contract
 * (`_gets`) also by its name, which nothing else in a library shares; and a call on a receiver
 * named for the interface (`self.cache.get` for `BaseCache`), the way a library names what it
 * holds of its own interface when it writes no type.
 */
export function contractCalls(context: AnswerContext, contract: Contract): ContractCall[] {
  return memo(context, `contract calls ${contract.base}`, () => {
    const { index } = context;
    const family = new Set([contract.base, ...contract.implementations]);
    const names = new Set(contract.methods.map((method) => method.name));
    const stem = interfaceStem(contract.base);
    const found: ContractCall[] = [];
    for (const file of index.files()) {
      if (!inScope(context, file.path)) continue;
      for (const { symbol, definition } of index.definitionsIn(file.path)) {
        if (definition.kind !== 'function' && definition.kind !== 'method') continue;
        const owner = definition.kind === 'method' ? SymbolId.owner(symbol) : undefined;
        if (owner && [owner, ...index.ancestry(owner).classes].some((cls) => family.has(cls))) continue;
        for (const call of definition.calls ?? []) {
          const parts = call.callee.split('.');
          const method = parts[parts.length - 1] ?? '';
          if (parts.length < 2 || !names.has(method)) continue;
          const reached = context.calleeOf(symbol, call);
          const byType = reached !== undefined && family.has(SymbolId.owner(reached) ?? '');
          const byName = /^_[a-z]\w*$/.test(method) && !/^(self|this|cls)$/.test(parts[0] ?? '');
          const receiver = (parts[parts.length - 2] ?? '').replace(/^_+/, '').toLowerCase();
          if (byType || byName || (stem !== '' && receiver === stem)) found.push({ method, caller: symbol, path: file.path, call });
        }
      }
    }
    return found;
  });
}

/** `BaseCache` → `cache`, `AbstractBroker` → `broker`, `StoreInterface` → `store`. */
function interfaceStem(base: string): string {
  return SymbolId.label(base)
    .replace(/^(Base|Abstract|I(?=[A-Z]))/, '')
    .replace(/(Interface|Base|Protocol|ABC)$/, '')
    .toLowerCase();
}

/** An exception named by its class (`ValueError`, `errors.NotFound`), not a variable raised again (`raise ex`). */
const EXCEPTION_CLASS = /(^|\.)[A-Z]\w*$/;

/** An implementation's raise, with the implementation. */
interface ImplementationRaise {
  implementation: string;
  raised: RaiseFact;
  path: string;
}

/**
 * What each method an implementation must define returns or raises, as the code shows it: what the
 * docstrings promise, the exceptions the implementations' versions raise and under which condition
 * (`_add` raises `ValueError` when the key exists, in every implementation); and, in a part of its
 * own, the library's callers that rely on it (`RedLock._acquire` catching that `ValueError`).
 * What a new implementation must keep.
 */
export function methodContractParts(context: AnswerContext, contract: Contract): AnswerPart[] {
  const { index } = context;
  const calls = contractCalls(context, contract);
  const facts: AnswerFact[] = [];
  const callers: AnswerFact[] = [];
  // A promise documented alike on many methods (the timeout's) is told once, where it is first.
  const told = new Set<string>();
  for (const method of contract.methods.filter(isMandatory)) {
    for (const documented of documentedOutcomeFacts(context, contract, method.name)) {
      const text = documented.terms[documented.terms.length - 1] ?? '';
      if (told.has(text)) continue;
      told.add(text);
      facts.push(documented);
    }
    const raises: ImplementationRaise[] = contract.implementations.flatMap((implementation) => {
      const owner = definingClass(index, implementation, method.name, contract.base);
      if (owner !== implementation) return [];
      const path = SymbolId.parse(owner).path;
      return (index.definition(`${owner}.${method.name}`)?.raises ?? []).filter((raised) => !raised.returned && EXCEPTION_CLASS.test(raised.exception) && !/NotImplemented/.test(raised.exception)).map((raised) => ({ implementation, raised, path }));
    });
    // The exception most implementations raise first: the convention before one implementation's own.
    const byCount = (exception: string) => new Set(raises.filter((entry) => entry.raised.exception === exception).map((entry) => entry.implementation)).size;
    for (const exception of [...new Set(raises.map((entry) => entry.raised.exception))].sort((a, b) => byCount(b) - byCount(a))) {
      const raising = raises.filter((entry) => entry.raised.exception === exception);
      const first = raising[0];
      if (!first) continue;
      const implementations = new Set(raising.map((entry) => entry.implementation)).size;
      const how = raising.map((entry) => `\`${SymbolId.label(entry.implementation)}\` ${raiseCircumstance(entry.raised)}(${entry.path}:${entry.raised.line + 1})`).join(', ');
      facts.push(fact({ path: first.path, line: first.raised.line }, 'methodRaisesAcross', method.name, exception, implementations, contract.implementations.length, how));
    }
    for (const use of calls.filter((entry) => entry.method === method.name)) callers.push(callerFact(use));
  }
  return [
    ...(facts.length ? [answerPart(say('methodContractTopic', SymbolId.label(contract.base)), facts)] : []),
    ...(callers.length ? [answerPart(say('contractCallersTopic', SymbolId.label(contract.base)), callers)] : []),
  ];
}

/**
 * What the docstrings say a method returns and raises: its own, else that of the interface's
 * method that calls it (`BaseCache.add`, documented, around the abstract `_add`), named for it.
 */
function documentedOutcomeFacts(context: AnswerContext, contract: Contract, name: string): AnswerFact[] {
  const { index } = context;
  const own = `${contract.base}.${name}`;
  const around = contract.methods
    .filter((method) => !isMandatory(method) && method.symbol === `${contract.base}.${method.name}` && (index.definition(method.symbol)?.calls ?? []).some((call) => call.callee === `self.${name}`))
    .sort((a, b) => Number(b.name === name.replace(/^_+/, '')) - Number(a.name === name.replace(/^_+/, '')))[0];
  const { path } = SymbolId.parse(contract.base);
  const ownOutcomes = index.definition(own)?.outcomes ?? [];
  if (ownOutcomes.length) return ownOutcomes.map((outcome) => fact({ path, line: outcome.line }, outcome.kind === 'returns' ? 'documentsReturns' : 'documentsRaises', SymbolId.label(own), outcome.text));
  if (!around) return [];
  return (index.definition(around.symbol)?.outcomes ?? []).map((outcome) => fact({ path, line: outcome.line }, outcome.kind === 'returns' ? 'wrapperDocumentsReturns' : 'wrapperDocumentsRaises', SymbolId.label(around.symbol), name, outcome.text));
}

/** `when \`key in self._cache\` `, `in place of \`ValidationException\` `, or nothing: the circumstance of a raise, as code. */
function raiseCircumstance(raised: RaiseFact): string {
  const when = raised.condition ? `if \`${raised.condition}\` ` : '';
  const caught = raised.caught?.length ? `except \`${raised.caught.join(', ')}\` ` : '';
  return `${caught}${when}`;
}

/** A caller of a contract method, with what it does when the call raises there (the innermost `except`). */
function callerFact(use: ContractCall): AnswerFact {
  const location = { path: use.path, line: use.call.line };
  const handler: HandlerFact | undefined = use.call.catches?.[0];
  if (!handler) return fact(location, 'calledBy', use.method, SymbolId.label(use.caller));
  return handler.does ? fact(location, 'calledByCatchingThen', use.method, SymbolId.label(use.caller), handler.exceptions.join(', '), handler.does) : fact(location, 'calledByCatching', use.method, SymbolId.label(use.caller), handler.exceptions.join(', '));
}

/** Exceptions an `except` clause names that catch a timeout too: a bare `Exception`, `BaseException`, any `*Timeout*`. */
const CATCHES_TIMEOUT = /^(Exception|BaseException|builtins\.Exception)$|Timeout/;

/**
 * What a failure of a method the interface bounds (`API.timeout` on `get`) becomes where the library
 * calls it: the `except` around the call that catches it (`cached.get_from_cache`: `except Exception`,
 * then `logger.exception(…)`), or that nothing there catches it.
 */
export function boundedCallFacts(context: AnswerContext, contract: Contract, bounded: ReadonlyMap<string, string>): { facts: AnswerFact[]; handlers: Set<string> } {
  const handlers = new Set<string>();
  const facts = contractCalls(context, contract).flatMap((use) => {
    const decorator = bounded.get(use.method);
    if (!decorator) return [];
    const location = { path: use.path, line: use.call.line };
    const handler = use.call.catches?.find((clause) => clause.exceptions.some((name) => CATCHES_TIMEOUT.test(name)));
    if (!handler) return [fact(location, 'boundedCallUncaught', SymbolId.label(use.caller), use.method, decorator)];
    handlers.add(handlerKey(use.caller, handler.line));
    return [fact(location, 'boundedCallCaught', SymbolId.label(use.caller), use.method, decorator, handler.exceptions.join(', '), handler.does ?? '…')];
  });
  return { facts, handlers };
}

/** An `except` clause of a function, as a key: the one a bounded call's fact already tells. */
export const handlerKey = (symbol: string, line: number) => `${symbol}\0${line}`;
