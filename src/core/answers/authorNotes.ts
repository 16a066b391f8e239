import { type AnswerFact, SymbolId } from '../result';
import { type AnswerContext, fact } from './context';
import { quote } from './projectDocs';

/** A note is quoted to this length: a comment's reason often follows the sentence that says what the code does. */
const MAX_QUOTED = 320;

/** A note's opening sentences, as many as fit; a trailing colon (the note introduces the code under it) left out. */
function openingSentences(text: string): string {
  const trimmed = text.trimEnd();
  return quote(trimmed.endsWith(':') ? trimmed.slice(0, -1) : trimmed, MAX_QUOTED);
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
