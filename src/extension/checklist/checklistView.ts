import * as vscode from 'vscode';
import type { ChecklistItem } from '../../core/checklist/checklist';
import { ChecklistProgress } from '../../core/checklist/progress';
import type { AnswerPart, Phrase, SourceLocation } from '../../core/result';
import { SymbolId } from '../../core/result';
import { markdownText, notificationText, plainText } from '../../core/render/escape';
import { folderFile } from '../../node/folderFile';
import { ChecklistStore } from '../../node/checklistStore';
import type { WorkspaceResults } from '../results';

interface Row {
  root: string;
  item?: ChecklistItem;
  section?: ChecklistItem['section'];
  /** Under an item: one part of its answer (a topic with its facts). */
  part?: AnswerPart;
  /** Under a part: one line of it, and where the code says it. */
  line?: { text: string; location?: SourceLocation; gap?: boolean };
}

/**
 * The study checklist of each analysed folder: the guide's learning path and self-test for the
 * repository's kind, ticked with checkboxes, each item linked to the code it is about, progress and
 * notes kept per folder in the extension's workspace storage (so never in the repository).
 */
export class ChecklistController implements vscode.TreeDataProvider<Row>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Row>;
  private readonly state = new Map<string, { items: ChecklistItem[]; progress: ChecklistProgress; store: ChecklistStore }>();
  /** Each reload's turn: a reload still fetching when a newer result arrives leaves the state to the newer one. */
  private reloads = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly results: WorkspaceResults,
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.view = vscode.window.createTreeView('archtrace.checklist', { treeDataProvider: this, manageCheckboxStateManually: true });
    this.disposables.push(
      this.view,
      results.startWhenVisible(this.view),
      this.view.onDidChangeCheckboxState((event) => {
        for (const [row, state] of event.items) if (row.item && !row.part) void this.change(row.root, row.item, { done: state === vscode.TreeItemCheckboxState.Checked });
      }),
      results.onDidChange(() => void this.reload()),
      vscode.commands.registerCommand('archtrace.checklist.note', (row?: Row) => this.editNote(row)),
      vscode.commands.registerCommand('archtrace.checklist.reset', () => this.reset()),
      vscode.commands.registerCommand('archtrace.checklist.export', () => this.export()),
      vscode.commands.registerCommand('archtrace.checklist.open', (row: Row) => this.open(row)),
    );
  }

  private storeFor(root: string): ChecklistStore {
    return new ChecklistStore(folderFile(this.storage.fsPath, 'checklist', root), true);
  }

  /** The checklist of every folder from the server, with the progress kept here. */
  private async reload(): Promise<void> {
    const turn = ++this.reloads;
    const next = new Map<string, { items: ChecklistItem[]; progress: ChecklistProgress; store: ChecklistStore }>();
    for (const { root } of this.results.all()) {
      try {
        const store = this.storeFor(root);
        const [items, { progress, warning }] = await Promise.all([this.results.checklist(root), store.load()]);
        if (warning) {
          this.log.warn(warning);
          void vscode.window.showWarningMessage(vscode.l10n.t('ArchTrace: {0}', notificationText(warning)));
        }
        next.set(root, { items, progress, store });
      } catch (error) {
        this.log.warn(`checklist of ${root}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (turn !== this.reloads) return;
    this.state.clear();
    for (const [root, entry] of next) this.state.set(root, entry);
    this.refresh();
  }

  private refresh(): void {
    let done = 0;
    let total = 0;
    for (const { items, progress } of this.state.values()) {
      total += items.length;
      done += items.filter((item) => progress.items[item.id]?.done).length;
    }
    this.view.description = total ? `${done} / ${total}` : '';
    this.changed.fire();
  }

  private async change(root: string, item: ChecklistItem, change: { done?: boolean; note?: string }): Promise<void> {
    const entry = this.state.get(root);
    if (!entry) return;
    const current = entry.progress.items[item.id];
    const note = change.note ?? current?.note;
    const next = {
      done: change.done ?? current?.done ?? false,
      ...(note ? { note } : {}),
      ...(item.link ? { linkLabel: item.link.label } : current?.linkLabel ? { linkLabel: current.linkLabel } : {}),
    };
    try {
      entry.progress = await entry.store.update(item.id, next);
    } catch (error) {
      this.log.error(`checklist progress not saved: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('ArchTrace could not save the checklist progress: {0}', notificationText(error instanceof Error ? error.message : String(error))));
    }
    this.refresh();
  }

  private async editNote(row?: Row): Promise<void> {
    if (!row?.item) return;
    const current = this.state.get(row.root)?.progress.items[row.item.id]?.note ?? '';
    const note = await vscode.window.showInputBox({ prompt: vscode.l10n.t(row.item.text), value: current, placeHolder: vscode.l10n.t('A note for this item') });
    if (note !== undefined) await this.change(row.root, row.item, { note });
  }

  private async reset(): Promise<void> {
    const reset = vscode.l10n.t('Reset');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Reset the study checklist? Ticks and notes are removed.'), { modal: true }, reset);
    if (answer !== reset) return;
    for (const entry of this.state.values()) {
      await entry.store.reset();
      entry.progress = ChecklistProgress.empty();
    }
    this.refresh();
  }

  /** The study guide as a Markdown document the student can keep. */
  private async export(): Promise<void> {
    const parts = await Promise.all([...this.state].map(([root, { progress }]) => this.results.studyGuide(root, progress)));
    if (!parts.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ArchTrace: classify the workspace first.'));
      return;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: parts.join('\n\n') });
    await vscode.window.showTextDocument(document);
  }

  private async open(row: Row): Promise<void> {
    if (row.line?.location) {
      const position = new vscode.Position(row.line.location.line, 0);
      await vscode.window.showTextDocument(vscode.Uri.file(`${row.root}/${row.line.location.path}`), { selection: new vscode.Range(position, position) });
      return;
    }
    const link = row.item?.link;
    if (!link) return;
    if (link.kind === 'route') {
      await vscode.commands.executeCommand('archtrace.trace.start', row.root, link.route);
      return;
    }
    const position = new vscode.Position(link.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(`${row.root}/${link.path}`), { selection: new vscode.Range(position, position) });
  }

  getChildren(row?: Row): Row[] {
    if (!row) {
      const roots = [...this.state.keys()];
      return roots.length === 1 ? (['path', 'self-test'] as const).map((section) => ({ root: roots[0] as string, section })) : roots.map((root) => ({ root }));
    }
    if (row.line) return [];
    if (!row.section && !row.item) return (['path', 'self-test'] as const).map((section) => ({ root: row.root, section }));
    if (row.section) return (this.state.get(row.root)?.items ?? []).filter((item) => item.section === row.section).map((item) => ({ root: row.root, item }));
    // An item expands into its answer: each part's topic, then the facts with where the code says them.
    const { item } = row;
    if (item && !row.part) return (item.answer?.parts ?? []).map((part) => ({ root: row.root, item, part }));
    if (row.part) return answerLines(row.part).map((line) => ({ root: row.root, line }));
    return [];
  }

  getTreeItem(row: Row): vscode.TreeItem {
    if (row.line) {
      const line = new vscode.TreeItem(plainText(row.line.text), vscode.TreeItemCollapsibleState.None);
      if (row.line.location) {
        line.description = plainText(`${row.line.location.path}:${row.line.location.line + 1}`);
        line.command = { command: 'archtrace.checklist.open', title: vscode.l10n.t('Open'), arguments: [row] };
      }
      line.iconPath = new vscode.ThemeIcon(row.line.gap ? 'info' : 'circle-small-filled');
      line.tooltip = plainText(row.line.text);
      return line;
    }
    if (row.part) {
      const topic = new vscode.TreeItem(plainText(localized(row.part.topic)), vscode.TreeItemCollapsibleState.Expanded);
      topic.iconPath = new vscode.ThemeIcon(row.part.facts.length || row.part.table ? 'pass' : 'question');
      return topic;
    }
    if (!row.item) {
      const label = row.section ? (row.section === 'path' ? vscode.l10n.t('Learning path') : vscode.l10n.t('Self-test')) : plainText(row.root);
      return new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    }
    const { item } = row;
    const progress = this.state.get(row.root)?.progress.items[item.id];
    // The checklist's texts come from the core in English; the bundle holds their translations.
    const text = vscode.l10n.t(item.text);
    const tree = new vscode.TreeItem(text, item.answer?.parts.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    tree.checkboxState = progress?.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    const moved = !item.link && progress?.linkLabel ? vscode.l10n.t('link moved (was {0})', progress.linkLabel) : undefined;
    tree.description = plainText([item.estimate, item.part, item.link?.label, moved, progress?.note ? `✎ ${progress.note}` : undefined].filter(Boolean).join(' · '));
    // The item's text is ArchTrace's Markdown, the note the user's own; the moved link's label is the workspace's.
    tree.tooltip = new vscode.MarkdownString([text, progress?.note ? `\n\n> ${progress.note}` : '', moved ? `\n\n${markdownText(moved)}` : ''].join(''));
    tree.contextValue = 'checklistItem';
    tree.id = `${row.root}#${item.id}`;
    if (item.link) tree.command = { command: 'archtrace.checklist.open', title: vscode.l10n.t('Open'), arguments: [row] };
    return tree;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}

/** A phrase of an answer in the editor's language, its terms put in as written (the backticks that mark code dropped: a tree shows plain text). */
function localized(phrase: Phrase): string {
  const template = vscode.l10n.t(phrase.phrase).replace(/`/g, '');
  return template.replace(/\{(\d+)\}/g, (whole, position: string) => phrase.terms[Number(position)] ?? whole);
}

/** The lines under a part of an answer: its facts, its table's rows (which methods each implementation defines), what was left out, and its gap. */
function answerLines(part: AnswerPart): { text: string; location?: SourceLocation; gap?: boolean }[] {
  const lines: { text: string; location?: SourceLocation; gap?: boolean }[] = part.facts.map((fact) => ({ text: localized(fact), location: fact.location }));
  for (const row of part.table?.rows ?? []) {
    const defined = part.table?.methods.filter((_, position) => row.cells[position] === 'defines') ?? [];
    lines.push({ text: `${SymbolId.label(row.implementation)}: ${defined.length ? defined.join(', ') : '—'}`, location: row.location });
  }
  if (part.omitted) lines.push({ text: vscode.l10n.t('… and {0} more', part.omitted) });
  if (part.gap) lines.push({ text: localized(part.gap), ...(part.gap.readAt ? { location: part.gap.readAt } : {}), gap: true });
  return lines;
}
