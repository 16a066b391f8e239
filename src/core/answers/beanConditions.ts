import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, inScope, locationOf } from './context';
import { say } from './phrases';

/**
 * The conditions a bean exists under, as written: the conditional annotations (the frameworks'
 * `conditionalBeans`: Spring's `@Profile`, `@ConditionalOnProperty`…) on the method that makes it
 * and on its class.
 */
export function beanConditions(context: AnswerContext, symbol: string): string[] {
  const { index } = context;
  const { path } = SymbolId.parse(symbol);
  const owner = SymbolId.owner(symbol);
  const owners = [symbol, ...(owner ? [owner] : [])];
  const conditions: string[] = [];
  for (const owner of owners) {
    const definition = index.definition(owner);
    for (const decorator of definition?.decorators ?? []) {
      if (!index.qualifiedNames(path, decorator).some((qualified) => context.frameworks.conditionalBeans.has(qualified))) continue;
      const call = definition?.decoratorCalls?.[decorator];
      const written = call ? [...call.args, ...Object.entries(call.keywords).map(([key, value]) => `${key} = ${value}`)].join(', ') : '';
      conditions.push(`@${decorator}${call ? `(${written})` : ''}`);
    }
  }
  return conditions;
}

/**
 * How an interface's implementation is chosen: each class (or sub-interface a framework
 * implements, a Spring Data repository) deriving from a workspace interface that the code makes a
 * bean only under a condition (a profile, a property's value), with that condition.
 */
export function conditionalImplementationsAnswer(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (definition.kind !== 'class' || !definition.bases.length) continue;
      const conditions = beanConditions(context, symbol);
      if (!conditions.length) continue;
      for (const base of definition.bases) {
        const target = index.resolve(file.path, base);
        if (target && index.definition(target)?.keywords?.['interface'] === 'true') facts.push(fact(locationOf(index, symbol), 'implementationWhen', SymbolId.label(symbol), SymbolId.label(target), conditions.join(' ')));
      }
    }
  }
  return facts.length ? [answerPart(say('implementationChoiceTopic'), facts)] : [];
}
