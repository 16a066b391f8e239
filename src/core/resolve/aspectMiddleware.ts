import { type Finding, type Route, SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** The designators of AspectJ's pointcut language that select join points by where they are or what they wear. */
const DESIGNATORS = ['@annotation', '@within', '@target', 'execution', 'within'] as const;
type Designator = (typeof DESIGNATORS)[number];

/** A route handler as a pointcut sees it: its class's qualified name, its own name, and the annotations on each. */
interface JoinPoint {
  type: string;
  method: string;
  methodAnnotations: readonly string[][];
  typeAnnotations: readonly string[][];
}

/**
 * An `@Aspect` class whose advice runs around route handlers is middleware: Spring AOP weaves the
 * advice around each call of the methods its pointcut selects, so an `@Around("@annotation(Log)")`
 * on controller methods, or `execution(* com.acme.web..*.*(..))`, runs around those requests.
 * The pointcut is read as written (named `@Pointcut` methods of the aspect followed) and each of its
 * `@annotation`, `@within`, `@target`, `execution` and `within` designators is tried on the
 * handlers; one that selects a handler makes the aspect middleware. Advice on services or
 * repositories (`within(@Repository *)`) selects no handler and stays a decorator only.
 */
export function aspectMiddleware(index: SymbolIndex, findings: readonly Finding[], routes: readonly Route[], pointcutAnnotations: ReadonlySet<string>): Finding[] {
  const advice = findings.filter((finding) => finding.details.rule === 'aspect-advice' && typeof finding.details.pointcut === 'string');
  if (advice.length === 0 || routes.length === 0) return [];
  const joinPoints = [...new Set(routes.map((route) => route.handler))].flatMap((handler) => joinPointOf(index, handler) ?? []);
  const byAspect = new Map<string, string[]>();
  for (const finding of advice) {
    const { path, name } = SymbolId.parse(finding.symbol);
    const aspect = SymbolId.of(path, name.slice(0, name.lastIndexOf('.')));
    const expression = expanded(index, aspect, String(finding.details.pointcut), pointcutAnnotations);
    if (!joinPoints.some((joinPoint) => selects(expression, joinPoint))) continue;
    byAspect.set(aspect, [...(byAspect.get(aspect) ?? []), expression]);
  }
  const middleware: Finding[] = [];
  for (const [aspect, pointcuts] of byAspect) {
    const definition = index.definition(aspect);
    if (!definition) continue;
    middleware.push({ category: 'middleware', symbol: aspect, range: definition.range, layer: '', details: { rule: 'aspect-around-handlers', framework: 'spring', pointcut: [...new Set(pointcuts)].join(' || ') } });
  }
  return middleware;
}

function joinPointOf(index: SymbolIndex, handler: string): JoinPoint | undefined {
  const { path, name } = SymbolId.parse(handler);
  const dot = name.lastIndexOf('.');
  const file = index.file(path);
  const method = index.definition(handler);
  const owner = dot > 0 ? index.definition(SymbolId.of(path, name.slice(0, dot))) : undefined;
  if (file?.language !== 'java' || !method || !owner) return undefined;
  const annotations = (written: readonly string[] | undefined) => (written ?? []).map((annotation) => [annotation, ...index.qualifiedNames(path, annotation)]);
  return {
    type: file.packageName ? `${file.packageName}.${name.slice(0, dot)}` : name.slice(0, dot),
    method: name.slice(dot + 1),
    methodAnnotations: annotations(method.decorators),
    typeAnnotations: annotations(owner.decorators),
  };
}

/** The pointcut with each reference to a named pointcut of the aspect (`logPointcut()`) replaced by its expression, a few levels deep. */
function expanded(index: SymbolIndex, aspect: string, expression: string, pointcutAnnotations: ReadonlySet<string>): string {
  const { path } = SymbolId.parse(aspect);
  let text = expression;
  for (let depth = 0; depth < 4; depth++) {
    let changed = false;
    for (const { name, definition } of index.methodsOf(aspect)) {
      const reference = `${name}()`;
      if (!text.includes(reference)) continue;
      const annotation = (definition.decorators ?? []).find((written) => index.qualifiedNames(path, written).some((qualified) => pointcutAnnotations.has(qualified)));
      const argument = annotation ? definition.decoratorCalls?.[annotation]?.args[0] : undefined;
      if (argument === undefined) continue;
      text = text.split(reference).join(`(${unquoted(argument)})`);
      changed = true;
    }
    if (!changed) break;
  }
  return text;
}

function unquoted(literal: string): string {
  return literal.length >= 2 && literal.startsWith('"') && literal.endsWith('"') ? literal.slice(1, -1) : literal;
}

/** Whether any designator of the expression selects the join point (an over-reading of `&&`, which Spring's examples use to bind arguments). */
function selects(expression: string, joinPoint: JoinPoint): boolean {
  return designatorsOf(expression).some(({ designator, argument }) => designatorSelects(designator, argument.trim(), joinPoint));
}

/** Each designator written in the expression with its argument, read by balanced parentheses. */
function designatorsOf(expression: string): { designator: Designator; argument: string }[] {
  const found: { designator: Designator; argument: string }[] = [];
  let i = 0;
  while (i < expression.length) {
    const designator = DESIGNATORS.find((candidate) => expression.startsWith(`${candidate}(`, i) && (i === 0 || !/[\w@.]/.test(expression[i - 1] ?? '')));
    if (!designator) {
      i++;
      continue;
    }
    const open = i + designator.length;
    let depth = 0;
    let close = open;
    for (; close < expression.length; close++) {
      if (expression[close] === '(') depth++;
      else if (expression[close] === ')' && --depth === 0) break;
    }
    found.push({ designator, argument: expression.slice(open + 1, close) });
    i = close + 1;
  }
  return found;
}

function designatorSelects(designator: Designator, argument: string, joinPoint: JoinPoint): boolean {
  switch (designator) {
    case '@annotation':
      return wears(joinPoint.methodAnnotations, argument);
    case '@within':
    case '@target':
      return wears(joinPoint.typeAnnotations, argument);
    case 'within': {
      // `within(@RestController *)`: the type wears the annotation; else a type pattern.
      const [first = '', ...rest] = argument.split(/\s+/);
      if (first.startsWith('@')) return wears(joinPoint.typeAnnotations, first.slice(1)) && typeMatch(rest.join('') || '*', joinPoint.type);
      return typeMatch(argument.replace(/\+$/, ''), joinPoint.type);
    }
    case 'execution': {
      // `[@Annotation] [modifiers] return-type declaring-type.method(parameters) [throws ...]`
      const signature = argument.slice(0, argument.indexOf('(') < 0 ? argument.length : argument.indexOf('(')).trim().split(/\s+/);
      const qualifiedMethod = signature[signature.length - 1] ?? '';
      const annotations = signature.filter((token) => token.startsWith('@')).map((token) => token.slice(1));
      if (!annotations.every((annotation) => wears(joinPoint.methodAnnotations, annotation))) return false;
      return qualifiedMethod.includes('.') ? dottedMatch(qualifiedMethod, `${joinPoint.type}.${joinPoint.method}`) : globMatch(qualifiedMethod, joinPoint.method);
    }
  }
}

/** Whether one of the annotations (each with its qualified names) is the one the pointcut names, qualified or by its simple name. */
function wears(annotations: readonly string[][], named: string): boolean {
  const wanted = named.replace(/\s+/g, '');
  const simple = wanted.slice(wanted.lastIndexOf('.') + 1);
  return annotations.some((names) => names.includes(wanted) || (!wanted.includes('.') && names.some((name) => name.slice(name.lastIndexOf('.') + 1) === simple)));
}

/** A type pattern: dotted, or a simple name (`*`, `*Controller`) matched against the type's own name. */
function typeMatch(pattern: string, type: string): boolean {
  return pattern.includes('.') ? dottedMatch(pattern, type) : globMatch(pattern, type.slice(type.lastIndexOf('.') + 1));
}

/**
 * AspectJ's dotted name patterns: `*` within one segment, `..` any run of segments
 * (`com.acme..*Controller.*`), matched segment by segment in time proportional to their product.
 */
function dottedMatch(pattern: string, name: string): boolean {
  const parts = pattern.split('.');
  const segments = name.split('.');
  // reachable[j]: the pattern so far matches the first j segments.
  let reachable = Array.from({ length: segments.length + 1 }, (_, j) => j === 0);
  for (const part of parts) {
    const next = new Array<boolean>(segments.length + 1).fill(false);
    if (part === '') {
      // the empty part between the two dots of `..`: any run of segments, none included
      let seen = false;
      for (let j = 0; j <= segments.length; j++) {
        seen ||= reachable[j] ?? false;
        next[j] = seen;
      }
    } else {
      for (let j = 0; j < segments.length; j++) if (reachable[j] && globMatch(part, segments[j] ?? '')) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[segments.length] ?? false;
}

/** A glob with `*` only, in one name: the wildcard matching of two pointers, linear in practice. */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
