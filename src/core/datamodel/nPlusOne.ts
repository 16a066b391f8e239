import { Turns } from '../nextTurn';
import type { QueryReading, QueryReadings } from '../frameworks/frameworks';
import type { FileFacts, LoopFact, ValueShape } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type Finding, type QueryWarning, SymbolId } from '../result';
import { columnAttributes, type ModelClass } from './models';
import { Shape } from './shapes';
import { isEmpty, listIn, NONE } from '../lists';

/**
 * N+1 queries: a loop over a query whose body reads, for each item, a relation the query did not
 * load. Precision first: the loop must iterate a query ArchTrace can read whole (a model's
 * manager or session query, through methods it knows); any method, argument or loader option it
 * cannot read counts as one that might load the relation, and no warning is given.
 */
export function nPlusOneWarnings(index: SymbolIndex, models: readonly ModelClass[], findings: readonly Finding[], loops: readonly (readonly QueryLoop[])[], modelInputs: readonly unknown[], queries: QueryReadings): QueryWarning[] {
  // The models' relations, kept while the models and their managers stay; each file's warnings
  // kept while that file and these relations stay: an edit redoes the edited file's loops only.
  const relations = index.combined('query-relations', modelInputs, () => new RelationIndex(index, models, findings, queries.django));
  const warnings: QueryWarning[] = [];
  for (const inFile of loops) {
    const [first] = inFile;
    if (!first) continue;
    warnings.push(...index.part('query-warnings', first.path, () => inFile.flatMap(({ path, loop, query }) => djangoLoop(index, queries.django, relations, path, loop, query) ?? sqlalchemyLoop(index, queries.sqlalchemy, relations, path, loop, query.chain) ?? []), String(relations.id)));
  }
  return warnings.sort((a, b) => a.path.localeCompare(b.path) || a.loop.line - b.loop.line || a.access.line - b.access.line);
}

type Chain = NonNullable<ReturnType<typeof Shape.chain>>;

export interface QueryLoop {
  path: string;
  loop: LoopFact;
  query: NonNullable<ReturnType<typeof loopQuery>>;
}

/** The loops over a query ArchTrace can read, file by file (each a part); files without one left out. */
export async function queryLoops(index: SymbolIndex, turns = new Turns()): Promise<(readonly QueryLoop[])[]> {
  const loops: (readonly QueryLoop[])[] = [];
  // The loops read are Django's and SQLAlchemy's.
  const loopsIn = ({ path, language }: FileFacts) => (language === 'python' ? queryLoopsIn(index, path) : NONE);
  await index.eachPart('query-loops', turns, loopsIn, (inFile) => loops.push(inFile), '', undefined, isEmpty);
  return loops;
}

function queryLoopsIn(index: SymbolIndex, path: string): QueryLoop[] {
  const found: QueryLoop[] = [];
  for (const { definition } of index.definitionsIn(path)) {
    for (const loop of definition.loops ?? []) {
      const query = loopQuery(loop);
      if (query) found.push({ path, loop, query });
    }
  }
  return found;
}

/** Functions that read a query set without loading anything more for its items. */
const HARMLESS_READERS = new Set(['len', 'list', 'bool', 'print', 'sorted', 'iter', 'str', 'repr', 'set', 'tuple', 'any', 'all', 'enumerate', 'zip', 'next', 'isinstance']);

/**
 * What a loop iterates: the query written in the `for`, or the one a local was built up to
 * (`qs = ...; qs = qs.filter(...)`), with the relations `prefetch_related_objects(qs, ...)` loaded
 * before the loop. Undefined when the local went through a function that may load anything.
 */
function loopQuery(loop: LoopFact): { chain: Chain; direct: boolean; prefetched: string[] } | undefined {
  const prefetched: string[] = [];
  for (const call of loop.passedTo ?? []) {
    if (!Shape.isCall(call) || call.receiver) return undefined;
    const name = Shape.lastName(call.callee);
    if (name === 'prefetch_related_objects') {
      for (const argument of call.args.slice(1)) {
        const lookup = Shape.string(argument) ?? (Shape.isCall(argument) && Shape.lastName(argument.callee) === 'Prefetch' ? Shape.string(argument.args[0]) : undefined);
        if (lookup === undefined) return undefined;
        prefetched.push(lookup.split('__')[0] ?? lookup);
      }
    } else if (!HARMLESS_READERS.has(call.callee)) {
      return undefined;
    }
  }
  const query = iteratedQuery(loop);
  return query ? { ...query, prefetched } : undefined;
}

