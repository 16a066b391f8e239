import { SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** Constants defined from constants deeper than this are not followed (a cycle, in practice). */
export const MAX_CONSTANT_DEPTH = 6;

/**
 * A string the code states in Java or Go, as written in `path`: a literal (`"/orders"`,
 * `` `/orders` ``), a constant (`BY_ID`, `ApiPaths.ORDERS`, `api.Prefix`), or a concatenation of
 * them (`BASE + "/orders"`), each constant read where it is defined. Undefined when a piece is not
 * a constant the workspace defines (a call, a field set at run time).
 */
export function constantText(index: SymbolIndex, path: string, written: string, depth = 0): string | undefined {
  if (depth > MAX_CONSTANT_DEPTH) return undefined;
  let text = '';
  for (const piece of concatenated(written)) {
    const literal = /^"((?:[^"\\]|\\.)*)"$|^`([^`]*)`$/.exec(piece);
    if (literal) {
      text += literal[1] ?? literal[2] ?? '';
      continue;
    }
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(piece)) return undefined;
    const target = index.qualify(path, piece);
    const definition = target && 'symbol' in target ? index.definition(target.symbol) : undefined;
    if (!target || !('symbol' in target) || definition?.kind !== 'variable') return undefined;
    const value = definition.literal ?? (definition.shape?.kind === 'other' ? constantText(index, SymbolId.parse(target.symbol).path, definition.shape.text, depth + 1) : undefined);
    if (value === undefined) return undefined;
    text += value;
  }
  return text;
}

/**
 * A route prefix as far as the code states it: the pieces `constantText` reads, the others left
 * out (`conf.APIBaseURL + "/answer/api/v1"` → `/answer/api/v1`: a base URL read from settings at
 * run time is no part of what the code says).
 */
export function statedText(index: SymbolIndex, path: string, written: string): string {
  return concatenated(written)
    .map((piece) => constantText(index, path, piece) ?? '')
    .join('');
}

/** `A + "/x" + B` → `A`, `"/x"`, `B`: split at the `+` outside string literals and parentheses. */
function concatenated(written: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quote = '';
  let depth = 0;
  for (let at = 0; at < written.length; at++) {
    const character = written[at] as string;
    if (quote) {
      if (character === '\\' && quote === '"') {
        current += character + (written[at + 1] ?? '');
        at++;
        continue;
      }
      if (character === quote) quote = '';
    } else if (character === '"' || character === '`') quote = character;
    else if (character === '(') depth++;
    else if (character === ')') depth--;
    else if (character === '+' && depth === 0) {
      pieces.push(current.trim());
      current = '';
      continue;
    }
    current += character;
  }
  pieces.push(current.trim());
  return pieces;
}
