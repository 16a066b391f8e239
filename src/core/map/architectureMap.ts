import type { RepoKind, Violation } from '../result';

/**
 * The architecture map of a repository, in the layer model of its kind: one lane a layer (top to
 * bottom as the kind's architecture runs), in each lane the folders its files sit in as boxes, and
 * the imports between boxes as edges with their counts. Serializable: the editor, the CLI, the
 * language server and the report render the same map.
 */
export interface ArchitectureMap {
  kind: RepoKind;
  lanes: MapLane[];
  boxes: MapBox[];
  /** Imports from the files of one box to the files of another, heaviest first. */
  edges: MapEdge[];
  /** Boxes that import each other round (strongly connected, two boxes or more), each a list of box ids. */
  cycles: string[][];
  /** Files left off the map: tests, examples, configuration, migrations, by role. */
  leftOut: { layer: string; files: number }[];
}

export interface MapLane {
  layer: string;
  /** @asType integer @minimum 0 */
  files: number;
  /** @asType integer @minimum 0 */
  lines: number;
}

export interface MapBox {
  /** `layer|folder`, or `layer|…` for the box of the folders past the lane's limit. */
  id: string;
  layer: string;
  /** The folder whose files of the layer the box holds ('' for the root); absent for the folded box. */
  folder?: string;
  /** The files, sorted. */
  files: string[];
  /** Lines of code in the files: what the box's size shows. @asType integer @minimum 0 */
  lines: number;
  /** The folded box: how many folders it stands for. @asType integer @minimum 1 */
  folded?: number;
}

export interface MapEdge {
  from: string;
  to: string;
  /** Imported names, from the files of `from` to those of `to`. @asType integer @minimum 1 */
  count: number;
  /** How many of them break a layer rule. @asType integer @minimum 0 */
  violations: number;
  /** Part of a cycle between boxes (the two boxes are in one of `cycles`). */
  cycle?: boolean;
  /** The two boxes import each other: the shortest cycle, the one to break first. */
  mutual?: boolean;
  /** The imports (those that break a rule first), at most `MAX_IMPORTS_PER_EDGE`. */
  imports: MapImport[];
}

/** One import of the map: where it is written, what it names, and the file it reaches. */
export interface MapImport {
  path: string;
  /** 0-based. @asType integer @minimum 0 */
  line: number;
  imported: string;
  target: string;
  violation?: boolean;
}

/** What the map is made of: each file's layer and size, and the imports between workspace files. */
export interface MapInput {
  kind: RepoKind;
  /** The kind's layers, top to bottom. */
  lanes: readonly string[];
  /** Roles outside the architecture under study (tests, examples…): their files are counted, not drawn. */
  leftOutRoles: ReadonlySet<string>;
  files: readonly { path: string; layer: string; lines: number }[];
  imports: Iterable<MapImport>;
  violations: readonly Violation[];
}

/** Boxes a lane shows before the rest are folded into one "N more" box: what keeps a 5,000-file map legible. */
export const MAX_BOXES_PER_LANE = 8;
/** Imports an edge lists; its count says how many there are. */
export const MAX_IMPORTS_PER_EDGE = 50;
/** How deep below a lane's common folder boxes may go. */
const MAX_GROUP_DEPTH = 6;

export namespace MapBox {
  export const FOLDED = '…';

  /** The box's name as shown: its folder, `(root)`, or `N more` for the folded box. */
  export function label(box: MapBox): string {
    if (box.folded !== undefined) return `${box.folded} more`;
    return box.folder || '(root)';
  }
}

