import { type ArchitectureMap, counted, edgesToDraw, MapBox, type MapEdge } from '../map/architectureMap';
import { escapeXml } from './svg';

/** The drawing's measures, in pixels: it fits a 1280-pixel-wide window. */
const SIZES = { width: 1180, margin: 20, laneLabel: 130, top: 46, laneHeight: 150, boxHeight: 56, boxGap: 14, minBox: 96, maxBox: 260 };
const { width: WIDTH, margin: MARGIN, laneLabel: LANE_LABEL, top: TOP, laneHeight: LANE_HEIGHT, boxHeight: BOX_HEIGHT, boxGap: BOX_GAP, minBox: MIN_BOX, maxBox: MAX_BOX } = SIZES;
const VIOLATION_COLOUR = '#d73a49';

/** Where the map's clicks lead: a box to its files, an edge to its imports (the editor's command links). */
export interface MapLinks {
  box(box: MapBox): string;
  edge(edge: MapEdge): string;
}

interface Placed {
  box: MapBox;
  x: number;
  y: number;
  width: number;
}

/**
 * The architecture map as a self-contained SVG: one band a lane, top to bottom as the kind's
 * architecture runs; in each, the lane's boxes, wider for more code; arrows between boxes with
 * their import counts, red where imports break a layer rule, dashed between boxes that import each
 * other; a box in a cycle is marked ↻.
 * Pure, escaped and without script, like the trace and entity diagrams; `links` makes boxes and
 * arrows links (the editor's webview), none without it (an exported file).
 */
export function renderMapSvg(map: ArchitectureMap, links?: MapLinks): string {
  const placed = layout(map);
  const drawn = edgesToDraw(map);
  const height = TOP + map.lanes.length * LANE_HEIGHT + 56;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="architecture map">`,
    '<defs>',
    '<marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"/></marker>',
    `<marker id="map-arrow-violation" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${VIOLATION_COLOUR}"/></marker>`,
    '</defs>',
    `<text x="${MARGIN}" y="26" font-size="15" font-weight="bold" fill="currentColor">${escapeXml(`Architecture map of a ${map.kind}`)}</text>`,
  ];
  map.lanes.forEach((lane, position) => {
    const y = TOP + position * LANE_HEIGHT;
    parts.push(
      `<g class="lane" data-layer="${escapeXml(lane.layer)}">`,
      `<rect x="${MARGIN}" y="${y}" width="${WIDTH - MARGIN * 2}" height="${LANE_HEIGHT - 10}" rx="6" fill="currentColor" fill-opacity="${position % 2 ? 0.03 : 0.06}"/>`,
      `<text x="${MARGIN + 10}" y="${y + 24}" font-weight="bold" fill="currentColor">${escapeXml(fitted(lane.layer, 16))}</text>`,
      `<text x="${MARGIN + 10}" y="${y + 42}" font-size="11" fill="currentColor" fill-opacity="0.7">${counted(lane.files, 'file')}</text>`,
      `<text x="${MARGIN + 10}" y="${y + 57}" font-size="11" fill="currentColor" fill-opacity="0.7">${compact(lane.lines)} lines</text>`,
      '</g>',
    );
  });
  for (const edge of drawn) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (from && to) parts.push(arrow(edge, from, to, links));
  }
  const cycled = new Set(map.cycles.flat());
  for (const spot of placed.values()) parts.push(boxMarkup(spot, cycled.has(spot.box.id), links));
  const hidden = map.edges.length - drawn.length;
  const leftOut = map.leftOut.map((entry) => `${entry.layer} ${entry.files}`).join(', ');
  const notes = [
    `${counted(map.boxes.length, 'box', 'boxes')}, ${counted(drawn.length, 'arrow')}${hidden > 0 ? ` (${hidden} lighter not drawn)` : ''}`,
    map.cycles.length ? `↻ ${counted(cycled.size, 'box', 'boxes')} in ${counted(map.cycles.length, 'cycle')} of imports` : '',
    map.edges.some((edge) => edge.mutual) ? 'dashed ⇄: boxes that import each other' : '',
    map.edges.some((edge) => edge.violations) ? 'red: imports that break a layer rule' : '',
    leftOut ? `not drawn: ${leftOut}` : '',
  ].filter(Boolean);
  parts.push(`<text x="${MARGIN}" y="${height - 22}" font-size="11" fill="currentColor" fill-opacity="0.8">${escapeXml(notes.join(' · '))}</text>`, '</svg>');
  return parts.join('\n');
}

/** Each lane's boxes in a row, widths by the square root of their lines, shrunk together when a row would overflow. */
function layout(map: ArchitectureMap): Map<string, Placed> {
  const largest = Math.max(1, ...map.boxes.map((box) => box.lines));
  const natural = (box: MapBox) => MIN_BOX + (MAX_BOX - MIN_BOX) * Math.sqrt(box.lines / largest);
  const available = WIDTH - MARGIN * 2 - LANE_LABEL - 10;
  const placed = new Map<string, Placed>();
  map.lanes.forEach((lane, position) => {
    const boxes = map.boxes.filter((box) => box.layer === lane.layer);
    const widths = boxes.map(natural);
    const total = widths.reduce((sum, width) => sum + width, 0) + BOX_GAP * Math.max(0, boxes.length - 1);
    const scale = total > available ? (available - BOX_GAP * Math.max(0, boxes.length - 1)) / (total - BOX_GAP * Math.max(0, boxes.length - 1)) : 1;
    let x = MARGIN + LANE_LABEL + Math.max(0, (available - Math.min(total, available)) / 2);
    const y = TOP + position * LANE_HEIGHT + (LANE_HEIGHT - 10 - BOX_HEIGHT) / 2 + 8;
    boxes.forEach((box, index) => {
      const width = (widths[index] ?? MIN_BOX) * scale;
      placed.set(box.id, { box, x, y, width });
      x += width + BOX_GAP;
    });
  });
  return placed;
}

