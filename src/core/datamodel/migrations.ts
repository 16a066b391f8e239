import type { ModelReading } from '../frameworks/frameworks';
import { Turns } from '../nextTurn';
import { isEmpty, NONE, samePlainData } from '../lists';
import type { FileFacts, SymbolDefinition, ValueShape } from '../parse/facts';
import { constantString } from '../resolve/routePaths';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { SymbolId, type SourceLocation } from '../result';
import type { DraftColumn, DraftConstraint, DraftEntity } from './entities';
import { djangoColumn, djangoConstraint, djangoIndex, foreignKeyRelation, uniqueTogether } from './models';
import type { DraftOperation } from './schema';
import { type CallValue, Shape } from './shapes';

// ------------------------------------------------------------------------------------------ Alembic

/**
 * The schema operations of Alembic revisions (`op.create_table`, `op.create_index`, ...), revisions
 * in the order their `down_revision` chain gives, each revision's `upgrade()` only.
 */
export function alembicOperations(revisions: readonly AlembicRevision[]): DraftOperation[] {
  const depth = new Map<string, number>();
  const byRevision = new Map(revisions.map((entry) => [entry.revision, entry]));
  const depthOf = (revision: string, seen: Set<string>): number => {
    const known = depth.get(revision);
    if (known !== undefined) return known;
    const entry = byRevision.get(revision);
    if (!entry || seen.has(revision)) return 0;
    seen.add(revision);
    const value = 1 + Math.max(0, ...entry.down.map((down) => depthOf(down, seen)));
    depth.set(revision, value);
    return value;
  };
  const ordered = [...revisions].sort((a, b) => depthOf(a.revision, new Set()) - depthOf(b.revision, new Set()) || a.path.localeCompare(b.path));
  return ordered.flatMap((entry) => entry.operations);
}

/** The workspace's Alembic revisions, file by file (each a part). */
export async function alembicRevisions(index: SymbolIndex, turns = new Turns()): Promise<AlembicRevision[]> {
  const revisions: AlembicRevision[] = [];
  // A `const revision = '…'` in JavaScript is no Alembic revision.
  const revisionIn = ({ path, language }: FileFacts) => (language === 'python' ? alembicRevision(index, path) : undefined);
  await index.eachPart('alembic-revision', turns, revisionIn, (revision) => revisions.push(revision as AlembicRevision), '', undefined, (revision) => revision === undefined);
  return revisions;
}

export interface AlembicRevision {
  path: string;
  revision: string;
  down: string[];
  operations: DraftOperation[];
}

function alembicRevision(index: SymbolIndex, path: string): AlembicRevision | undefined {
  const symbols = index.file(path)?.symbols ?? [];
  const upgrades = withHelpers(symbols, symbols.filter((symbol) => symbol.kind === 'function' && /^upgrade/.test(symbol.name)));
  const calls = upgrades.flatMap((symbol) => (symbol.statementCalls ?? []).filter((call) => isAlembicOp(index, path, call)));
  const variable = (name: string) => symbols.find((symbol) => symbol.kind === 'variable' && symbol.name === name);
  const revision = variable('revision')?.literal;
  // Revisions without operations (merges, data fixes) still link the chain.
  if (!calls.length && revision === undefined) return undefined;
  const operations = calls.flatMap((call) => (Shape.isCall(call) ? alembicOperation(path, call) : []));
  return { path, revision: revision ?? path, down: downRevisions(variable('down_revision')), operations };
}

/**
 * The upgrade functions and the file's own functions they call, at any depth (`upgrade()` calling
 * `_create_orders_table()`), each once, in the order they are reached.
 */
function withHelpers(symbols: readonly SymbolDefinition[], upgrades: readonly SymbolDefinition[]): SymbolDefinition[] {
  const functions = new Map(symbols.filter((symbol) => symbol.kind === 'function' && !symbol.name.includes('.')).map((symbol) => [symbol.name, symbol]));
  const reached: SymbolDefinition[] = [];
  const pending = [...upgrades].reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (reached.includes(next)) continue;
    reached.push(next);
    const called = (next.calls ?? []).flatMap((call) => functions.get(call.callee) ?? []);
    pending.push(...called.reverse());
  }
  return reached.filter((symbol) => symbol.statementCalls?.length);
}

function downRevisions(variable: SymbolDefinition | undefined): string[] {
  if (!variable) return [];
  if (variable.literal !== undefined) return [variable.literal];
  return Shape.strings(variable.shape);
}