export function buildArchitectureMap(input: MapInput): ArchitectureMap {
  const byLayer = new Map<string, { path: string; lines: number }[]>();
  const leftOut = new Map<string, number>();
  for (const file of input.files) {
    if (input.leftOutRoles.has(file.layer)) leftOut.set(file.layer, (leftOut.get(file.layer) ?? 0) + 1);
    else {
      let list = byLayer.get(file.layer);
      if (!list) byLayer.set(file.layer, (list = []));
      list.push(file);
    }
  }
  // The kind's lanes first, in its order; a layer of the team's own (archtrace.yml) after them.
  const layers = [...input.lanes.filter((layer) => byLayer.has(layer)), ...[...byLayer.keys()].filter((layer) => !input.lanes.includes(layer)).sort()];
  const lanes: MapLane[] = [];
  const boxes: MapBox[] = [];
  const boxOf = new Map<string, string>();
  for (const layer of layers) {
    const files = byLayer.get(layer) ?? [];
    lanes.push({ layer, files: files.length, lines: sum(files.map((file) => file.lines)) });
    for (const box of laneBoxes(layer, files)) {
      boxes.push(box);
      for (const path of box.files) boxOf.set(path, box.id);
    }
  }
  const edges = edgesBetween(boxOf, input.imports, input.violations);
  const cycles = cyclesAmong(boxes, edges);
  const inCycle = new Map<string, number>();
  cycles.forEach((cycle, position) => cycle.forEach((id) => inCycle.set(id, position)));
  const pairs = new Set(edges.map((edge) => `${edge.from}\n${edge.to}`));
  for (const edge of edges) {
    if (inCycle.has(edge.from) && inCycle.get(edge.from) === inCycle.get(edge.to)) edge.cycle = true;
    if (pairs.has(`${edge.to}\n${edge.from}`)) edge.mutual = true;
  }
  return { kind: input.kind, lanes, boxes, edges, cycles, leftOut: [...leftOut].sort(([a], [b]) => a.localeCompare(b)).map(([layer, files]) => ({ layer, files })) };
}

/** Files of a lane under one folder: a box, or a box to be split into the folder's subfolders. */
interface Group {
  folder: string;
  depth: number;
  files: { path: string; lines: number; folders: string[] }[];
  lines: number;
  /** All its files sit in the folder itself: it cannot be split. */
  leaf: boolean;
}

/**
 * A lane's files with code grouped by folder: from the lane's common folder down, the group with
 * the most code is split into its subfolders while the boxes stay within the limit, or while it
 * holds more than half the lane's code (one box that is most of the lane says nothing); past the
 * limit, the largest boxes are kept and the rest folded into one.
 */
function laneBoxes(layer: string, laneFiles: readonly { path: string; lines: number }[]): MapBox[] {
  // Empty files (a package's bare `__init__.py`) hold no code and import nothing: they would only add boxes.
  const files = laneFiles.filter((file) => file.lines > 0).map((file) => ({ ...file, folders: folderParts(file.path) }));
  if (!files.length) return [];
  const common = commonPrefix(files.map((file) => file.folders));
  const total = sum(files.map((file) => file.lines));
  let groups: Group[] = [groupOf(files, common)];
  for (;;) {
    const largest = groups.filter((group) => !group.leaf && group.depth - common < MAX_GROUP_DEPTH).sort((a, b) => b.lines - a.lines)[0];
    if (!largest) break;
    const children = split(largest);
    if (groups.length - 1 + children.length > MAX_BOXES_PER_LANE && largest.lines * 2 <= total) break;
    groups = [...groups.filter((group) => group !== largest), ...children];
  }
  const ordered = groups.sort((a, b) => b.lines - a.lines || b.files.length - a.files.length || a.folder.localeCompare(b.folder));
  const shown = ordered.length > MAX_BOXES_PER_LANE ? ordered.slice(0, MAX_BOXES_PER_LANE - 1) : ordered;
  const boxes: MapBox[] = shown
    .sort((a, b) => a.folder.localeCompare(b.folder))
    .map(({ folder, files: members, lines }) => ({ id: `${layer}|${folder}`, layer, folder, files: members.map((file) => file.path).sort(), lines }));
  const rest = ordered.slice(shown.length);
  if (rest.length) {
    boxes.push({ id: `${layer}|${MapBox.FOLDED}`, layer, files: rest.flatMap((group) => group.files.map((file) => file.path)).sort(), lines: sum(rest.map((group) => group.lines)), folded: rest.length });
  }
  return boxes;
}

