import type { Hint, ScannedFinding, SymbolDefinition } from '../parse/facts';
import { NONE } from '../lists';
import { type Finding, SymbolId } from '../result';
import type { SymbolIndex, Target } from './symbolIndex';

/**
 * Whether a name written in `path` stands for one of `anyOf`. Each entry is a qualified name
 * (`django.urls.path`), a module prefix (`celery.signals.*`), `~Name` (anything, in or out of the
 * workspace, whose qualified name ends with Name), `class-with:a,b` (a workspace class that
 * defines methods a and b, itself or through its workspace ancestors: a framework's own
 * dispatcher), or `finding:<category>` (a workspace symbol with a finding of that category, which
 * `Confirmation` checks once every finding is in).
 */
function qualifiesAs(index: SymbolIndex, symbol: string, line: number, name: string, anyOf: readonly string[]): boolean {
  const candidates = candidatesOf(index, symbol, line, name, anyOf);
  return candidates !== undefined && candidates.targets.some((candidate) => targetQualifies(index, candidate, candidates.anyOf));
}

/** What a name written in `path` may stand for, and the patterns each candidate is checked against. */
function candidatesOf(index: SymbolIndex, symbol: string, line: number, name: string, anyOf: readonly string[]): { targets: Target[]; anyOf: readonly string[] } | undefined {
  if (!name) return undefined;
  const { path } = SymbolId.parse(symbol);
  // `this.emit(...)` in a class extending an emitter: the class, and what it derives from. A class of the
  // workspace's own bus calling itself (`self.publish_local(event)` in the broker) is the bus's plumbing.
  if (name === 'this' || name === 'self') return { targets: ownClasses(index, symbol), anyOf: anyOf.filter((pattern) => !pattern.startsWith('class-with:')) };
  const own = /^(?:self|cls|this)\./.test(name) ? name.split('.').slice(1) : undefined;
  const member = own ? memberOfOwner(index, symbol, own) : undefined;
  const target = member ? { symbol: member } : index.qualify(path, name);
  // `self.broker`: also the class the attribute is made of (`_event_broker: EventBroker`, `private readonly queue: Queue`), for what its class must be.
  // `j.client`, `j` a parameter or local of a workspace type (a Go method's receiver `j *enqueueJob`): the same, from that type.
  const [head = '', ...members] = name.split('.');
  const headType = own || !members.length ? undefined : typeInScope(index, path, line, head);
  const headClass = headType ? index.resolve(path, bareTypeName(headType)) : undefined;
  const made = own ? attributeClass(index, SymbolId.owner(symbol), own) : headClass ? attributeClass(index, headClass, members) : undefined;
  // A parameter or local of the function around the match, of the type it is written with (`eventEmitter: EventEmitter2`).
  const written = own ? undefined : typeInScope(index, path, line, name);
  const typed = written ? index.qualify(path, bareTypeName(written)) : undefined;
  // A module's variable made by a call (`export const visits = new Queue('visits')`): also the class it is an instance of, and what that class derives from.
  const instance = target && 'symbol' in target ? index.instanceOf(target.symbol) : undefined;
  // `job = partial(JobDecorator, ...)`: what the partial calls, and for a workspace class what it derives from.
  const bound = target && 'symbol' in target ? index.partialOf(target.symbol) : undefined;
  // A workspace class stands for what it derives from too (`@StatsdJob("q")`, `class StatsdJob(rq.decorators.job)`).
  return { targets: [...(target ? withAncestors(index, target) : []), made, ...(instance ? withAncestors(index, instance) : []), ...(typed ? withAncestors(index, typed) : []), ...(bound ? withAncestors(index, bound) : [])].filter((candidate) => candidate !== undefined), anyOf };
}

/**
 * The workspace symbols a finding of which (`finding:<category>`) would make a check hold that
 * does not hold alone: worked out from the index with the file's other checks, so that when every
 * finding is in, what is left is a lookup of those symbols' categories.
 */
function awaitedSymbols(index: SymbolIndex, found: Located, qualify: NonNullable<ScannedFinding['qualify']>): readonly string[] {
  const candidates = candidatesOf(index, found.symbol, found.range.start.line, qualify.name, qualify.anyOf);
  const symbols = candidates ? [...new Set(candidates.targets.flatMap((target) => ('symbol' in target ? [target.symbol] : [])))] : [];
  return symbols.length ? symbols : NONE;
}

/** The class a method is written in and its ancestors. */
function ownClasses(index: SymbolIndex, method: string): Target[] {
  const owner = SymbolId.owner(method);
  return owner ? withAncestors(index, { symbol: owner }) : [];
}

