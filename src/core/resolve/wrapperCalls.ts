import type { Turns } from '../nextTurn';
import type { SymbolDefinition } from '../parse/facts';
import { Finding, SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';
import { afterLast } from '../text';

/** The categories whose findings register something the code hands over: a scheduled job, a signal's receiver. */
const HANDED_OVER = new Set<Finding['category']>(['task', 'receiver']);

interface Wrapper {
  /** The registration inside the wrapper, of the wrapper's own parameter. */
  finding: Finding;
  /** The argument position of that parameter at the wrapper's calls. */
  position: number;
  /** The names of the wrapper's parameters. */
  parameters: readonly string[];
}

/**
 * A workspace function that hands one of its parameters to a framework's registration (vikunja's
 * `cron.Schedule(spec, f)` around robfig/cron's `c.AddFunc(spec, f)`) registers, at each of its
 * calls, what it is given there: the function named there, or the call's own site when what it is
 * given is written in place. The registration inside the wrapper, of a parameter, names nothing
 * of its own and is left out once a call is found. Read from the calls whose arguments the scan
 * keeps (Go's, and Python's that hand on a parameter).
 */
export async function wrapperCallFindings(index: SymbolIndex, findings: Finding[], turns: Turns): Promise<void> {
  const wrappers = new Map<string, Wrapper>();
  for (const finding of findings) {
    const reference = finding.details.reference;
    if (!HANDED_OVER.has(finding.category) || typeof reference !== 'string' || !/^[A-Za-z_]\w*$/.test(reference)) continue;
    const path = SymbolId.parse(finding.symbol).path;
    const around = index.functionsAround(path, finding.range.start.line)[0];
    const position = around ? parameterPosition(path, around, reference) : -1;
    if (around && position >= 0) wrappers.set(SymbolId.of(path, around.name), { finding, position, parameters: (around.parameters ?? []).map(({ name }) => name) });
  }
  if (!wrappers.size) return;
  // A call is resolved only when its last name is a wrapper's: most calls of a workspace name none.
  const names = new Set([...wrappers.keys()].map((symbol) => afterLast(SymbolId.parse(symbol).name, '.')));
  /** Per wrapper's finding, what its calls register: a named function once, with every call that registers it. */
  const found = new Map<Finding, Map<string, Finding>>();
  for (const file of index.files()) {
    const go = file.language === 'go';
    for (const definition of file.symbols) {
      for (const call of definition.calls ?? []) {
        if (!names.has(afterLast(call.callee, '.'))) continue;
        const target = index.resolve(file.path, call.callee);
        const wrapper = target === undefined ? undefined : wrappers.get(target);
        const given = wrapper ? call.arguments?.[wrapper.position] : undefined;
        // Go's scan keeps '' for what is written in place (a function literal); Python's for any argument it does not keep.
        if (!wrapper || given === undefined || (given === '' && !go)) continue;
        const site = `${file.path}:${call.line + 1}`;
        const named = given ? index.resolve(file.path, given) : undefined;
        const namedDefinition = named ? index.definition(named) : undefined;
        const registered = listed(found, wrapper.finding);
        const known = named ? registered.get(named) : undefined;
        if (known) {
          known.details.registeredAt?.push(site);
          continue;
        }
        // What the registration inside said of the wrapper's parameters (`schedule: spec`) is what each call gives, not said here.
        const details = Object.fromEntries(Object.entries(wrapper.finding.details).filter(([key, value]) => key !== 'reference' && key !== 'registeredAt' && !(typeof value === 'string' && wrapper.parameters.includes(value))));
        const common = { ...details, rule: wrapper.finding.details.rule, registeredThrough: target ?? '' };
        if (named && namedDefinition) registered.set(named, Finding.made(wrapper.finding.category, named, namedDefinition.range, { ...common, registeredAt: [site] }));
        else {
          // Written in place, or a name the index does not know: the finding is the call's, as the registration inside was.
          const callRange = { start: { line: call.line, character: call.character }, end: { line: call.line, character: call.character + call.callee.length } };
          registered.set(site, Finding.made(wrapper.finding.category, SymbolId.anonymous(file.path, call.line), callRange, { ...common, ...(given ? { reference: given } : {}) }));
        }
      }
    }
    if (turns.due()) await turns.next();
  }
  if (!found.size) return;
  const replaced = findings.filter((finding) => !found.has(finding));
  findings.splice(0, findings.length, ...replaced, ...[...found.values()].flatMap((registered) => [...registered.values()]));
}

function listed(found: Map<Finding, Map<string, Finding>>, wrapper: Finding): Map<string, Finding> {
  let registered = found.get(wrapper);
  if (!registered) found.set(wrapper, (registered = new Map<string, Finding>()));
  return registered;
}

/** Where a parameter of the function is given at its calls: a Go method's receiver and a Python method's `self` are not given there. */
function parameterPosition(path: string, definition: SymbolDefinition, name: string): number {
  const parameters = definition.parameters ?? [];
  const at = parameters.findIndex((parameter) => parameter.name === name && parameter.splat === undefined);
  if (at < 0 || definition.kind !== 'method') return at;
  const bound = path.endsWith('.go') || (path.endsWith('.py') && !definition.decorators.includes('staticmethod') && ['self', 'cls'].includes(parameters[0]?.name ?? ''));
  return bound ? at - 1 : at;
}
