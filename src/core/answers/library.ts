import { type AnswerFact, type AnswerPart, type SourceLocation, SymbolId } from '../result';
import { type Contract, contractFacts, definingClass, implementationTable, isMandatory, studyInterfaces } from './contract';
import { isTestPath } from '../testCode';
import { type AnswerContext, answerPart, fact, firstFileOf, gap, inPart, inScope, layerOfPath, locationOf, memo } from './context';
import { documentedDeliveryFacts } from './projectDocs';
import { mainBenchmarkFile } from './studyMaterial';
import { docstringParagraphs, docstringSummary, documentedItems, type DocumentedItem, sameDocumentation } from './documented';
import { PHRASES, say } from './phrases';
import { boundedCallFacts, handlerKey, methodContractParts } from './contractUse';
import { implementationWorkPart, lifecycleFacts, operationsFacts } from './implementationWork';
import { selectionFacts } from './selection';
import { singleImplementationParts } from './singleImplementation';
import { importedSymbols } from './workspaceUse';
import { isProtocolClass } from '../resolve/interfaces';

/** Interfaces whose contracts the mandatory-methods answer tells: the most implemented ones. */
const MAX_CONTRACTS = 3;

/**
 * The interfaces of the code under study, the key one first: the one with most implementations in
 * the adapter and driver layers (the guide's backends), then (between equals) one the library
 * chooses among at run time (a registry, a factory), then most implementations, most methods.
 */
function keyContracts(context: AnswerContext): Contract[] {
  return memo(context, 'key contracts', () => {
    const contracts = studyInterfaces(context);
    const adapters = (contract: Contract) => contract.implementations.filter((symbol) => ['adapter', 'driver'].includes(layerOfPath(context.result, SymbolId.parse(symbol).path))).length;
    const chosen = new Set(contracts.filter((contract) => selectionOf(context, contract).length).map((contract) => contract.base));
    return contracts
      .slice()
      .sort((a, b) => adapters(b) - adapters(a) || Number(chosen.has(b.base)) - Number(chosen.has(a.base)) || b.implementations.length - a.implementations.length || b.methods.length - a.methods.length || a.base.localeCompare(b.base));
  });
}

function selectionOf(context: AnswerContext, contract: Contract): AnswerFact[] {
  return memo(context, `selection ${contract.base}`, () => selectionFacts(context, contract));
}

/** The key interface's contract: what it declares and what implementations inherit; and what its own decorators add around its methods. */
export function interfaceAnswer(context: AnswerContext): AnswerPart[] {
  const contract = keyContracts(context)[0];
  if (!contract) return [noInterface(context)];
  const wrapping = methodDecoratorFacts(context, contract);
  const template = templateMethodFact(context, contract);
  const around = [...(template ? [template] : []), ...sharedCallFacts(context, contract, rankedImplementations(context, contract)[0]?.implementation)];
  return [
    contractPart(context, contract, false),
    ...methodContractParts(context, contract),
    ...(around.length ? [answerPart(say('interfaceDesignTopic', SymbolId.label(contract.base)), around)] : []),
    ...(wrapping.length ? [answerPart(say('methodDecoratorsTopic', SymbolId.label(contract.base)), wrapping)] : []),
  ];
}

/** Pairs shown in the template-method fact, at most. */
const MAX_TEMPLATE_PAIRS = 8;

/**
 * The interface's methods with a body that call a method every implementation must define
 * (`BaseCache.get` calls `self._get`): the interface does the shared work around the part each
 * implementation supplies, the why of a contract of `_`-methods.
 */
function templateMethodFact(context: AnswerContext, contract: Contract): AnswerFact | undefined {
  const { index } = context;
  const mandatory = new Set(contract.methods.filter(isMandatory).map((method) => method.name));
  const pairs = contract.methods
    .filter((method) => !isMandatory(method) && method.symbol === `${contract.base}.${method.name}`)
    .flatMap((method) => {
      const names = (index.definition(method.symbol)?.calls ?? []).flatMap((call) => /^self\.(\w+)$/.exec(call.callee)?.[1] ?? []).filter((name) => mandatory.has(name) && name !== method.name);
      // The one named for the method (`get` → `_get`) before a helper every method calls (`build_key`).
      const called = names.find((name) => name.replace(/^_+/, '') === method.name) ?? names[0];
      return called ? [{ method, called }] : [];
    });
  const [first] = pairs;
  if (!first || pairs.length < 2) return undefined;
  const shown = pairs.slice(0, MAX_TEMPLATE_PAIRS).map(({ method, called }) => `${method.name} → ${called}`).join(', ') + (pairs.length > MAX_TEMPLATE_PAIRS ? ', …' : '');
  return fact(locationOf(index, first.method.symbol), 'templateMethods', SymbolId.label(contract.base), pairs.length, shown);
}

/**
 * What every implementation's version of a method it must define calls on the interface
 * (`enqueue` calls `self.emit_before` and `self.emit_after`, which `Broker` provides): a step a
 * new implementation must keep, or what hooks into those calls (middleware) stops working.
 */
function sharedCallFacts(context: AnswerContext, contract: Contract, model: string | undefined): AnswerFact[] {
  const { index } = context;
  if (contract.implementations.length < 2 || !model) return [];
  const provided = new Set(contract.methods.filter((method) => !isMandatory(method)).map((method) => method.name));
  const selfCalls = (implementation: string, method: string) => {
    const owner = definingClass(index, implementation, method, contract.base);
    return owner ? (index.definition(`${owner}.${method}`)?.calls ?? []).flatMap((call) => (/^self\.\w+$/.test(call.callee) && provided.has(call.callee.slice(5)) ? [{ name: call.callee.slice(5), line: call.line, path: SymbolId.parse(owner).path }] : [])) : [];
  };
  const called = new Set<string>();
  const facts = contract.methods.filter(isMandatory).flatMap((method) => {
    const byImplementation = contract.implementations.map((implementation) => selfCalls(implementation, method.name));
    const shared = [...new Set(byImplementation[0]?.map((call) => call.name))].filter((name) => byImplementation.every((calls) => calls.some((call) => call.name === name)));
    const at = selfCalls(model, method.name).find((call) => shared.includes(call.name));
    if (!shared.length || !at) return [];
    for (const name of shared) called.add(name);
    return [fact({ path: at.path, line: at.line }, 'everyImplementationCalls', method.name, shared.map((name) => `self.${name}`).join(', '), SymbolId.label(contract.base))];
  });
  return [...facts, ...[...called].flatMap((name) => providedLoops(context, contract, name))];
}

