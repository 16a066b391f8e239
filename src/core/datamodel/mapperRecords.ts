import type { SymbolIndex } from '../resolve/symbolIndex';
import { type Finding, SymbolId } from '../result';
import type { DraftColumn, DraftEntity } from './entities';
import { DATA_ACCESS_CLASS } from '../resolve/repositories';

/**
 * The record classes of MyBatis mappers (the repositories of class rules with `recordEntities`) as entities: a workspace class a mapper both takes (`insert(Brand
 * row)`) and returns (`Brand selectByPrimaryKey(Long id)`) holds its table's rows, whether the mapping is
 * written in annotations or in mapper XML, which the analysis does not read; so the class, a plain object
 * with no ORM annotation, is the entity, its fields the columns. Its table is named after the class: the
 * name the mapping gives it is in the XML. The same holds for the data-access classes of the languages given
 * (`recordLanguages`): a Go repository takes `*entity.User` and returns `entity.User` (or `[]entity.User`).
 */
export function mapperRecords(index: SymbolIndex, findings: readonly Finding[], rules: ReadonlySet<string>, recordLanguages: ReadonlySet<string> = new Set()): DraftEntity[] {
  const records = new Map<string, DraftEntity>();
  for (const mapper of findings) {
    if (mapper.category !== 'repository') continue;
    const { path } = SymbolId.parse(mapper.symbol);
    const language = recordLanguages.size && mapper.details.rule === DATA_ACCESS_CLASS ? index.file(path)?.language : undefined;
    if (!rules.has(mapper.details.rule) && !(language && recordLanguages.has(language))) continue;
    const taken = new Set<string>();
    const returned = new Set<string>();
    for (const { definition } of index.methodsOf(mapper.symbol)) {
      for (const parameter of definition.parameters ?? []) if (parameter.name !== 'this' && parameter.annotation) taken.add(elementType(parameter.annotation));
      if (definition.returns) returned.add(elementType(definition.returns));
    }
    for (const type of taken) {
      if (!returned.has(type)) continue;
      const symbol = index.resolve(path, type);
      if (symbol === undefined || records.has(symbol)) continue;
      const entity = recordEntity(index, symbol, mapper.details.framework ?? mapper.details.rule);
      if (entity) records.set(symbol, entity);
    }
  }
  return [...records.values()];
}

/** A Go type as the element it points to or lists (`*entity.User`, `[]entity.User` → `entity.User`). */
function elementType(written: string): string {
  return written.replace(/^(?:\*|\[\])+/, '');
}

function recordEntity(index: SymbolIndex, symbol: string, framework: string): DraftEntity | undefined {
  const definition = index.definition(symbol);
  if (definition?.kind !== 'class' || definition.keywords?.['interface'] === 'true') return undefined;
  const { path, name } = SymbolId.parse(symbol);
  const columns: DraftColumn[] = (definition.attributes ?? [])
    // Java's constants and the serialization version are no columns (Go's exported fields are capitalized: `ID` is one)
    .filter((attribute) => attribute.type !== undefined && (path.endsWith('.go') || !/^[A-Z][A-Z0-9_]*$/.test(attribute.name)) && attribute.name !== 'serialVersionUID')
    .map((attribute) => ({ name: attribute.name, type: attribute.type ?? '', location: { path, line: attribute.line }, nullable: true }));
  if (columns.length === 0) return undefined;
  return { name, table: name, source: framework, symbol, location: { path, line: definition.range.start.line }, columns, constraints: [], indexes: [] };
}
