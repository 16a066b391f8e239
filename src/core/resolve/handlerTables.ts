import type { ValueShape } from '../parse/facts';
import { SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** A table from message types to the functions that handle them: `HANDLERS = {Allocate: allocate, Allocated: [publish_allocated]}`. */
export interface HandlerTable {
  /** The variable or class attribute that holds it (`path:HANDLERS`, `path:MessageBus.HANDLERS`). */
  symbol: string;
  line: number;
  entries: { message: string; handlers: string[] }[];
}

/**
 * The handler tables a file defines: module variables and class attributes holding a dictionary
 * whose keys are workspace classes and whose values are workspace functions, or lists of them.
 * A dictionary with any other key or value is not one.
 */
export function handlerTablesIn(index: SymbolIndex, path: string): HandlerTable[] {
  const tables: HandlerTable[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind === 'variable' && definition.shape?.kind === 'dict') pushTable(index, path, symbol, definition.range.start.line, definition.shape, tables);
    if (definition.kind !== 'class') continue;
    for (const attribute of definition.attributes ?? []) {
      if (attribute.shape?.kind === 'dict') pushTable(index, path, `${symbol}.${attribute.name}`, attribute.line, attribute.shape, tables);
    }
  }
  return tables;
}

function pushTable(index: SymbolIndex, path: string, symbol: string, line: number, shape: Extract<ValueShape, { kind: 'dict' }>, tables: HandlerTable[]): void {
  const entries: HandlerTable['entries'] = [];
  for (const { key, value } of shape.entries) {
    const message = key.kind === 'name' ? index.resolve(path, key.value) : undefined;
    if (!message || index.definition(message)?.kind !== 'class') return;
    const written = value.kind === 'list' ? value.items : [value];
    const handlers = written.map((item) => (item.kind === 'name' ? index.resolve(path, item.value) : undefined));
    if (!handlers.length || handlers.some((handler) => !handler || !isFunction(index, handler))) return;
    entries.push({ message, handlers: handlers as string[] });
  }
  if (entries.length) tables.push({ symbol: SymbolId.of(path, SymbolId.parse(symbol).name), line, entries });
}

function isFunction(index: SymbolIndex, symbol: string): boolean {
  const kind = index.definition(symbol)?.kind;
  return kind === 'function' || kind === 'method';
}
