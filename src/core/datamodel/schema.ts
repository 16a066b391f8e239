import type { ColumnFact, ConstraintFact, SchemaOperation } from '../parse/facts';
import type { DraftColumn, DraftConstraint, DraftEntity, DraftIndex, DraftRelation } from './entities';

/**
 * A schema change in the drafts' terms: what SQL statements, Alembic and Django migrations all
 * come down to. `table` names a table, or for Django a model as `app.Model` (its table may have
 * another name, and keeps it through a rename).
 */
export type DraftOperation =
  | { op: 'create-table'; entity: DraftEntity }
  | { op: 'drop-table'; table: string }
  /** A new table name, a new model name, or both. */
  | { op: 'rename-table'; table: string; to?: string; name?: string }
  | { op: 'add-column'; table: string; column: DraftColumn }
  | { op: 'alter-column'; table: string; column: DraftColumn }
  | { op: 'rename-column'; table: string; column: string; to: string }
  | { op: 'drop-column'; table: string; column: string }
  | { op: 'create-index'; table: string; index: DraftIndex }
  | { op: 'drop-index'; name: string }
  | { op: 'add-constraint'; table: string; constraint: DraftConstraint }
  /** Django's `AlterUniqueTogether`: the groups replace the earlier ones. */
  | { op: 'set-unique-together'; table: string; constraints: DraftConstraint[] }
  | { op: 'add-foreign-key'; table: string; columns: string[]; relation: DraftRelation };

/**
 * The tables a migration history ends on: operations applied in order, so a dropped table or
 * column is gone and a re-created one is the last version. Operations on unknown tables are
 * ignored (a history that starts from an existing database).
 */
export function replaySchema(operations: readonly DraftOperation[]): DraftEntity[] {
  const tables = new Set<DraftEntity>();
  // Found by table name or by `app.Model`; a history of thousands of migrations asks often.
  const byKey = new Map<string, DraftEntity>();
  const keysOf = (entity: DraftEntity) => [entity.table.toLowerCase(), ...(entity.app !== undefined ? [`${entity.app}.${entity.name}`.toLowerCase()] : [])];
  const add = (entity: DraftEntity) => {
    tables.add(entity);
    for (const key of keysOf(entity)) byKey.set(key, entity);
  };
  const remove = (entity: DraftEntity) => {
    tables.delete(entity);
    for (const key of keysOf(entity)) if (byKey.get(key) === entity) byKey.delete(key);
  };
  const table = (reference: string) => byKey.get(reference.toLowerCase());
  for (const operation of operations) {
    switch (operation.op) {
      case 'create-table': {
        const replaced = table(operation.entity.table);
        if (replaced) remove(replaced);
        // The replay changes its tables: a copy, so the operation can be replayed again (operations are kept between analyses).
        add({ ...operation.entity, columns: [...operation.entity.columns], constraints: [...operation.entity.constraints], indexes: [...operation.entity.indexes] });
        break;
      }
      case 'drop-table': {
        const entity = table(operation.table);
        if (entity) remove(entity);
        break;
      }
      case 'rename-table': {
        const entity = table(operation.table);
        if (!entity) break;
        remove(entity);
        if (operation.name) {
          // Django renames the table with the model only when the table has the default name.
          if (!operation.to && entity.app !== undefined && entity.table === `${entity.app}_${entity.name.toLowerCase()}`) entity.table = `${entity.app}_${operation.name.toLowerCase()}`;
          entity.name = operation.name;
        } else if (entity.name === entity.table && operation.to) {
          entity.name = operation.to;
        }
        if (operation.to) entity.table = operation.to;
        add(entity);
        break;
      }
      case 'add-column':
      case 'alter-column': {
        const entity = table(operation.table);
        if (!entity) break;
        entity.columns = [...entity.columns.filter((column) => column.name !== operation.column.name), operation.column];
        break;
      }
      case 'rename-column': {
        const entity = table(operation.table);
        if (!entity) break;
        entity.columns = entity.columns.map((column) => (column.name === operation.column ? { ...column, name: operation.to } : column));
        break;
      }
      case 'drop-column': {
        const entity = table(operation.table);
        if (!entity) break;
        entity.columns = entity.columns.filter((column) => column.name !== operation.column);
        entity.indexes = entity.indexes.filter((index) => !index.columns.includes(operation.column));
        entity.constraints = entity.constraints.filter((constraint) => !constraint.columns.includes(operation.column));
        break;
      }
      case 'create-index':
        table(operation.table)?.indexes.push(operation.index);
        break;
      case 'drop-index':
        for (const entity of tables) entity.indexes = entity.indexes.filter((index) => index.name !== operation.name);
        break;
      case 'add-constraint':
        table(operation.table)?.constraints.push(operation.constraint);
        break;
      case 'set-unique-together': {
        const entity = table(operation.table);
        if (!entity) break;
        entity.constraints = [...entity.constraints.filter((constraint) => constraint.kind !== 'unique' || !constraint.fromUniqueTogether), ...operation.constraints];
        break;
      }
      case 'add-foreign-key': {
        const entity = table(operation.table);
        if (!entity || operation.columns.length !== 1) break;
        entity.columns = entity.columns.map((column) => (column.name === operation.columns[0] ? { ...column, relation: operation.relation } : column));
        break;
      }
    }
  }
  return [...tables];
}

