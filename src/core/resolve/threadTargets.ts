import { Finding, SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/**
 * The workspace functions that threads and pools are started on (`Thread(target=notification_runner)`,
 * `executor.submit(notify, flip)`): each is background work of its own, a task of kind `thread`
 * named after the function, started where the thread is (`startedAt`). The start site keeps its own
 * finding, which says what it starts.
 */
export function threadTargets(index: SymbolIndex, findings: readonly Finding[]): Finding[] {
  const targets = new Map<string, { definition: NonNullable<ReturnType<SymbolIndex['definition']>>; sites: string[]; rule: string }>();
  for (const finding of findings) {
    const task = finding.details.task;
    if (finding.category !== 'task' || finding.details.kind !== 'thread' || typeof task !== 'string' || !/^[A-Za-z_]\w*(\.\w+)*$/.test(task)) continue;
    const path = SymbolId.parse(finding.symbol).path;
    const target = index.resolve(path, task);
    const definition = target ? index.definition(target) : undefined;
    if (!target || !definition || (definition.kind !== 'function' && definition.kind !== 'method')) continue;
    const sites = finding.details.registeredAt ?? [`${path}:${finding.range.start.line + 1}`];
    const known = targets.get(target);
    if (known) known.sites.push(...sites);
    else targets.set(target, { definition, sites: [...sites], rule: finding.details.rule });
  }
  return [...targets].map(([symbol, { definition, sites, rule }]) => Finding.made('task', symbol, definition.range, { rule, kind: 'thread', startedAt: [...new Set(sites)] }));
}
