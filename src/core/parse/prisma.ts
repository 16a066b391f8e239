import { type FieldAttribute, type FieldDeclaration, type ModelDeclaration, type NamedArgument, type PrismaSchema, type SchemaArgument, type SchemaExpression, parsePrismaSchema } from '@loancrate/prisma-schema-parser';
import type { ColumnFact, ConstraintFact, SchemaOperation } from './facts';

const SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);

/**
 * A Prisma schema's models as the tables they make (read with @loancrate/prisma-schema-parser):
 * scalar fields as columns (`?` nullable, `@id`, `@unique`, `@default`), enum fields with their
 * values, `@relation(fields: [userId], references: [id], onDelete: Cascade)` as the foreign key of
 * its scalar field, `@@unique`, `@@index`, `@@id`, and `@@map` / `@map` names. Relation fields
 * (`user User`) hold no column of their own.
 */
export function readPrismaSchema(text: string): SchemaOperation[] {
  const schema: PrismaSchema = parsePrismaSchema(text);
  const models = schema.declarations.filter((declaration): declaration is ModelDeclaration => declaration.kind === 'model');
  const enums = new Map(
    schema.declarations.flatMap((declaration) =>
      declaration.kind === 'enum' ? [[declaration.name.value, declaration.members.flatMap((member) => (member.kind === 'enumValue' ? [member.name.value] : []))] as const] : [],
    ),
  );
  const tableOf = new Map(models.map((model) => [model.name.value, mapName(model) ?? model.name.value]));
  const operations: SchemaOperation[] = [];
  for (const model of models) {
    const table = tableOf.get(model.name.value) ?? model.name.value;
    const line = lineOf(model.location);
    const columns: ColumnFact[] = [];
    const constraints: ConstraintFact[] = [];
    const indexes: SchemaOperation[] = [];
    const fields = model.members.filter((member): member is FieldDeclaration => member.kind === 'field');
    for (const field of fields) {
      const { name: typeName, optional, list } = typeOf(field);
      if (!SCALARS.has(typeName) && !enums.has(typeName)) continue; // a relation field: its foreign key is a scalar field
      const column: ColumnFact = { name: field.name.value, type: `${typeName}${list ? '[]' : ''}${optional ? '?' : ''}`, line: lineOf(field.location) };
      if (!optional && !list) column.notNull = true;
      if (attribute(field, 'id')) column.primaryKey = true;
      if (attribute(field, 'unique')) column.unique = true;
      const defaultValue = attribute(field, 'default')?.args?.[0];
      const written = defaultValue ? expressionText(defaultValue) : undefined;
      if (written !== undefined) column.default = written;
      const values = enums.get(typeName);
      if (values) column.choices = values.join(', ');
      columns.push(column);
    }
    for (const field of fields) {
      const relation = attribute(field, 'relation');
      const local = names(named(relation, 'fields'));
      const remote = names(named(relation, 'references'));
      const target = tableOf.get(typeOf(field).name);
      if (!relation || !target || local.length !== 1) continue;
      const column = columns.find((candidate) => candidate.name === local[0]);
      const onDelete = expressionText(named(relation, 'onDelete'));
      if (column) column.references = { table: target, ...(remote[0] ? { column: remote[0] } : {}), ...(onDelete ? { onDelete } : {}) };
    }
    for (const member of model.members) {
      if (member.kind !== 'blockAttribute') continue;
      const kind = member.path.value.join('.');
      const fieldsOf = names(member.args?.find((argument) => !isNamed(argument)) ?? named({ kind: 'fieldAttribute', path: member.path, ...(member.args ? { args: member.args } : {}) }, 'fields'));
      const at = lineOf(member.location);
      if (kind === 'unique' && fieldsOf.length) constraints.push({ kind: 'unique', columns: fieldsOf, line: at });
      if (kind === 'id' && fieldsOf.length) constraints.push({ kind: 'primary-key', columns: fieldsOf, line: at });
      if (kind === 'index' && fieldsOf.length) indexes.push({ op: 'create-index', table, line: at, columns: fieldsOf, unique: false });
    }
    operations.push({ op: 'create-table', table, entity: model.name.value, line, columns, constraints }, ...indexes);
  }
  return operations;
}

function typeOf(field: FieldDeclaration): { name: string; optional: boolean; list: boolean } {
  const outer = field.type;
  const base = outer.kind === 'optional' || outer.kind === 'list' || outer.kind === 'required' ? outer.type : outer;
  return { name: base.kind === 'typeId' ? base.name.value : 'Unsupported', optional: outer.kind === 'optional', list: outer.kind === 'list' };
}

function attribute(field: FieldDeclaration, name: string): FieldAttribute | undefined {
  return field.attributes?.find((candidate) => candidate.path.value.join('.') === name);
}

function isNamed(argument: SchemaArgument): argument is NamedArgument {
  return argument.kind === 'namedArgument';
}

function named(attribute: FieldAttribute | undefined, name: string): SchemaExpression | undefined {
  return attribute?.args?.find((argument): argument is NamedArgument => isNamed(argument) && argument.name.value === name)?.expression;
}

/** `[userId, createdAt]` → the names. */
function names(expression: SchemaArgument | undefined): string[] {
  if (!expression || isNamed(expression)) return [];
  if (expression.kind === 'array') return expression.items.flatMap((item) => (item.kind === 'path' ? [item.value.join('.')] : item.kind === 'functionCall' ? [item.path.value.join('.')] : []));
  return expression.kind === 'path' ? [expression.value.join('.')] : [];
}

function expressionText(expression: SchemaExpression | SchemaArgument | undefined): string | undefined {
  if (!expression) return undefined;
  switch (expression.kind) {
    case 'literal':
      return typeof expression.value === 'string' ? JSON.stringify(expression.value) : String(expression.value);
    case 'path':
      return expression.value.join('.');
    case 'array':
      return `[${expression.items.map((item) => expressionText(item) ?? '').join(', ')}]`;
    case 'functionCall':
      return `${expression.path.value.join('.')}(${(expression.args ?? []).map((item) => expressionText(item) ?? '').join(', ')})`;
    case 'namedArgument':
      return `${expression.name.value}: ${expressionText(expression.expression) ?? ''}`;
  }
}

function mapName(model: ModelDeclaration): string | undefined {
  const map = model.members.find((member) => member.kind === 'blockAttribute' && member.path.value.join('.') === 'map');
  const value = map?.kind === 'blockAttribute' ? map.args?.[0] : undefined;
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/** The parser's lines are 1-based. */
function lineOf(location: { start: { line: number } } | undefined): number {
  return Math.max(0, (location?.start.line ?? 1) - 1);
}
