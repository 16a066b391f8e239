/**
 * Models declared as objects rather than as classes with typed attributes: Mongoose schemas and
 * Sequelize attributes (`define`, `Model.init`) and associations (`belongsTo`, `hasMany`...).
 */
import { camelize, pluralize } from 'inflection';
import type { ValueShape } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { SymbolId, type SourceLocation } from '../result';
import type { DraftColumn, DraftEntity, DraftIndex, DraftRelation } from './entities';
import { columnAttributes, type ModelClass, quoted } from './models';
import { Shape } from './shapes';

// ------------------------------------------------------------------------------------------ Mongoose

/**
 * A Mongoose model: `mongoose.model('User', userSchema)` over `new Schema({ email: { type: String,
 * required: true, unique: true }, org: { type: Schema.Types.ObjectId, ref: 'Org' } }, { timestamps: true })`
 * and its `userSchema.index({ org: 1, createdAt: -1 })`. The collection is the model's name in lower
 * case and plural unless the call or the options name it; every document has an `_id`.
 */
export function mongooseEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const { value, shape } = model.definition;
  const name = quoted(value?.args[0]);
  // The schema written in the call (`model('User', new Schema({...}))`), or named (`model('User', userSchema)`).
  const inline = Shape.isCall(shape) && Shape.isCall(shape.args[1]) ? shape.args[1] : undefined;
  const schemaSymbol = inline ? undefined : index.resolve(model.path, value?.args[1] ?? '');
  const schema = inline ?? index.definition(schemaSymbol ?? '')?.shape;
  if (!name || !Shape.isCall(schema) || !/(^|\.)Schema$/.test(schema.callee)) return undefined;
  const fields = schema.args[0];
  const options = schema.args[1];
  const location = { path: model.path, line: model.definition.range.start.line };
  const at = { path: schemaSymbol ? SymbolId.parse(schemaSymbol).path : model.path, line: schema.line };
  const columns: DraftColumn[] = [];
  if (!Shape.isFalse(Shape.property(options, '_id'))) columns.push({ name: '_id', type: 'ObjectId', location: at, nullable: false, primaryKey: true });
  if (fields?.kind === 'object') columns.push(...mongooseFields(fields, '', at));
  const timestamps = Shape.property(options, 'timestamps');
  if (timestamps && !Shape.isFalse(timestamps)) {
    for (const stamp of ['createdAt', 'updatedAt']) columns.push({ name: Shape.string(Shape.property(timestamps, stamp)) ?? stamp, type: 'Date', location: at, nullable: false });
  }
  const collection = quoted(value?.args[2]) ?? Shape.string(Shape.property(options, 'collection')) ?? pluralize(name.toLowerCase());
  const indexes = schemaSymbol ? schemaIndexes(index.definition(schemaSymbol)?.statementCalls ?? [], at.path) : [];
  return { name, table: collection, source: 'mongoose', symbol: model.symbol, location, columns, constraints: [], indexes };
}

/** Mongoose's scalar types and how a schema names them: `String`, `Schema.Types.ObjectId`, `[String]`. */
function mongooseType(shape: ValueShape | undefined): string {
  if (shape?.kind === 'list') return `[${mongooseType(shape.items[0])}]`;
  return Shape.lastName(Shape.name(shape) ?? Shape.text(shape, 40)) || 'Mixed';
}

function mongooseFields(fields: Extract<ValueShape, { kind: 'object' }>, prefix: string, at: SourceLocation): DraftColumn[] {
  const columns: DraftColumn[] = [];
  for (const [key, value] of Object.entries(fields.properties)) {
    const name = `${prefix}${key}`;
    // `{ street: String, city: String }` without a `type`: nested paths, each a field of its own.
    if (value.kind === 'object' && !value.properties['type']) {
      columns.push(...mongooseFields(value, `${name}.`, at));
      continue;
    }
    const options = value.kind === 'object' ? value : value.kind === 'list' && value.items[0]?.kind === 'object' ? value.items[0] : undefined;
    const type = options ? Shape.property(options, 'type') : value;
    const many = value.kind === 'list' || type?.kind === 'list';
    const required = requiredFlag(Shape.property(options, 'required'));
    const column: DraftColumn = { name, type: many && type?.kind !== 'list' ? `[${mongooseType(type)}]` : mongooseType(type), location: at, nullable: !required };
    if (required) column.statedRequired = true;
    if (Shape.isTrue(Shape.property(options, 'unique'))) column.unique = true;
    if (Shape.isTrue(Shape.property(options, 'index'))) column.indexed = true;
    const fallback = Shape.property(options, 'default');
    if (fallback) column.default = Shape.text(fallback);
    const allowed = Shape.property(options, 'enum');
    if (allowed) column.choices = Shape.text(allowed);
    const check = boundsCheck(name, options);
    if (check) column.check = check;
    // `ref: 'User'` names a model as Mongoose registers it, by its name, not a variable of this file.
    const reference = Shape.string(Shape.property(options, 'ref'));
    if (reference) column.relation = { cardinality: many ? 'many-to-many' : 'many-to-one', target: { className: reference } };
    columns.push(column);
  }
  return columns;
}

