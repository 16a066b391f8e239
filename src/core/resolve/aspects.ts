import type { Finding, MiddlewareFinding, Route } from '../result';
import { SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** AspectJ's pointcut designator of the join points whose method wears an annotation: `@annotation(com.acme.Logged)`. */
const ANNOTATION_POINTCUT = /^@annotation\(\s*([\w.]+)\s*\)$/;

/** A pointcut named after a `@Pointcut` method of the aspect: `logged()`. */
const NAMED_POINTCUT = /^(\w+)\(\)$/;

/**
 * AOP advice around a group of routes is their middleware: an `@Aspect` class whose advice
 * (the aspect-advice detector's findings, with their pointcut) matches methods wearing an
 * annotation — `@annotation(X)`, written on the advice or on the `@Pointcut` method it names
 * (Spring's reference, "Declaring a Pointcut" and "Supported Pointcut Designators") — that the
 * handlers of routes wear. It runs around each request those routes answer, as a filter would.
 */
export function aspectMiddleware(index: SymbolIndex, findings: readonly Finding[], routes: readonly Route[]): MiddlewareFinding[] {
  const advice = findings.filter((finding) => finding.category === 'decorator' && typeof pointcutOf(finding) === 'string');
  if (!advice.length || !routes.length) return [];
  const worn = new Set<string>();
  for (const { handler } of new Set(routes)) {
    const { path } = SymbolId.parse(handler);
    for (const annotation of index.definition(handler)?.decorators ?? []) {
      const symbol = index.resolve(path, annotation);
      if (symbol) worn.add(symbol);
    }
  }
  const found = new Map<string, MiddlewareFinding>();
  for (const finding of advice) {
    const aspect = SymbolId.owner(finding.symbol) ?? finding.symbol;
    if (found.has(aspect)) continue;
    const annotation = annotationOf(index, aspect, pointcutOf(finding) ?? '');
    const symbol = annotation ? index.resolve(SymbolId.parse(aspect).path, annotation) : undefined;
    const definition = index.definition(aspect);
    if (!symbol || !worn.has(symbol) || !definition) continue;
    const advised = detailOf(finding, 'advice');
    found.set(aspect, { category: 'middleware', symbol: aspect, range: definition.range, layer: '', details: { rule: 'aspect-middleware', framework: 'spring', ...(advised ? { decorator: advised } : {}) } });
  }
  return [...found.values()];
}

function pointcutOf(finding: Finding): string | undefined {
  return detailOf(finding, 'pointcut')?.trim();
}

/** A detail a detector's capture gave the finding (the advice rule's `advice` and `pointcut`), when it is text. */
function detailOf(finding: Finding, key: string): string | undefined {
  const value: unknown = (finding.details as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** The annotation a pointcut matches methods by, through the aspect's `@Pointcut` method when it names one. */
function annotationOf(index: SymbolIndex, aspect: string, pointcut: string): string | undefined {
  const named = NAMED_POINTCUT.exec(pointcut)?.[1];
  if (named === undefined) return ANNOTATION_POINTCUT.exec(pointcut)?.[1];
  const declared = Object.entries(index.definition(`${aspect}.${named}`)?.decoratorCalls ?? {}).find(([name]) => /(^|\.)Pointcut$/.test(name))?.[1].args[0];
  return declared ? ANNOTATION_POINTCUT.exec(declared.replace(/^"|"$/g, '').trim())?.[1] : undefined;
}
