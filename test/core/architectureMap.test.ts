import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sax from 'sax';
import { type ArchitectureMap, buildArchitectureMap, MAX_ARROWS, MAX_BOXES_PER_LANE, MAX_IMPORTS_PER_EDGE, type MapInput } from '../../src/core/map/architectureMap';
import { renderMapMermaid } from '../../src/core/render/mapMermaid';
import { renderMapSvg } from '../../src/core/render/mapSvg';
import { renderMarkdown } from '../../src/core/render/markdown';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { SAMPLE } from '../helpers';

const SERVICE_LANES = ['api', 'application', 'domain', 'infrastructure'];
const SHARED = new Set(['test', 'example', 'migration', 'config']);

function input(files: [string, string, number?][], imports: [string, number, string, string][] = [], violations: MapInput['violations'] = []): MapInput {
  return {
    kind: 'service',
    lanes: SERVICE_LANES,
    leftOutRoles: SHARED,
    files: files.map(([path, layer, lines]) => ({ path, layer, lines: lines ?? 10 })),
    imports: imports.map(([path, line, imported, target]) => ({ path, line, imported, target })),
    violations,
  };
}

const boxOf = (map: ArchitectureMap, path: string) => map.boxes.find((box) => box.files.includes(path))?.id;

/** Parses the SVG as strict XML (sax), throwing at the first error; gives the elements met and their attributes. */
function parseXml(text: string): { name: string; attributes: Record<string, string> }[] {
  const parser = sax.parser(true);
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  parser.onopentag = (tag) => elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string> });
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(text).close();
  return elements;
}

/** The shapes every line of the map's Mermaid takes; a line that fits none is not the flowchart ArchTrace writes. */
const MERMAID_LINE = [
  /^flowchart TB$/,
  /^ {2}subgraph L\d+\["[^"\n]*"\]$/,
  /^ {4}direction LR$/,
  /^ {4}B\d+\["[^"\n]*"\]$/,
  /^ {2}end$/,
  /^ {2}B\d+ (-->|-\.->)\|"[^"\n]*"\| B\d+$/,
  /^ {2}linkStyle \d+ stroke:#d73a49,stroke-width:2px$/,
];