/** What a provided method runs each of (`Broker.emit_before` calls each of `self.middleware` as `getattr(middleware, signal)(self, *args)`). */
function providedLoops(context: AnswerContext, contract: Contract, name: string): AnswerFact[] {
  const symbol = `${contract.base}.${name}`;
  return (context.index.definition(symbol)?.iterates ?? []).flatMap((loop) => (loop.calledAs && loop.calledAt !== undefined ? [fact({ path: SymbolId.parse(symbol).path, line: loop.calledAt }, 'decoratorRunsEach', SymbolId.label(symbol), loop.iterable, loop.calledAs)] : []));
}

/** Methods named in a decorator's fact, at most. */
const MAX_WRAPPED = 6;

/**
 * The workspace decorators the interface puts on its own methods (`@API.timeout`, `@API.plugins`
 * on `BaseCache.get`): the interface wraps each call an implementation serves in what they do.
 * Each is told with the methods it wraps and what its body calls outside the workspace and runs
 * in a loop (`asyncio.wait_for`, each of `self.plugins`).
 */
function methodDecoratorFacts(context: AnswerContext, contract: Contract): AnswerFact[] {
  return memo(context, `method decorators ${contract.base}`, () => {
    const { index } = context;
    return [...methodDecorators(context, contract)].flatMap(([decorator, methods]) => {
      const definition = index.definition(decorator);
      const decoratorPath = SymbolId.parse(decorator).path;
      // What reaches outside the workspace (`asyncio.wait_for`, `os.getenv`), not the workspace's own names, nor `functools.wraps`.
      const outside = [...(definition?.calls ?? []), ...(definition?.innerCalls ?? [])].filter((call) => /^\w+\./.test(call.callee) && call.callee !== 'functools.wraps' && !index.resolve(decoratorPath, call.callee.split('.')[0] ?? '') && !/^(self|cls)\./.test(call.callee));
      const calls = [...new Set(outside.map((call) => `\`${call.callee}\``))].join(', ');
      const shown = methods.slice(0, MAX_WRAPPED).join(', ') + (methods.length > MAX_WRAPPED ? ', …' : '');
      const runs = [...(definition?.iterates ?? []), ...(definition?.innerIterates ?? [])].flatMap((loop) => (loop.calledAs && loop.calledAt !== undefined ? [fact({ path: decoratorPath, line: loop.calledAt }, 'decoratorRunsEach', SymbolId.label(decorator), loop.iterable, loop.calledAs)] : []));
      const bounded = /timeout|wait_for/i.test(`${decorator} ${calls}`) ? [timeoutDefault(context, contract), ...interfaceDocumented(context, contract, /timeout/i)].filter((candidate) => candidate !== undefined) : [];
      return [
        calls
          ? fact(locationOf(index, decorator), 'wrapsMethodsCalling', SymbolId.label(decorator), methods.length, SymbolId.label(contract.base), shown, calls)
          : fact(locationOf(index, decorator), 'wrapsMethods', SymbolId.label(decorator), methods.length, SymbolId.label(contract.base), shown),
        ...bounded,
        ...runs,
      ];
    });
  });
}

/** The workspace decorators on the interface's own methods, each with the methods it wraps. */
function methodDecorators(context: AnswerContext, contract: Contract): Map<string, string[]> {
  return memo(context, `wrapped methods ${contract.base}`, () => {
    const { index } = context;
    const { path } = SymbolId.parse(contract.base);
    const wrapped = new Map<string, string[]>();
    for (const method of index.methodsOf(contract.base)) {
      for (const decorator of index.definition(`${contract.base}.${method.name}`)?.decorators ?? []) {
        const symbol = index.resolve(path, decorator.split('(')[0] ?? decorator);
        if (symbol && index.definition(symbol)) wrapped.set(symbol, [...(wrapped.get(symbol) ?? []), method.name]);
      }
    }
    return wrapped;
  });
}

/** The interface's methods a decorator bounds in time or repeats (`API.timeout`), each with that decorator. */
function boundedMethods(context: AnswerContext, contract: Contract): Map<string, string> {
  const bounded = new Map<string, string>();
  for (const [decorator, methods] of methodDecorators(context, contract)) {
    const definition = context.index.definition(decorator);
    const calls = [...(definition?.calls ?? []), ...(definition?.innerCalls ?? [])].map((call) => call.callee).join(' ');
    if (!FAILURE_CONTROL.test(`${decorator} ${calls}`)) continue;
    for (const method of methods) if (!bounded.has(method)) bounded.set(method, SymbolId.label(decorator));
  }
  return bounded;
}

/** The default of the interface's timeout, as its constructor's parameter (`timeout=5`) or its class attribute (`timeout = 5`) writes it. */
function timeoutDefault(context: AnswerContext, contract: Contract): AnswerFact | undefined {
  const { index } = context;
  const constructor = `${contract.base}.__init__`;
  const parameter = index.definition(constructor)?.parameters?.find((candidate) => /timeout/i.test(candidate.name) && candidate.default !== undefined);
  if (parameter?.default !== undefined) return fact(locationOf(index, constructor), 'timeoutDefaultsTo', `${SymbolId.label(constructor)}(…, ${parameter.name}=${parameter.default})`, parameter.default);
  const attribute = index.definition(contract.base)?.attributes?.find((candidate) => /timeout/i.test(candidate.name) && (candidate.shape?.kind === 'number' || (candidate.shape?.kind === 'name' && candidate.shape.value === 'None')));
  const value = attribute?.shape && 'value' in attribute.shape ? attribute.shape.value : undefined;
  return attribute && value !== undefined ? fact({ path: SymbolId.parse(contract.base).path, line: attribute.line }, 'timeoutDefaultsTo', `${SymbolId.label(contract.base)}.${attribute.name} = ${value}`, value) : undefined;
}

/** What the interface's docstring documents of the options whose names match (`timeout`: "Use 0 or None if you want to disable it"). */
function interfaceDocumented(context: AnswerContext, contract: Contract, names: RegExp): AnswerFact[] {
  const path = SymbolId.parse(contract.base).path;
  return documentedItems(context.index.definition(contract.base)?.docstring)
    .filter((item) => names.test(item.name))
    .map((item) => fact({ path, line: item.line }, 'documentsOption', SymbolId.label(contract.base), item.name, item.text));
}

/** The contracts of the most implemented interfaces, each with its implementation × method table. */
export function mandatoryMethodsAnswer(context: AnswerContext): AnswerPart[] {
  const contracts = keyContracts(context).slice(0, MAX_CONTRACTS);
  return contracts.length ? contracts.map((contract) => contractPart(context, contract, true)) : [noInterface(context)];
}

