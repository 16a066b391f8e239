import type { Frameworks } from '../frameworks/frameworks';
import { handlerTablesIn } from '../resolve/handlerTables';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { SymbolId } from '../result';

/** A function that handles a message, and what registers it for the message's class. */
export interface RegisteredHandler {
  handler: string;
  /** The handler table (`path:COMMAND_HANDLERS`) or the bus method (`@nestjs/cqrs.CommandBus.execute`). */
  by: string;
}

/**
 * What a trace follows that no call in the code names: the handlers a handler table or a message
 * bus registers for each message class, and the functions a bootstrap injects into handlers by
 * parameter name. Worked out once per symbol index, from every file.
 */
export interface Indirections {
  /** By message class: the handlers of the workspace's handler tables. */
  tableHandlers: ReadonlyMap<string, readonly RegisteredHandler[]>;
  /** By bus method (`@nestjs/cqrs.CommandBus.execute`), then message class: the handler methods its decorator registers. */
  busHandlers: ReadonlyMap<string, ReadonlyMap<string, RegisteredHandler>>;
  /** By parameter name: the functions a bootstrap's parameter defaults to (`publish: Callable = redis_eventpublisher.publish`). */
  injected: ReadonlyMap<string, readonly { target: string; bootstrap: string }[]>;
  /** Every message class either of them knows. */
  messages: ReadonlySet<string>;
}

const made = new WeakMap<SymbolIndex, Indirections>();

export function indirectionsOf(index: SymbolIndex, frameworks: Pick<Frameworks, 'messageBuses'>): Indirections {
  let found = made.get(index);
  if (!found) made.set(index, (found = findIndirections(index, frameworks)));
  return found;
}

function findIndirections(index: SymbolIndex, frameworks: Pick<Frameworks, 'messageBuses'>): Indirections {
  const tableHandlers = new Map<string, RegisteredHandler[]>();
  const busHandlers = new Map<string, Map<string, RegisteredHandler>>();
  const injected = new Map<string, { target: string; bootstrap: string }[]>();
  const buses = [...frameworks.messageBuses.values()];
  const handlerFunctions = new Set<string>();
  for (const file of index.files()) {
    for (const table of handlerTablesIn(index, file.path)) {
      for (const entry of table.entries) {
        const list = tableHandlers.get(entry.message) ?? [];
        for (const handler of entry.handlers) {
          list.push({ handler, by: table.symbol });
          handlerFunctions.add(handler);
        }
        tableHandlers.set(entry.message, list);
      }
    }
    for (const definition of file.symbols) {
      const symbol = SymbolId.of(file.path, definition.name);
      if (definition.kind === 'class' && buses.length) {
        for (const decorator of definition.decorators) {
          const names = index.qualifiedNames(file.path, decorator);
          for (const bus of buses) {
            if (!names.includes(bus.handlerDecorator)) continue;
            const method = `${symbol}.${bus.handlerMethod}`;
            if (!index.definition(method)) continue;
            for (const written of definition.decoratorCalls?.[decorator]?.args ?? []) {
              const message = index.resolve(file.path, written.trim());
              if (!message) continue;
              let byMessage = busHandlers.get(bus.dispatch);
              if (!byMessage) busHandlers.set(bus.dispatch, (byMessage = new Map<string, RegisteredHandler>()));
              byMessage.set(message, { handler: method, by: bus.dispatch });
            }
          }
        }
      }
      if (definition.kind !== 'function') continue;
      for (const parameter of definition.parameters ?? []) {
        const target = parameter.default && /^[A-Za-z_][\w.]*$/.test(parameter.default) ? index.resolve(file.path, parameter.default) : undefined;
        const kind = target ? index.definition(target)?.kind : undefined;
        if (target && (kind === 'function' || kind === 'method')) injected.set(parameter.name, [...(injected.get(parameter.name) ?? []), { target, bootstrap: symbol }]);
      }
    }
  }
  const messages = new Set([...tableHandlers.keys(), ...[...busHandlers.values()].flatMap((byMessage) => [...byMessage.keys()])]);
  return { tableHandlers, busHandlers, injected: onlyForHandlers(injected, handlerFunctions, index), messages };
}

/**
 * Injection by parameter name holds for the handlers of the tables, whose parameters a bootstrap
 * fills in: a default elsewhere only says what that one function gets when called without it.
 */
function onlyForHandlers(injected: Map<string, { target: string; bootstrap: string }[]>, handlers: ReadonlySet<string>, index: SymbolIndex): Map<string, { target: string; bootstrap: string }[]> {
  const wanted = new Set<string>();
  for (const handler of handlers) for (const parameter of index.definition(handler)?.parameters ?? []) wanted.add(parameter.name);
  return new Map([...injected].filter(([name]) => wanted.has(name)));
}
