import type { Attribute, CallShape, SymbolDefinition, ValueShape } from '../parse/facts';
import type { ModelFramework, ModelReading } from '../frameworks/frameworks';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type Finding, SymbolId, type SourceLocation } from '../result';
import type { DraftColumn, DraftConstraint, DraftEntity, DraftIndex, DraftRelation } from './entities';
import { type CallValue, Shape } from './shapes';

/** A model class the resolver found, with what the data-model readers need of it. */
export interface ModelClass {
  symbol: string;
  path: string;
  definition: SymbolDefinition;
  framework: string;
  /** The names its framework's reader looks for. */
  reading: ModelReading;
}

/** The model findings of frameworks whose models the data-model stage reads (framework files' `models`). */
export function modelClasses(index: SymbolIndex, findings: readonly Finding[], modelFrameworks: ReadonlyMap<string, ModelFramework>): ModelClass[] {
  const models: ModelClass[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const framework = finding.details.framework;
    const known = framework === undefined ? undefined : modelFrameworks.get(framework);
    if (finding.category !== 'model' || seen.has(finding.symbol) || !known || framework === undefined) continue;
    const definition = index.definition(finding.symbol);
    if (definition?.kind !== 'class' && !(definition?.kind === 'variable' && known.objects)) continue;
    seen.add(finding.symbol);
    models.push({ symbol: finding.symbol, path: SymbolId.parse(finding.symbol).path, definition, framework, reading: known.reading });
  }
  return models;
}

/** The attributes a model's table gets: its own and those of the workspace classes it derives from (mixins, abstract models), nearest last. */
export function columnAttributes(index: SymbolIndex, model: ModelClass): { attribute: Attribute; path: string }[] {
  const byName = new Map<string, { attribute: Attribute; path: string }>();
  for (const ancestor of [...index.ancestry(model.symbol).classes].reverse()) {
    const definition = index.definition(ancestor);
    for (const attribute of definition?.attributes ?? []) byName.set(attribute.name, { attribute, path: SymbolId.parse(ancestor).path });
  }
  for (const attribute of model.definition.attributes ?? []) byName.set(attribute.name, { attribute, path: model.path });
  return [...byName.values()];
}

/** The value of a `class Meta:` option (Django), looked up on the model and the workspace classes it derives from. */
export function metaOption(index: SymbolIndex, model: ModelClass, option: string, inherited = true): ValueShape | undefined {
  const classes = inherited ? [model.symbol, ...index.ancestry(model.symbol).classes] : [model.symbol];
  for (const symbol of classes) {
    const value = index.definition(`${symbol}.Meta`)?.attributes?.find((attribute) => attribute.name === option)?.shape;
    if (value) return value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------- Django

/** A Django model's table: its concrete fields (inherited from abstract models too), `Meta` constraints and indexes. */
export function djangoEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  if (Shape.isTrue(metaOption(index, model, 'abstract', false)) || Shape.isTrue(metaOption(index, model, 'proxy', false))) return undefined;
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const columns = fieldColumns(index, model, location);
  const app = appLabel(index, model);
  const table = Shape.string(metaOption(index, model, 'db_table', false)) ?? `${app}_${name.toLowerCase()}`;
  const { constraints, indexes } = djangoMeta(index, model, location);
  return { name, table, source: 'django', symbol: model.symbol, app, location, columns, constraints, indexes };
}

/**
 * A Tortoise ORM model's table: its fields and `Meta.abstract` are written as Django's
 * (`fields.CharField(...)`, `fields.ForeignKeyField("models.Team")`), its table is `Meta.table` or
 * else the class name in lower case, as Tortoise names it.
 */
export function tortoiseEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  if (Shape.isTrue(metaOption(index, model, 'abstract', false))) return undefined;
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const table = Shape.string(metaOption(index, model, 'table', false)) ?? name.toLowerCase();
  return { name, table, source: 'tortoise', symbol: model.symbol, location, columns: fieldColumns(index, model, location), constraints: [], indexes: [] };
}

/**
 * A peewee model's table: its fields are written as Django's (`CharField(null=True)`,
 * `ForeignKeyField(User, backref="tweets")`), its table is `Meta.table_name`, which subclasses do not
 * inherit, or else the class name in lower case ("Models and Fields", "Model options").
 */
