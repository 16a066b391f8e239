import { pluralize } from 'inflection';
import type { Attribute, CallShape } from '../parse/facts';
import type { ModelReading } from '../frameworks/frameworks';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { SymbolId } from '../result';
import type { DraftColumn, DraftEntity, DraftIndex, DraftRelation } from './entities';
import { columnAttributes, type ModelClass, quoted } from './models';
import { afterLast } from '../text';

// --------------------------------------------------------------------------------------------- JPA

/**
 * A JPA entity (Jakarta Persistence, javax before it): `@Entity`, its table from `@Table(name = ...)`
 * (else the entity's name), fields as columns, those of `@MappedSuperclass` ancestors included:
 * `@Id`, `@Column(name, nullable, unique, length)`, relations by `@ManyToOne`/`@OneToOne` (their
 * column from `@JoinColumn(name = ...)`) and `@ManyToMany` (`@OneToMany` is the inverse side: no
 * column), `@Table(indexes = @Index(columnList = ...))`, and Bean Validation's `@NotNull`, `@Size`
 * as rules. `@Transient` and static fields are no columns. Spring Data's `@Document` classes
 * (MongoDB, Elasticsearch) are read the same way: a collection or index for the table.
 */
export function jpaEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const annotation = (called: string) => {
    const written = model.definition.decorators.find((decorator) => afterLast(decorator, '.') === called);
    return written ? (model.definition.decoratorCalls?.[written] ?? { callee: written, args: [], keywords: {} }) : undefined;
  };
  const table = quoted(annotation('Table')?.keywords['name']) ?? documentName(annotation('Document')) ?? quoted(annotation('Entity')?.keywords['name']) ?? name;
  const columns: DraftColumn[] = [];
  for (const { attribute, path } of columnAttributes(index, model)) {
    const column = jpaColumn(index, model.reading, attribute, { path, line: attribute.line });
    if (column) columns.push(column);
  }
  if (!columns.length) return undefined;
  return { name, table, source: model.framework, symbol: model.symbol, location, columns, constraints: [], indexes: jpaIndexes(annotation('Table'), location) };
}

function jpaColumn(index: SymbolIndex, reading: ModelReading, attribute: Attribute, location: DraftColumn['location']): DraftColumn | undefined {
  const annotations = new Map((attribute.decorators ?? []).map((decorator) => [afterLast(decorator, '.'), attribute.decoratorCalls?.[decorator]]));
  if (annotations.has('Transient') || /^[A-Z][A-Z0-9_]*$/.test(attribute.name) || attribute.name === 'serialVersionUID') return undefined;
  const column = annotations.get('Column') ?? annotations.get('JoinColumn');
  const columnName = quoted(column?.keywords['name']) ?? attribute.name;
  const required = [...annotations.keys()].some((name) => reading.requiredAnnotations.has(name)) || column?.keywords['nullable'] === 'false';
  const relation = [...reading.relations.keys()].find((kind) => annotations.has(kind));
  if (annotations.has('OneToMany')) return undefined;
  if (relation) {
    const cardinality = reading.relations.get(relation) as DraftRelation['cardinality'];
    const options = annotations.get(relation)?.keywords ?? {};
    // The inverse side of a one-to-one or many-to-many (`mappedBy`) holds no column.
    if (options['mappedBy'] !== undefined) return undefined;
    const target = /^(\w+)\.class$/.exec(options['targetEntity'] ?? '')?.[1] ?? elementType(attribute.type);
    const symbol = target ? index.resolve(location.path, target) : undefined;
    const optional = options['optional'] !== 'false' && !required;
    return {
      name: cardinality === 'many-to-many' ? attribute.name : columnName,
      type: `${relation} → ${target ?? '?'}`,
      location,
      nullable: optional || cardinality === 'many-to-many',
      ...(optional ? {} : { statedRequired: true }),
      relation: { cardinality, target: symbol ? { symbol } : { className: target ?? '' } },
    };
  }
  const length = column?.keywords['length'];
  const size = annotations.get('Size');
  const max = size?.keywords['max'];
  const min = size?.keywords['min'];
  return {
    name: columnName,
    type: `${attribute.type ?? '?'}${length ? `(${length})` : ''}`,
    location,
    nullable: !required && !annotations.has('Id'),
    ...(required ? { statedRequired: true } : {}),
    ...(annotations.has('Id') || annotations.has('EmbeddedId') ? { primaryKey: true } : {}),
    ...(column?.keywords['unique'] === 'true' ? { unique: true } : {}),
    ...(max !== undefined || min !== undefined ? { check: `size ${min !== undefined ? `≥ ${min}` : ''}${min !== undefined && max !== undefined ? ' and ' : ''}${max !== undefined ? `≤ ${max}` : ''}` } : {}),
  };
}

