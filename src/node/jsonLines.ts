import { createReadStream } from 'node:fs';
import { Turns } from '../core/nextTurn';

/**
 * Files the editor's thread reads and writes whole (the facts cache, the kept result) as lines of
 * JSON, each made and parsed in turns: one `JSON.parse` or `JSON.stringify` of a large cache holds
 * the thread for as long as it takes. The lines are made as they are written, so that they are
 * never all in memory at once.
 */
export async function* jsonLines(values: Iterable<unknown>): AsyncGenerator<string> {
  const turns = new Turns();
  for (const value of values) {
    if (turns.due()) await turns.next();
    yield JSON.stringify(value);
  }
}

/**
 * Calls `each` with every line's value in turn, the bytes taken a piece at a time and each line
 * decoded on its own: a file read whole stays in memory until collected, and decoding it at once
 * is itself a long step. With `header`, the first
 * line goes to it instead, and the rest is read only if it says so. A line that is not JSON throws
 * (the caller decides what a damaged file means).
 */
export async function forEachJsonLine(pieces: AsyncIterable<Buffer> | Iterable<Buffer>, each: (value: unknown) => void, header?: (value: unknown) => boolean): Promise<void> {
  const turns = new Turns();
  let partial: Buffer[] = [];
  let expectingHeader = header !== undefined;
  /** Whether to read on. */
  const take = (bytes: Buffer): boolean => {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (!expectingHeader) each(value);
    else if (!header?.(value)) return false;
    expectingHeader = false;
    return true;
  };
  for await (const piece of pieces) {
    let start = 0;
    for (let found = piece.indexOf(NEWLINE); found >= 0; found = piece.indexOf(NEWLINE, start)) {
      if (turns.due()) await turns.next();
      const bytes = partial.length ? Buffer.concat([...partial, piece.subarray(start, found)]) : piece.subarray(start, found);
      partial = [];
      start = found + 1;
      if (bytes.length > 0 && !take(bytes)) return;
    }
    if (start < piece.length) partial.push(piece.subarray(start));
  }
  const last = Buffer.concat(partial);
  if (last.length > 0) take(last);
}

/** A file's bytes, a megabyte at a time (a missing or unreadable file throws when read). */
export function piecesOf(file: string): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
}

const NEWLINE = 0x0a;

/** Array fields are written this many items to a line: lines of tens of megabytes would be one parse again. */
const ITEMS_PER_LINE = 256;

/**
 * An object's fields as values for lines: `[field, value]`, arrays as `[field, items, true]` in
 * pieces, then `["end", pieces]` with how many came before it (a line lost is then seen).
 */
export function* fieldsInPieces(object: object): Generator<unknown> {
  let pieces = 0;
  for (const [field, value] of Object.entries(object)) {
    if (!Array.isArray(value)) {
      pieces++;
      yield [field, value];
      continue;
    }
    for (let start = 0; start === 0 || start < value.length; start += ITEMS_PER_LINE) {
      pieces++;
      yield [field, value.slice(start, start + ITEMS_PER_LINE), true];
    }
  }
  yield ['end', pieces];
}

/** The object `fieldsInPieces` wrote, put together again from its lines' values. */
export class ObjectFromPieces {
  private readonly fields: Record<string, unknown> = {};
  private pieces = 0;
  /** How many pieces the end line says were written; undefined until it comes. */
  private written: unknown;

  add(value: unknown): void {
    if (!Array.isArray(value) || typeof value[0] !== 'string') throw new Error('a line that is no piece of an object');
    const [field, content, piece] = value as [string, unknown, boolean | undefined];
    if (field === 'end') {
      this.written = content;
      return;
    }
    this.pieces++;
    if (!piece) this.fields[field] = content;
    else if (Array.isArray(content)) ((this.fields[field] ??= []) as unknown[]).push(...(content as unknown[]));
    else throw new Error(`a piece of "${field}" that is no list`);
  }

  /** What is wrong with what was read: cut short (no end line), or lines lost or added. */
  get problem(): string | undefined {
    if (this.written === undefined) return 'cut short';
    return this.written === this.pieces ? undefined : `${this.pieces} lines where ${JSON.stringify(this.written)} were written`;
  }

  /** The object, or undefined when it is not whole (see `problem`). */
  get object(): Record<string, unknown> | undefined {
    return this.problem ? undefined : this.fields;
  }
}