export function peeweeEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const table = Shape.string(metaOption(index, model, 'table_name', false)) ?? name.toLowerCase();
  return { name, table, source: 'peewee', symbol: model.symbol, location, columns: fieldColumns(index, model, location), constraints: [], indexes: [] };
}

/** A model's fields as columns (its own and those of the classes it derives from), with the `id` these ORMs add when none is the primary key. */
function fieldColumns(index: SymbolIndex, model: ModelClass, location: SourceLocation): DraftColumn[] {
  const columns: DraftColumn[] = [];
  for (const { attribute, path } of columnAttributes(index, model)) {
    const column = djangoColumn(index, model.reading, path, attribute.name, attribute.shape, { path, line: attribute.line }, model.symbol);
    if (column) columns.push(column);
  }
  if (!columns.some((column) => column.primaryKey)) columns.unshift({ name: 'id', type: 'AutoField (implicit)', location, primaryKey: true, nullable: false });
  return columns;
}

/**
 * One Django field as a column, or undefined when the value is no field: a call whose callee ends
 * in `Field` or is a relation (`ForeignKey`), as Django and the packages that extend it name them.
 * Used for model classes and for migrations' `CreateModel`/`AddField`, so both read alike.
 */
export function djangoColumn(index: SymbolIndex, reading: ModelReading, path: string, name: string, shape: ValueShape | undefined, location: SourceLocation, ownSymbol?: string): DraftColumn | undefined {
  if (!Shape.isCall(shape) || shape.receiver) return undefined;
  const kind = Shape.lastName(shape.callee);
  if (reading.virtualFields.has(kind) || !(/Field$/.test(kind) || reading.relations.has(kind))) return undefined;
  const keyword = (key: string) => shape.keywords[key];
  const cardinality = reading.relations.get(kind);
  const nullable = Shape.isTrue(keyword('null')) || cardinality === 'many-to-many';
  const column: DraftColumn = { name, type: Shape.text({ ...shape, callee: kind, args: cardinality ? shape.args.slice(0, 1) : shape.args }), location, nullable };
  if (Shape.isTrue(keyword('primary_key'))) column.primaryKey = true;
  if (Shape.isTrue(keyword('unique')) || cardinality === 'one-to-one') column.unique = true;
  if (Shape.isTrue(keyword('db_index'))) column.indexed = true;
  const defaultValue = keyword('default');
  if (defaultValue) column.default = Shape.text(defaultValue);
  const choices = keyword('choices');
  if (choices) column.choices = choicesText(choices);
  const bounds = validatorBounds(name, keyword('validators'));
  if (bounds) column.check = bounds;
  if (cardinality) {
    const target = keyword('to') ?? shape.args[0];
    const onDelete = keyword('on_delete') ?? shape.args[1];
    column.relation = {
      cardinality,
      target: djangoTarget(index, path, target, ownSymbol),
      ...(onDelete && Shape.name(onDelete) ? { onDelete: Shape.lastName(Shape.name(onDelete) ?? '') } : {}),
    };
    if (!nullable) column.statedRequired = true;
  }
  return column;
}

/** `User`, `"self"`, `"shop.Order"`, `settings.AUTH_USER_MODEL`: the model a relation field names. */
function djangoTarget(index: SymbolIndex, path: string, target: ValueShape | undefined, ownSymbol: string | undefined): DraftRelation['target'] {
  const written = Shape.string(target) ?? Shape.name(target);
  if (!written) return {};
  if (written === 'self' && ownSymbol) return { symbol: ownSymbol };
  if (/AUTH_USER_MODEL$/.test(written)) return { className: 'User' }; // Django's default user model, and the usual name of a custom one
  if (target?.kind === 'name') {
    const symbol = index.resolve(path, written);
    if (symbol) return { symbol };
  }
  return { className: Shape.lastName(written) };
}

/** `choices=Status.choices` or a literal list of pairs: told by name, or by the stored values. */
function choicesText(choices: ValueShape): string {
  if (choices.kind === 'list') {
    const values = choices.items.map((item) => (item.kind === 'list' ? Shape.text(item.items[0]) : Shape.text(item)));
    return values.length ? values.join(', ') : Shape.text(choices);
  }
  return Shape.text(choices);
}