function contractPart(context: AnswerContext, contract: Contract, withTable: boolean): AnswerPart {
  const part = answerPart(say('contractTopic', SymbolId.label(contract.base)), contractFacts(context.index, contract));
  if (!contract.methods.some(isMandatory)) {
    const overridden = [...new Set(contract.implementations.flatMap((implementation) => context.index.methodsOf(implementation).map((method) => method.name)))].slice(0, 8).join(', ');
    part.gap = { ...say('noContract', SymbolId.label(contract.base), overridden || '—'), readAt: locationOf(context.index, contract.base) };
  }
  if (withTable && contract.methods.length) part.table = implementationTable(context.index, contract);
  return part;
}

function noInterface(context: AnswerContext): AnswerPart {
  const shapes = recordShapeFacts(context);
  if (shapes.length) return answerPart(say('recordShapeTopic'), shapes);
  return answerPart(say('contractTopic', '—'), [], gap('noInterface', firstFileOf(context, ['core', 'public-api'])));
}

/** Functions named as taking a record-shaped Protocol, at most. */
const MAX_TAKERS = 6;

/**
 * The Protocols of the code under study that declare attributes and no method: the shape of a
 * value users give the library (settings, a record), told with the attributes it names and the
 * functions whose parameters are typed with it or with an alias of it
 * (`SettingsType = Union[Dict[str, Any], Type[SettingsBase]]`).
 */
function recordShapeFacts(context: AnswerContext): AnswerFact[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  const files = context.result.files.filter((file) => inScope(context, file.path) && file.path.endsWith('.py'));
  for (const { symbol, attributes } of recordProtocols(context)) {
    const name = SymbolId.label(symbol);
    facts.push(fact(locationOf(index, symbol), 'recordProtocol', name, attributes.join(', ')));
    // The alias that names it (`WorkerSettingsType`), then the parameters typed with either.
    const names = [name, ...files.flatMap((other) => [...index.definitionsIn(other.path)].filter((entry) => entry.definition.kind === 'variable' && new RegExp(`\\b${name}\\b`).test(entry.definition.alias ?? '')).map((entry) => entry.definition.name))];
    const typed = new RegExp(`\\b(${names.join('|')})\\b`);
    const takers = files.flatMap((other) =>
      [...index.definitionsIn(other.path)].flatMap(({ symbol: taker, definition: function_ }) => {
        if (function_.kind !== 'function' && function_.kind !== 'method') return [];
        const parameter = function_.parameters?.find((candidate) => typed.test(candidate.annotation ?? ''));
        return parameter ? [{ taker, parameter }] : [];
      }),
    );
    for (const { taker, parameter } of takers.slice(0, MAX_TAKERS)) facts.push(fact(locationOf(index, taker), 'takesRecord', SymbolId.label(taker), `${parameter.name}: ${parameter.annotation ?? ''}`, name));
  }
  return facts;
}

/** The Protocols of the code under study that declare attributes and no method, with those attributes. */
function recordProtocols(context: AnswerContext): { symbol: string; attributes: string[] }[] {
  return memo(context, 'record protocols', () => {
    const { index } = context;
    const found: { symbol: string; attributes: string[] }[] = [];
    for (const file of context.result.files.filter((candidate) => inScope(context, candidate.path) && candidate.path.endsWith('.py'))) {
      for (const { symbol, definition } of index.definitionsIn(file.path)) {
        if (definition.kind !== 'class' || !isProtocolClass(index, file.path, definition)) continue;
        const attributes = (definition.attributes ?? []).map((attribute) => attribute.name).filter((name) => !name.startsWith('__'));
        if (attributes.length && !index.methodsOf(symbol).some((method) => !method.name.startsWith('__'))) found.push({ symbol, attributes });
      }
    }
    return found;
  });
}

/** With no interface, the class the library runs on, told with what its users give it; undefined when there is no such class either. */
function singleImplementation(context: AnswerContext): AnswerPart[] | undefined {
  const central = centralClass(context);
  return central ? singleImplementationParts(context, central.symbol, recordProtocols(context).map((record) => record.symbol)) : undefined;
}

/** An implementation with what makes it the one to study: how much of the contract it defines, how many files use it. */
interface Ranked {
  implementation: string;
  defined: number;
  importers: number;
}

/**
 * The implementations of the key interface, the one to study first: how complete it is (the share
 * of the contract it defines itself) and how used (the files, tests included, that import it, as a
 * share of the most imported implementation's), the two added.
 */
export function rankedImplementations(context: AnswerContext, contract: Contract): Ranked[] {
  return memo(context, `ranked ${contract.base}`, () => {
    const importers = importerCountsOf(context);
    const mostImporters = Math.max(1, ...contract.implementations.map((implementation) => importers.get(implementation) ?? 0));
    // How complete, and how used, each as a share of the best: the two weigh the same.
    const score = (ranked: Ranked) => ranked.defined / Math.max(1, contract.methods.length) + ranked.importers / mostImporters;
    return contract.implementations
      .map((implementation) => ({
        implementation,
        defined: contract.methods.filter((method) => definingClass(context.index, implementation, method.name, contract.base)).length,
        importers: importers.get(implementation) ?? 0,
      }))
      .sort((a, b) => score(b) - score(a) || a.implementation.localeCompare(b.implementation));
  });
}

/** How many files import each workspace symbol by name. */
function importerCountsOf(context: AnswerContext): Map<string, number> {
  return memo(context, 'importers of symbols', () => {
    const counts = new Map<string, number>();
    for (const file of context.index.files()) for (const { symbol } of importedSymbols(context.index, file)) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    return counts;
  });
}

/** The implementation to study in depth, chosen by how complete and how used it is, with the others after it. */
export function centralImplementationAnswer(context: AnswerContext): AnswerPart[] {
  const contract = keyContracts(context)[0];
  if (!contract) return centralClassParts(context) ?? [noInterface(context)];
  const facts = rankedImplementations(context, contract).map((ranked) =>
    fact(locationOf(context.index, ranked.implementation), 'implementationRank', SymbolId.label(ranked.implementation), ranked.defined, contract.methods.length, ranked.importers),
  );
  const work = rankedImplementations(context, contract)
    .slice(0, MAX_WORK_PARTS)
    .flatMap((ranked) => implementationWorkPart(context, contract, ranked.implementation) ?? []);
  return [answerPart(say('centralTopic', SymbolId.label(contract.base)), facts), ...work];
}

/**
 * With no interface to implement, the class to study in depth is the one the most files import,
 * told method by method as an implementation would be.
 */
