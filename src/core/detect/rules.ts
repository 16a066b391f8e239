import { CaptureQuantifier, Query, type Language as Grammar, type QueryMatch } from 'web-tree-sitter';
import type { FindingCategory, Language } from '../result';

/**
 * A detector is a tree-sitter query file with a metadata header of `;; key: value` comments.
 * Built-in detectors (src/core/detect/rules/<language>/) and user detectors go through the same
 * loading path. Captures:
 * - `@finding` (required): the node whose range the finding takes. A class or function definition
 *   names the finding after itself; an assignment after its target.
 * - `@symbol`: a name (identifier or dotted) that the finding is about, when the `@finding` node is
 *   not a definition (`app.add_middleware(CORSMiddleware)`).
 * - `(#set! symbol "anonymous")` names the finding after its own line, not the function around it
 *   (an inline handler).
 * - other names become `details` of the finding; names starting with `_` only serve predicates.
 */
export interface DetectorRule {
  id: string;
  language: Language;
  /** What the rule finds; a rule with a `hint` instead feeds a resolver and is not reported itself. */
  category?: FindingCategory;
  /** For the resolvers: `router`, `include`, `viewset`, … */
  hint?: string;
  /**
   * The finding stands only if the name in this capture resolves, through the file's imports, to
   * one of these qualified names (`path` must be `django.urls.path`, not `os.path`).
   */
  qualifies?: { capture: string; names: string[] };
  description: string;
  /** Matches nested inside another match of the same rule are dropped (a decorator factory's inner decorator). */
  outermost?: boolean;
  /** The framework or library the pattern belongs to, when it belongs to one. */
  framework?: string;
  query: string;
  /** Where the rule came from, for error messages. */
  source: string;
}

export interface RuleFile {
  /** For messages and the default id: `python/fastapi-route.scm`. */
  name: string;
  text: string;
}

const CATEGORIES: ReadonlySet<string> = new Set<FindingCategory>([
  'middleware', 'decorator', 'signal', 'receiver', 'manager', 'model', 'repository', 'interface', 'route', 'task', 'event', 'transaction', 'error-handler', 'error-response',
]);

export class RuleError extends Error {}

/** The combined query; when it does not compile, each rule alone names the broken one. */
function compiledOrBrokenRule(grammar: Grammar, source: string, rules: readonly DetectorRule[]): Query {
  try {
    return new Query(grammar, source);
  } catch (combinedError) {
    for (const rule of rules) {
      try {
        new Query(grammar, rule.query).delete();
      } catch (error) {
        throw new RuleError(`${rule.source}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw combinedError;
  }
}

export function parseRuleFile(file: RuleFile, language: Language): DetectorRule {
  const header = new Map<string, string>();
  for (const line of file.text.split('\n')) {
    const match = /^\s*;;\s*([a-z-]+):\s*(.*?)\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) header.set(match[1], match[2]);
    else if (line.trim() && !line.trim().startsWith(';')) break;
  }
  const category = header.get('category');
  const hint = header.get('hint');
  if (hint ? category !== undefined : !category || !CATEGORIES.has(category)) {
    throw new RuleError(`${file.name}: the header needs either ';; category: <${[...CATEGORIES].join('|')}>' or ';; hint: <name>', found '${category ?? hint ?? ''}'`);
  }
  const baseName = file.name.slice(file.name.lastIndexOf('/') + 1).replace(/\.scm$/, '');
  const framework = header.get('framework');
  const [capture, ...names] = (header.get('qualifies') ?? '').split(/\s+/).filter(Boolean);
  if (capture && !names.length) throw new RuleError(`${file.name}: ';; qualifies: <capture> <qualified name>...' needs at least one name`);
  return {
    id: header.get('id') ?? baseName,
    language,
    ...(category ? { category: category as FindingCategory } : {}),
    ...(hint ? { hint } : {}),
    ...(capture ? { qualifies: { capture, names } } : {}),
    description: header.get('description') ?? '',
    ...(header.get('outermost') === 'true' ? { outermost: true } : {}),
    ...(framework ? { framework } : {}),
    query: file.text,
    source: file.name,
  };
}

/**
 * All rules of one language compiled into one query, with the patterns the language's syntax
 * extraction reads after them (calls, assignments, scopes, imports): each file's tree is walked by
 * one query cursor, not one per query (a walk costs about a fifth of the parse).
 */
export class CompiledRules {
  private constructor(
    readonly query: Query,
    /** The rule of each pattern of the combined query, by pattern index; the syntax's patterns come after. */
    private readonly ruleByPattern: readonly DetectorRule[],
  ) {}

  static compile(grammar: Grammar, rules: readonly DetectorRule[], syntaxQuery = ''): CompiledRules {
    const offsets: number[] = []; // in bytes, as tree-sitter reports pattern starts
    const encoder = new TextEncoder();
    let combined = '';
    let combinedBytes = 0;
    for (const rule of rules) {
      offsets.push(combinedBytes);
      combined += `${rule.query}\n`;
      combinedBytes += encoder.encode(`${rule.query}\n`).length;
    }
    const query = compiledOrBrokenRule(grammar, combined + syntaxQuery, rules);
    const ruleByPattern: DetectorRule[] = [];
    let ruleIndex = 0;
    for (let pattern = 0; pattern < query.patternCount(); pattern++) {
      const start = query.startIndexForPattern(pattern);
      if (start >= combinedBytes) break; // the syntax's
      while (ruleIndex + 1 < rules.length && (offsets[ruleIndex + 1] ?? Infinity) <= start) ruleIndex++;
      ruleByPattern.push(rules[ruleIndex] as DetectorRule);
    }
    // What each rule's patterns capture, read from the one query (a query per rule to check it cost a worker 60 ms to start).
    const captures = (rule: DetectorRule, name: string) => {
      const capture = query.captureNames.indexOf(name);
      return capture >= 0 && ruleByPattern.some((owner, pattern) => owner === rule && (query.captureQuantifiers[pattern]?.[capture] ?? CaptureQuantifier.Zero) !== CaptureQuantifier.Zero);
    };
    for (const rule of rules) {
      if (!captures(rule, 'finding')) throw new RuleError(`${rule.source}: the query needs a @finding capture`);
      if (rule.qualifies && !captures(rule, rule.qualifies.capture)) throw new RuleError(`${rule.source}: 'qualifies' names @${rule.qualifies.capture}, which the query does not capture`);
    }
    return new CompiledRules(query, ruleByPattern);
  }

  ruleOf(patternIndex: number): DetectorRule {
    const rule = this.ruleByPattern[patternIndex];
    if (!rule) throw new RuleError(`no rule for pattern ${patternIndex}`);
    return rule;
  }

  /** Whether a match is of a rule's pattern, not of the syntax's. */
  isRuleMatch(match: QueryMatch): boolean {
    return match.patternIndex < this.ruleByPattern.length;
  }
}
