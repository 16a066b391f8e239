import type { DataModel, Entity, Relationship } from '../result';
import { escapeXml, truncate } from './svg';

const BOX_WIDTH = 210;
const LINE_HEIGHT = 16;
const HEADER = 38;
const GAP_X = 70;
const GAP_Y = 50;
const MARGIN = 20;
const MAX_COLUMNS_SHOWN = 12;
const TEXT_LIMIT = 30;

/**
 * The data model as a self-contained SVG entity-relationship diagram: one box an entity (its name,
 * table and columns, keys marked), one line a relationship with its cardinality at both ends.
 * Boxes sit on a grid, the most connected first, so the core of the model is at the top left.
 * `focus` keeps one entity and its neighbours. Pure, escaped, and without script, like the trace diagram.
 */
export function renderEntitySvg(model: DataModel, focus?: string): string {
  const { entities, relationships } = focusOn(model, focus);
  const degree = new Map<string, number>();
  for (const relation of relationships) for (const end of [relation.from, relation.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const ordered = [...entities].sort((a, b) => (degree.get(b.name) ?? 0) - (degree.get(a.name) ?? 0) || a.name.localeCompare(b.name));
  const perRow = Math.max(1, Math.ceil(Math.sqrt(ordered.length)));
  const heightOf = (entity: Entity) => HEADER + Math.min(entity.columns.length, MAX_COLUMNS_SHOWN + 1) * LINE_HEIGHT + 8;
  const rowHeights: number[] = [];
  ordered.forEach((entity, index) => {
    const row = Math.floor(index / perRow);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, heightOf(entity));
  });
  const rowTops = rowHeights.reduce<number[]>((tops, height, row) => [...tops, (tops[row] ?? MARGIN) + height + GAP_Y], [MARGIN]);
  const boxes = new Map(
    ordered.map((entity, index) => {
      const row = Math.floor(index / perRow);
      return [entity.name, { entity, x: MARGIN + (index % perRow) * (BOX_WIDTH + GAP_X), y: rowTops[row] ?? MARGIN, height: heightOf(entity) }];
    }),
  );
  const width = MARGIN * 2 + Math.min(perRow, Math.max(1, ordered.length)) * (BOX_WIDTH + GAP_X) - GAP_X;
  const height = (rowTops[rowHeights.length] ?? MARGIN + 40) - GAP_Y + MARGIN;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.max(height, 60)}" viewBox="0 0 ${width} ${Math.max(height, 60)}" font-family="sans-serif" font-size="12" role="img" aria-label="entity-relationship diagram">`,
  ];
  if (!ordered.length) parts.push(`<text x="${MARGIN}" y="${MARGIN + 14}" fill="currentColor">no entities</text>`);
  for (const relation of relationships) {
    const from = boxes.get(relation.from);
    const to = boxes.get(relation.to);
    if (!from || !to || from === to) continue;
    const [x1, y1] = [from.x + BOX_WIDTH / 2, from.y + from.height / 2];
    const [x2, y2] = [to.x + BOX_WIDTH / 2, to.y + to.height / 2];
    const [fromEnd, toEnd] = cardinalityEnds(relation);
    const dashed = relation.required ? '' : ' stroke-dasharray="5 4"';
    parts.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="currentColor" stroke-opacity="0.6"${dashed}><title>${escapeXml(`${relation.from}.${relation.field} → ${relation.to} (${relation.cardinality})`)}</title></line>`,
      endLabel(from, x2, y2, fromEnd),
      endLabel(to, x1, y1, toEnd),
    );
  }
  for (const { entity, x, y, height: boxHeight } of boxes.values()) {
    parts.push(
      `<g><title>${escapeXml(`${entity.name} (${entity.table}) — ${entity.location.path}:${entity.location.line + 1}`)}</title>`,
      `<rect x="${x}" y="${y}" width="${BOX_WIDTH}" height="${boxHeight}" rx="4" fill="var(--vscode-editor-background, white)" stroke="currentColor"/>`,
      `<text x="${x + 8}" y="${y + 16}" font-weight="bold" fill="currentColor">${escapeXml(truncate(entity.name, TEXT_LIMIT))}</text>`,
      `<text x="${x + 8}" y="${y + 30}" font-size="10" fill="currentColor" fill-opacity="0.7">${escapeXml(truncate(`${entity.table} · ${entity.source}`, TEXT_LIMIT + 6))}</text>`,
      `<line x1="${x}" y1="${y + HEADER - 4}" x2="${x + BOX_WIDTH}" y2="${y + HEADER - 4}" stroke="currentColor" stroke-opacity="0.5"/>`,
    );
    entity.columns.slice(0, MAX_COLUMNS_SHOWN).forEach((column, index) => {
      const mark = column.primaryKey ? 'PK ' : column.references ? 'FK ' : '';
      const text = `${mark}${column.name}${column.nullable ? '?' : ''}`;
      parts.push(`<text x="${x + 8}" y="${y + HEADER + 8 + index * LINE_HEIGHT}" fill="currentColor"${column.primaryKey ? ' font-weight="bold"' : ''}>${escapeXml(truncate(text, TEXT_LIMIT + 4))}</text>`);
    });
    if (entity.columns.length > MAX_COLUMNS_SHOWN) {
      parts.push(`<text x="${x + 8}" y="${y + HEADER + 8 + MAX_COLUMNS_SHOWN * LINE_HEIGHT}" fill="currentColor" fill-opacity="0.7">… ${entity.columns.length - MAX_COLUMNS_SHOWN} more</text>`);
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** One entity and the entities it is related to, or the whole model. */
function focusOn(model: DataModel, focus: string | undefined): DataModel {
  if (!focus) return model;
  const relationships = model.relationships.filter((relation) => relation.from === focus || relation.to === focus);
  const names = new Set([focus, ...relationships.flatMap((relation) => [relation.from, relation.to])]);
  return { entities: model.entities.filter((entity) => names.has(entity.name)), relationships };
}

/** Crow's-foot in words: `*` for many, `1` for one, at the holder's end and the target's end. */
function cardinalityEnds(relation: Relationship): [string, string] {
  if (relation.cardinality === 'many-to-many') return ['*', '*'];
  if (relation.cardinality === 'one-to-one') return ['1', relation.required ? '1' : '0..1'];
  return ['*', relation.required ? '1' : '0..1'];
}

/** The label where the line toward (towardX, towardY) leaves the box. */
function endLabel(box: { x: number; y: number; height: number }, towardX: number, towardY: number, text: string): string {
  const cx = box.x + BOX_WIDTH / 2;
  const cy = box.y + box.height / 2;
  const dx = towardX - cx;
  const dy = towardY - cy;
  const scale = Math.min(Math.abs((BOX_WIDTH / 2 + 12) / (dx || 1e-9)), Math.abs((box.height / 2 + 12) / (dy || 1e-9)));
  return `<text x="${(cx + dx * scale).toFixed(1)}" y="${(cy + dy * scale + 4).toFixed(1)}" text-anchor="middle" font-size="11" fill="currentColor">${escapeXml(text)}</text>`;
}
