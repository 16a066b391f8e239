import type { BusinessRule, DataModel, Entity, EntityColumn, PerformanceHint, Relationship, SourceLocation } from '../result';
import { listIn } from '../lists';

/**
 * An entity as the readers (model classes, schema statements) see it, before its references are
 * tied to other entities and its constraints told in words. Every reader produces drafts, so
 * rules and hints read the same whatever the source.
 */
export interface DraftEntity {
  name: string;
  table: string;
  source: string;
  symbol?: string;
  /** Django's app label: a migration's model and a model class are the same entity when app and name agree. */
  app?: string;
  location: SourceLocation;
  columns: DraftColumn[];
  /** Multi-column constraints: `UNIQUE (order_id, product_id)`, `CHECK (...)`, `unique_together`. */
  constraints: DraftConstraint[];
  indexes: DraftIndex[];
}

export interface DraftColumn {
  name: string;
  type: string;
  location: SourceLocation;
  primaryKey?: boolean;
  nullable: boolean;
  /** Said in so many words (SQL `NOT NULL`, `nullable=False`, a required relation): a rule worth stating. */
  statedRequired?: boolean;
  unique?: boolean;
  /** `db_index=True`, `index=True`. */
  indexed?: boolean;
  default?: string;
  check?: string;
  choices?: string;
  relation?: DraftRelation;
}

export interface DraftRelation {
  cardinality: Relationship['cardinality'];
  /** What the code names: a model class's symbol, a class name, or a table. */
  target: { symbol?: string; className?: string; table?: string };
  column?: string;
  onDelete?: string;
  /** Where the relation is stated, when not at its column (a schema file's foreign key for a class's plain column). */
  location?: SourceLocation;
}

export interface DraftConstraint {
  kind: 'unique' | 'check' | 'primary-key';
  columns: string[];
  expression?: string;
  location: SourceLocation;
  /** Django's `unique_together`, which a later `AlterUniqueTogether` replaces. */
  fromUniqueTogether?: boolean;
}

export interface DraftIndex {
  columns: string[];
  unique: boolean;
  name?: string;
  location: SourceLocation;
}

/** Ties references to entities and states each entity's constraints as rules and its indexes as hints. */
export function finishDataModel(drafts: readonly DraftEntity[]): DataModel {
  const bySymbol = new Map<string, DraftEntity>();
  const byTable = new Map<string, DraftEntity>();
  const byClassName = new Map<string, DraftEntity[]>();
  for (const draft of drafts) {
    if (draft.symbol) bySymbol.set(draft.symbol, draft);
    byTable.set(draft.table.toLowerCase(), draft);
    listIn(byClassName, draft.name).push(draft);
  }
  const targetDraft = (relation: DraftRelation): DraftEntity | undefined => {
    const { symbol, className, table } = relation.target;
    return (symbol ? bySymbol.get(symbol) : undefined) ?? (table ? byTable.get(table.toLowerCase()) : undefined) ?? (className && byClassName.get(className)?.length === 1 ? byClassName.get(className)?.[0] : undefined);
  };
  const targetOf = (relation: DraftRelation): string | undefined => targetDraft(relation)?.name ?? relation.target.className ?? relation.target.table;
  /** How the rules say the target: "a user" for the `users` table or the `User` class. */
  const targetNoun = (relation: DraftRelation): string | undefined => {
    const draft = targetDraft(relation);
    if (draft) return nounOf(draft);
    const { className, table } = relation.target;
    return className ? humanize(className) : table ? singular(humanize(table)) : undefined;
  };

  const relationships: Relationship[] = [];
  const entities = drafts.map((draft): Entity => {
    const noun = nounOf(draft);
    const columns = draft.columns.map((column): EntityColumn => {
      const target = column.relation ? targetOf(column.relation) : undefined;
      if (column.relation && target) {
        relationships.push({
          from: draft.name,
          to: target,
          field: column.name,
          cardinality: column.relation.cardinality,
          required: !column.nullable && column.relation.cardinality !== 'many-to-many',
          ...(column.relation.onDelete ? { onDelete: column.relation.onDelete } : {}),
          location: column.relation.location ?? column.location,
        });
      }
      return {
        name: column.name,
        type: column.type,
        location: column.location,
        nullable: column.nullable,
        ...(column.primaryKey ? { primaryKey: true } : {}),
        ...(column.unique ? { unique: true } : {}),
        ...(column.default !== undefined ? { default: column.default } : {}),
        ...(target ? { references: { entity: target, ...(column.relation?.column ? { column: column.relation.column } : {}) } } : {}),
      };
    });
    return {
      name: draft.name,
      table: draft.table,
      source: draft.source,
      ...(draft.symbol ? { symbol: draft.symbol } : {}),
      location: draft.location,
      columns,
      rules: rulesOf(draft, noun, targetNoun),
      hints: hintsOf(draft, noun),
    };
  });
  return { entities: entities.sort((a, b) => a.name.localeCompare(b.name) || a.location.path.localeCompare(b.location.path)), relationships };
}

