import type { Frameworks } from '../frameworks/frameworks';
import type { ModelReader } from '../knowledge/documents';
import { Turns } from '../nextTurn';
import type { FileFacts } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type DataModel, Finding, type QueryWarning } from '../result';
import { type DraftEntity, finishDataModel } from './entities';
import { alembicOperations, alembicRevisions, codeTables, djangoMigrations, schemaBuilderOperations } from './migrations';
import { djangoEntity, tortoiseEntity, peeweeEntity, emmettEntity, type ModelClass, modelClasses, sqlalchemyEntity, typeormEntity } from './models';
import { goOrmEntity, jpaEntity } from './javaGoModels';
import { nPlusOneWarnings, queryLoops } from './nPlusOne';
import { mapperRecords } from './mapperRecords';
import { mongooseEntity, sequelizeEntity, sequelizeInverseKeys } from './objectModels';
import { replaySchema, sqlOperations } from './schema';
import { listIn } from '../lists';

/**
 * The data-model stage: entities from model classes (Django, SQLAlchemy, SQLModel, TypeORM, JPA and
 * Spring Data documents, GORM and xorm structs), from
 * SQLAlchemy Core tables (imperatively mapped or not), and
 * model objects (Mongoose, Sequelize), and from
 * schema histories (SQL files, Alembic revisions, Django migrations, Knex and Kysely schema builders) for tables no class defines;
 * their relationships, rules and hints; and N+1 query warnings.
 */
export async function analyzeDataModel(index: SymbolIndex, files: readonly FileFacts[], findings: readonly Finding[], frameworks: DataModelKnowledge, recordLanguages: ReadonlySet<string> = new Set(), turns = new Turns()): Promise<{ dataModel: DataModel; queryWarnings: QueryWarning[] }> {
  const models = modelClasses(index, findings, frameworks.modelFrameworks);
  const entities = await entitiesByModel(index, models, turns);
  const tables = await codeTables(index, frameworks.tableDeclarations, turns);
  const records = mapperRecords(index, findings, new Set(frameworks.classes.filter((rule) => rule.recordEntities).map((rule) => rule.id)), recordLanguages);
  const sqlFiles = files.filter((file) => file.schema?.length).sort((a, b) => a.path.localeCompare(b.path));
  const revisions = await alembicRevisions(index, turns);
  const migrations = await djangoMigrations(index, frameworks.modelReadings.get('django'), turns);
  const builtTables = await schemaBuilderOperations(index, turns);
  const loops = await queryLoops(index, turns);
  // What the stage reads besides its parts: the models and the managers attached to them.
  const managers = findings.filter(Finding.of('manager')).map((finding) => `${finding.symbol} ${finding.details.kind ?? ''}`);
  const modelInputs = [models.map((model) => `${model.symbol} ${model.framework}`).join('\n'), managers.join('\n'), ...models.map((model) => model.definition)];
  // Two stages, each kept while its own inputs stay: an edit in a function with a query loop
  // leaves the schema; a migration's edit leaves the warnings.
  const queryWarnings = index.combined('query-warnings', [...modelInputs, ...loops], () => nPlusOneWarnings(index, models, findings, loops, modelInputs, frameworks.queries));
  const dataModel = index.combined('data-model', [...modelInputs, ...entities.values(), ...records, ...tables, ...sqlFiles, ...revisions, ...migrations, ...builtTables], () => {
    // Copies: what follows adds to them (a schema's constraints, Sequelize's inverse keys), and the kept parts stay as read.
    const fromCode = oneClassPerTable(models.flatMap((model) => {
      const entity = entities.get(model.symbol);
      return entity ? [{ ...entity, columns: entity.columns.map((column) => ({ ...column })), constraints: [...entity.constraints], indexes: [...entity.indexes] }] : [];
    }));
    sequelizeInverseKeys(index, models, fromCode);
    // A mapper's record class is no model, and a model class that is one is its entity already.
    const modelSymbols = new Set(fromCode.map((entity) => entity.symbol));
    fromCode.push(...records.filter((record) => !modelSymbols.has(record.symbol)).map((record) => ({ ...record, columns: record.columns.map((column) => ({ ...column })) })));
    // Core tables (`Table("products", metadata, ...)`, mapped imperatively): code too, for the tables no class declares.
    const declared = new Set(fromCode.map((entity) => entity.table.toLowerCase()));
    for (const table of tables) {
      if (declared.has(table.table.toLowerCase())) continue;
      declared.add(table.table.toLowerCase());
      fromCode.push({ ...table, columns: table.columns.map((column) => ({ ...column })), constraints: [...table.constraints], indexes: [...table.indexes] });
    }
    // The code is the schema's current truth; a history fills in only the tables no class defines.
    const fromHistories = replaySchema([...sqlFiles.flatMap((file) => sqlOperations(file.path, file.language, file.schema ?? [])), ...alembicOperations(revisions), ...migrations.flat(), ...builtTables.flat()]);
    const byTable = new Map(fromCode.map((entity) => [entity.table.toLowerCase(), entity]));
    const byModel = new Map(fromCode.filter((entity) => entity.app !== undefined).map((entity) => [`${entity.app}.${entity.name}`, entity]));
    // A mapper's record class is named after its table with the underscores dropped (MyBatis Generator's `pms_brand` → `PmsBrand`),
    // a Go row struct after its table in the singular (GORM's naming convention: `User` → `users`).
    const recordSymbols = new Set(records.map((record) => record.symbol));
    const byRecordName = new Map(fromCode.filter((entity) => recordSymbols.has(entity.symbol)).map((entity) => [entity.name.toLowerCase(), entity]));
    const recordOf = (table: string) => {
      const name = table.toLowerCase().replaceAll('_', '');
      return byRecordName.get(name) ?? (name.endsWith('s') ? (byRecordName.get(name.slice(0, -1)) ?? (name.endsWith('es') ? byRecordName.get(name.slice(0, -2)) : undefined)) : undefined);
    };
    const drafts: DraftEntity[] = [...fromCode];
    for (const history of fromHistories) {
      const record = recordOf(history.table);
      const code = (history.app !== undefined ? byModel.get(`${history.app}.${history.name}`) : undefined) ?? byTable.get(history.table.toLowerCase()) ?? record;
      if (code === record && record) record.table = history.table;
      if (code) enrich(code, history);
      else drafts.push(history);
    }
    return finishDataModel(drafts);
  });
  return { dataModel, queryWarnings };
}