/** `op.create_table(...)` where `op` is Alembic's (`from alembic import op`). */
function isAlembicOp(index: SymbolIndex, path: string, call: ValueShape): boolean {
  if (!Shape.isCall(call) || call.receiver) return false;
  const receiver = call.callee.slice(0, call.callee.lastIndexOf('.'));
  return index.qualifiedNames(path, receiver).some((name) => name === 'alembic.op');
}

/**
 * A table as `op.create_table("products", Column(...), ...)` or SQLAlchemy Core's `Table("products",
 * metadata, Column(...), ...)` declare it: the name first, the columns and table constraints among
 * the other arguments (the metadata, not a call, is passed over).
 */
function tableEntity(path: string, call: CallValue, source: string): DraftEntity | undefined {
  const named = call.keywords['table_name'] ?? call.keywords['name'] ?? call.args[0];
  const table = Shape.string(named) ?? opName(named);
  if (!table) return undefined;
  const entity: DraftEntity = { name: table, table, source, location: { path, line: call.line }, columns: [], constraints: [], indexes: [] };
  for (const item of call.args.slice(1)) {
    if (!Shape.isCall(item)) continue;
    const column = alembicColumn(path, item);
    if (column) entity.columns.push(column);
    else tableConstraint(entity, item, { path, line: item.line });
  }
  return entity;
}

// ------------------------------------------------------------------------------ SQLAlchemy Core tables

/**
 * The tables a file declares in code with a table declaration of the frameworks' data
 * (`products = Table("products", metadata, Column(...))`, mapped imperatively or used as they
 * are), module level only. Migrations' and tests' copies are left to their own readers.
 */
