import type { RuleRole } from '../knowledge/documents';
import type { Turns } from '../nextTurn';
import { type Finding, SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';
import { afterLast } from '../text';

/** The role of a rule whose tasks are queued by calling them (huey: "calling a task function enqueues it"). */
const CALL_ENQUEUES: RuleRole = 'call-enqueues';

/**
 * The places that queue a task by calling it (`send_receipt(order.id)`), or one of the methods its
 * rule names (`enqueueMethods`: `send_receipt.schedule(...)`): found from the tasks, through the
 * calls the workspace's functions make that resolve to one, so that nothing is read unless a rule
 * of that role found a task. A Celery task, whose call runs it in place, has no such role.
 */
export async function enqueuingCalls(index: SymbolIndex, findings: readonly Finding[], ruleRoles: ReadonlyMap<string, RuleRole>, turns: Turns): Promise<Finding[]> {
  const tasks = new Map<string, Finding>();
  for (const finding of findings) if (finding.category === 'task' && ruleRoles.get(finding.details.rule) === CALL_ENQUEUES) tasks.set(finding.symbol, finding);
  if (!tasks.size) return [];
  // A call is resolved only when its last name is a task's: most calls of a workspace name none.
  const names = new Set([...tasks.keys()].map((task) => afterLast(SymbolId.parse(task).name, '.')));
  const found: Finding[] = [];
  for (const file of index.files()) {
    for (const definition of file.symbols) {
      for (const call of definition.calls ?? []) {
        const { callee, method } = calledTask(call.callee, names);
        const task = callee === undefined ? undefined : tasks.get(index.resolve(file.path, callee) ?? '');
        if (!task || (method && !enqueueMethods(task).includes(method))) continue;
        found.push({
          category: 'task',
          symbol: SymbolId.of(file.path, definition.name),
          range: { start: { line: call.line, character: call.character }, end: { line: call.line, character: call.character + call.callee.length } },
          layer: '',
          details: { rule: task.details.rule, ...(task.details.framework ? { framework: task.details.framework } : {}), kind: 'enqueue', task: callee ?? '', ...(method ? { call: method } : {}) },
        });
      }
    }
    if (turns.due()) await turns.next();
  }
  return found;
}

/** `send_receipt` of `tasks.send_receipt(...)`, or with the method called on it (`send_receipt.schedule(...)`), when its name is a task's. */
function calledTask(written: string, names: ReadonlySet<string>): { callee?: string; method?: string } {
  if (names.has(afterLast(written, '.'))) return { callee: written };
  const dot = written.lastIndexOf('.');
  return dot > 0 && names.has(afterLast(written.slice(0, dot), '.')) ? { callee: written.slice(0, dot), method: written.slice(dot + 1) } : {};
}

/** The methods of a task that queue it, as its rule sets them (`schedule map`). */
function enqueueMethods(task: Finding): string[] {
  const methods = task.details.enqueueMethods;
  return typeof methods === 'string' ? methods.split(' ') : [];
}
