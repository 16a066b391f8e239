import { type ArchitectureMap, counted, edgesToDraw, MapBox } from '../map/architectureMap';

/**
 * The architecture map as a Mermaid flowchart: one subgraph a lane, top to bottom, one node a box,
 * one link an edge with its count; links that break a layer rule red, those between boxes that
 * import each other dotted.
 * Ids are ArchTrace's own (`L0`, `B3`); every name from the workspace is written in entity codes
 * where it could be Mermaid syntax.
 */
export function renderMapMermaid(map: ArchitectureMap): string {
  const lines = ['flowchart TB'];
  const ids = new Map(map.boxes.map((box, position) => [box.id, `B${position}`]));
  map.lanes.forEach((lane, position) => {
    lines.push(`  subgraph L${position}["${label(`${lane.layer} (${counted(lane.files, 'file')})`)}"]`, '    direction LR');
    for (const box of map.boxes.filter((candidate) => candidate.layer === lane.layer)) {
      lines.push(`    ${ids.get(box.id) ?? ''}["${label(MapBox.label(box))}<br/>${counted(box.files.length, 'file')} · ${counted(box.lines, 'line')}"]`);
    }
    lines.push('  end');
  });
  const styles: string[] = [];
  let drawn = 0;
  for (const edge of edgesToDraw(map)) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const position = drawn++;
    lines.push(`  ${from} ${edge.mutual ? '-.->' : '-->'}|"${edge.mutual ? 'mutual · ' : ''}${edge.count}"| ${to}`);
    if (edge.violations) styles.push(`  linkStyle ${position} stroke:#d73a49,stroke-width:2px`);
  }
  return [...lines, ...styles].join('\n');
}

/** Workspace text as a quoted Mermaid label: anything but letters, digits, spaces and `._/-` as an entity code. */
function label(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._/()-]/g, (character) => `#${character.codePointAt(0)};`);
}
