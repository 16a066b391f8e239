import { type AnswerFact, SymbolId } from '../result';
import { type AnswerContext, fact } from './context';

/** Sentences of a note quoted at most, and its length: a comment's reason often follows the sentence that says what the code does. */
const QUOTED_SENTENCES = 3;
const MAX_QUOTED = 320;

/** A note's opening sentences, cut with an ellipsis past the bound; a trailing colon (the note introduces the code under it) left out. */
export function openingSentences(text: string): string {
  const opening = text.split(/(?<=[.!?])\s+/).slice(0, QUOTED_SENTENCES).join(' ').replace(/:$/, '');
  return opening.length > MAX_QUOTED ? `${opening.slice(0, MAX_QUOTED - 1).trimEnd()}…` : opening;
}

/**
 * The authors' comment on a statement of a function: the block of whole-line comments that ends on
 * the line just above it (`# … put both operations inside a transaction:` over `with
 * transaction.atomic():`), quoted by its opening sentences at its first line.
 */
export function commentAbove(context: AnswerContext, symbol: string, line: number): AnswerFact | undefined {
  const note = context.index.definition(symbol)?.notes?.find((candidate) => candidate.kind === 'comment' && candidate.end === line - 1);
  return note ? fact({ path: SymbolId.parse(symbol).path, line: note.line }, 'authorsComment', SymbolId.label(symbol), openingSentences(note.text)) : undefined;
}

/** A function's docstring, quoted by its opening sentences: what its authors say it does and why. */
export function docstringNote(context: AnswerContext, symbol: string): AnswerFact | undefined {
  const note = context.index.definition(symbol)?.notes?.find((candidate) => candidate.kind === 'docstring');
  return note ? fact({ path: SymbolId.parse(symbol).path, line: note.line }, 'authorsDocstring', SymbolId.label(symbol), openingSentences(note.text)) : undefined;
}

/** What the authors say beside a statement: the comment just above it, else the function's docstring. */
export function authorsWhy(context: AnswerContext, symbol: string, line: number): AnswerFact[] {
  const note = commentAbove(context, symbol, line) ?? docstringNote(context, symbol);
  return note ? [note] : [];
}
