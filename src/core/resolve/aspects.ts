import type { Finding, MiddlewareFinding, Route } from '../result';
import { SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/**
 * AspectJ's pointcut designator of the join points whose method wears an annotation: `@annotation(com.acme.Logged)`,
 * or `@annotation(logged)` naming a parameter of the advice, whose type is the annotation (Spring's reference,
 * "Passing Parameters to Advice").
 */
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
    for (const annotation of index.definition(handler)?.decorators ?? []) for (const name of annotationNames(index, path, annotation)) worn.add(name);
  }
  const found = new Map<string, MiddlewareFinding>();
  for (const finding of advice) {
    const aspect = SymbolId.owner(finding.symbol) ?? finding.symbol;
    if (found.has(aspect)) continue;
    const annotation = annotationOf(index, aspect, pointcutOf(finding) ?? '', finding.symbol);
    const names = annotation ? annotationNames(index, SymbolId.parse(aspect).path, annotation) : [];
    const definition = index.definition(aspect);
    if (!names.some((name) => worn.has(name)) || !definition) continue;
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

/**
 * An annotation as the workspace symbol it resolves to, or as the qualified names it may stand for when it
 * comes from a library (Shiro's `@RequiresPermissions`).
 */
function annotationNames(index: SymbolIndex, path: string, annotation: string): readonly string[] {
  const symbol = index.resolve(path, annotation);
  return symbol ? [symbol] : index.qualifiedNames(path, annotation);
}

/** The annotation a pointcut matches methods by, through the aspect's `@Pointcut` method when it names one, or the type of the advice's parameter it binds. */
function annotationOf(index: SymbolIndex, aspect: string, pointcut: string, advice: string): string | undefined {
  const named = NAMED_POINTCUT.exec(pointcut)?.[1];
  if (named === undefined) {
    const written = ANNOTATION_POINTCUT.exec(pointcut)?.[1];
    const bound = written === undefined || written.includes('.') ? undefined : index.definition(advice)?.parameters?.find((parameter) => parameter.name === written)?.annotation;
    return bound ?? written;
  }
  const declared = Object.entries(index.definition(`${aspect}.${named}`)?.decoratorCalls ?? {}).find(([name]) => /(^|\.)Pointcut$/.test(name))?.[1].args[0];
  return declared ? ANNOTATION_POINTCUT.exec(declared.replace(/^"|"$/g, '').trim())?.[1] : undefined;
}