/** `validators=[MinValueValidator(1)]` → `quantity >= 1`. */
function validatorBounds(name: string, validators: ValueShape | undefined): string | undefined {
  const bounds = Shape.items(validators).flatMap((validator) => {
    if (!Shape.isCall(validator)) return [];
    const kind = Shape.lastName(validator.callee);
    const value = Shape.text(validator.args[0] ?? validator.keywords['limit_value']);
    if (kind === 'MinValueValidator') return [`${name} >= ${value}`];
    if (kind === 'MaxValueValidator') return [`${name} <= ${value}`];
    return [];
  });
  return bounds.length ? bounds.join(' and ') : undefined;
}

function djangoMeta(index: SymbolIndex, model: ModelClass, location: SourceLocation): { constraints: DraftConstraint[]; indexes: DraftIndex[] } {
  const constraints: DraftConstraint[] = [];
  const indexes: DraftIndex[] = [];
  const metaLocation = (option: string) => {
    for (const symbol of [model.symbol, ...index.ancestry(model.symbol).classes]) {
      const attribute = index.definition(`${symbol}.Meta`)?.attributes?.find((candidate) => candidate.name === option);
      if (attribute) return { path: SymbolId.parse(symbol).path, line: attribute.line };
    }
    return location;
  };
  for (const group of uniqueTogether(metaOption(index, model, 'unique_together'))) constraints.push({ kind: 'unique', columns: group, location: metaLocation('unique_together') });
  for (const group of uniqueTogether(metaOption(index, model, 'index_together'))) indexes.push({ columns: group, unique: false, location: metaLocation('index_together') });
  for (const item of Shape.items(metaOption(index, model, 'indexes'))) {
    const drafted = djangoIndex(item, metaLocation('indexes'));
    if (drafted) indexes.push(drafted);
  }
  for (const item of Shape.items(metaOption(index, model, 'constraints'))) {
    const drafted = djangoConstraint(item, metaLocation('constraints'));
    if (drafted) constraints.push(drafted);
  }
  return { constraints, indexes };
}

/** `("a", "b")` or `[("a", "b"), ("c", "d")]`: Django accepts one group or several. */
export function uniqueTogether(value: ValueShape | undefined): string[][] {
  const items = Shape.items(value);
  if (items.length && items.every((item) => item.kind === 'string')) return [Shape.strings(value)];
  return items.map((item) => Shape.strings(item)).filter((group) => group.length > 0);
}

/** `models.Index(fields=["user", "-created"], name=...)`. */
export function djangoIndex(value: ValueShape, location: SourceLocation): DraftIndex | undefined {
  if (!Shape.isCall(value)) return undefined;
  const columns = Shape.strings(value.keywords['fields']).map((field) => field.replace(/^-/, ''));
  const name = Shape.string(value.keywords['name']);
  return columns.length ? { columns, unique: false, location: lineOf(value, location), ...(name ? { name } : {}) } : undefined;
}

/** `models.UniqueConstraint(fields=[...])`, `models.CheckConstraint(check=Q(...))` (`condition=` since Django 5.1). */
export function djangoConstraint(value: ValueShape, location: SourceLocation): DraftConstraint | undefined {
  if (!Shape.isCall(value)) return undefined;
  const kind = Shape.lastName(value.callee);
  if (kind === 'UniqueConstraint') {
    const columns = Shape.strings(value.keywords['fields']);
    return columns.length ? { kind: 'unique', columns, location: lineOf(value, location) } : undefined;
  }
  if (kind === 'CheckConstraint') {
    const check = value.keywords['condition'] ?? value.keywords['check'];
    return check ? { kind: 'check', columns: [], expression: Shape.text(check, 120), location: lineOf(value, location) } : undefined;
  }
  return undefined;
}

function lineOf(value: CallValue, location: SourceLocation): SourceLocation {
  return { path: location.path, line: value.line };
}

/** The app a model belongs to: `Meta.app_label`, else the package its models module is in (`shop/models.py`, `shop/models/order.py` → `shop`). */
function appLabel(index: SymbolIndex, model: ModelClass): string {
  const stated = Shape.string(metaOption(index, model, 'app_label'));
  if (stated) return stated;
  const folders = model.path.split('/').slice(0, -1);
  if (folders[folders.length - 1] === 'models') folders.pop();
  return folders[folders.length - 1] ?? '';
}