/** A type and, for a workspace class, its ancestors, workspace classes and outside names (`class Store extends EventEmitter`). */
function withAncestors(index: SymbolIndex, type: Target): Target[] {
  if (!('symbol' in type) || index.definition(type.symbol)?.kind !== 'class') return [type];
  return [type, ...index.ancestry(type.symbol).names.map((name) => (name.includes(':') ? { symbol: name } : { external: name }))];
}

/**
 * The type written for a plain name in the innermost function around a line: a parameter's annotation or a local's type;
 * in Java, else a field of the innermost class around it, which its methods name without `this.`.
 */
function typeInScope(index: SymbolIndex, path: string, line: number, name: string): string | undefined {
  if (!/^[\w$]+$/.test(name)) return undefined;
  for (const definition of index.functionsAround(path, line)) {
    const type = definition.parameters?.find((parameter) => parameter.name === name)?.annotation ?? definition.locals?.find((local) => local.name === name)?.type;
    if (type) return type;
  }
  // Java: a field of the innermost class around the line that declares one of that name.
  const file = index.file(path);
  if (file?.language !== 'java') return undefined;
  let field: { start: number; type: string } | undefined;
  for (const definition of file.symbols) {
    const { start, end } = definition.range;
    if (definition.kind !== 'class' || start.line > line || end.line < line || (field && field.start > start.line)) continue;
    const type = definition.attributes?.find((attribute) => attribute.name === name)?.type;
    if (type) field = { start: start.line, type };
  }
  return field?.type;
}

/**
 * The method a name like `controller.run` stands for at a line, `controller` a parameter or local of
 * the innermost function around it that declares it, or `this` in a class's method: the method its
 * class defines or inherits. A local a container hands out by id (`container.get('app.controller')`)
 * is of the class the service definitions name, whatever its annotation claims.
 */
export function methodOfValueAt(index: SymbolIndex, path: string, line: number, name: string): string | undefined {
  const [head = '', method, ...more] = name.split('.');
  if (!method || more.length) return undefined;
  const around = index.functionsAround(path, line).find((definition) => definition.parameters?.some((parameter) => parameter.name === head) || definition.locals?.some((local) => local.name === head));
  let owner: SymbolDefinition | undefined;
  for (const definition of index.file(path)?.symbols ?? []) {
    const { start, end } = definition.range;
    if (definition.kind === 'class' && start.line <= line && line <= end.line && (!owner || owner.range.start.line <= start.line)) owner = definition;
  }
  let type: string | undefined;
  if (head === 'this') type = owner ? SymbolId.of(path, owner.name) : undefined;
  else if (around) {
    const local = around.locals?.find((candidate) => candidate.name === head);
    const service = local?.madeWith?.id ? index.serviceClass(local.madeWith.argument) : undefined;
    const written = around.parameters?.find((parameter) => parameter.name === head)?.annotation ?? local?.type;
    type = service ?? (written ? index.resolve(path, bareTypeName(written)) : undefined);
  }
  return type && index.definition(type)?.kind === 'class' ? index.methodOrInherited(type, method) : undefined;
}

/** Whether a candidate is one of `anyOf` by the names it stands for (`finding:` patterns are the Confirmation's, once every finding is in). */
function targetQualifies(index: SymbolIndex, target: Target, anyOf: readonly string[]): boolean {
  const names = index.namesOf(target);
  return anyOf.some((pattern) => {
    if (pattern.startsWith('finding:')) return false;
    if (pattern.startsWith('class-with:')) {
      if (!('symbol' in target)) return false;
      const classes = classesOf(index, target.symbol);
      return classes.length > 0 && pattern.slice(11).split(',').every((method) => classes.some((owner) => index.definition(`${owner}.${method}`)));
    }
    if (pattern.startsWith('~')) {
      const suffix = pattern.slice(1);
      return names.some((qualified) => qualified === suffix || qualified.endsWith(`.${suffix}`) || qualified.endsWith(`:${suffix}`));
    }
    if (pattern.endsWith('.*')) return names.some((qualified) => qualified.startsWith(pattern.slice(0, -1)));
    return names.includes(pattern);
  });
}

/**
 * What `self.name` or `self.attribute.name` stands for in a method of a class: a method of the
 * class or of its workspace ancestors, or of the class an attribute is made of (`self.router =
 * Router()`, or a parameter annotated `Router`).
 */
function memberOfOwner(index: SymbolIndex, method: string, rest: readonly string[]): string | undefined {
  let owner = SymbolId.owner(method);
  for (let position = 0; owner && position < rest.length; position++) {
    const part = rest[position] ?? '';
    if (position === rest.length - 1) return classesOf(index, owner).map((candidate) => `${candidate}.${part}`).find((candidate) => index.definition(candidate));
    owner = attributeOf(index, owner, part);
  }
  return undefined;
}

