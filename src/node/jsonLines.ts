import { Turns } from '../core/nextTurn';

/**
 * Files the editor's thread reads and writes whole (the facts cache, the kept result) as lines of
 * JSON, each made and parsed in turns: one `JSON.parse` of saleor's 38 MB facts cache held the
 * thread for 0.3–0.6 s at every warm start, and one `JSON.stringify` of it for 0.2 s.
 */
export async function toJsonLines(values: Iterable<unknown>): Promise<string[]> {
  const turns = new Turns();
  const lines: string[] = [];
  for (const value of values) {
    if (turns.due()) await turns.next();
    lines.push(JSON.stringify(value));
  }
  return lines;
}

/**
 * Calls `each` with every line's value in turn, each line decoded on its own (decoding a 38 MB file
 * at once is itself a long step); a line that is not JSON throws (the caller decides what a damaged
 * file means).
 */
export async function forEachJsonLine(bytes: Buffer, each: (value: unknown) => void, from = 0): Promise<void> {
  const turns = new Turns();
  for (let start = from; start < bytes.length; ) {
    if (turns.due()) await turns.next();
    const found = bytes.indexOf(NEWLINE, start);
    const end = found < 0 ? bytes.length : found;
    if (end > start) each(JSON.parse(bytes.toString('utf8', start, end)));
    start = end + 1;
  }
}

/** Where the first line ends, and its value. */
export function firstLine(bytes: Buffer): { value: unknown; next: number } {
  const found = bytes.indexOf(NEWLINE);
  const end = found < 0 ? bytes.length : found;
  return { value: JSON.parse(bytes.toString('utf8', 0, end)), next: end + 1 };
}

const NEWLINE = 0x0a;

/** Array fields are written this many items to a line: lines of tens of megabytes would be one parse again. */
const ITEMS_PER_LINE = 256;

/** An object's fields as values for lines: `[field, value]`, arrays as `[field, items, true]` in pieces, then `["end"]`. */
export function* fieldsInPieces(object: object): Generator<unknown> {
  for (const [field, value] of Object.entries(object)) {
    if (!Array.isArray(value)) {
      yield [field, value];
      continue;
    }
    for (let start = 0; start === 0 || start < value.length; start += ITEMS_PER_LINE) yield [field, value.slice(start, start + ITEMS_PER_LINE), true];
  }
  yield ['end'];
}

/** The object `fieldsInPieces` wrote from `from` on, or undefined when its end is missing (a file cut short). */
export async function objectFromPieces(bytes: Buffer, from: number): Promise<Record<string, unknown> | undefined> {
  const object: Record<string, unknown> = {};
  let ended = false;
  await forEachJsonLine(bytes, (value) => {
    const [field, content, piece] = value as [string, unknown, boolean | undefined];
    if (field === 'end') ended = true;
    else if (piece) ((object[field] ??= []) as unknown[]).push(...(content as unknown[]));
    else object[field] = content;
  }, from);
  return ended ? object : undefined;
}