function centralClassParts(context: AnswerContext): AnswerPart[] | undefined {
  const central = centralClass(context);
  if (!central) return undefined;
  const { index } = context;
  const work = implementationWorkPart(context, { base: central.symbol, implementations: [central.symbol], methods: [] }, central.symbol);
  return [answerPart(say('centralClassTopic'), [fact(locationOf(index, central.symbol), 'centralClass', SymbolId.label(central.symbol), central.importers, central.methods)]), ...(work ? [work] : [])];
}

/** The class most imported and with most methods of the code under study, each as a share of the best. */
function centralClass(context: AnswerContext): { symbol: string; importers: number; methods: number } | undefined {
  return memo(context, 'central class', () => {
  const { index } = context;
  const importers = importerCountsOf(context);
  const classes = context.result.files
    .filter((file) => inScope(context, file.path))
    .flatMap((file) => [...index.definitionsIn(file.path)].filter((entry) => entry.definition.kind === 'class').map((entry) => ({ symbol: entry.symbol, importers: importers.get(entry.symbol) ?? 0, methods: index.methodsOf(entry.symbol).length })))
    .filter((candidate) => candidate.importers > 0 && candidate.methods > 0);
  // How used and how much it does, each as a share of the best, weigh the same (a settings record is imported most and does little).
  const most = (key: 'importers' | 'methods') => Math.max(1, ...classes.map((candidate) => candidate[key]));
  const score = (candidate: (typeof classes)[number]) => candidate.importers / most('importers') + candidate.methods / most('methods');
  return classes.sort((a, b) => score(b) - score(a) || a.symbol.localeCompare(b.symbol))[0];
  });
}

/** Implementations whose work is told method by method, the one to study first: enough to compare them. */
const MAX_WORK_PARTS = 4;

/** What to subclass, what to define, and where the implementations live, with one to copy. */
export function newImplementationAnswer(context: AnswerContext): AnswerPart[] {
  const contract = keyContracts(context)[0];
  if (!contract) return singleImplementation(context) ?? [noInterface(context)];
  const { index } = context;
  const mandatory = contract.methods.filter(isMandatory).map((method) => method.name);
  const facts: AnswerFact[] = [
    mandatory.length
      ? fact(locationOf(index, contract.base), 'subclass', SymbolId.label(contract.base), mandatory.join(', '))
      : fact(locationOf(index, contract.base), 'subclassNothingMandatory', SymbolId.label(contract.base)),
  ];
  const model = rankedImplementations(context, contract)[0];
  // A convention nothing calls is no step of adding one: the trade-offs tell it is unused.
  facts.push(...sharedConventionFacts(context, contract, model?.implementation).filter((candidate) => candidate.phrase === PHRASES.sharedConvention));
  facts.push(...sharedCallFacts(context, contract, model?.implementation));
  if (model) facts.push(fact(locationOf(index, model.implementation), 'implementationsLiveIn', contract.implementations.length, commonFolder(contract.implementations.map((symbol) => SymbolId.parse(symbol).path)), SymbolId.label(model.implementation)));
  facts.push(...wiringFacts(context, contract));
  return [
    answerPart(say('newImplementationTopic', SymbolId.label(contract.base)), facts),
    ...methodContractParts(context, contract),
    selectionPart(context, contract, model?.implementation),
  ];
}

/** Test files named per implementation, at most. */
const MAX_TEST_FILES = 3;

/**
 * How each implementation is wired into the project besides its class: the packaging extra that
 * installs the client only it imports (`valkey = ["valkey-glide"]` for `glide`), and the test
 * files that import it: what a new implementation adds beside its own.
 */
function wiringFacts(context: AnswerContext, contract: Contract): AnswerFact[] {
  const extras = packagingExtras(context);
  const imports = new Map(contract.implementations.map((implementation) => [implementation, outsideImports(context, SymbolId.parse(implementation).path)]));
  const facts: AnswerFact[] = [];
  for (const implementation of contract.implementations) {
    const { path } = SymbolId.parse(implementation);
    const others = new Set([...imports].filter(([other]) => SymbolId.parse(other).path !== path).flatMap(([, modules]) => modules.map((entry) => entry.module)));
    for (const { module } of (imports.get(implementation) ?? []).filter((entry) => !others.has(entry.module))) {
      const extra = extras.find((candidate) => candidate.requirements.some((requirement) => requirement.toLowerCase().split(/[-_.]/).includes(module.toLowerCase())));
      if (extra) facts.push(fact(extra.location, 'installedWithExtra', SymbolId.label(implementation), module, extra.name));
    }
    // The test file named for the implementation (`test_valkey.py` of `ValkeyCache`) first: the one a new implementation copies.
    const word = implementationWord(contract, implementation);
    const named = (test: string) => Number(word !== undefined && (test.slice(test.lastIndexOf('/') + 1).toLowerCase().includes(word)));
    const tests = (testImporters(context).get(implementation) ?? []).slice().sort((a, b) => named(b) - named(a) || a.localeCompare(b));
    if (tests.length) facts.push(fact({ path: tests[0] ?? path, line: 0 }, 'implementationTestedIn', SymbolId.label(implementation), tests.slice(0, MAX_TEST_FILES).join(', ') + (tests.length > MAX_TEST_FILES ? ', …' : '')));
  }
  return facts;
}

/** The test files that import each workspace symbol by name. */
function testImporters(context: AnswerContext): Map<string, string[]> {
  return memo(context, 'test files importing symbols', () => {
    const importers = new Map<string, string[]>();
    for (const file of context.index.files()) {
      if (!isTestPath(file.path)) continue;
      for (const { symbol } of importedSymbols(context.index, file)) if (!importers.get(symbol)?.includes(file.path)) importers.set(symbol, [...(importers.get(symbol) ?? []), file.path]);
    }
    return importers;
  });
}

