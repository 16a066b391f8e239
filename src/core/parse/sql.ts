import { type DialectName, parse } from 'sql-parser-cst';
import type { ColumnFact, ConstraintFact, SchemaOperation } from './facts';

/**
 * Dialects tried in turn: PostgreSQL first (the usual production database of the repositories
 * ArchTrace reads), then MySQL and SQLite, whose quoting and types PostgreSQL's grammar refuses.
 */
const DIALECTS: readonly DialectName[] = ['postgresql', 'mysql', 'sqlite'];

export interface SqlSchema {
  operations: SchemaOperation[];
  /** Statements no dialect could parse (functions, triggers, vendor syntax): counted, not guessed at. */
  unparsed: number;
  statements: number;
}

/**
 * The schema statements of a SQL file (CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX), read with
 * sql-parser-cst. A file one dialect parses whole is read in one go; otherwise it is read
 * statement by statement (split at a `;` that ends a line), so one statement no grammar knows
 * (a `CREATE FUNCTION` body, a vendor option) costs only itself.
 */
export function readSqlSchema(text: string): SqlSchema {
  const lines = lineStarts(text);
  const chunks = statementChunks(text);
  // A dump's rows (`INSERT INTO ... VALUES`) say nothing of the schema, and parsing them cost most
  // of the reading: a file with rows is read a schema statement at a time, its rows left unread.
  const schemaChunks = chunks.filter((chunk) => !DATA_ROWS.test(chunk.text));
  const whole = schemaChunks.length === chunks.length ? parseWithAnyDialect(text) : undefined;
  if (whole) return { operations: whole.flatMap((statement) => operationsOf(statement, text, 0, lines)), unparsed: 0, statements: whole.length };
  const operations: SchemaOperation[] = [];
  let unparsed = 0;
  let statements = 0;
  for (const chunk of schemaChunks) {
    const parsed =
      parseWithAnyDialect(chunk.text) ??
      parseWithAnyDialect(withSqliteQuotedNames(chunk.text)) ??
      parseWithAnyDialect(withoutTableOptions(chunk.text)) ??
      parseWithAnyDialect(withoutMysqlColumnOptions(withoutTableOptions(chunk.text)));
    if (!parsed) {
      if (/\S/.test(chunk.text.replace(/--[^\n]*/g, ''))) {
        unparsed++;
        statements++;
      }
      continue;
    }
    statements += parsed.length;
    operations.push(...parsed.flatMap((statement) => operationsOf(statement, text, chunk.offset, lines)));
  }
  return { operations, unparsed, statements };
}

type Cst = Record<string, unknown> & { type: string; range?: [number, number] };

function parseWithAnyDialect(text: string): Cst[] | undefined {
  for (const dialect of DIALECTS) {
    try {
      const program = parse(text, { dialect, includeRange: true }) as unknown as { statements: Cst[] };
      return program.statements.filter((statement) => statement.type !== 'empty');
    } catch {
      // the next dialect may know this syntax
    }
  }
  return undefined;
}

/**
 * A `CREATE TABLE` without the table options after its column list (MySQL dumps' `) ENGINE=InnoDB
 * AUTO_INCREMENT=7 DEFAULT CHARSET=utf8;`, which no grammar takes whole): they say how the table is
 * stored, not what it holds. Other statements are returned as they are.
 */
function withoutTableOptions(statement: string): string {
  if (!statement.toUpperCase().includes('CREATE TABLE')) return statement;
  const close = statement.lastIndexOf(')');
  return close < 0 ? statement : `${statement.slice(0, close + 1)};`;
}

/**
 * A MySQL `CREATE TABLE` as sql-parser-cst's grammar takes it: without what MySQL's reference allows
 * and the grammar does not, none of which changes which columns the table has — numeric attributes
 * (`int(11) unsigned`, `zerofill`), a column's character set (`CHARACTER SET utf8`), an index's type
 * (`USING BTREE`) and the names of indexes (`KEY \`idx_name\` (a, b)`, a unique one kept as a named
 * constraint). Navicat's and mysqldump's output write them on most tables.
 */