/** `min: 0, max: 5` (Mongoose options, Sequelize's `validate`) as the check they make: `age >= 0 AND age <= 5`. */
function boundsCheck(name: string, options: ValueShape | undefined): string | undefined {
  const bounds = [['min', '>='], ['max', '<=']].flatMap(([option = '', operator]) => {
    const bound = Shape.property(options, option);
    return bound?.kind === 'number' ? [`${name} ${operator} ${bound.value}`] : [];
  });
  return bounds.length ? bounds.join(' AND ') : undefined;
}

/** `required: true`, `required: [true, 'message']`; a function decides at run time: not stated. */
function requiredFlag(shape: ValueShape | undefined): boolean {
  return Shape.isTrue(shape) || (shape?.kind === 'list' && Shape.isTrue(shape.items[0]));
}

/** `schema.index({ user: 1, createdAt: -1 }, { unique: true })`. */
function schemaIndexes(calls: readonly ValueShape[], path: string): DraftIndex[] {
  return calls.flatMap((call) => {
    const fields = Shape.isCall(call) && /\.index$/.test(call.callee) ? call.args[0] : undefined;
    if (fields?.kind !== 'object' || !Shape.isCall(call)) return [];
    return [{ columns: Object.keys(fields.properties), unique: Shape.isTrue(Shape.property(call.args[1], 'unique')), location: { path, line: call.line } }];
  });
}

// ----------------------------------------------------------------------------------------- Sequelize

/**
 * A Sequelize model: `sequelize.define('User', attributes, options)` or `class User extends Model`
 * with `User.init(attributes, options)`; attributes `{ email: { type: DataTypes.STRING, allowNull:
 * false, unique: true }, orgId: { type: DataTypes.INTEGER, references: { model: 'orgs' } } }`, and
 * `belongsTo`/`belongsToMany` associations on the model. The table is the plural of the model's name
 * unless `tableName` or `freezeTableName` says otherwise; an `id` and the timestamps come by default.
 */
export function sequelizeEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const own = SymbolId.parse(model.symbol).name;
  const calls = model.definition.statementCalls ?? [];
  const init = model.definition.kind === 'class' ? calls.find((call) => Shape.isCall(call) && call.callee.endsWith('.init')) : model.definition.shape;
  if (!Shape.isCall(init)) return model.definition.kind === 'class' ? decoratedSequelizeEntity(index, model) : undefined;
  const defined = model.definition.kind !== 'class';
  const name = defined ? (Shape.string(init.args[0]) ?? own) : own;
  const attributes = init.args[defined ? 1 : 0];
  const options = init.args[defined ? 2 : 1];
  const at = { path: model.path, line: init.line };
  const columns: DraftColumn[] = attributes?.kind === 'object' ? Object.entries(attributes.properties).map(([key, value]) => sequelizeColumn(index, model.path, key, value, at)) : [];
  if (!columns.some((column) => column.primaryKey)) columns.unshift({ name: 'id', type: 'INTEGER', location: at, nullable: false, primaryKey: true });
  if (!Shape.isFalse(Shape.property(options, 'timestamps'))) {
    for (const stamp of ['createdAt', 'updatedAt']) if (!columns.some((column) => column.name === stamp)) columns.push({ name: stamp, type: 'DATE', location: at, nullable: false });
  }
  for (const call of calls) {
    const association = Shape.isCall(call) ? model.reading.relations.get(Shape.lastName(call.callee)) : undefined;
    if (!association || !Shape.isCall(call)) continue;
    const { name: target, symbol } = associated(index, model.path, call.args[0]);
    const key = foreignKeyName(Shape.property(call.args[1], 'foreignKey')) ?? `${camelize(target, true)}Id`;
    const onDelete = Shape.string(Shape.property(call.args[1], 'onDelete'));
    const relation: DraftRelation = { cardinality: association, target: symbol ? { symbol } : { className: target }, ...(onDelete ? { onDelete } : {}) };
    const existing = columns.find((column) => column.name === key);
    if (existing) existing.relation = relation;
    else columns.push({ name: association === 'many-to-many' ? Shape.string(Shape.property(call.args[1], 'through')) ?? key : key, type: `${Shape.lastName(call.callee)} → ${target}`, location: { path: model.path, line: call.line }, nullable: true, relation });
  }
  const freeze = Shape.isTrue(Shape.property(options, 'freezeTableName'));
  const table = Shape.string(Shape.property(options, 'tableName')) ?? (freeze ? name : pluralize(name));
  return { name, table, source: 'sequelize', symbol: model.symbol, location: { path: model.path, line: model.definition.range.start.line }, columns, constraints: [], indexes: [] };
}