export async function codeTables(index: SymbolIndex, declarations: ReadonlySet<string>, turns = new Turns()): Promise<DraftEntity[]> {
  if (!declarations.size) return [];
  const tables: DraftEntity[] = [];
  const tablesIn = ({ path, language }: FileFacts) => (language !== 'python' || /(^|\/)(migrations|versions|alembic|tests?)\//.test(path) ? NONE : declaredTables(index, path, declarations));
  await index.eachPart('code-tables', turns, tablesIn, (inFile) => tables.push(...inFile), [...declarations].join(' '), undefined, isEmpty);
  return tables;
}

/** Core tables bound to a module variable (`orders = Table("orders", metadata, ...)`) or declared as statements in a function or method. */
function declaredTables(index: SymbolIndex, path: string, declarations: ReadonlySet<string>): DraftEntity[] {
  const found: DraftEntity[] = [];
  for (const symbol of index.file(path)?.symbols ?? []) {
    const calls = symbol.kind === 'variable' && !symbol.name.includes('.') ? [symbol.shape] : symbol.kind !== 'variable' ? (symbol.statementCalls ?? []) : [];
    for (const call of calls) {
      if (!call || !Shape.isCall(call) || call.receiver) continue;
      if (!index.qualifiedNames(path, call.callee).some((name) => declarations.has(name))) continue;
      const entity = tableEntity(path, call, 'sqlalchemy');
      if (entity) found.push(entity);
    }
  }
  return found;
}

function alembicOperation(path: string, call: CallValue): DraftOperation[] {
  const at = { path, line: call.line };
  const argument = (position: number, keyword: string) => call.keywords[keyword] ?? call.args[position];
  const text = (value: ValueShape | undefined) => Shape.string(value) ?? opName(value);
  switch (Shape.lastName(call.callee)) {
    case 'create_table': {
      const entity = tableEntity(path, call, 'alembic');
      return entity ? [{ op: 'create-table', entity }] : [];
    }
    case 'drop_table': {
      const table = text(argument(0, 'table_name'));
      return table ? [{ op: 'drop-table', table }] : [];
    }
    case 'add_column': {
      const table = text(argument(0, 'table_name'));
      const columnCall = argument(1, 'column');
      const column = Shape.isCall(columnCall) ? alembicColumn(path, columnCall) : undefined;
      return table && column ? [{ op: 'add-column', table, column }] : [];
    }
    case 'drop_column': {
      const table = text(argument(0, 'table_name'));
      const column = text(argument(1, 'column_name'));
      return table && column ? [{ op: 'drop-column', table, column }] : [];
    }
    case 'create_index': {
      const table = text(argument(1, 'table_name'));
      const columns = Shape.strings(argument(2, 'columns'));
      const name = text(argument(0, 'index_name'));
      return table && columns.length ? [{ op: 'create-index', table, index: { columns, unique: Shape.isTrue(call.keywords['unique']), location: at, ...(name ? { name } : {}) } }] : [];
    }
    case 'drop_index': {
      const name = text(argument(0, 'index_name'));
      return name ? [{ op: 'drop-index', name }] : [];
    }
    case 'create_unique_constraint': {
      const table = text(argument(1, 'table_name'));
      const columns = Shape.strings(argument(2, 'columns'));
      return table && columns.length ? [{ op: 'add-constraint', table, constraint: { kind: 'unique', columns, location: at } }] : [];
    }
    case 'create_check_constraint': {
      const table = text(argument(1, 'table_name'));
      const condition = argument(2, 'condition');
      return table && condition ? [{ op: 'add-constraint', table, constraint: { kind: 'check', columns: [], expression: Shape.string(condition) ?? Shape.text(condition), location: at } }] : [];
    }
    case 'create_foreign_key': {
      const table = text(argument(1, 'source_table'));
      const referent = text(argument(2, 'referent_table'));
      const columns = Shape.strings(argument(3, 'local_cols'));
      const remote = Shape.strings(argument(4, 'remote_cols'));
      if (!table || !referent || !columns.length) return [];
      return [{ op: 'add-foreign-key', table, columns, relation: foreignKeyRelation(`${referent}.${remote[0] ?? 'id'}`, call.keywords['ondelete'], false) }];
    }
    default:
      return [];
  }
}

/** `op.f("ix_user_email")`: Alembic's marker for a name already converted; the name is its argument. */
function opName(value: ValueShape | undefined): string | undefined {
  return Shape.isCall(value) && Shape.lastName(value.callee) === 'f' ? Shape.string(value.args[0]) : undefined;
}

/** `sa.Column("email", sa.String(length=255), sa.ForeignKey("user.id"), nullable=False)`. */
function alembicColumn(path: string, call: CallValue): DraftColumn | undefined {
  if (Shape.lastName(call.callee) !== 'Column') return undefined;
  const name = Shape.string(call.args[0]);
  if (!name) return undefined;
  const rest = call.args.slice(1);
  const foreignKey = rest.find((argument) => Shape.isCall(argument) && Shape.lastName(argument.callee) === 'ForeignKey') as CallValue | undefined;
  const type = rest.find((argument) => argument !== foreignKey);
  const primaryKey = Shape.isTrue(call.keywords['primary_key']);
  const stated = call.keywords['nullable'];
  const nullable = stated ? Shape.isTrue(stated) : !primaryKey;
  const column: DraftColumn = { name, type: Shape.text(type), location: { path, line: call.line }, nullable };
  if (stated && !nullable && !primaryKey) column.statedRequired = true;
  if (primaryKey) column.primaryKey = true;
  if (Shape.isTrue(call.keywords['unique'])) column.unique = true;
  if (Shape.isTrue(call.keywords['index'])) column.indexed = true;
  const defaultValue = call.keywords['server_default'] ?? call.keywords['default'];
  if (defaultValue) column.default = Shape.text(defaultValue);
  if (foreignKey) column.relation = foreignKeyRelation(Shape.string(foreignKey.args[0]) ?? '', foreignKey.keywords['ondelete'], column.unique === true);
  return column;
}

/** `sa.PrimaryKeyConstraint("id")`, `sa.ForeignKeyConstraint(["owner_id"], ["user.id"])`, `sa.UniqueConstraint(...)` inside `create_table`. */
function tableConstraint(entity: DraftEntity, call: CallValue, location: SourceLocation): void {
  const names = call.args.flatMap((argument) => (argument.kind === 'string' ? [argument.value] : []));
  const columnNamed = (name: string | undefined) => entity.columns.find((column) => column.name === name);
  switch (Shape.lastName(call.callee)) {
    case 'PrimaryKeyConstraint':
      for (const name of names) {
        const column = columnNamed(name);
        if (column) Object.assign(column, { primaryKey: true, nullable: false, statedRequired: false });
      }
      break;
    case 'UniqueConstraint':
      if (names.length === 1 && columnNamed(names[0])) (columnNamed(names[0]) as DraftColumn).unique = true;
      else if (names.length) entity.constraints.push({ kind: 'unique', columns: names, location });
      break;
    case 'CheckConstraint':
      entity.constraints.push({ kind: 'check', columns: [], expression: Shape.string(call.args[0]) ?? Shape.text(call.args[0]), location });
      break;
    case 'ForeignKeyConstraint': {
      const local = Shape.strings(call.args[0]);
      const remote = Shape.strings(call.args[1]);
      const column = local.length === 1 ? columnNamed(local[0]) : undefined;
      if (column && remote[0]) column.relation = foreignKeyRelation(remote[0], call.keywords['ondelete'], column.unique === true);
      break;
    }
  }
}

// ------------------------------------------------------------------------------------------ Django

/**
 * The operations of Django migrations (`CreateModel`, `AddField`, `AddIndex`, ...), file by file
 * (each a part) in path order (Django numbers them per app), tables named as Django names them
 * (`<app>_<model>`); files without operations left out.
 */
export async function djangoMigrations(index: SymbolIndex, reading: ModelReading | undefined, turns = new Turns()): Promise<readonly (readonly DraftOperation[])[]> {
  if (!reading) return NONE;
  return partsInPathOrder(index, 'django-migration', turns, ({ path }) => (DJANGO_MIGRATION.test(path) ? djangoMigration(index, reading, path) : NONE));
}

const DJANGO_MIGRATION = /(^|\/)migrations\/[^/]+\.py$/;

/**
 * Each file's part of a stage that is a schema history (migrations are numbered or timed by their
 * names), the files without one left out, in path order: the parts visited as `eachPart` visits
 * them, and the ordered list kept while every part is the same, so that an edit of another file
 * neither looks at every migration again nor sorts them.
 */
async function partsInPathOrder<T>(index: SymbolIndex, stage: string, turns: Turns, compute: (file: FileFacts) => readonly T[]): Promise<readonly (readonly T[])[]> {
  const parts: (readonly T[])[] = [];
  const paths: string[] = [];
  const step = (part: readonly T[], file: FileFacts) => {
    parts.push(part);
    paths.push(file.path);
  };
  // A file worked out again that gives the same operations (a function added to a migration) keeps its part, and the history stays whole.
  await index.eachPart(stage, turns, compute, step, '', samePlainData, isEmpty);
  return index.combined(`${stage}s in path order`, parts, () =>
    parts
      .map((part, at) => ({ part, path: paths[at] as string }))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ part }) => part),
  );
}