/** An extra entry (`"valkey": ["valkey-glide>=2.0.0"],` of `extras_require`, `valkey = ["valkey-glide"]` of `[project.optional-dependencies]`). */
const EXTRA_ENTRY = /^\s*["']?([\w.-]+)["']?\s*[:=]\s*\[([^\]]*)\]/;

/** The packaging extras a Python project declares, each with the distributions it installs and where it is declared. */
function packagingExtras(context: AnswerContext): { name: string; requirements: string[]; location: SourceLocation }[] {
  return memo(context, 'packaging extras', () =>
    context.documents
      .filter((document) => /(^|\/)(setup\.py|pyproject\.toml)$/.test(document.path) && inPart(context, document.path))
      .flatMap((document) => {
        const lines = document.text.split('\n');
        const found: { name: string; requirements: string[]; location: SourceLocation }[] = [];
        let inside = false;
        lines.forEach((text, line) => {
          if (/extras_require\s*=|^\s*\[project\.optional-dependencies\]/.test(text)) inside = true;
          else if (inside && (/^\s*\[/.test(text) || /^\s*\}/.test(text))) inside = false;
          const entry = inside ? EXTRA_ENTRY.exec(text) : null;
          if (entry?.[1]) found.push({ name: entry[1], requirements: (entry[2] ?? '').split(',').map((written) => written.trim().replace(/^["']|["']$/g, '').split(/[<>=!~;[ ]/)[0] ?? '').filter(Boolean), location: { path: document.path, line } });
        });
        return found;
      }),
  );
}

/** Facts that show code choosing an implementation: a table by name or scheme, a factory, entry points. A list, an attribute or an addition alone only show the implementations. */
const SELECTORS = new Set<string>([PHRASES.registryMaps, PHRASES.factoryMakes, PHRASES.wrapperTypesMake, PHRASES.readsEntryPoints, PHRASES.registryLookedUp]);

/** Facts that show a registry filled as classes are defined: code may look it up in a way not recognised, so no line may say that nothing chooses. */
const REGISTRY_FILLED = new Set<string>([PHRASES.registryFilledByMetaclass, PHRASES.registryFilledBySubclassHook, PHRASES.registryFilledByDecorator]);

/**
 * How an implementation is chosen at run time, when code chooses one; otherwise that the user makes
 * one directly, where the implementations are listed or the one to copy is defined.
 */
function selectionPart(context: AnswerContext, contract: Contract, model: string | undefined): AnswerPart {
  const { index } = context;
  const facts = selectionOf(context, contract);
  if (facts.some((selection) => SELECTORS.has(selection.phrase))) return answerPart(say('selectionTopic', SymbolId.label(contract.base)), facts, gap('noSelection', locationOf(index, contract.base)));
  const instantiated = model ?? contract.implementations[0];
  const exported = instantiated ? exportOf(context, instantiated) : undefined;
  const filled = facts.some((selection) => REGISTRY_FILLED.has(selection.phrase));
  const direct = instantiated && exported && !filled ? [fact(exported, 'instantiatedDirectly', SymbolId.label(instantiated), exported.path)] : [];
  const entered = contract.implementations.flatMap((implementation) => lifecycleFacts(context, implementation));
  return answerPart(say('directUseTopic', SymbolId.label(contract.base)), [...direct, ...entered, ...facts], gap('noSelection', locationOf(index, contract.base)));
}

/** A package's entry file (`__init__.py`, `index.ts`), the shallowest, that imports a symbol for its users: where they import it from. */
function exportOf(context: AnswerContext, symbol: string): SourceLocation | undefined {
  const entries = context.index.files().filter((file) => inScope(context, file.path) && /(^|\/)(__init__\.py|index\.[cm]?[jt]s)$/.test(file.path));
  const exporting = entries
    .map((file) => ({ path: file.path, imported: importedSymbols(context.index, file).find((entry) => entry.symbol === symbol) }))
    .filter((entry) => entry.imported)
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const first = exporting[0];
  return first?.imported ? { path: first.path, line: first.imported.line } : undefined;
}

/**
 * What the implementations do when what they talk to fails: the exceptions they catch and the
 * timeouts they take; and a line on what only running them shows.
 */
export function edgeCasesAnswer(context: AnswerContext): AnswerPart[] {
  const contract = keyContracts(context)[0];
  const { index } = context;
  const classes = new Set(contract?.implementations ?? []);
  // The interface's and its implementations' own methods are read wherever they live: "none found in the implementations" must hold of them.
  const family = new Set([...classes, ...(contract ? [contract.base] : [])]);
  const facts: AnswerFact[] = [];
  const bounded = contract ? boundedCallFacts(context, contract, boundedMethods(context, contract)) : { facts: [], handlers: new Set<string>() };
  for (const file of context.result.files) {
    const outward = ['adapter', 'driver', 'core'].includes(file.layer);
    if (!inScope(context, file.path) || (!outward && ![...family].some((symbol) => SymbolId.parse(symbol).path === file.path))) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (definition.kind !== 'function' && definition.kind !== 'method') continue;
      if (!outward && !family.has(SymbolId.owner(symbol) ?? '')) continue;
      for (const handled of definition.handles ?? []) {
        if (bounded.handlers.has(handlerKey(symbol, handled.line))) continue;
        const location = { path: file.path, line: handled.line };
        facts.push(handled.does ? fact(location, 'catchesThenDoes', SymbolId.label(symbol), handled.exceptions.join(', '), handled.does) : fact(location, 'catchesInAdapter', SymbolId.label(symbol), handled.exceptions.join(', ')));
      }
      const owner = SymbolId.owner(symbol) ?? '';
      for (const parameter of definition.parameters ?? []) {
        if (/timeout/i.test(parameter.name) && (classes.has(owner) || file.layer !== 'core')) facts.push(fact(locationOf(index, symbol), 'takesTimeout', SymbolId.label(symbol), parameter.default ? `${parameter.name}=${parameter.default}` : parameter.name));
      }
    }
  }
  // What the adapters and drivers do when the outside fails comes before the core's helpers (a command line's `ImportError`), which the list's bound would otherwise keep in their place.
  const outward = (candidate: AnswerFact) => Number(['adapter', 'driver'].includes(layerOfPath(context.result, candidate.location.path)));
  facts.sort((a, b) => outward(b) - outward(a));
  // The interface's own decorators that bound or repeat a call (`API.timeout` calling `asyncio.wait_for`) act on every implementation's failures.
  if (contract) facts.unshift(...methodDecoratorFacts(context, contract).filter((candidate) => candidate.terms.some((term) => FAILURE_CONTROL.test(term))), ...bounded.facts);
  const part = answerPart(say('edgeCasesTopic'), facts);
  const stress = mainBenchmarkFile(context);
  const stressAt = stress ? { path: stress.path, line: 0 } : undefined;
  const handler = stress ? undefined : mostHandling(context, family);
  part.gap = !facts.length ? (stressAt ? gap('edgeCasesNothing', stressAt) : gap('edgeCasesNone')) : handler ? gap('edgeCasesGapHandler', handler.location, SymbolId.label(handler.symbol)) : gap('edgeCasesGap', stressAt ?? facts[0]?.location);
  return [part, ...deliveryParts(context)];
}

/**
 * The function of the implementations' layers (or a method of the interface's family) that handles the most exceptions (a worker's
 * `run_job`): where to read what happens when the outside fails while the library runs, rather
 * than the first handler found (a command-line helper's `ImportError`).
 */
function mostHandling(context: AnswerContext, family: ReadonlySet<string>): { symbol: string; location: SourceLocation } | undefined {
  let best: { symbol: string; location: SourceLocation; handled: number } | undefined;
  for (const file of context.result.files) {
    const outward = ['adapter', 'driver', 'core'].includes(file.layer);
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      if (!outward && !family.has(SymbolId.owner(symbol) ?? '')) continue;
      const handled = definition.handles?.length ?? 0;
      if ((definition.kind === 'function' || definition.kind === 'method') && handled > (best?.handled ?? 0)) best = { symbol, location: locationOf(context.index, symbol), handled };
    }
  }
  return best;
}

/** Exceptions that ask for the work to be run again or handed back (`Retry`, `RequeueMessage`, `Reject`), by their names. */
const RETRY_EXCEPTION = /^(Retry|Requeue|Reject|Nack|Redeliver)/;

/**
 * Delivery and retries, where the code and the documents state them: the library's exceptions
 * that run work again (with what their docstring says), and the README's and documentation's
 * sentences on delivery, retries and acknowledgement; nothing when neither states any.
 */
function deliveryParts(context: AnswerContext): AnswerPart[] {
  const facts: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of context.index.definitionsIn(file.path)) {
      if (definition.kind !== 'class' || !RETRY_EXCEPTION.test(definition.name) || !definition.bases.some((base) => /(Exception|Error)$/.test(base))) continue;
      const summary = docstringSummary(definition.docstring);
      facts.push(summary ? fact({ path: file.path, line: summary.line }, 'retryException', SymbolId.label(symbol), summary.text) : fact(locationOf(context.index, symbol), 'retryExceptionUndocumented', SymbolId.label(symbol)));
    }
  }
  facts.push(...documentedDeliveryFacts(context));
  // Told where the code or the documents state it: a library that delivers nothing (a cache) has nothing to say of it.
  return facts.length ? [answerPart(say('deliveryTopic'), facts)] : [];
}

/** Names of what bounds or repeats a call when the outside is slow or fails: timeouts, retries, back-off, circuit breakers. */
const FAILURE_CONTROL = /timeout|wait_for|retr(y|ies)|backoff|circuit/i;

/** The folder the paths share (`cachelib/backends/`), or the repository root. */
function commonFolder(paths: readonly string[]): string {
  const split = paths.map((path) => path.split('/').slice(0, -1));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return length ? `${first.slice(0, length).join('/')}/` : './';
}

/**
 * What sets each implementation apart: the outside modules only it imports (its driver or
 * protocol), the public methods only it has, and the options its constructor takes.
 */
export function tradeOffsAnswer(context: AnswerContext): AnswerPart[] {
  const contract = keyContracts(context)[0];
  if (!contract) return singleImplementation(context) ?? [noInterface(context)];
  const { index } = context;
  const importsByImplementation = new Map(contract.implementations.map((implementation) => [implementation, outsideImports(context, SymbolId.parse(implementation).path)]));
  const facts: AnswerFact[] = sharedConventionFacts(context, contract, contract.implementations[0]);
  const extras = new Map(contract.implementations.map((implementation) => [implementation, methodsBeyondContract(context, contract, implementation)]));
  const interfaceSummary = docstringSummary(index.definition(contract.base)?.docstring)?.text;
  for (const implementation of contract.implementations) {
    const summary = docstringSummary(index.definition(implementation)?.docstring);
    if (summary && summary.text !== interfaceSummary) facts.push(fact({ path: SymbolId.parse(implementation).path, line: summary.line }, 'describesItself', SymbolId.label(implementation), summary.text));
    // A module's imports belong to every class of the file: told of an implementation only when it has its file to itself (and there are others to differ from).
    const sharesFile = contract.implementations.length < 2 || contract.implementations.some((other) => other !== implementation && SymbolId.parse(other).path === SymbolId.parse(implementation).path);
    const own = sharesFile ? [] : (importsByImplementation.get(implementation) ?? []);
    const others = new Set([...importsByImplementation].filter(([other]) => SymbolId.parse(other).path !== SymbolId.parse(implementation).path).flatMap(([, modules]) => modules.map((entry) => entry.module)));
    for (const entry of own.filter((candidate) => !others.has(candidate.module))) {
      facts.push(fact({ path: SymbolId.parse(implementation).path, line: entry.line }, 'dependsOn', SymbolId.label(implementation), entry.module));
    }
    const othersHave = (name: string) => contract.implementations.some((other) => other !== implementation && extras.get(other)?.includes(name));
    const onlyIts = (extras.get(implementation) ?? []).filter((name) => !othersHave(name));
    if (onlyIts.length) facts.push(fact(locationOf(index, implementation), 'onlyItHas', SymbolId.label(implementation), onlyIts.join(', ')));
    const constructor = index.definition(`${implementation}.__init__`) ?? index.definition(`${implementation}.constructor`);
    const options = (constructor?.parameters ?? [])
      .slice(1)
      .filter(({ name }) => !name.startsWith('*') && !name.startsWith('...'))
      .map(({ name, default: value }) => (value !== undefined && value.length <= MAX_DEFAULT_SHOWN ? `${name}=${value}${constantValue(context, SymbolId.parse(implementation).path, value)}` : name));
    if (constructor && options.length) facts.push(fact(locationOf(index, `${implementation}.${index.definition(`${implementation}.__init__`) ? '__init__' : 'constructor'}`), 'takesOptions', SymbolId.label(implementation), options.join(', ')));
    facts.push(...operationsFacts(context, implementation), ...lifecycleFacts(context, implementation));
  }
  return [answerPart(say('tradeOffsTopic', SymbolId.label(contract.base)), facts, gap('noTradeOffs', locationOf(index, contract.base))), ...documentedOptionsPart(context, contract), ...comparingDocstringsPart(context, contract)];
}

/** The word an implementation's class name puts before the interface's (`ValkeyCache` of `BaseCache`: valkey), lower-cased; undefined when shorter than three letters. */
function implementationWord(contract: Contract, implementation: string): string | undefined {
  const camelWords = (name: string) => name.match(/[A-Z]+[a-z0-9]*|[a-z0-9]+/g) ?? [];
  const suffix = camelWords(SymbolId.label(contract.base)).pop() ?? '';
  const parts = camelWords(SymbolId.label(implementation));
  if (parts.length > 1 && parts[parts.length - 1] === suffix) parts.pop();
  const word = parts.pop()?.toLowerCase();
  return word && word.length > 2 ? word : undefined;
}

/** Docstring paragraphs quoted as the code's own comparison of the implementations, at most. */
const MAX_COMPARING = 8;

/**
 * The docstrings of the code under study that compare the implementations (a lock's "Valkey
 * implements… / Memcached follows… / Memory is per process"): each paragraph naming one of them,
 * where the docstring names two or more. An implementation is named by the word its class name
 * puts before the interface's (`ValkeyCache` of `BaseCache`: Valkey), links left out.
 */
function comparingDocstringsPart(context: AnswerContext, contract: Contract): AnswerPart[] {
  const { index } = context;
  const words = new Map(
    contract.implementations.flatMap((implementation) => {
      const word = implementationWord(contract, implementation);
      return word ? [[word, implementation] as const] : [];
    }),
  );
  if (words.size < 2) return [];
  const naming = new RegExp(`\\b(${[...words.keys()].join('|')})\\b`, 'gi');
  const facts: AnswerFact[] = [];
  const checked = new Set<string>();
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      const paragraphs = docstringParagraphs(definition.docstring).flatMap((paragraph) => {
        const named = new Set([...paragraph.text.replace(/<?https?:\/\/\S+/g, '').matchAll(naming)].map((match) => (match[1] ?? '').toLowerCase()));
        return named.size === 1 ? [{ ...paragraph, named: [...named][0] ?? '' }] : [];
      });
      if (new Set(paragraphs.map((paragraph) => paragraph.named)).size < 2) continue;
      for (const paragraph of paragraphs) {
        const implementation = words.get(paragraph.named) ?? '';
        facts.push(fact({ path: file.path, line: paragraph.line }, 'docstringOnImplementation', SymbolId.label(symbol), SymbolId.label(implementation), paragraph.text));
        // What the code of the implementation shows beside the authors' words: a check and a write that are two steps.
        if (!checked.has(implementation)) facts.push(...readThenWriteFacts(context, implementation));
        checked.add(implementation);
      }
    }
  }
  return facts.length ? [answerPart(say('comparingDocstringsTopic', SymbolId.label(contract.base)), facts, undefined, MAX_COMPARING)] : [];
}

