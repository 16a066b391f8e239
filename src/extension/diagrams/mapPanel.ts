import * as vscode from 'vscode';
import { type ArchitectureMap, MapBox, type MapEdge } from '../../core/map/architectureMap';
import { plainText } from '../../core/render/escape';
import { renderMapMermaid } from '../../core/render/mapMermaid';
import { renderMapSvg } from '../../core/render/mapSvg';
import { showSvgPanel } from './svgPanel';

/** Where the map comes from: the folders analysed, and a folder's map (from its analysis, or the server's `archtrace/map`). */
export interface MapSource {
  roots(): string[];
  map(root: string): ArchitectureMap | undefined | Promise<ArchitectureMap | undefined>;
}

const OPEN_BOX = 'archtrace.map.openBox';
const OPEN_EDGE = 'archtrace.map.openEdge';

/**
 * *Show Architecture Map*, its export, and what a click on the map does: the webview runs no
 * script, so boxes and arrows are `command:` links, allowed for these two commands only; each
 * opens a quick pick of the box's files or the arrow's imports (also from the palette, choosing
 * the box or arrow first).
 */
export function registerArchitectureMap(source: MapSource): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('archtrace.showArchitectureMap', async (root?: string) => {
      const chosen = await mapOf(source, root);
      if (!chosen) return;
      const links = {
        box: (box: MapBox) => commandUri(OPEN_BOX, [chosen.root, box.id]),
        edge: (edge: MapEdge) => commandUri(OPEN_EDGE, [chosen.root, edge.from, edge.to]),
      };
      showSvgPanel('archtrace.architectureMap', vscode.l10n.t('Architecture map'), renderMapSvg(chosen.map, links), [OPEN_BOX, OPEN_EDGE]);
    }),
    vscode.commands.registerCommand('archtrace.exportArchitectureMap', async (root?: string) => {
      const chosen = await mapOf(source, root);
      if (!chosen) return;
      const format = await vscode.window.showQuickPick(['SVG', 'Mermaid'], { placeHolder: vscode.l10n.t('Export the architecture map as') });
      if (!format) return;
      const extension = format === 'SVG' ? 'svg' : 'mmd';
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${chosen.root}/architecture-map.${extension}`), filters: { [format]: [extension] } });
      if (!target) return;
      const text = format === 'SVG' ? renderMapSvg(chosen.map) : renderMapMermaid(chosen.map);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${text}\n`));
    }),
    vscode.commands.registerCommand(OPEN_BOX, async (root?: string, id?: string) => {
      const chosen = await mapOf(source, root);
      if (!chosen) return;
      const box = chosen.map.boxes.find((candidate) => candidate.id === id) ?? (await pickBox(chosen.map));
      if (!box) return;
      const file = await vscode.window.showQuickPick(
        box.files.map((path) => ({ label: plainText(path), path })),
        { placeHolder: vscode.l10n.t('{0} ({1}): {2} files', plainText(MapBox.label(box)), box.layer, box.files.length), matchOnDescription: true },
      );
      if (file) await open(chosen.root, file.path, 0);
    }),
    vscode.commands.registerCommand(OPEN_EDGE, async (root?: string, from?: string, to?: string) => {
      const chosen = await mapOf(source, root);
      if (!chosen) return;
      const edge = chosen.map.edges.find((candidate) => candidate.from === from && candidate.to === to) ?? (await pickEdge(chosen.map));
      if (!edge) return;
      const picked = await vscode.window.showQuickPick(
        edge.imports.map((entry) => ({
          label: `${entry.violation ? '$(error) ' : ''}${plainText(entry.imported)}`,
          description: plainText(`${entry.path}:${entry.line + 1} → ${entry.target}`),
          entry,
        })),
        { placeHolder: vscode.l10n.t('{0} imports ({1} listed)', edge.count, edge.imports.length), matchOnDescription: true },
      );
      if (picked) await open(chosen.root, picked.entry.path, picked.entry.line);
    }),
  );
}

async function mapOf(source: MapSource, root: string | undefined): Promise<{ root: string; map: ArchitectureMap } | undefined> {
  const roots = source.roots();
  const chosenRoot = root && roots.includes(root) ? root : roots.length > 1 ? await vscode.window.showQuickPick(roots, { placeHolder: vscode.l10n.t('Which folder?') }) : roots[0];
  const map = chosenRoot ? await source.map(chosenRoot) : undefined;
  if (!chosenRoot || !map) {
    if (!roots.length) void vscode.window.showInformationMessage(vscode.l10n.t('ArchTrace: classify the workspace first.'));
    return undefined;
  }
  return { root: chosenRoot, map };
}

async function pickBox(map: ArchitectureMap): Promise<MapBox | undefined> {
  const picked = await vscode.window.showQuickPick(
    map.boxes.map((box) => ({ label: plainText(MapBox.label(box)), description: `${box.layer} · ${box.files.length}`, box })),
    { placeHolder: vscode.l10n.t('A box of the map') },
  );
  return picked?.box;
}

async function pickEdge(map: ArchitectureMap): Promise<MapEdge | undefined> {
  const name = (id: string) => {
    const box = map.boxes.find((candidate) => candidate.id === id);
    return box ? `${MapBox.label(box)} (${box.layer})` : id;
  };
  const picked = await vscode.window.showQuickPick(
    map.edges.map((edge) => ({ label: plainText(`${name(edge.from)} → ${name(edge.to)}`), description: `${edge.count}${edge.violations ? ` · ${edge.violations} ✗` : ''}`, edge })),
    { placeHolder: vscode.l10n.t('An arrow of the map') },
  );
  return picked?.edge;
}

function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

async function open(root: string, path: string, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.file(root), path), { selection: new vscode.Range(position, position), preview: true });
}