function assertMermaid(text: string): void {
  const lines = text.split('\n');
  for (const line of lines) assert.ok(MERMAID_LINE.some((shape) => shape.test(line)), `not a line of the map's flowchart: ${line}`);
  assert.equal(lines.filter((line) => line.includes('subgraph')).length, lines.filter((line) => line.trim() === 'end').length);
  // Entity codes stand for what could be syntax; no raw quote, bracket or pipe is left inside a label.
  for (const [, label] of text.matchAll(/\["([^"]*)"\]/g)) assert.ok(!/[[\]|<>{}]/.test((label ?? '').replace(/<br\/>/g, '')), label);
}

describe('the architecture map', () => {
  it('puts each layer role in its lane, in the order of the kind’s architecture, and leaves tests and examples out', () => {
    const map = buildArchitectureMap(
      input([
        ['app/repositories/orders.py', 'infrastructure'],
        ['app/api/orders.py', 'api'],
        ['app/domain/order.py', 'domain'],
        ['app/services/orders.py', 'application'],
        ['tests/test_orders.py', 'test'],
        ['examples/demo.py', 'example'],
        ['app/reports/export.py', 'reporting'],
      ]),
    );
    assert.deepEqual(map.lanes.map((lane) => lane.layer), [...SERVICE_LANES, 'reporting']);
    assert.deepEqual(map.leftOut, [{ layer: 'example', files: 1 }, { layer: 'test', files: 1 }]);
    assert.equal(boxOf(map, 'app/api/orders.py'), 'api|app/api');
  });

  it('counts the imports between boxes, marks those that break a layer rule, and drops imports within a box', () => {
    const map = buildArchitectureMap(
      input(
        [
          ['app/api/orders.py', 'api'],
          ['app/api/users.py', 'api'],
          ['app/services/orders.py', 'application'],
          ['app/repositories/orders.py', 'infrastructure'],
        ],
        [
          ['app/api/orders.py', 1, 'OrderService', 'app/services/orders.py'],
          ['app/api/users.py', 2, 'OrderService', 'app/services/orders.py'],
          ['app/api/orders.py', 3, 'OrderRepository', 'app/repositories/orders.py'],
          ['app/api/orders.py', 4, 'users', 'app/api/users.py'],
        ],
        [{ rule: 'api-to-repository', path: 'app/api/orders.py', line: 3, imported: 'OrderRepository', message: 'the API reaches a repository' }],
      ),
    );
    const edge = (from: string, to: string) => map.edges.find((candidate) => candidate.from === from && candidate.to === to);
    assert.deepEqual({ ...edge('api|app/api', 'application|app/services'), imports: undefined }, { from: 'api|app/api', to: 'application|app/services', count: 2, violations: 0, imports: undefined });
    assert.equal(edge('api|app/api', 'infrastructure|app/repositories')?.violations, 1);
    assert.equal(edge('api|app/api', 'infrastructure|app/repositories')?.imports[0]?.violation, true);
    assert.equal(map.edges.length, 2);
    assert.deepEqual(map.cycles, []);
  });

  it('marks cycles between boxes, the edges that close them, and boxes that import each other', () => {
    const map = buildArchitectureMap(
      input(
        [
          ['app/services/a/x.py', 'application'],
          ['app/services/b/y.py', 'application'],
          ['app/services/c/z.py', 'application'],
        ],
        [
          ['app/services/a/x.py', 1, 'y', 'app/services/b/y.py'],
          ['app/services/b/y.py', 1, 'x', 'app/services/a/x.py'],
          ['app/services/b/y.py', 2, 'z', 'app/services/c/z.py'],
        ],
      ),
    );
    assert.deepEqual(map.cycles, [['application|app/services/a', 'application|app/services/b']]);
    assert.deepEqual(map.edges.filter((edge) => edge.cycle).map((edge) => `${edge.from} ${edge.to}`).sort(), ['application|app/services/a application|app/services/b', 'application|app/services/b application|app/services/a']);
    assert.equal(map.edges.find((edge) => edge.to === 'application|app/services/c')?.cycle, undefined);
    assert.deepEqual(map.edges.filter((edge) => edge.mutual).length, 2);
    const svg = renderMapSvg(map);
    assert.equal((svg.match(/class="cycle-mark"/g) ?? []).length, 2);
    assert.equal((svg.match(/stroke-dasharray="6 4"/g) ?? []).length, 2);
  });

  it('stays legible at 5,000 files: at most a lane’s limit of boxes, the rest in one "N more" box, and every file in one box', () => {
    const layers = SERVICE_LANES;
    const files: [string, string, number][] = [];
    for (let index = 0; index < 5000; index++) files.push([`src/pkg${Math.floor(index / 4) % 120}/${layers[index % 4]}/module${index}.py`, layers[index % 4] as string, 20 + (index % 7)]);
    const imports: [string, number, string, string][] = [];
    for (let index = 0; index < 20_000; index++) {
      const from = files[index % files.length] as [string, string, number];
      const to = files[(index * 7919) % files.length] as [string, string, number];
      imports.push([from[0], index % 50, `name${index}`, to[0]]);
    }
    const started = performance.now();
    const map = buildArchitectureMap(input(files, imports));
    assert.ok(performance.now() - started < 5000);
    for (const lane of map.lanes) {
      const boxes = map.boxes.filter((box) => box.layer === lane.layer);
      assert.equal(boxes.length, MAX_BOXES_PER_LANE, lane.layer);
      const folded = boxes.find((box) => box.folded !== undefined);
      assert.equal(folded?.folded, 120 - (MAX_BOXES_PER_LANE - 1));
      assert.equal(boxes.reduce((sum, box) => sum + box.files.length, 0), lane.files);
    }
    assert.equal(new Set(map.boxes.flatMap((box) => box.files)).size, 5000);
    assert.ok(map.edges.every((edge) => edge.imports.length <= MAX_IMPORTS_PER_EDGE && edge.count >= edge.imports.length));
    assert.ok(map.edges.length > MAX_ARROWS);
    const svg = renderMapSvg(map);
    parseXml(svg);
    assert.equal((svg.match(/<g class="edge/g) ?? []).length, MAX_ARROWS);
    assert.match(svg, new RegExp(`${map.edges.length - MAX_ARROWS} lighter not drawn`));
    assert.ok(svg.length < 200_000, `${svg.length} characters`);
    assertMermaid(renderMapMermaid(map));
  });

  it('renders valid XML and Mermaid with hostile names escaped, and links only where the editor asks for them', () => {
    const hostile = 'app/<script>alert("x")</script>&"|]';
    const map = buildArchitectureMap(
      input(
        [
          [`${hostile}/api/a.py`, 'api'],
          ['app/domain/b.py', 'domain'],
          ['app/infra/c.py', '<img src=x onerror=alert(1)>'],
        ],
        [
          [`${hostile}/api/a.py`, 1, 'b', 'app/domain/b.py'],
          ['app/domain/b.py', 1, 'a', `${hostile}/api/a.py`],
        ],
      ),
    );
    const svg = renderMapSvg(map);
    const elements = parseXml(svg);
    assert.ok(!elements.some((element) => ['script', 'img', 'foreignObject'].includes(element.name)));
    assert.ok(!elements.some((element) => Object.keys(element.attributes).some((name) => name.startsWith('on'))));
    assert.ok(!elements.some((element) => element.name === 'a'), 'an exported map has no links');
    assert.match(svg, /&lt;script&gt;/);
    const linked = renderMapSvg(map, { box: (box) => `command:open?${encodeURIComponent(JSON.stringify([box.id]))}`, edge: () => 'command:edge?[]' });
    const links = parseXml(linked).filter((element) => element.name === 'a');
    assert.equal(links.length, map.boxes.length + map.edges.length);
    assert.ok(links.every((link) => link.attributes['href']?.startsWith('command:')));
    const mermaid = renderMapMermaid(map);
    assertMermaid(mermaid);
    assert.ok(!mermaid.includes('<script>'));
    assert.match(mermaid, /-\.->/); // the two boxes import each other: a cycle
  });

  it('is drawn for the sample service and is a section of its Markdown report', async () => {
    const analysis = await analyzeFolder(SAMPLE, { threads: 1, updates: false });
    const map = analysis.architectureMap();
    assert.deepEqual(map.lanes.map((lane) => lane.layer), SERVICE_LANES);
    // The sample's domain imports its infrastructure once, against the layer rules.
    const broken = map.edges.filter((edge) => edge.violations);
    assert.deepEqual(broken.map((edge) => `${edge.from} -> ${edge.to}`), ['domain|app/domain -> infrastructure|app/infrastructure']);
    assert.ok(map.edges.some((edge) => edge.from === 'api|app/api/routes' && edge.to === 'application|app/application/services'));
    const report = renderMarkdown(analysis.result, map);
    const section = report.slice(report.indexOf('## Architecture map'));
    assert.match(section, /^## Architecture map\n\n```mermaid\nflowchart TB\n/);
    const flowchart = section.slice(section.indexOf('flowchart'));
    assertMermaid(flowchart.slice(0, flowchart.indexOf('\n```')));
    assert.match(section, /subgraph L3\["infrastructure \(11 files\)"\]/);
  });
});