/** The callees a condition calls, as written before each `(` (`self._get` in `await self._get(key) == value`). */
function calledIn(text: string): string[] {
  const callees: string[] = [];
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    let start = at;
    while (start > 0 && /[\w.]/.test(text[start - 1] ?? '')) start--;
    if (start < at) callees.push(text.slice(start, at));
  }
  return callees;
}

/**
 * The methods of a class that write a key under a test of what an awaited call read
 * (`if await self._get(key) == value: await self.client.delete([key])`): the event loop can run
 * another task at the `await`, and a store another client, between the read and the write.
 */
function readThenWriteFacts(context: AnswerContext, classSymbol: string): AnswerFact[] {
  const verb = (callee: string) => (callee.split('.').pop() ?? '').replace(/^_+/, '');
  return context.index.methodsOf(classSymbol).flatMap(({ symbol, definition }) => {
    const write = definition.calls?.find((call) => {
      const condition = call.condition ?? '';
      const reads = calledIn(condition).map(verb);
      return condition.includes('await ') && reads.some((read) => context.frameworks.readCalls.has(read)) && context.frameworks.writeCalls.has(verb(call.callee));
    });
    return write ? [fact({ path: SymbolId.parse(symbol).path, line: write.line }, 'readThenWrite', SymbolId.label(symbol), write.condition ?? '', write.callee)] : [];
  });
}