function iteratedQuery(loop: LoopFact): { chain: Chain; direct: boolean } | undefined {
  if (loop.iterable.kind !== 'name' || !loop.assigned) {
    const chain = Shape.chain(loop.iterable);
    return chain ? { chain, direct: true } : undefined;
  }
  const name = loop.iterable.value;
  let built: Chain | undefined;
  for (const value of loop.assigned) {
    const chain = Shape.chain(value);
    if (!chain) return undefined;
    if (!built) {
      if (chain.root === name) return undefined;
      built = chain;
    } else if (chain.root === name) {
      built = { root: built.root, steps: [...built.steps, ...chain.steps] };
    } else {
      return undefined; // reassigned to another query on some path: which one runs is not known
    }
  }
  return built ? { chain: built, direct: false } : undefined;
}

// ------------------------------------------------------------------------------------------ Django

function djangoLoop(index: SymbolIndex, reading: QueryReading, relations: RelationIndex, path: string, loop: LoopFact, query: { chain: Chain; direct: boolean; prefetched: string[] }): QueryWarning[] | undefined {
  const { chain, direct } = query;
  const dot = chain.root.lastIndexOf('.');
  if (dot < 0) return undefined;
  const model = index.resolve(path, chain.root.slice(0, dot));
  const managers = model ? relations.djangoManagers.get(model) : undefined;
  if (!model || !managers?.has(chain.root.slice(dot + 1)) || !chain.steps.length) return undefined;
  const selected: string[] = [];
  const prefetched = [...query.prefetched];
  let selectsAll = false;
  for (const step of chain.steps) {
    if (!reading.chainMethods.has(step.method)) return []; // values(), a custom method: not model instances, or not known
    if (step.method !== 'select_related' && step.method !== 'prefetch_related') continue;
    if (step.method === 'select_related' && !step.call.args.length) selectsAll = true;
    for (const argument of step.call.args) {
      const written = Shape.string(argument) ?? (Shape.isCall(argument) && Shape.lastName(argument.callee) === 'Prefetch' ? Shape.string(argument.args[0] ?? argument.keywords['lookup']) : undefined);
      if (written === undefined) return []; // a lookup built at run time may load anything
      (step.method === 'select_related' ? selected : prefetched).push(written.split('__')[0] ?? written);
    }
  }
  const modelName = SymbolId.parse(model).name;
  const last = chain.steps[chain.steps.length - 1]?.method;
  const insertable = direct && last !== undefined && last !== 'iterator' && last !== 'union' && last !== 'intersection' && last !== 'difference';
  const warnings: QueryWarning[] = [];
  const told = new Set<string>();
  for (const access of loop.accesses) {
    if (told.has(access.attribute)) continue;
    const relation = relations.djangoRelation(model, access.attribute);
    if (!relation) continue;
    const loads = relation.load === 'select_related'
      ? !(selectsAll && relation.kind === 'forward') && !selected.includes(access.attribute) && !prefetched.includes(access.attribute)
      : access.called === true && !access.chained && reading.prefetchAnswered.has(access.next ?? '') && !prefetched.includes(access.attribute);
    if (!loads) continue;
    told.add(access.attribute);
    const written = `${loop.variable}.${access.attribute}${relation.load === 'prefetch_related' ? `.${access.next ?? ''}()` : ''}`;
    const idInstead = relation.kind === 'forward' && (access.next === 'id' || access.next === 'pk') ? ` Or read ${loop.variable}.${access.attribute}_id, which needs no query.` : '';
    const warning = warningOf(path, loop, access, modelName, { written, description: relation.description, fix: `${relation.load}(${JSON.stringify(access.attribute)})`, afterword: idInstead });
    warnings.push(insertable ? { ...warning, insertAt: loop.iterableEnd } : warning);
  }
  return warnings;
}

/** One warning, worded alike for every ORM: the read as written, what the relation is, the call that loads it. */
function warningOf(
  path: string,
  loop: LoopFact,
  access: LoopFact['accesses'][number],
  modelName: string,
  told: { written: string; description: string; fix: string; afterword?: string },
): QueryWarning {
  return {
    rule: 'n-plus-one',
    path,
    loop: { line: loop.line, character: loop.character },
    access: { line: access.line, character: access.character },
    relation: `${modelName}.${access.attribute}`,
    read: `${loop.variable}.${access.attribute}`,
    message: `N+1 queries: the loop reads ${told.written} (${told.description}) once per ${modelName}, and the query does not load it; add .${told.fix} to the query.${told.afterword ?? ''}`,
    fix: told.fix,
  };
}

// -------------------------------------------------------------------------------------- SQLAlchemy