function boxMarkup({ box, x, y, width }: Placed, inCycle: boolean, links: MapLinks | undefined): string {
  const chars = Math.max(6, Math.floor((width - 12) / 6.6));
  const folded = box.folded !== undefined;
  const inner = [
    `<g class="box" data-box="${escapeXml(box.id)}"><title>${escapeXml(`${MapBox.label(box)} (${box.layer}): ${counted(box.files.length, 'file')}, ${counted(box.lines, 'line')}`)}</title>`,
    `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${BOX_HEIGHT}" rx="4" fill="var(--vscode-editor-background, white)" stroke="currentColor"${folded ? ' stroke-dasharray="4 3"' : ''}/>`,
    `<text x="${r(x + 6)}" y="${r(y + 22)}" font-weight="bold" fill="currentColor">${escapeXml(fitted(MapBox.label(box), chars))}</text>`,
    `<text x="${r(x + 6)}" y="${r(y + 40)}" font-size="11" fill="currentColor" fill-opacity="0.7">${escapeXml(`${counted(box.files.length, 'file')} · ${compact(box.lines)} lines`)}</text>`,
    inCycle ? `<text class="cycle-mark" x="${r(x + width - 6)}" y="${r(y + 16)}" text-anchor="end" font-size="13" fill="currentColor"><title>in a cycle of imports</title>↻</text>` : '',
    '</g>',
  ].join('');
  return links ? `<a href="${escapeXml(links.box(box))}">${inner}</a>` : inner;
}

/** A curve from one box to another: down or up between lanes, arched above the row within a lane. */
function arrow(edge: MapEdge, from: Placed, to: Placed, links: MapLinks | undefined): string {
  const fx = from.x + from.width / 2;
  const tx = to.x + to.width / 2;
  let d: string;
  let label: [number, number];
  if (from.y === to.y) {
    const lift = 30 + Math.min(20, Math.abs(tx - fx) / 12);
    const y = from.y;
    d = `M ${r(fx)} ${r(y)} C ${r(fx)} ${r(y - lift)} ${r(tx)} ${r(y - lift)} ${r(tx)} ${r(y)}`;
    label = [(fx + tx) / 2, y - lift * 0.75];
  } else {
    const down = to.y > from.y;
    const y1 = down ? from.y + BOX_HEIGHT : from.y;
    const y2 = down ? to.y : to.y + BOX_HEIGHT;
    // Arrows up start and end off-centre so an edge and its way back do not lie on each other.
    const shift = down ? 0 : 14;
    const bend = (y2 - y1) / 2;
    d = `M ${r(fx + shift)} ${r(y1)} C ${r(fx + shift)} ${r(y1 + bend)} ${r(tx + shift)} ${r(y2 - bend)} ${r(tx + shift)} ${r(y2)}`;
    label = [(fx + tx) / 2 + shift, (y1 + y2) / 2];
  }
  const colour = edge.violations ? VIOLATION_COLOUR : 'currentColor';
  const width = Math.min(5, 1 + Math.log2(edge.count) / 2);
  const text = `${edge.mutual ? '⇄ ' : ''}${edge.count}`;
  const title = `${MapBox.label(from.box)} (${from.box.layer}) → ${MapBox.label(to.box)} (${to.box.layer}): ${counted(edge.count, 'import')}${edge.violations ? `, ${edge.violations} breaking a layer rule` : ''}${edge.mutual ? ', and imported back' : edge.cycle ? ', in a cycle' : ''}`;
  const inner = [
    `<g class="edge${edge.violations ? ' violation' : ''}${edge.cycle ? ' cycle' : ''}${edge.mutual ? ' mutual' : ''}"><title>${escapeXml(title)}</title>`,
    `<path d="${d}" fill="none" stroke="${colour}" stroke-opacity="${edge.violations ? 0.9 : 0.55}" stroke-width="${width.toFixed(1)}"${edge.mutual ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${edge.violations ? 'map-arrow-violation' : 'map-arrow'})"/>`,
    `<rect x="${r(label[0] - 4 - text.length * 3.5)}" y="${r(label[1] - 9)}" width="${r(text.length * 7 + 8)}" height="16" rx="3" fill="var(--vscode-editor-background, white)" fill-opacity="0.85"/>`,
    `<text x="${r(label[0])}" y="${r(label[1] + 3)}" text-anchor="middle" font-size="11" fill="${colour}">${escapeXml(text)}</text>`,
    '</g>',
  ].join('');
  return links ? `<a href="${escapeXml(links.edge(edge))}">${inner}</a>` : inner;
}

/** A name cut from the left, so a folder keeps its last parts whole where they fit (`…/order/views`). */
function fitted(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const parts = text.split('/');
  for (let first = 1; first < parts.length; first++) {
    const tail = `…/${parts.slice(first).join('/')}`;
    if (tail.length <= limit) return tail;
  }
  return `…${text.slice(text.length - limit + 1)}`;
}

/** `950`, `9.3k`, `127k`: a box's size at a glance. */
function compact(count: number): string {
  if (count < 1000) return String(count);
  return count < 10_000 ? `${(count / 1000).toFixed(1)}k` : `${Math.round(count / 1000)}k`;
}

function r(value: number): string {
  return String(Math.round(value * 10) / 10);
}