/** A default written as a module constant (`heartbeat_timeout=DEFAULT_HEARTBEAT_TIMEOUT`), told with the number it stands for: ` (60000)`. */
function constantValue(context: AnswerContext, path: string, written: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(written)) return '';
  const symbol = context.index.resolve(path, written);
  const shape = symbol ? context.index.definition(symbol)?.shape : undefined;
  return shape?.kind === 'number' ? ` (${shape.value})` : '';
}

/** A constructor default longer than this is left out of the options fact: the parameter's name is told alone. */
const MAX_DEFAULT_SHOWN = 40;

/**
 * What each implementation's docstring documents that the interface's does not, nor every
 * implementation alike: its own options and defaults (`maxsize`: "None for unlimited";
 * `dead_message_ttl`), where the code says how it behaves beyond its methods.
 */
function implementationDocumentation(context: AnswerContext, contract: Contract): { implementation: string; item: DocumentedItem }[] {
  return memo(context, `documented ${contract.base}`, () => {
    const { index } = context;
    const inherited = documentedItems(index.definition(contract.base)?.docstring);
    const byImplementation = contract.implementations.map((implementation) => ({ implementation, items: documentedItems(index.definition(implementation)?.docstring) }));
    const documenting = byImplementation.filter(({ items }) => items.length);
    const sharedByAll = (item: DocumentedItem) => documenting.length > 1 && documenting.every(({ items }) => items.some((other) => other.name === item.name && sameDocumentation(other.text, item.text)));
    return byImplementation.flatMap(({ implementation, items }) =>
      items.filter((item) => !inherited.some((other) => other.name === item.name && sameDocumentation(other.text, item.text)) && !sharedByAll(item)).map((item) => ({ implementation, item })),
    );
  });
}

/** The implementations' own documented options, a part only when one documents any: the constructors are told in the trade-offs either way. */
function documentedOptionsPart(context: AnswerContext, contract: Contract): AnswerPart[] {
  const facts = implementationDocumentation(context, contract).map(({ implementation, item }) => documentedOptionFact(context, implementation, item));
  return facts.length ? [answerPart(say('documentedOptionsTopic', SymbolId.label(contract.base)), facts)] : [];
}

/** What an implementation documents of an option, or, when no constructor it is made through takes the option, that the docstring does not match the code. */
function documentedOptionFact(context: AnswerContext, implementation: string, item: DocumentedItem): AnswerFact {
  const location = { path: SymbolId.parse(implementation).path, line: item.line };
  const constructors = item.parameter ? constructorsNotTaking(context, implementation, item.name) : undefined;
  return constructors ? fact(location, 'documentsOptionNotTaken', SymbolId.label(implementation), item.name, constructors) : fact(location, 'documentsOption', SymbolId.label(implementation), item.name, item.text);
}

/**
 * The constructors an implementation is made through, as signatures (`MemcachedCache(host, port,
 * **kwargs) → BaseCache(serializer, timeout)`), when none takes a keyword of this name: its own,
 * then, while a constructor passes the keywords it does not name on to its base's
 * (`super().__init__(**kwargs)`), the workspace base's. Undefined when one takes it, or when the
 * code cannot tell: a constructor that reads its keywords by name (`kwargs.pop("maxsize")`),
 * hands them to no base's constructor, or to one outside the workspace.
 */