/** One migration file's operations. */
function djangoMigration(index: SymbolIndex, reading: ModelReading, path: string): DraftOperation[] {
  const migration = index.file(path)?.symbols.find((symbol) => symbol.kind === 'class' && reading.migrationBases.some((base) => index.ancestry(SymbolId.of(path, symbol.name)).names.includes(base)));
  const attribute = (name: string) => migration?.attributes?.find((candidate) => candidate.name === name)?.shape;
  const list = attribute('operations');
  if (!migration || !list) return [];
  const context = { index, reading, path, app: path.split('/').slice(-3, -2)[0] ?? '', attribute };
  return Shape.items(list).flatMap((item) => (Shape.isCall(item) ? djangoOperation(context, item) : []));
}

interface MigrationContext {
  index: SymbolIndex;
  /** What Django's model reader knows: a migration's fields are read as a model's. */
  reading: ModelReading;
  path: string;
  app: string;
  /** Another attribute of the migration class (`state_operations = [...]`, then `state_operations=state_operations`). */
  attribute(name: string): ValueShape | undefined;
}

function djangoOperation(context: MigrationContext, call: CallValue): DraftOperation[] {
  const { index, reading, path, app } = context;
  const at = { path, line: call.line };
  const keyword = (name: string, position: number) => call.keywords[name] ?? call.args[position];
  const tableOf = (model: string | undefined) => (model ? `${app}.${model}` : undefined);
  switch (Shape.lastName(call.callee)) {
    case 'CreateModel': {
      const name = Shape.string(keyword('name', 0));
      if (!name) return [];
      const options = call.keywords['options'];
      const dbTable = options?.kind === 'other' ? /["']db_table["']\s*:\s*["']([^"']+)["']/.exec(options.text)?.[1] : undefined;
      const entity: DraftEntity = { name, table: dbTable ?? `${app}_${name.toLowerCase()}`, source: 'django-migrations', app, location: at, columns: [], constraints: [], indexes: [] };
      for (const field of Shape.items(keyword('fields', 1))) {
        const [fieldName, fieldValue] = Shape.items(field);
        const column = djangoColumn(index, reading, path, Shape.string(fieldName) ?? '', fieldValue, { path, line: Shape.isCall(fieldValue) ? fieldValue.line : call.line });
        if (column && column.name) entity.columns.push(column);
      }
      return [{ op: 'create-table', entity }];
    }
    case 'DeleteModel': {
      const table = tableOf(Shape.string(keyword('name', 0)));
      return table ? [{ op: 'drop-table', table }] : [];
    }
    case 'RenameModel': {
      const table = tableOf(Shape.string(keyword('old_name', 0)));
      const name = Shape.string(keyword('new_name', 1));
      return table && name ? [{ op: 'rename-table', table, name }] : [];
    }
    case 'AddField':
    case 'AlterField': {
      const table = tableOf(Shape.string(keyword('model_name', 0)));
      const field = keyword('field', 2);
      const column = djangoColumn(index, reading, path, Shape.string(keyword('name', 1)) ?? '', field, { path, line: Shape.isCall(field) ? field.line : call.line });
      if (!table || !column?.name) return [];
      return [{ op: Shape.lastName(call.callee) === 'AddField' ? 'add-column' : 'alter-column', table, column }];
    }
    case 'RemoveField': {
      const table = tableOf(Shape.string(keyword('model_name', 0)));
      const column = Shape.string(keyword('name', 1));
      return table && column ? [{ op: 'drop-column', table, column }] : [];
    }
    case 'RenameField': {
      const table = tableOf(Shape.string(keyword('model_name', 0)));
      const column = Shape.string(keyword('old_name', 1));
      const to = Shape.string(keyword('new_name', 2));
      return table && column && to ? [{ op: 'rename-column', table, column, to }] : [];
    }
    case 'AddIndex': {
      const table = tableOf(Shape.string(keyword('model_name', 0)));
      const value = keyword('index', 1);
      const drafted = value ? djangoIndex(value, at) : undefined;
      return table && drafted ? [{ op: 'create-index', table, index: drafted }] : [];
    }
    case 'RemoveIndex': {
      const name = Shape.string(keyword('name', 1));
      return name ? [{ op: 'drop-index', name }] : [];
    }
    case 'AddConstraint': {
      const table = tableOf(Shape.string(keyword('model_name', 0)));
      const value = keyword('constraint', 1);
      const drafted = value ? djangoConstraint(value, at) : undefined;
      return table && drafted ? [{ op: 'add-constraint', table, constraint: drafted }] : [];
    }
    case 'AlterModelTable': {
      const name = Shape.string(keyword('name', 0));
      const table = tableOf(name);
      const to = Shape.string(keyword('table', 1));
      return table && to ? [{ op: 'rename-table', table, to }] : [];
    }
    case 'SeparateDatabaseAndState':
      // The state operations say what the models became; the database ones only how the tables got there.
      return Shape.items(listOf(context, call.keywords['state_operations'])).flatMap((item) => (Shape.isCall(item) ? djangoOperation(context, item) : []));
    case 'AlterUniqueTogether': {
      const table = tableOf(Shape.string(keyword('name', 0)));
      const constraints = uniqueTogether(keyword('unique_together', 1)).map((columns): DraftConstraint => ({ kind: 'unique', columns, location: at, fromUniqueTogether: true }));
      return table ? [{ op: 'set-unique-together', table, constraints }] : [];
    }
    default:
      return [];
  }
}

/** A list written in place, or named after a class attribute that holds it. */
function listOf(context: MigrationContext, value: ValueShape | undefined): ValueShape | undefined {
  const name = Shape.name(value);
  return name ? context.attribute(name) : value;
}

// ---------------------------------------------------------------- Knex and Kysely schema builders

/**
 * The tables migrations create with a query builder's schema builder, files in path order (migration
 * files are named by their time): Kysely's `db.schema.createTable('user').addColumn('email', 'text',
 * (col) => col.notNull().unique())`, Knex's `knex.schema.createTable('users', (table) => ...)`
 * (its columns are written in the callback, not read here), and Sequelize's
 * `queryInterface.createTable('users', { id: { type: DataTypes.INTEGER, primaryKey: true } })`.
 */
export async function schemaBuilderOperations(index: SymbolIndex, turns = new Turns()): Promise<readonly (readonly DraftOperation[])[]> {
  // Tests create the tables they need, and documentation the tables of its examples: not the application's schema.
  const schemaFile = ({ path, language }: FileFacts) => (language === 'typescript' || language === 'tsx' || language === 'javascript') && !NOT_THE_SCHEMA.test(path);
  return partsInPathOrder(index, 'schema-builder', turns, (file) => (schemaFile(file) ? builtTables(index, file.path) : NONE));
}

const NOT_THE_SCHEMA = /(^|\/)(tests?|__tests__|docs?)\/|\.(spec|test|test-d)\.[cm]?[jt]sx?$/;

function builtTables(index: SymbolIndex, path: string): DraftOperation[] {
  const operations: DraftOperation[] = [];
  for (const symbol of index.file(path)?.symbols ?? []) {
    for (const statement of symbol.statementCalls ?? []) {
      const chain = Shape.chain(statement);
      const [first, ...others] = chain?.steps ?? [];
      // Sequelize's query interface, a migration's parameter or asked of the instance (`sequelize.getQueryInterface().createTable(...)`).
      const queryInterface = first?.method === 'getQueryInterface' || /(^|\.)queryInterface$/.test(chain?.root ?? '');
      const [create, ...rest] = first?.method === 'getQueryInterface' ? others : (chain?.steps ?? []);
      const builder = queryInterface || /(^|\.)schema$/.test(chain?.root ?? '');
      // The table's name as written, or the constant it is given (`createTable(TableUser, ...)`, `TableUser` exported by a shared package).
      const table = create?.method === 'createTable' && builder ? (Shape.string(create.call.args[0]) ?? constantString(index, path, Shape.name(create.call.args[0]))) : undefined;
      if (!create || !table) continue;
      const entity: DraftEntity = { name: table, table, source: 'schema builder', location: { path, line: create.call.line }, columns: [], constraints: [], indexes: [] };
      const attributes = create.call.args[1];
      // Sequelize's attributes: an object of columns, each its options (`{ id: { type: DataTypes.INTEGER, primaryKey: true } }`).
      if (queryInterface && attributes?.kind === 'object') for (const [name, options] of Object.entries(attributes.properties)) entity.columns.push(attributeColumn(name, options, { path, line: create.call.line }));
      for (const { method, call } of rest) {
        const name = method === 'addColumn' ? Shape.string(call.args[0]) : undefined;
        if (name) entity.columns.push(builtColumn(name, Shape.string(call.args[1]) ?? Shape.text(call.args[1]), Shape.text(call.args[2]), { path, line: call.line }));
      }
      operations.push({ op: 'create-table', entity });
    }
  }
  return operations;
}

/** A column of Sequelize's `createTable` attributes: its type, and whether it is the key, unique or required. */
function attributeColumn(name: string, options: ValueShape, location: SourceLocation): DraftColumn {
  const option = (key: string) => (options.kind === 'object' ? options.properties[key] : undefined);
  const type = options.kind === 'object' ? Shape.text(option('type')) : Shape.text(options);
  const column: DraftColumn = { name, type, location, nullable: Shape.name(option('allowNull')) !== 'false' && Shape.name(option('primaryKey')) !== 'true' };
  if (Shape.name(option('primaryKey')) === 'true') column.primaryKey = true;
  if (Shape.name(option('allowNull')) === 'false') column.statedRequired = true;
  if (Shape.name(option('unique')) === 'true') column.unique = true;
  return column;
}

/** A column from Kysely's column builder callback as written (`(col) => col.references('user.id').onDelete('cascade').notNull()`). */
function builtColumn(name: string, type: string, builder: string, location: SourceLocation): DraftColumn {
  const column: DraftColumn = { name, type, location, nullable: !/\.(notNull|primaryKey)\(/.test(builder) };
  if (/\.primaryKey\(/.test(builder)) column.primaryKey = true;
  if (/\.notNull\(/.test(builder)) column.statedRequired = true;
  if (/\.unique\(/.test(builder)) column.unique = true;
  const references = /\.references\(\s*['"`]([\w$]+)\.([\w$]+)['"`]/.exec(builder);
  const onDelete = /\.onDelete\(\s*['"`]([\w ]+)['"`]/.exec(builder)?.[1];
  if (references?.[1]) column.relation = { cardinality: 'many-to-one', target: { table: references[1] }, ...(onDelete ? { onDelete } : {}) };
  return column;
}