/** `@Table(indexes = {@Index(name = "x", columnList = "a, b", unique = true)})`. */
function jpaIndexes(table: CallShape | undefined, location: DraftIndex['location']): DraftIndex[] {
  const written = table?.keywords['indexes'] ?? '';
  const indexes: DraftIndex[] = [];
  for (const piece of written.split('@Index').slice(1)) {
    const columns = /columnList\s*=\s*"([^"]*)"/.exec(piece)?.[1]?.split(',').map((column) => column.trim()).filter(Boolean) ?? [];
    if (!columns.length) continue;
    const name = /name\s*=\s*"([^"]*)"/.exec(piece)?.[1];
    indexes.push({ columns, unique: /unique\s*=\s*true/.test(piece), ...(name ? { name } : {}), location });
  }
  return indexes;
}

/** `@Document("orders")`, `@Document(collection = "orders")`, `@Document(indexName = "pms")`. */
function documentName(document: CallShape | undefined): string | undefined {
  if (!document) return undefined;
  return quoted(document.keywords['collection'] ?? document.keywords['indexName'] ?? document.keywords['value'] ?? document.args[0]);
}

/** `Owner` → Owner; `Set<Pet>`, `List<Visit>` → the element's type. */
function elementType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  const inner = /<\s*([\w.]+)\s*>$/.exec(type)?.[1] ?? type;
  return /^[\w.]+$/.test(inner) ? inner.slice(inner.lastIndexOf('.') + 1) : undefined;
}

// ------------------------------------------------------------------------------------- GORM, xorm

/**
 * A Go struct mapped by GORM or xorm, read from its fields' tags: GORM's `gorm:"column:x;primaryKey;
 * not null;unique;index;default:y"` (table: the struct's name in snake case, plural, as GORM's naming
 * makes it), xorm's `xorm:"pk autoincr notnull unique index default(0) BIGINT(20) 'name'"`
 * (table: snake case, xorm's default mapper). `-` skips a field; a field of another model's type
 * (`User User`, `Items []Item`) is a relation, not a column. Embedded `gorm.Model` brings `id`,
 * `created_at`, `updated_at`, `deleted_at`.
 */
export function goOrmEntity(index: SymbolIndex, model: ModelClass): DraftEntity | undefined {
  const name = SymbolId.parse(model.symbol).name;
  const location = { path: model.path, line: model.definition.range.start.line };
  const gorm = model.reading.reader === 'gorm';
  const columns: DraftColumn[] = [];
  const embeddedColumns = model.definition.bases.map((base) => model.reading.embeddedColumns.get(base)).find((found) => found !== undefined) ?? [];
  for (const column of embeddedColumns) columns.push({ name: column.name, type: column.type, location, nullable: column.nullable ?? false, ...(column.primaryKey ? { primaryKey: true } : {}) });
  for (const source of [...embeddedStructs(index, model), model]) {
    for (const attribute of source.definition.attributes ?? []) {
      const at = { path: source.path, line: attribute.line };
      const tag = tagValue(attribute.tag, gorm ? 'gorm' : 'xorm');
      // Unexported fields are not mapped; an embedded struct (`gorm.Model`, `Base`) is no column of its own.
      const embedded = attribute.type !== undefined && source.definition.bases.includes(attribute.type) && attribute.type.split('.').pop() === attribute.name;
      if (tag === '-' || !/^[A-Z]/.test(attribute.name) || embedded) continue;
      const column = gorm ? gormColumn(index, source, attribute, tag ?? '', at) : xormColumn(model.reading, attribute, tag, at);
      if (column) columns.push(column);
    }
  }
  if (!columns.length) return undefined;
  const snake = snakeCase(name);
  return { name, table: gorm ? pluralize(snake) : snake, source: model.framework, symbol: model.symbol, location, columns, constraints: [], indexes: [] };
}

/** The workspace structs a model embeds anonymously: GORM and xorm map their fields as the model's own (GORM's embedded structs). */
function embeddedStructs(index: SymbolIndex, model: ModelClass): ModelClass[] {
  return model.definition.bases.flatMap((base) => {
    const symbol = model.reading.embeddedColumns.has(base) ? undefined : index.resolve(model.path, base.replace(/^\*/, ''));
    const definition = symbol ? index.definition(symbol) : undefined;
    if (!symbol || definition?.kind !== 'class' || definition.keywords?.['interface'] === 'true') return [];
    return [{ ...model, symbol, path: SymbolId.parse(symbol).path, definition }];
  });
}