function sqlalchemyLoop(index: SymbolIndex, reading: QueryReading, relations: RelationIndex, path: string, loop: LoopFact, chain: Chain): QueryWarning[] | undefined {
  const statement = sqlalchemyStatement(index, reading, relations, path, chain);
  if (!statement) return undefined;
  const { model, steps } = statement;
  const covered = new Set<string>();
  for (const step of steps) {
    if (!reading.chainMethods.has(step.method)) return [];
    if (step.method !== 'options') continue;
    for (const option of step.call.args) {
      const names = loaderTargets(reading, option);
      if (!names) return []; // an option ArchTrace cannot read may load anything
      for (const name of names) covered.add(name);
    }
  }
  const modelName = SymbolId.parse(model).name;
  const warnings: QueryWarning[] = [];
  const told = new Set<string>();
  for (const access of loop.accesses) {
    const relation = relations.sqlalchemyRelation(model, access.attribute);
    if (!relation || told.has(access.attribute) || covered.has(access.attribute)) continue;
    told.add(access.attribute);
    const loader = relation.collection ? 'selectinload' : 'joinedload';
    warnings.push(warningOf(path, loop, access, modelName, { written: `${loop.variable}.${access.attribute}`, description: 'a relationship loaded lazily', fix: `options(${loader}(${modelName}.${access.attribute}))` }));
  }
  return warnings;
}

/**
 * The model a SQLAlchemy query returns and the steps that shape it: `session.query(User)...`,
 * `User.query...` (Flask-SQLAlchemy), `session.scalars(select(User)...)`, `session.execute(select(User)).scalars()`.
 */
function sqlalchemyStatement(index: SymbolIndex, reading: QueryReading, relations: RelationIndex, path: string, chain: Chain): { model: string; steps: Chain['steps'] } | undefined {
  const modelOf = (value: ValueShape | undefined) => {
    const name = Shape.name(value);
    const symbol = name ? index.resolve(path, name) : undefined;
    return symbol && relations.sqlalchemyModels.has(symbol) ? symbol : undefined;
  };
  const queryStep = chain.steps.findIndex((step) => step.method === 'query');
  if (queryStep >= 0) {
    const model = modelOf(chain.steps[queryStep]?.call.args[0]);
    return model && chain.steps[queryStep]?.call.args.length === 1 ? { model, steps: chain.steps.slice(queryStep) } : undefined;
  }
  if (chain.root.endsWith('.query')) {
    const model = modelOf({ kind: 'name', value: chain.root.slice(0, -'.query'.length) });
    return model ? { model, steps: chain.steps } : undefined;
  }
  if (!chain.steps.some((step) => step.method === 'scalars' || step.method === 'exec')) return undefined;
  for (const step of chain.steps) {
    const inner = Shape.chain(step.call.args[0]);
    const select = inner?.steps[0];
    if (!inner || !select || select.method !== 'select' || !index.qualifiedNames(path, inner.root ? `${inner.root}.select` : 'select').some((name) => reading.selectFunctions.has(name))) continue;
    const model = select.call.args.length === 1 ? modelOf(select.call.args[0]) : undefined;
    return model ? { model, steps: [...inner.steps.slice(1), ...chain.steps] } : undefined;
  }
  return undefined;
}

/** `selectinload(User.posts).joinedload(Post.author)` → posts, author; undefined for an option that is not a readable loader. */
function loaderTargets(reading: QueryReading, option: ValueShape): string[] | undefined {
  const chain = Shape.chain(option);
  if (!chain?.steps.length) return undefined;
  const names: string[] = [];
  for (const step of chain.steps) {
    if (!reading.loaderOptions.has(step.method)) return undefined;
    for (const argument of step.call.args) {
      const written = Shape.name(argument) ?? Shape.string(argument);
      if (!written || written === '*') return undefined;
      names.push(written.slice(written.lastIndexOf('.') + 1));
    }
  }
  return names;
}

// ------------------------------------------------------------------------------------- relations

interface DjangoRelation {
  kind: 'forward' | 'reverse';
  load: 'select_related' | 'prefetch_related';
  description: string;
}

/** Which attributes of a model are relations, and how each is loaded with the query. */
let lastRelationIndexId = 0;

class RelationIndex {
  /** Told apart by number: a part that read these relations is kept only for the same ones (its `given`). */
  readonly id = ++lastRelationIndexId;
  readonly djangoManagers = new Map<string, Set<string>>();
  readonly sqlalchemyModels = new Set<string>();
  private readonly django = new Map<string, Map<string, DjangoRelation>>();
  private readonly sqlalchemy = new Map<string, Map<string, { collection: boolean }>>();