/** The statements of one SQL file as draft operations. */
export function sqlOperations(path: string, source: string, operations: readonly SchemaOperation[]): DraftOperation[] {
  const at = (line: number) => ({ path, line });
  return operations.flatMap((operation): DraftOperation[] => {
    switch (operation.op) {
      case 'create-table': {
        const columns = operation.columns.map((column) => sqlColumn(column, at(column.line)));
        const entity: DraftEntity = { name: operation.entity ?? operation.table, table: operation.table, source, location: at(operation.line), columns, constraints: [], indexes: [] };
        for (const constraint of operation.constraints) applyConstraint(entity, constraint, at(constraint.line));
        return [{ op: 'create-table', entity }];
      }
      case 'add-column':
        return [{ op: 'add-column', table: operation.table, column: sqlColumn(operation.column, at(operation.column.line)) }];
      case 'drop-column':
        return [{ op: 'drop-column', table: operation.table, column: operation.column }];
      case 'drop-table':
        return [{ op: 'drop-table', table: operation.table }];
      case 'create-index':
        return [{ op: 'create-index', table: operation.table, index: { columns: operation.columns, unique: operation.unique, location: at(operation.line), ...(operation.name ? { name: operation.name } : {}) } }];
      case 'drop-index':
        return [{ op: 'drop-index', name: operation.name }];
      case 'add-constraint': {
        const { constraint } = operation;
        if (constraint.kind === 'foreign-key' && constraint.references) {
          return [{ op: 'add-foreign-key', table: operation.table, columns: constraint.columns, relation: sqlRelation(constraint.references.table, constraint.references.columns[0], constraint.references.onDelete, false) }];
        }
        if (constraint.kind === 'unique' || constraint.kind === 'check') {
          return [{ op: 'add-constraint', table: operation.table, constraint: { kind: constraint.kind, columns: constraint.columns, ...(constraint.expression ? { expression: constraint.expression } : {}), location: at(constraint.line) } }];
        }
        return [];
      }
    }
  });
}

function sqlColumn(column: ColumnFact, location: DraftColumn['location']): DraftColumn {
  const draft: DraftColumn = { name: column.name, type: column.type, location, nullable: !column.notNull && !column.primaryKey };
  if (column.notNull && !column.primaryKey) draft.statedRequired = true;
  if (column.primaryKey) draft.primaryKey = true;
  if (column.unique) draft.unique = true;
  if (column.default !== undefined) draft.default = column.default;
  if (column.check) draft.check = column.check;
  if (column.choices) draft.choices = column.choices;
  if (column.references) draft.relation = sqlRelation(column.references.table, column.references.column, column.references.onDelete, column.unique === true);
  return draft;
}

function sqlRelation(table: string, column: string | undefined, onDelete: string | undefined, unique: boolean): DraftRelation {
  return { cardinality: unique ? 'one-to-one' : 'many-to-one', target: { table }, ...(column ? { column } : {}), ...(onDelete ? { onDelete } : {}) };
}

/** A table-level constraint of CREATE TABLE, on the entity being made. */
function applyConstraint(entity: DraftEntity, constraint: ConstraintFact, location: DraftColumn['location']): void {
  const columnNamed = (name: string | undefined) => entity.columns.find((column) => column.name === name);
  if (constraint.kind === 'primary-key') {
    for (const name of constraint.columns) {
      const column = columnNamed(name);
      if (column) Object.assign(column, { primaryKey: true, nullable: false, statedRequired: false });
    }
  } else if (constraint.kind === 'foreign-key' && constraint.references) {
    const column = constraint.columns.length === 1 ? columnNamed(constraint.columns[0]) : undefined;
    if (column) column.relation = sqlRelation(constraint.references.table, constraint.references.columns[0], constraint.references.onDelete, column.unique === true);
  } else if (constraint.kind === 'unique' && constraint.columns.length === 1 && columnNamed(constraint.columns[0])) {
    (columnNamed(constraint.columns[0]) as DraftColumn).unique = true;
  } else if (constraint.kind === 'unique' || constraint.kind === 'check') {
    entity.constraints.push({ kind: constraint.kind, columns: constraint.columns, ...(constraint.expression ? { expression: constraint.expression } : {}), location });
  }
}