function gormColumn(index: SymbolIndex, model: ModelClass, attribute: Attribute, tag: string, location: DraftColumn['location']): DraftColumn | undefined {
  const settings = new Map(
    tag
      .split(';')
      .map((setting) => setting.trim())
      .filter(Boolean)
      .map((setting) => {
        const colon = setting.indexOf(':');
        return colon < 0 ? [setting.toLowerCase(), ''] : [setting.slice(0, colon).toLowerCase(), setting.slice(colon + 1)];
      }),
  );
  const type = attribute.type ?? '?';
  const element = type.replace(/^\[\]\*?|^\*/, '');
  const target = /^[A-Z]\w*$/.test(element) ? index.resolve(model.path, element) : undefined;
  // `User User` next to `UserID uint`, `Items []Item`: a relation by field, held by the foreign key column.
  if (target && target !== model.symbol && index.definition(target)?.kind === 'class' && !settings.has('type') && !settings.has('serializer')) {
    if (type.startsWith('[]')) return undefined;
    const foreignKey = settings.get('foreignkey') ?? `${attribute.name}ID`;
    return { name: snakeCase(foreignKey), type: `${attribute.name} → ${element}`, location, nullable: !settings.has('not null'), relation: { cardinality: 'many-to-one', target: { symbol: target } } };
  }
  const required = settings.has('not null');
  const defaultValue = settings.get('default');
  return {
    name: settings.get('column') ?? snakeCase(attribute.name),
    type: settings.get('type') ?? type,
    location,
    nullable: !required && !settings.has('primarykey') && !settings.has('primary_key') && attribute.name !== 'ID',
    ...(required ? { statedRequired: true } : {}),
    ...(settings.has('primarykey') || settings.has('primary_key') || attribute.name === 'ID' ? { primaryKey: true } : {}),
    ...(settings.has('unique') || settings.has('uniqueindex') ? { unique: true } : {}),
    ...(settings.has('index') ? { indexed: true } : {}),
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  };
}

function xormColumn(reading: ModelReading, attribute: Attribute, tag: string | undefined, location: DraftColumn['location']): DraftColumn | undefined {
  if (tag === undefined) return undefined;
  const words = tag.split(/\s+/).filter(Boolean);
  const lower = words.map((word) => word.toLowerCase());
  if (lower.includes('extends') || lower.includes('<-')) return undefined;
  const quotedName = words.find((word) => /^'[^']*'$/.test(word))?.slice(1, -1);
  const sqlType = words.find((word) => /^[A-Z][A-Z0-9]*(\(.*\))?$/.test(word) && !['PK'].includes(word));
  // The last plain lower-case word names the column (`... BIGINT(20) question_id`), else the field in snake case.
  const plain = words.filter((word) => /^[a-z_][a-z0-9_]*$/.test(word) && !reading.tagKeywords.has(word));
  const required = lower.includes('notnull') || (lower.includes('not') && lower.includes('null'));
  const defaultValue = /^default\((.*)\)$/i.exec(words.find((word) => /^default\(/i.test(word)) ?? '')?.[1] ?? (lower.includes('default') ? words[lower.indexOf('default') + 1] : undefined);
  return {
    name: quotedName ?? plain[plain.length - 1] ?? snakeCase(attribute.name),
    type: sqlType ?? attribute.type ?? '?',
    location,
    nullable: !required && !lower.includes('pk'),
    ...(required ? { statedRequired: true } : {}),
    ...(lower.includes('pk') ? { primaryKey: true } : {}),
    ...(lower.includes('unique') ? { unique: true } : {}),
    ...(lower.includes('index') ? { indexed: true } : {}),
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  };
}

/** The value of one key of a Go struct tag: `gorm:"column:id" json:"id"` → `column:id`. */
function tagValue(tag: string | undefined, key: string): string | undefined {
  if (!tag) return undefined;
  const text = tag.replace(/^`|`$/g, '');
  const start = text.indexOf(`${key}:"`);
  if (start < 0 || (start > 0 && !/\s/.test(text[start - 1] ?? ''))) return undefined;
  const from = start + key.length + 2;
  const end = text.indexOf('"', from);
  return end < 0 ? undefined : text.slice(from, end);
}

/** `QuestionID` → question_id, `UserName` → user_name (initialisms kept together, as GORM and xorm name columns). */
function snakeCase(name: string): string {
  let snake = '';
  for (let at = 0; at < name.length; at++) {
    const character = name[at] ?? '';
    const upper = character >= 'A' && character <= 'Z';
    const before = name[at - 1] ?? '';
    const after = name[at + 1] ?? '';
    // A word starts at a capital after a lower-case letter or digit, or at the last capital of a run before a lower-case letter.
    if (upper && at > 0 && (/[a-z0-9]/.test(before) || (/[A-Z]/.test(before) && /[a-z]/.test(after)))) snake += '_';
    snake += character.toLowerCase();
  }
  return snake;
}