/** What the data-model stage reads of the framework files. */
export type DataModelKnowledge = Pick<Frameworks, 'classes' | 'modelFrameworks' | 'modelReadings' | 'queries' | 'tableDeclarations'>;

/** The readers a framework file's `models.reader` names. */
const READERS: Readonly<Record<ModelReader, (index: SymbolIndex, model: ModelClass) => DraftEntity | undefined>> = { django: djangoEntity, tortoise: tortoiseEntity, peewee: peeweeEntity, emmett: emmettEntity, sqlalchemy: sqlalchemyEntity, sqlmodel: sqlalchemyEntity, typeorm: typeormEntity, mongoose: mongooseEntity, sequelize: sequelizeEntity, jpa: jpaEntity, gorm: goOrmEntity, xorm: goOrmEntity };

/** Each model's entity as its reader makes it, read file by file (a file's models, and the files they read, unchanged: kept). */
async function entitiesByModel(index: SymbolIndex, models: readonly ModelClass[], turns: Turns): Promise<Map<string, DraftEntity>> {
  const byPath = new Map<string, ModelClass[]>();
  for (const model of models) listIn(byPath, model.path).push(model);
  const entities = new Map<string, DraftEntity>();
  for (const [path, inFile] of byPath) {
    if (turns.due()) await turns.next();
    const given = inFile.map((model) => `${model.symbol} ${model.framework}`).join('\n');
    const read = index.part('entities', path, () => inFile.flatMap((model) => {
      const entity = READERS[model.reading.reader](index, model);
      return entity ? [[model.symbol, entity] as const] : [];
    }), given);
    for (const [symbol, entity] of read) entities.set(symbol, entity);
  }
  return entities;
}

/** Where a class is a snapshot of a model rather than the model: a data migration's own copy, a test's. */
const SNAPSHOT_FOLDERS = /(^|\/)(migrations|versions|alembic|tests?)\//;

/**
 * Several classes mapping one table (the application's model, and a copy inside a data migration
 * or a test): the application's is the entity; among equals, the one with more columns.
 */
function oneClassPerTable(entities: readonly DraftEntity[]): DraftEntity[] {
  const best = new Map<string, DraftEntity>();
  const rank = (entity: DraftEntity) => (SNAPSHOT_FOLDERS.test(entity.location.path) ? 0 : 1);
  for (const entity of entities) {
    const key = entity.table.toLowerCase();
    const current = best.get(key);
    if (!current || rank(entity) > rank(current) || (rank(entity) === rank(current) && entity.columns.length > current.columns.length)) best.set(key, entity);
  }
  return entities.filter((entity) => best.get(entity.table.toLowerCase()) === entity);
}

/**
 * What the schema states and the class does not: a CHECK, a foreign key the class keeps as a
 * plain integer, composite constraints, indexes. Columns the class does not map stay out.
 */
function enrich(code: DraftEntity, history: DraftEntity): void {
  for (const column of code.columns) {
    const stated = history.columns.find((candidate) => candidate.name === column.name);
    if (!stated) continue;
    // Told where the schema states it, not at the class's attribute.
    if (stated.check && !column.check) code.constraints.push({ kind: 'check', columns: [column.name], expression: stated.check, location: stated.location });
    if (stated.relation && !column.relation) column.relation = { ...stated.relation, location: stated.relation.location ?? stated.location };
    // What deleting the target does is the schema's to say (`ON DELETE CASCADE`), whoever states the relation.
    else if (stated.relation?.onDelete && column.relation && !column.relation.onDelete) column.relation.onDelete = stated.relation.onDelete;
    if (stated.unique && !column.unique) code.constraints.push({ kind: 'unique', columns: [column.name], location: stated.location });
  }
  const known = (columns: readonly string[], list: readonly { columns: string[] }[]) => list.some((item) => item.columns.join(',') === columns.join(','));
  code.constraints.push(...history.constraints.filter((constraint) => constraint.kind === 'check' || !known(constraint.columns, code.constraints)));
  code.indexes.push(...history.indexes.filter((index) => !known(index.columns, code.indexes)));
}