/** A class and its workspace ancestors, nearest first; nothing for what is not a class. */
function classesOf(index: SymbolIndex, owner: string): string[] {
  return index.definition(owner)?.kind === 'class' ? [owner, ...index.ancestry(owner).classes] : [];
}

/** The type an attribute of a class (or of its ancestors) is written with, and the file it is written in. */
function attributeType(index: SymbolIndex, owner: string, name: string): { path: string; type: string } | undefined {
  for (const candidate of classesOf(index, owner)) {
    const type = index.definition(candidate)?.attributes?.find((held) => held.name === name && held.type)?.type;
    if (type) return { path: SymbolId.parse(candidate).path, type: bareTypeName(type) };
  }
  return undefined;
}

/** The workspace class an attribute of a class (or of its ancestors) is made of, as its type is written. */
function attributeOf(index: SymbolIndex, owner: string, name: string): string | undefined {
  const held = attributeType(index, owner, name);
  return held ? index.resolve(held.path, held.type) : undefined;
}

/**
 * The class an attribute path of a class (`a.b` of the class of `self.a.b`, `emitter` of `this.emitter`)
 * is made of, as the classes state their attributes' types along the way (an annotation, a parameter's
 * annotation, a constructor call): a workspace class, or for the last attribute an outside one
 * (`private readonly queue: Queue` from `bull`).
 */
function attributeClass(index: SymbolIndex, start: string | undefined, rest: readonly string[]): Target | undefined {
  let owner = start;
  for (const [position, part] of rest.entries()) {
    const held = owner ? attributeType(index, owner, part) : undefined;
    if (!held) return undefined;
    if (position === rest.length - 1) return index.qualify(held.path, held.type);
    owner = index.resolve(held.path, held.type);
  }
  return undefined;
}