/** The field decorators of sequelize-typescript that make a column. */
const SEQUELIZE_COLUMN_DECORATORS = new Set(['Column', 'CreatedAt', 'UpdatedAt', 'DeletedAt']);

/**
 * A sequelize-typescript model (its README, "Model definition"): `@Table({ tableName })` on the
 * class, `@Column(DataType.STRING)` or `@Column({ type, allowNull, unique })` on each column field,
 * with `@PrimaryKey`, `@AllowNull(false)`, `@Unique`, `@Default(...)` and `@ForeignKey(() => User)`
 * beside it, and the timestamps `@CreatedAt`/`@UpdatedAt`/`@DeletedAt`: its own fields and those of
 * the workspace classes it derives from (a base holding `id`).
 */
function decoratedSequelizeEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const tableDecorator = model.definition.decorators.find((decorator) => Shape.lastName(decorator) === 'Table');
  if (!tableDecorator) return undefined;
  const name = SymbolId.parse(model.symbol).name;
  const columns: DraftColumn[] = [];
  for (const { attribute, path } of columnAttributes(index, model)) {
    const decorators = new Map((attribute.decorators ?? []).map((decorator) => [Shape.lastName(decorator), attribute.decoratorCalls?.[decorator]]));
    const kind = [...decorators.keys()].find((decorator) => SEQUELIZE_COLUMN_DECORATORS.has(decorator));
    if (kind === undefined) continue;
    const call = decorators.get(kind);
    const options = call?.keywords ?? {};
    const type = options['type'] ?? call?.args[0];
    const primaryKey = decorators.has('PrimaryKey') || options['primaryKey'] === 'true';
    const required = decorators.get('AllowNull')?.args[0] === 'false' || options['allowNull'] === 'false';
    const column: DraftColumn = { name: attribute.name, type: type !== undefined && !type.startsWith('{') ? Shape.lastName(type) : kind === 'Column' ? (attribute.type ?? kind) : 'DATE', location: { path, line: attribute.line }, nullable: !primaryKey && !required && kind !== 'CreatedAt' && kind !== 'UpdatedAt' };
    if (primaryKey) column.primaryKey = true;
    if (required) column.statedRequired = true;
    if (decorators.has('Unique') || options['unique'] === 'true') column.unique = true;
    const fallback = decorators.get('Default')?.args[0] ?? options['defaultValue'];
    if (fallback !== undefined) column.default = fallback;
    const target = /=>\s*(?:\(\s*)?([A-Z][\w$]*)/.exec(decorators.get('ForeignKey')?.args[0] ?? '')?.[1];
    if (target) {
      const symbol = index.resolve(path, target);
      column.relation = { cardinality: 'many-to-one', target: symbol ? { symbol } : { className: target } };
    }
    columns.push(column);
  }
  const options = model.definition.decoratorCalls?.[tableDecorator]?.keywords ?? {};
  const table = quoted(options['tableName']) ?? (options['freezeTableName'] === 'true' ? name : pluralize(name));
  return { name, table, source: 'sequelize', symbol: model.symbol, location: { path: model.path, line: model.definition.range.start.line }, columns, constraints: [], indexes: [] };
}

