import type { SymbolIndex } from '../resolve/symbolIndex';
import { type Finding, SymbolId } from '../result';
import type { DraftColumn, DraftEntity } from './entities';

/**
 * The record classes of MyBatis mappers (the repositories of class rules with `recordEntities`) as entities: a workspace class a mapper both takes (`insert(Brand
 * row)`) and returns (`Brand selectByPrimaryKey(Long id)`) holds its table's rows, whether the mapping is
 * written in annotations or in mapper XML, which the analysis does not read; so the class, a plain object
 * with no ORM annotation, is the entity, its fields the columns. Its table is named after the class: the
 * name the mapping gives it is in the XML.
 */
export function mapperRecords(index: SymbolIndex, findings: readonly Finding[], rules: ReadonlySet<string>): DraftEntity[] {
  const records = new Map<string, DraftEntity>();
  for (const mapper of findings) {
    if (mapper.category !== 'repository' || !rules.has(mapper.details.rule)) continue;
    const { path } = SymbolId.parse(mapper.symbol);
    const taken = new Set<string>();
    const returned = new Set<string>();
    for (const { definition } of index.methodsOf(mapper.symbol)) {
      for (const parameter of definition.parameters ?? []) if (parameter.name !== 'this' && parameter.annotation) taken.add(parameter.annotation);
      if (definition.returns) returned.add(definition.returns);
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

function recordEntity(index: SymbolIndex, symbol: string, framework: string): DraftEntity | undefined {
  const definition = index.definition(symbol);
  if (definition?.kind !== 'class' || definition.keywords?.['interface'] === 'true') return undefined;
  const { path, name } = SymbolId.parse(symbol);
  const columns: DraftColumn[] = (definition.attributes ?? [])
    // constants and the serialization version are no columns
    .filter((attribute) => attribute.type !== undefined && !/^[A-Z][A-Z0-9_]*$/.test(attribute.name) && attribute.name !== 'serialVersionUID')
    .map((attribute) => ({ name: attribute.name, type: attribute.type ?? '', location: { path, line: attribute.line }, nullable: true }));
  if (columns.length === 0) return undefined;
  return { name, table: name, source: framework, symbol, location: { path, line: definition.range.start.line }, columns, constraints: [], indexes: [] };
}