function rulesOf(draft: DraftEntity, noun: string, targetNoun: (relation: DraftRelation) => string | undefined): BusinessRule[] {
  const rules: BusinessRule[] = [];
  const add = (kind: BusinessRule['kind'], columns: string[], text: string, location: SourceLocation) => rules.push({ kind, columns, text, location });
  for (const column of draft.columns) {
    if (column.primaryKey) continue;
    if (column.statedRequired && !column.nullable) add('required', [column.name], `${article(noun)} ${noun} must have ${article(column.name)} ${column.name}`, column.location);
    if (column.unique) add('unique', [column.name], `no two ${plural(noun)} have the same ${column.name}`, column.location);
    if (column.check) add('check', [column.name], `${article(noun)} ${noun}'s ${column.name} must satisfy ${column.check}`, column.location);
    if (column.choices) add('choices', [column.name], `${article(noun)} ${noun}'s ${column.name} is one of ${column.choices}`, column.location);
    if (column.default !== undefined) add('default', [column.name], `a new ${noun}'s ${column.name} defaults to ${column.default}`, column.location);
    const onDelete = column.relation?.onDelete?.toUpperCase().replace(/^MODELS\./, '').replace(/\s+/g, '_');
    const target = column.relation ? targetNoun(column.relation) : undefined;
    if (onDelete && target) {
      const told = onDeleteWords(onDelete, target, noun, column.name);
      if (told) add('on-delete', [column.name], told, column.relation?.location ?? column.location);
    }
  }
  for (const constraint of draft.constraints) {
    if (constraint.kind === 'unique' && constraint.columns.length) {
      add('unique', constraint.columns, `no two ${plural(noun)} have the same ${columnList(constraint.columns)}`, constraint.location);
    } else if (constraint.kind === 'check' && constraint.expression) {
      const [only] = constraint.columns;
      add('check', constraint.columns, constraint.columns.length === 1 ? `${article(noun)} ${noun}'s ${only} must satisfy ${constraint.expression}` : `every ${noun} must satisfy ${constraint.expression}`, constraint.location);
    }
  }
  return rules;
}

function onDeleteWords(action: string, target: string, noun: string, field: string): string | undefined {
  if (action === 'CASCADE') return `deleting ${article(target)} ${target} deletes its ${plural(noun)}`;
  if (action === 'PROTECT' || action === 'RESTRICT') return `${article(target)} ${target} cannot be deleted while ${plural(noun)} refer to it`;
  if (action === 'SET_NULL') return `deleting ${article(target)} ${target} clears the ${field} of its ${plural(noun)}`;
  if (action === 'SET_DEFAULT') return `deleting ${article(target)} ${target} resets the ${field} of its ${plural(noun)} to the default`;
  return undefined;
}

function hintsOf(draft: DraftEntity, noun: string): PerformanceHint[] {
  const hints: PerformanceHint[] = [];
  const seen = new Set<string>();
  const add = (columns: string[], unique: boolean, location: SourceLocation, name?: string) => {
    const key = columns.join(',');
    if (!columns.length || seen.has(key)) return;
    seen.add(key);
    const text = unique ? `lookup by ${columnList(columns)} finds at most one ${noun} (unique index)` : `frequent lookup by ${columnList(columns)}`;
    hints.push({ kind: unique ? 'unique-index' : 'index', columns, text, ...(name ? { name } : {}), location });
  };
  for (const index of draft.indexes) add(index.columns, index.unique, index.location, index.name);
  for (const column of draft.columns) {
    if (column.primaryKey) continue;
    if (column.unique) add([column.name], true, column.location);
    else if (column.indexed) add([column.name], false, column.location);
  }
  for (const constraint of draft.constraints) if (constraint.kind === 'unique') add(constraint.columns, true, constraint.location);
  return hints;
}

function columnList(columns: readonly string[]): string {
  return columns.length === 1 ? (columns[0] ?? '') : `(${columns.join(', ')})`;
}

/** The entity as a reader says it: `OrderLine` → "order line", table `order_items` → "order item". */
function nounOf(draft: DraftEntity): string {
  return draft.symbol ? humanize(draft.name) : singular(humanize(draft.table));
}

function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The words with their last word (`\\w` characters) changed; found from the end, where `/(\\w+)$/` retries from every word character. */
function withLastWord(words: string, change: (word: string) => string): string {
  let start = words.length;
  while (start > 0 && /\w/.test(words[start - 1] as string)) start--;
  return start === words.length ? words : `${words.slice(0, start)}${change(words.slice(start))}`;
}

function singular(words: string): string {
  return withLastWord(words, (word) => {
    if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
    if (/(ss|us|is)$/.test(word)) return word;
    if (/(sh|ch|x|z|ss)es$/.test(word)) return word.replace(/es$/, '');
    return word.replace(/s$/, '');
  });
}

function plural(words: string): string {
  return withLastWord(words, (word) => {
    if (/[^aeiou]y$/.test(word)) return word.replace(/y$/, 'ies');
    if (/(s|sh|ch|x|z)$/.test(word)) return `${word}es`;
    return `${word}s`;
  });
}

/** `an order`, `a user_id`, `a unit_price`: by the sound, as far as the spelling tells it. */
function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(uni|use|usa|usu|uti|ure|eu|one)/i.test(word) ? 'an' : 'a';
}