function sequelizeColumn(index: SymbolIndex, path: string, name: string, value: ValueShape, at: SourceLocation): DraftColumn {
  const options = value.kind === 'object' ? value : undefined;
  const type = options ? Shape.property(options, 'type') : value;
  const column: DraftColumn = { name, type: dataType(type), location: at, nullable: !Shape.isFalse(Shape.property(options, 'allowNull')) };
  if (!column.nullable) column.statedRequired = true;
  if (Shape.isTrue(Shape.property(options, 'primaryKey'))) {
    column.primaryKey = true;
    column.nullable = false;
    delete column.statedRequired;
  }
  if (Shape.isTrue(Shape.property(options, 'unique')) || Shape.string(Shape.property(options, 'unique'))) column.unique = true;
  const fallback = Shape.property(options, 'defaultValue');
  if (fallback) column.default = Shape.text(fallback);
  const allowed = Shape.property(options, 'values') ?? (Shape.isCall(type) && /ENUM$/.test(type.callee) ? { kind: 'list' as const, items: type.args } : undefined);
  if (allowed) column.choices = Shape.text(allowed);
  const check = boundsCheck(name, Shape.property(options, 'validate'));
  if (check) column.check = check;
  const references = Shape.property(options, 'references');
  const referenced = Shape.property(references, 'model');
  if (referenced) {
    const table = Shape.string(referenced);
    const symbol = table ? undefined : index.resolve(path, Shape.name(referenced) ?? '');
    const onDelete = Shape.string(Shape.property(options, 'onDelete'));
    column.relation = { cardinality: 'many-to-one', target: table ? { table } : symbol ? { symbol } : { className: Shape.name(referenced) ?? '' }, ...(onDelete ? { onDelete } : {}) };
  }
  return column;
}

/** `DataTypes.STRING` → STRING, `DataTypes.STRING(64)` → STRING(64), `DataTypes.ENUM('a', 'b')` → ENUM. */
function dataType(shape: ValueShape | undefined): string {
  if (Shape.isCall(shape)) {
    const type = Shape.lastName(shape.callee);
    return type === 'ENUM' ? type : `${type}(${shape.args.map((argument) => Shape.text(argument)).join(', ')})`;
  }
  return Shape.lastName(Shape.name(shape) ?? Shape.text(shape, 40));
}

/** The model an association names: `Customer`, or `models.Post` as `associate(models)` is given them (then by its name). */
function associated(index: SymbolIndex, path: string, written: ValueShape | undefined): { name: string; symbol?: string } {
  const dotted = Shape.name(written) ?? '';
  const symbol = index.resolve(path, dotted);
  return { name: Shape.lastName(dotted), ...(symbol ? { symbol } : {}) };
}

/** `foreignKey: 'userId'` or `foreignKey: { name: 'userId', allowNull: false }`. */
function foreignKeyName(shape: ValueShape | undefined): string | undefined {
  return Shape.string(shape) ?? Shape.string(Shape.property(shape, 'name'));
}

/** `hasMany`/`hasOne` state the foreign key on the other model: added there, as `belongsTo` would. */
export function sequelizeInverseKeys(index: SymbolIndex, models: readonly ModelClass[], entities: readonly DraftEntity[]): void {
  const bySymbol = new Map(entities.filter((entity) => entity.source === 'sequelize' && entity.symbol).map((entity) => [entity.symbol, entity]));
  for (const model of models) {
    if (model.reading.reader !== 'sequelize') continue;
    for (const call of model.definition.statementCalls ?? []) {
      if (!Shape.isCall(call) || !/\.(hasMany|hasOne)$/.test(call.callee)) continue;
      const associatedModel = associated(index, model.path, call.args[0]);
      const target = bySymbol.get(associatedModel.symbol ?? '') ?? entities.find((entity) => entity.source === 'sequelize' && entity.name === associatedModel.name);
      if (!target) continue;
      const own = SymbolId.parse(model.symbol).name;
      const key = foreignKeyName(Shape.property(call.args[1], 'foreignKey')) ?? `${camelize(own, true)}Id`;
      const onDelete = Shape.string(Shape.property(call.args[1], 'onDelete'));
      const relation: DraftRelation = { cardinality: call.callee.endsWith('hasOne') ? 'one-to-one' : 'many-to-one', target: { symbol: model.symbol }, ...(onDelete ? { onDelete } : {}) };
      const existing = target.columns.find((column) => column.name === key);
      if (existing) existing.relation ??= relation;
      else target.columns.push({ name: key, type: `${Shape.lastName(call.callee)} ← ${own}`, location: { path: model.path, line: call.line }, nullable: true, relation });
    }
  }
}