function groupOf(files: Group['files'], depth: number): Group {
  const first = files[0]?.folders ?? [];
  return { folder: first.slice(0, depth).join('/'), depth, files, lines: sum(files.map((file) => file.lines)), leaf: files.every((file) => file.folders.length <= depth) };
}

/** A group's files by the subfolder they sit in; those in the folder itself stay a group of their own. */
function split(group: Group): Group[] {
  const bySubfolder = new Map<string, Group['files']>();
  for (const file of group.files) {
    const key = file.folders.length > group.depth ? (file.folders[group.depth] as string) : '';
    let list = bySubfolder.get(key);
    if (!list) bySubfolder.set(key, (list = []));
    list.push(file);
  }
  return [...bySubfolder].map(([key, members]) => (key ? groupOf(members, group.depth + 1) : { ...groupOf(members, group.depth), leaf: true }));
}

/** Imports between boxes, counted per pair; an import within a box is not an edge. */
function edgesBetween(boxOf: ReadonlyMap<string, string>, imports: Iterable<MapImport>, violations: readonly Violation[]): MapEdge[] {
  const broken = new Set(violations.map((violation) => `${violation.path}\n${violation.line}\n${violation.imported}`));
  const edges = new Map<string, MapEdge>();
  for (const imported of imports) {
    const from = boxOf.get(imported.path);
    const to = boxOf.get(imported.target);
    if (!from || !to || from === to) continue;
    const key = `${from}\n${to}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { from, to, count: 0, violations: 0, imports: [] }));
    edge.count++;
    const violation = broken.has(`${imported.path}\n${imported.line}\n${imported.imported}`);
    if (violation) edge.violations++;
    edge.imports.push(violation ? { ...imported, violation } : imported);
  }
  const listed = [...edges.values()];
  for (const edge of listed) {
    edge.imports.sort((a, b) => Number(b.violation ?? false) - Number(a.violation ?? false) || a.path.localeCompare(b.path) || a.line - b.line);
    edge.imports.length = Math.min(edge.imports.length, MAX_IMPORTS_PER_EDGE);
  }
  return listed.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** The strongly connected groups of two boxes or more (Tarjan's algorithm), each in the boxes' order. */
function cyclesAmong(boxes: readonly MapBox[], edges: readonly MapEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    let list = next.get(edge.from);
    if (!list) next.set(edge.from, (list = []));
    list.push(edge.to);
  }
  const order = new Map(boxes.map((box, position) => [box.id, position]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  // Iterative, so that a long chain of boxes cannot overflow the call stack.
  for (const box of boxes) {
    if (index.has(box.id)) continue;
    const work: { id: string; edge: number }[] = [{ id: box.id, edge: 0 }];
    index.set(box.id, counter);
    low.set(box.id, counter++);
    stack.push(box.id);
    onStack.add(box.id);
    while (work.length) {
      const frame = work[work.length - 1] as { id: string; edge: number };
      const targets = next.get(frame.id) ?? [];
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, edge: 0 });
        } else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        if (component.length > 1) cycles.push(component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
      }
    }
  }
  return cycles.sort((a, b) => (order.get(a[0] ?? '') ?? 0) - (order.get(b[0] ?? '') ?? 0));
}

function folderParts(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  return parts;
}

function commonPrefix(lists: readonly string[][]): number {
  const first = lists[0];
  if (!first) return 0;
  let length = first.length;
  for (const list of lists) {
    let same = 0;
    while (same < length && list[same] === first[same]) same++;
    length = same;
  }
  return length;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Arrows a drawing shows: beyond them, the lightest are left to the edges' list (the note says how many). */
export const MAX_ARROWS = 40;

/** The edges a drawing shows: those that break a rule, then the heaviest, at most `MAX_ARROWS`. */
export function edgesToDraw(map: ArchitectureMap): MapEdge[] {
  return [...map.edges].sort((a, b) => b.violations - a.violations || b.count - a.count).slice(0, MAX_ARROWS);
}

/** `1 file`, `3 files`; `2 boxes` given the plural. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