  constructor(index: SymbolIndex, models: readonly ModelClass[], findings: readonly Finding[], django: QueryReading) {
    const djangoModels = models.filter((model) => model.reading.reader === 'django');
    const byClassName = new Map<string, string[]>();
    for (const model of djangoModels) {
      const name = SymbolId.parse(model.symbol).name;
      listIn(byClassName, name).push(model.symbol);
      this.djangoManagers.set(model.symbol, new Set(django.defaultManagers));
    }
    for (const finding of findings) {
      if (finding.category !== 'manager' || finding.details.kind !== 'attached') continue;
      const { name } = SymbolId.parse(finding.symbol);
      const owner = SymbolId.owner(finding.symbol);
      if (!owner) continue;
      for (const model of djangoModels) {
        if (model.symbol === owner || index.ancestry(model.symbol).classes.includes(owner)) this.djangoManagers.get(model.symbol)?.add(name.slice(name.lastIndexOf('.') + 1));
      }
    }
    for (const model of djangoModels) {
      const own = this.relationsOf(this.django, model.symbol);
      for (const { attribute, path } of columnAttributes(index, model)) {
        const shape = attribute.shape;
        if (!Shape.isCall(shape) || shape.receiver) continue;
        const cardinality = model.reading.relations.get(Shape.lastName(shape.callee));
        if (!cardinality) continue;
        own.set(attribute.name, {
          kind: 'forward',
          load: cardinality === 'many-to-many' ? 'prefetch_related' : 'select_related',
          description: cardinality === 'many-to-many' ? 'a many-to-many field' : cardinality === 'one-to-one' ? 'a one-to-one field' : 'a foreign key',
        });
        const target = shape.keywords['to'] ?? shape.args[0];
        const written = Shape.string(target) ?? Shape.name(target) ?? '';
        const targetSymbol = written === 'self' ? model.symbol : (target?.kind === 'name' ? index.resolve(path, written) : undefined) ?? singleOf(byClassName.get(Shape.lastName(written)));
        const relatedName = Shape.string(shape.keywords['related_name']);
        if (!targetSymbol || relatedName?.includes('+') || relatedName?.includes('%')) continue;
        const modelName = SymbolId.parse(model.symbol).name.toLowerCase();
        const accessor = relatedName ?? (cardinality === 'one-to-one' ? modelName : `${modelName}_set`);
        this.relationsOf(this.django, targetSymbol).set(accessor, {
          kind: 'reverse',
          load: cardinality === 'one-to-one' ? 'select_related' : 'prefetch_related',
          description: cardinality === 'one-to-one' ? 'a reverse one-to-one relation' : cardinality === 'many-to-one' ? 'a reverse foreign key' : 'a many-to-many relation',
        });
      }
    }
    for (const model of models) {
      if (model.reading.reader !== 'sqlalchemy' && model.reading.reader !== 'sqlmodel') continue;
      this.sqlalchemyModels.add(model.symbol);
      const own = this.relationsOf(this.sqlalchemy, model.symbol);
      const attributes = columnAttributes(index, model);
      const names = new Set(attributes.map(({ attribute }) => attribute.name));
      for (const { attribute } of attributes) {
        const shape = attribute.shape;
        if (!Shape.isCall(shape) || !['relationship', 'Relationship'].includes(Shape.lastName(shape.callee))) continue;
        if (!loadsLazily(shape)) continue;
        const annotation = attribute.type && attribute.type !== shape.callee ? attribute.type : '';
        // Unannotated: a `<name>_id` column beside it makes it the many-to-one side.
        const scalar = Shape.name(shape.keywords['uselist']) === 'False' || (annotation ? !/\b(list|List|set|Set)\[/.test(annotation) : names.has(`${attribute.name}_id`));
        own.set(attribute.name, { collection: !scalar });
      }
    }
  }

  djangoRelation(model: string, attribute: string): DjangoRelation | undefined {
    return this.django.get(model)?.get(attribute);
  }

  sqlalchemyRelation(model: string, attribute: string): { collection: boolean } | undefined {
    return this.sqlalchemy.get(model)?.get(attribute);
  }

  private relationsOf<T>(map: Map<string, Map<string, T>>, model: string): Map<string, T> {
    let relations = map.get(model);
    if (!relations) {
      relations = new Map();
      map.set(model, relations);
    }
    return relations;
  }
}

/** SQLAlchemy's default loader is `select` (lazy); `selectin`, `joined`, `subquery` and `immediate` load with the query; `dynamic`, `raise`, `noload` never load on read. */
function loadsLazily(relationship: Extract<ValueShape, { kind: 'call' }>): boolean {
  const lazy = relationship.keywords['lazy'];
  const nested = relationship.keywords['sa_relationship_kwargs'];
  const written = lazy ? (Shape.string(lazy) ?? Shape.name(lazy)) : nested?.kind === 'other' ? (/["']lazy["']\s*:\s*["'](\w+)["']/.exec(nested.text)?.[1] ?? (/lazy/.test(nested.text) ? '?' : undefined)) : undefined;
  return written === undefined || written === 'select' || written === 'True';
}

function singleOf(symbols: readonly string[] | undefined): string | undefined {
  return symbols?.length === 1 ? symbols[0] : undefined;
}