/** The class a written type names: `Optional[Router]` → `Router`. */
function bareTypeName(written: string): string {
  const names = written.replace(/["']/g, '').match(/[A-Za-z_][\w.]*/g) ?? [];
  return names.find((name) => !['Optional', 'None', 'typing', 'Union', 'Annotated', 'ClassVar', 'Final', 'Readonly', 'null', 'undefined'].includes(name)) ?? written;
}

/**
 * What a file's findings and hints say on their own: whether each holds reads the index alone, so
 * an update keeps it as a part of the file (see `SymbolIndex.part`) while nothing it read changed.
 * Shared between analyses: copied before anything is added to them.
 */
export interface FileConfirmation {
  /** The findings that hold, stripped of their `qualify`, in the file's order. */
  confirmed: readonly Finding[];
  /**
   * The findings whose check reads other findings (`finding:<category>`): checked once every
   * file's are in, unless they hold by the names they stand for alone (`holdsAlone`).
   */
  dependent: readonly Awaiting<ScannedFinding>[];
  /** The hints that hold, stripped of their `qualify`, and those whose check reads other findings (still with it), in order. */
  hints: readonly Hint[];
  /** For each hint still with its `qualify`, in order, the symbols whose findings would make it hold (see `awaitedSymbols`). */
  hintsAwaiting: readonly (readonly string[])[];
}

/** A finding or hint whose check reads other findings: whether it holds without them, and the symbols whose findings would make it hold. */
interface Awaiting<T> {
  finding: T;
  holdsAlone: boolean;
  awaits: readonly string[];
}

/** A file with no findings and no hints: one shared, frozen answer (a part kept for nothing costs no room). */
const NOTHING_TO_CONFIRM: FileConfirmation = Object.freeze({ confirmed: NONE, dependent: NONE, hints: NONE, hintsAwaiting: NONE });

/** Checks a file's findings and hints that read nothing but the index. */
export function confirmFile(index: SymbolIndex, findings: readonly ScannedFinding[], hints: readonly Hint[]): FileConfirmation {
  if (!findings.length && !hints.length) return NOTHING_TO_CONFIRM;
  const confirmed: Finding[] = [];
  const dependent: Awaiting<ScannedFinding>[] = [];
  for (const finding of findings) {
    if (!finding.qualify) confirmed.push(finding);
    else if (readsFindings(finding.qualify)) {
      const alone = holdsAlone(index, finding, finding.qualify);
      dependent.push({ finding, holdsAlone: alone, awaits: alone ? NONE : awaitedSymbols(index, finding, finding.qualify) });
    } else if (holdsAlone(index, finding, finding.qualify)) confirmed.push(withoutQualify(finding));
  }
  const keptHints: Hint[] = [];
  const hintsAwaiting: (readonly string[])[] = [];
  for (const hint of hints) {
    // A check that holds without other findings holds with them: only the others wait for them.
    if (!hint.qualify) keptHints.push(hint);
    else if (holdsAlone(index, hint, hint.qualify)) keptHints.push(withoutQualify(hint));
    else if (readsFindings(hint.qualify)) {
      keptHints.push(hint);
      hintsAwaiting.push(awaitedSymbols(index, hint, hint.qualify));
    }
  }
  return { confirmed, dependent, hints: keptHints, hintsAwaiting: hintsAwaiting.length ? hintsAwaiting : NONE };
}

function readsFindings(qualify: NonNullable<ScannedFinding['qualify']>): boolean {
  return qualify.anyOf.some((pattern) => pattern.startsWith('finding:'));
}

/** Where a finding or hint is: its symbol, and the line it starts on. */
type Located = Pick<Finding, 'symbol' | 'range'>;

function holdsAlone(index: SymbolIndex, found: Located, qualify: NonNullable<ScannedFinding['qualify']>): boolean {
  return qualifiesAs(index, found.symbol, found.range.start.line, qualify.name, qualify.anyOf);
}

/**
 * Keeps the findings and hints whose `qualify` holds, stripped of it, added a file at a time (as
 * `confirmFile` checked them, so a caller can let the event loop in between). Those that depend on
 * other findings (`finding:signal`) are checked when every finding is in (`finish`): by then the
 * index has been read for them (in the file's part, kept while what it read stays), and what is
 * left is whether the symbols they await have a finding of the category asked.
 */
export class Confirmation {
  /** The categories found on the symbols some check awaits (made in `finish`: most findings are awaited by none). */
  private readonly findingsBySymbol = new Map<string, Set<string>>();
  private readonly confirmed: (readonly Finding[])[] = [];
  private readonly dependent: Awaiting<ScannedFinding>[] = [];
  private readonly hints: Awaiting<Hint>[] = [];

  add(file: FileConfirmation): void {
    if (file.confirmed.length) this.confirmed.push(file.confirmed);
    for (const finding of file.dependent) this.dependent.push(finding);
    let awaiting = 0;
    for (const hint of file.hints) this.hints.push({ finding: hint, holdsAlone: !hint.qualify, awaits: hint.qualify ? (file.hintsAwaiting[awaiting++] ?? NONE) : NONE });
  }

  /**
   * The findings that depend on others, those that hold now, in the order they were confirmed; and
   * every hint that holds.
   */
  finish(): { findings: Finding[]; hints: Hint[] } {
    const findings: Finding[] = [];
    const awaited = new Set<string>();
    for (const { awaits } of [...this.dependent, ...this.hints]) for (const symbol of awaits) awaited.add(symbol);
    if (awaited.size) for (const list of this.confirmed) for (const finding of list) if (awaited.has(finding.symbol)) this.record(finding);
    // A finding confirmed by another dependent one (a decorator delegating to a decorator that delegates) is confirmed in a later round.
    let pending: readonly Awaiting<ScannedFinding>[] = this.dependent;
    for (let confirmed = true; confirmed && pending.length; ) {
      const left: Awaiting<ScannedFinding>[] = [];
      for (const dependent of pending) {
        // One that holds alone is confirmed in the first round, as a check with the findings would confirm it.
        if (this.holds(dependent)) {
          const held = withoutQualify(dependent.finding);
          this.record(held);
          findings.push(held);
        } else left.push(dependent);
      }
      confirmed = left.length < pending.length;
      pending = left;
    }
    const hints = this.hints.filter((hint) => this.holds(hint)).map(({ finding }) => (finding.qualify ? withoutQualify(finding) : finding));
    return { findings, hints };
  }

  private record(finding: Finding): void {
    const categories = this.findingsBySymbol.get(finding.symbol);
    if (categories) categories.add(finding.category);
    else this.findingsBySymbol.set(finding.symbol, new Set([finding.category]));
  }

  /** Whether a check holds alone, or one of the symbols it awaits has a finding of a category it asks for. */
  private holds({ finding, holdsAlone, awaits }: Awaiting<Located & { qualify?: ScannedFinding['qualify'] }>): boolean {
    if (holdsAlone) return true;
    if (!awaits.length || !finding.qualify) return false;
    const categories = finding.qualify.anyOf.flatMap((pattern) => (pattern.startsWith('finding:') ? [pattern.slice(8)] : []));
    return awaits.some((symbol) => {
      const found = this.findingsBySymbol.get(symbol);
      return found !== undefined && categories.some((category) => found.has(category));
    });
  }
}

/** A copy without its `qualify`, which has been checked. */
function withoutQualify<T extends { qualify?: unknown }>(item: T): T {
  const copy = { ...item };
  delete copy.qualify;
  return copy;
}