// ------------------------------------------------------------------------------ SQLAlchemy, SQLModel

/** A declarative SQLAlchemy model or an SQLModel table: columns from `Column`/`mapped_column`/`Field` and annotations, `__table_args__`. */
export function sqlalchemyEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const attributes = columnAttributes(index, model);
  const tableAttribute = attributes.find(({ attribute }) => attribute.name === '__tablename__')?.attribute;
  const table = Shape.string(tableAttribute?.shape) ?? (model.reading.reader === 'sqlmodel' ? name.toLowerCase() : snakeCase(name));
  const columns: DraftColumn[] = [];
  const constraints: DraftConstraint[] = [];
  const indexes: DraftIndex[] = [];
  for (const { attribute, path } of attributes) {
    const at = { path, line: attribute.line };
    if (attribute.name === '__table_args__') {
      tableArguments(attribute.shape, at, constraints, indexes);
      continue;
    }
    const column = model.reading.reader === 'sqlmodel' ? sqlmodelColumn(attribute, at) : sqlalchemyColumn(model.reading, attribute, at);
    if (column) columns.push(column);
  }
  if (!columns.length) return undefined;
  return { name, table, source: model.framework, symbol: model.symbol, location, columns, constraints, indexes };
}

function sqlalchemyColumn(reading: ModelReading, attribute: Attribute, location: SourceLocation): DraftColumn | undefined {
  const shape = attribute.shape;
  if (!Shape.isCall(shape) || !reading.columns.has(Shape.lastName(shape.callee))) return undefined;
  const positional = shape.args.filter((argument) => argument.kind !== 'string');
  const foreignKey = positional.find((argument) => Shape.isCall(argument) && Shape.lastName(argument.callee) === 'ForeignKey');
  const declaredType = positional.find((argument) => argument !== foreignKey) ?? shape.keywords['type_'];
  const annotation = attribute.type && attribute.type !== shape.callee ? attribute.type : undefined;
  const primaryKey = Shape.isTrue(shape.keywords['primary_key']);
  const statedNullable = shape.keywords['nullable'];
  // `Column` is nullable unless told; `mapped_column` follows the `Mapped[...]` annotation.
  const optional = annotation ? /Optional\[|\|\s*None|None\s*\|/.test(annotation) : Shape.lastName(shape.callee) === 'Column';
  const nullable = statedNullable ? Shape.isTrue(statedNullable) : !primaryKey && optional;
  const column: DraftColumn = { name: attribute.name, type: declaredType ? Shape.text(declaredType) : (annotation ?? ''), location, nullable };
  if (!nullable && !primaryKey) column.statedRequired = true;
  if (primaryKey) column.primaryKey = true;
  if (Shape.isTrue(shape.keywords['unique'])) column.unique = true;
  if (Shape.isTrue(shape.keywords['index'])) column.indexed = true;
  const defaultValue = shape.keywords['default'] ?? shape.keywords['server_default'];
  if (defaultValue) column.default = Shape.text(defaultValue);
  if (Shape.isCall(foreignKey)) column.relation = foreignKeyRelation(Shape.string(foreignKey.args[0]) ?? Shape.text(foreignKey.args[0]), foreignKey.keywords['ondelete'], column.unique === true);
  return column;
}

/** SQLModel: every annotated attribute is a column, `Field(...)` adds its options; `Relationship(...)` is none. */
function sqlmodelColumn(attribute: Attribute, location: SourceLocation): DraftColumn | undefined {
  const shape = attribute.shape;
  const field = Shape.isCall(shape) && Shape.lastName(shape.callee) === 'Field' ? shape : undefined;
  const annotation = attribute.type && (!Shape.isCall(shape) || attribute.type !== shape.callee) ? attribute.type : undefined;
  if (!annotation || attribute.name.startsWith('_') || /ClassVar|Relationship|Mapped|list\[|List\[/.test(annotation) || (Shape.isCall(shape) && !field)) return undefined;
  const primaryKey = Shape.isTrue(field?.keywords['primary_key']);
  const statedNullable = field?.keywords['nullable'];
  const nullable = statedNullable ? Shape.isTrue(statedNullable) : !primaryKey && /Optional\[|\|\s*None|None\s*\|/.test(annotation);
  const column: DraftColumn = { name: attribute.name, type: annotation, location, nullable };
  if (!nullable && !primaryKey) column.statedRequired = true;
  if (primaryKey) column.primaryKey = true;
  if (Shape.isTrue(field?.keywords['unique'])) column.unique = true;
  if (Shape.isTrue(field?.keywords['index'])) column.indexed = true;
  const defaultValue = field?.keywords['default'] ?? (field ? undefined : shape);
  if (defaultValue && !(defaultValue.kind === 'name' && defaultValue.value === 'None')) column.default = Shape.text(defaultValue);
  const foreignKey = Shape.string(field?.keywords['foreign_key']);
  if (foreignKey) column.relation = foreignKeyRelation(foreignKey, field?.keywords['ondelete'], column.unique === true);
  return column;
}

/** `"users.id"` → the `users` table's `id`. */
export function foreignKeyRelation(reference: string, onDelete: ValueShape | undefined, unique: boolean): DraftRelation {
  const dot = reference.lastIndexOf('.');
  const table = dot < 0 ? reference : reference.slice(0, dot);
  const column = dot < 0 ? undefined : reference.slice(dot + 1);
  const action = Shape.string(onDelete);
  return { cardinality: unique ? 'one-to-one' : 'many-to-one', target: { table: table.slice(table.lastIndexOf('.') + 1) }, ...(column ? { column } : {}), ...(action ? { onDelete: action } : {}) };
}

/** `__table_args__ = (UniqueConstraint("a", "b"), Index("ix", "a"), CheckConstraint("price >= 0"), {...})`. */
function tableArguments(value: ValueShape | undefined, location: SourceLocation, constraints: DraftConstraint[], indexes: DraftIndex[]): void {
  for (const item of Shape.items(value)) {
    if (!Shape.isCall(item)) continue;
    const kind = Shape.lastName(item.callee);
    const at = { path: location.path, line: item.line };
    const names = item.args.map((argument) => Shape.string(argument) ?? Shape.name(argument)?.split('.').pop() ?? '').filter(Boolean);
    if (kind === 'UniqueConstraint') constraints.push({ kind: 'unique', columns: names, location: at });
    else if (kind === 'CheckConstraint') constraints.push({ kind: 'check', columns: [], expression: Shape.string(item.args[0]) ?? Shape.text(item.args[0]), location: at });
    else if (kind === 'Index') {
      const name = names.shift();
      indexes.push({ columns: names, unique: Shape.isTrue(item.keywords['unique']), location: at, ...(name ? { name } : {}) });
    }
  }
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

// ------------------------------------------------------------------------------------------- Emmett

/**
 * An Emmett model (emmett.sh/docs/orm/models): columns are the attributes made by `Field()` (a
 * string) or a typed maker (`Field.text()`, `Field.datetime()`), its own and its workspace bases';
 * the table is the `tablename` the class itself declares (a subclass gets its own, as
 * `MetaModel` reads only the class body), else the class name in snake case with an "s".
 */
export function emmettEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const name = SymbolId.parse(model.symbol).name;
  const attributes = columnAttributes(index, model);
  const columns: DraftColumn[] = [];
  for (const { attribute, path } of attributes) {
    const shape = attribute.shape;
    if (!Shape.isCall(shape)) continue;
    const [maker, type] = shape.callee.split('.');
    if (maker === undefined || !model.reading.columns.has(maker)) continue;
    const column: DraftColumn = { name: attribute.name, type: type ?? 'string', location: { path, line: attribute.line }, nullable: true };
    if (Shape.isTrue(shape.keywords['unique'])) column.unique = true;
    const defaultValue = shape.keywords['default'];
    if (defaultValue) column.default = Shape.text(defaultValue);
    columns.push(column);
  }
  if (!columns.length) return undefined;
  const table = Shape.string(model.definition.attributes?.find((attribute) => attribute.name === 'tablename')?.shape) ?? `${snakeCase(name)}s`;
  return { name, table, source: model.framework, symbol: model.symbol, location: { path: model.path, line: model.definition.range.start.line }, columns, constraints: [], indexes: [] };
}

// ------------------------------------------------------------------------------------------ TypeORM

/**
 * A TypeORM entity (and a MikroORM one, written alike): `@Entity('name')`, columns from `@Column(...)` and its kin (options object:
 * `nullable`, `unique`, `default`, `type`), relations from `@ManyToOne(() => User, ..., { onDelete })`
 * (the owning side; `@OneToMany` is its inverse and holds no column), `@Index([...])` and
 * `@Unique([...])` on the class. TypeORM's default table name is the class name in snake case.
 */
export function typeormEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const entityDecorator = model.definition.decorators.find((decorator) => /(^|\.)(Entity|ViewEntity)$/.test(decorator));
  const entityCall = entityDecorator ? model.definition.decoratorCalls?.[entityDecorator] : undefined;
  // TypeORM names the table `@Entity('orders')` or `{ name }`, MikroORM `{ tableName }`.
  const table = quoted(entityCall?.keywords['name'] ?? entityCall?.keywords['tableName'] ?? entityCall?.args.find((argument) => /^['"`]/.test(argument))) ?? snakeCase(name);
  const columns: DraftColumn[] = [];
  for (const { attribute, path } of columnAttributes(index, model)) {
    const at = { path, line: attribute.line };
    for (const decorator of attribute.decorators ?? []) {
      const kind = Shape.lastName(decorator);
      const call = attribute.decoratorCalls?.[decorator];
      const options = call?.keywords ?? {};
      const cardinality = model.reading.relations.get(kind);
      if (model.reading.columns.has(kind)) {
        const primaryKey = kind.startsWith('Primary') || kind === 'ObjectIdColumn';
        const nullable = options['nullable'] === 'true';
        const column: DraftColumn = { name: attribute.name, type: quoted(options['type'] ?? call?.args.find((argument) => /^['"`]/.test(argument))) ?? attribute.type ?? kind, location: at, nullable };
        if (primaryKey) column.primaryKey = true;
        if (options['unique'] === 'true') column.unique = true;
        if (options['default'] !== undefined) column.default = options['default'];
        columns.push(column);
      } else if (cardinality) {
        const target = /=>\s*(?:\(\s*)?([A-Z][\w$]*)/.exec(call?.args[0] ?? '')?.[1] ?? (attribute.type === undefined ? undefined : /^[\w$]*/.exec(attribute.type)?.[0]);
        const onDelete = quoted(options['onDelete']);
        const nullable = options['nullable'] !== 'false' || cardinality === 'many-to-many';
        const symbol = target ? index.resolve(path, target) : undefined;
        columns.push({
          name: attribute.name,
          type: `${kind} → ${target ?? '?'}`,
          location: at,
          nullable,
          ...(nullable ? {} : { statedRequired: true }),
          relation: { cardinality, target: symbol ? { symbol } : { className: target ?? '' }, ...(onDelete ? { onDelete } : {}) },
        });
      }
    }
  }
  if (!columns.length) return undefined;
  const constraints: DraftConstraint[] = [];
  const indexes: DraftIndex[] = [];
  for (const decorator of model.definition.decorators) {
    const kind = Shape.lastName(decorator);
    const columnsOf = (call: CallShape | undefined) => (call?.args.find((argument) => argument.startsWith('[')) ?? '').match(/['"`]([^'"`]+)['"`]/g)?.map((text) => text.slice(1, -1)) ?? [];
    const call = model.definition.decoratorCalls?.[decorator];
    if (kind === 'Index' && columnsOf(call).length) indexes.push({ columns: columnsOf(call), unique: call?.keywords['unique'] === 'true', location });
    if (kind === 'Unique' && columnsOf(call).length) constraints.push({ kind: 'unique', columns: columnsOf(call), location });
  }
  return { name, table, source: model.framework, symbol: model.symbol, location, columns, constraints, indexes };
}

/** `'users'` → users; anything else (an expression) → undefined. */
export function quoted(written: string | undefined): string | undefined {
  return written ? /^(['"`])([^'"`]*)\1$/.exec(written.trim())?.[2] : undefined;
}