function withoutMysqlColumnOptions(statement: string): string {
  if (!statement.toUpperCase().includes('CREATE TABLE')) return statement;
  return statement
    .replace(/\b(?:unsigned|zerofill)\b/gi, '')
    .replace(/\b(?:CHARACTER\s+SET|CHARSET)\s+\w+/gi, '')
    .replace(/\bUSING\s+(?:BTREE|HASH)\b/gi, '')
    .replace(/\bUNIQUE\s+(?:KEY|INDEX)\s+(`?\w+`?)\s*\(/gi, 'CONSTRAINT $1 UNIQUE (')
    .replace(/\b(KEY|INDEX)\s+`?\w+`?\s*\(/gi, '$1 (');
}

/**
 * A `CREATE TABLE` whose table or column names are written in single quotes, which SQLite reads as
 * identifiers where a string cannot stand (sqlite.org/lang_keywords.html: `'text' TEXT`), double
 * quoted as every grammar takes them. Same length, so positions in the statement do not move.
 */
function withSqliteQuotedNames(statement: string): string {
  if (!statement.toUpperCase().includes('CREATE TABLE')) return statement;
  return statement
    .replace(/(\bTABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)'([^'\n]*)'/i, '$1"$2"')
    .replace(/([(,]\s*)'([^'\n]*)'(?=\s+[A-Za-z])/g, '$1"$2"');
}

/** A statement that writes rows, after any comments: `INSERT INTO`, `REPLACE INTO`. */
const DATA_ROWS = /^(?:\s|--[^\n]*\n|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*(?:INSERT|REPLACE)\s/i;

/** Statements split where a line ends with `;`: the layout of migration files, good enough for a fallback. */
function statementChunks(text: string): { text: string; offset: number }[] {
  const chunks: { text: string; offset: number }[] = [];
  const pattern = /;[ \t]*(?:--[^\n]*)?(?:\r?\n|$)/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + 1;
    chunks.push({ text: text.slice(start, end), offset: start });
    start = match.index + match[0].length;
    if (match[0].length === 0) pattern.lastIndex++;
  }
  if (start < text.length) chunks.push({ text: text.slice(start), offset: start });
  return chunks;
}

function operationsOf(statement: Cst, text: string, offset: number, lines: readonly number[]): SchemaOperation[] {
  const lineOf = (node: unknown) => lineAt(lines, offset + ((node as Cst | undefined)?.range?.[0] ?? 0));
  const source = (node: unknown) => {
    const range = (node as Cst | undefined)?.range;
    return range ? text.slice(offset + range[0], offset + range[1]).replace(/\s+/g, ' ').trim() : '';
  };
  const line = lineOf(statement);
  switch (statement.type) {
    case 'create_table_stmt': {
      const table = entityName(statement['name']);
      const columns: ColumnFact[] = [];
      const constraints: ConstraintFact[] = [];
      for (const item of listItems(paren(statement['columns']))) {
        if (item.type === 'column_definition') columns.push(columnOf(item, lineOf, source));
        else {
          const constraint = tableConstraint(item, lineOf, source);
          if (constraint) constraints.push(constraint);
        }
      }
      return table ? [{ op: 'create-table', table, line, columns, constraints }] : [];
    }
    case 'alter_table_stmt': {
      const table = entityName(statement['table']);
      if (!table) return [];
      return listItems(statement['actions']).flatMap((action): SchemaOperation[] => {
        const at = lineOf(action);
        if (action.type === 'alter_action_add_column') {
          const column = action['column'] as Cst | undefined;
          return column?.type === 'column_definition' ? [{ op: 'add-column', table, line: at, column: columnOf(column, lineOf, source) }] : [];
        }
        if (action.type === 'alter_action_drop_column') {
          const column = identifier(action['column']);
          return column ? [{ op: 'drop-column', table, line: at, column }] : [];
        }
        if (action.type === 'alter_action_add_constraint') {
          const constraint = tableConstraint(action['constraint'] as Cst, lineOf, source);
          return constraint ? [{ op: 'add-constraint', table, line: at, constraint }] : [];
        }
        return [];
      });
    }
    case 'create_index_stmt': {
      const table = entityName(statement['table']);
      const columns = listItems(paren(statement['columns'])).map((specification) => identifier(specification['expr']) ?? source(specification['expr']));
      const name = entityName(statement['name']);
      const unique = keywordText(statement['indexTypeKw']) === 'UNIQUE';
      return table ? [{ op: 'create-index', table, line, columns, unique, ...(name ? { name } : {}) }] : [];
    }
    case 'drop_table_stmt':
      return listItems(statement['tables']).flatMap((name): SchemaOperation[] => {
        const table = entityName(name);
        return table ? [{ op: 'drop-table', table, line }] : [];
      });
    case 'drop_index_stmt':
      return listItems(statement['indexes']).flatMap((name): SchemaOperation[] => {
        const index = entityName(name);
        return index ? [{ op: 'drop-index', name: index, line }] : [];
      });
    default:
      return [];
  }
}

function columnOf(definition: Cst, lineOf: (node: unknown) => number, source: (node: unknown) => string): ColumnFact {
  const column: ColumnFact = { name: identifier(definition['name']) ?? '', type: source(definition['dataType']), line: lineOf(definition) };
  for (const wrapped of (definition['constraints'] as Cst[] | undefined) ?? []) {
    const constraint = wrapped.type === 'constraint' ? (wrapped['constraint'] as Cst) : wrapped;
    switch (constraint.type) {
      case 'constraint_not_null':
        column.notNull = true;
        break;
      case 'constraint_primary_key':
        column.primaryKey = true;
        column.notNull = true;
        break;
      case 'constraint_unique':
        column.unique = true;
        break;
      case 'constraint_default':
        column.default = source(constraint['expr']);
        break;
      case 'constraint_check':
        column.check = source(constraint['expr']).replace(/^\((.*)\)$/, '$1');
        break;
      case 'references_specification':
        column.references = referenceOf(constraint, source);
        break;
    }
  }
  return column;
}

function referenceOf(specification: Cst, source: (node: unknown) => string): { table: string; column?: string; onDelete?: string } {
  const table = entityName(specification['table']) ?? '';
  const column = listItems(paren(specification['columns'])).map((item) => identifier(item)).find(Boolean);
  const onDelete = ((specification['options'] as Cst[] | undefined) ?? [])
    .filter((option) => option.type === 'referential_action' && keywordText(option['eventKw']) === 'DELETE')
    .map((option) => keywordText(option['actionKw']) || source(option['actionKw']))[0];
  return { table, ...(column ? { column } : {}), ...(onDelete ? { onDelete } : {}) };
}

function tableConstraint(item: Cst | undefined, lineOf: (node: unknown) => number, source: (node: unknown) => string): ConstraintFact | undefined {
  if (!item) return undefined;
  const constraint = item.type === 'constraint' ? (item['constraint'] as Cst) : item;
  const line = lineOf(item);
  const columnsOf = (node: unknown) => listItems(paren(node)).map((column) => identifier(column['expr'] ?? column) ?? source(column)).filter(Boolean);
  switch (constraint.type) {
    case 'constraint_primary_key':
      return { kind: 'primary-key', columns: columnsOf(constraint['columns']), line };
    case 'constraint_unique':
      return { kind: 'unique', columns: columnsOf(constraint['columns']), line };
    case 'constraint_check':
      return { kind: 'check', columns: [], expression: source(constraint['expr']).replace(/^\((.*)\)$/, '$1'), line };
    case 'constraint_foreign_key': {
      const reference = referenceOf(constraint['references'] as Cst, source);
      const referenced = listItems(paren((constraint['references'] as Cst)['columns'])).map((column) => identifier(column) ?? '');
      return {
        kind: 'foreign-key',
        columns: columnsOf(constraint['columns']),
        references: { table: reference.table, columns: referenced, ...(reference.onDelete ? { onDelete: reference.onDelete } : {}) },
        line,
      };
    }
    default:
      return undefined;
  }
}

function paren(node: unknown): unknown {
  const cst = node as Cst | undefined;
  return cst?.type === 'paren_expr' ? cst['expr'] : cst;
}

function listItems(node: unknown): Cst[] {
  const cst = node as Cst | undefined;
  if (!cst) return [];
  return cst.type === 'list_expr' ? ((cst['items'] as Cst[] | undefined) ?? []) : [cst];
}

function identifier(node: unknown): string | undefined {
  const cst = node as Cst | undefined;
  if (cst?.type === 'identifier') return String(cst['name']);
  return undefined;
}

/** `schema.table` names the table: schemas are a deployment matter, not an entity's name. */
function entityName(node: unknown): string | undefined {
  const cst = node as Cst | undefined;
  if (!cst) return undefined;
  if (cst.type === 'identifier') return String(cst['name']);
  if (cst.type === 'member_expr') return identifier(cst['property']) ?? undefined;
  // Relation wrappers (`ONLY t`, `t *`) hold the name in `table`.
  return cst['table'] ? entityName(cst['table']) : undefined;
}

function keywordText(node: unknown): string {
  if (Array.isArray(node)) return node.map(keywordText).join(' ');
  const cst = node as Cst | undefined;
  return cst?.type === 'keyword' ? String(cst['name']) : '';
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The 0-based line of an offset, by binary search over the line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