function constructorsNotTaking(context: AnswerContext, implementation: string, name: string): string | undefined {
  const { index } = context;
  const signatures: string[] = [];
  for (const owner of [implementation, ...index.ancestry(implementation).classes]) {
    const constructor = index.definition(`${owner}.__init__`);
    if (!constructor) continue;
    const parameters = (constructor.parameters ?? []).slice(1);
    if (parameters.some((parameter) => parameter.name === name && !parameter.splat)) return undefined;
    signatures.push(`${SymbolId.label(owner)}(${parameters.map((parameter) => `${parameter.splat === 'keywords' ? '**' : parameter.splat === 'positional' ? '*' : ''}${parameter.name}`).join(', ')})`);
    const keywords = parameters.find((parameter) => parameter.splat === 'keywords');
    if (!keywords) return signatures.join(' → ');
    const calls = constructor.calls ?? [];
    if (calls.some((call) => call.callee.startsWith(`${keywords.name}.`)) || !calls.some((call) => call.callee.endsWith('.__init__'))) return undefined;
  }
  return undefined;
}

/** Documented options that bound what an implementation holds or keeps: sizes, limits, lifetimes. */
const BOUND_NAME = /max|size|limit|capacity|ttl|expir|evict|prefetch|pool/i;
const BOUND_TEXT = /unlimited|unbounded|evict|maximum|at most|kept .* for|expire/i;

/**
 * What bounds the memory an implementation holds, as the interface and the implementations
 * document it (`maxsize`: "None for unlimited"): what a reader checks before asking whether
 * memory grows; the growth itself is measured by running.
 */
export function documentedBoundsAnswer(context: AnswerContext): AnswerPart[] {
  const contract = keyContracts(context)[0];
  const central = contract ? undefined : centralClass(context);
  if (central) {
    // No interface: what the class studied in its place documents of its own bounds (a worker's `max_jobs`, `queue_read_limit`).
    const own = interfaceDocumented(context, { base: central.symbol, implementations: [], methods: [] }, BOUND_NAME);
    return own.length ? [answerPart(say('classBoundsTopic', SymbolId.label(central.symbol)), own)] : [];
  }
  if (!contract) return [];
  const bounds = (item: DocumentedItem) => BOUND_NAME.test(item.name) || BOUND_TEXT.test(item.text);
  const facts = [
    ...interfaceDocumented(context, contract, BOUND_NAME),
    ...implementationDocumentation(context, contract)
      .filter(({ item }) => bounds(item))
      .map(({ implementation, item }) => documentedOptionFact(context, implementation, item)),
  ];
  return facts.length ? [answerPart(say('documentedBoundsTopic', SymbolId.label(contract.base)), facts)] : [];
}

/** The public methods an implementation has (itself or through a class between it and the interface) that the interface does not declare. */
function methodsBeyondContract(context: AnswerContext, contract: Contract, implementation: string): string[] {
  const { index } = context;
  const declared = new Set(contract.methods.map((method) => method.name));
  const owners: string[] = [];
  for (const owner of [implementation, ...index.ancestry(implementation).classes]) {
    if (owner === contract.base) break;
    owners.push(owner);
  }
  const names = owners.flatMap((owner) => index.methodsOf(owner).map((method) => method.name));
  return [...new Set(names)].filter((name) => !declared.has(name) && !name.startsWith('_') && name !== 'constructor');
}

/**
 * The methods every implementation (two at least) defines though the interface does not declare
 * them: a convention the code keeps without stating it, which a new implementation must keep too
 * when code calls them; those nothing but tests calls are told apart, as leftovers.
 */
function sharedConventionFacts(context: AnswerContext, contract: Contract, shown: string | undefined): AnswerFact[] {
  if (contract.implementations.length < 2 || !shown) return [];
  const [first, ...rest] = contract.implementations.map((implementation) => methodsBeyondContract(context, contract, implementation));
  const shared = (first ?? []).filter((name) => rest.every((names) => names.includes(name)));
  const used = shared.filter((name) => calledOutsideTests(context, name));
  const unused = shared.filter((name) => !used.includes(name));
  const at = (names: string[]) => {
    const [name = ''] = names;
    const definer = [shown, ...context.index.ancestry(shown).classes].find((owner) => context.index.definition(`${owner}.${name}`)) ?? shown;
    return locationOf(context.index, `${definer}.${name}`);
  };
  return [
    ...(used.length ? [fact(at(used), 'sharedConvention', SymbolId.label(contract.base), used.join(', '))] : []),
    ...(unused.length ? [fact(at(unused), 'sharedConventionUnused', SymbolId.label(contract.base), unused.join(', '))] : []),
  ];
}

/** Whether code other than tests calls a method of this name (`X.parse_uri_path(...)`, `self.flush()`): a convention nothing calls is a leftover, not a step. */
function calledOutsideTests(context: AnswerContext, name: string): boolean {
  const callers = memo(context, 'methods called outside tests', () => {
    const names = new Set<string>();
    for (const file of context.index.files()) {
      if (isTestPath(file.path) || layerOfPath(context.result, file.path) === 'test') continue;
      for (const definition of file.symbols) for (const call of definition.calls ?? []) names.add(call.callee.slice(call.callee.lastIndexOf('.') + 1));
    }
    return names;
  });
  return callers.has(name);
}

/** The modules outside the workspace a file imports (top-level names: `redis`, `asyncpg`, `@aws-sdk/client-s3`), with the first line that does. */
function outsideImports(context: AnswerContext, path: string): { module: string; line: number }[] {
  const file = context.index.file(path);
  const found: { module: string; line: number }[] = [];
  for (const statement of file?.imports ?? []) {
    if (statement.level > 0 || statement.module.startsWith('.') || context.index.moduleFile(statement.module)) continue;
    const names = statement.names.length ? statement.names.map((name) => name.alias ?? name.name) : [statement.alias ?? statement.module.split('.')[0] ?? ''];
    if (names.some((name) => name !== '*' && context.index.resolve(path, name))) continue; // a workspace module after all
    const module = topLevelModule(statement.module);
    // The standard library is everyone's: `logging` or `node:fs` sets no implementation apart.
    if (context.frameworks.standardModules.has(module.replace(/^node:/, ''))) continue;
    if (module && !found.some((entry) => entry.module === module)) found.push({ module, line: statement.line });
  }
  return found;
}

function topLevelModule(module: string): string {
  const parts = module.split(module.startsWith('@') || module.includes('/') ? '/' : '.');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? module);
}
