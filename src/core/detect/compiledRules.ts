import { CaptureQuantifier, Query, type Language as Grammar, type QueryMatch } from 'web-tree-sitter';
import { type DetectorRule, RuleError } from './rules';

/** The combined query; when it does not compile, each rule alone names the broken one. */
function compiledOrBrokenRule(grammar: Grammar, source: string, rules: readonly DetectorRule[]): Query {
  try {
    return new Query(grammar, source);
  } catch (combinedError) {
    for (const rule of rules) {
      try {
        new Query(grammar, rule.query).delete();
      } catch (error) {
        const offset = (error as { index?: unknown }).index; // web-tree-sitter's QueryError says where
        throw new RuleError(`${rule.source}: ${error instanceof Error ? error.message : String(error)}`, typeof offset === 'number' ? offset : undefined);
      }
    }
    throw combinedError;
  }
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
    // What each rule's patterns capture, read from the one query: compiling a query per rule to check it would slow every worker's start.
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
