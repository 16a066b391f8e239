import * as vscode from 'vscode';
import { sameSeparators } from '../../core/discover/discover';
import type { EditorDocuments } from '../../core/host';
import { listIn } from '../../core/lists';
import type { TextChange } from '../../core/parse/facts';

/**
 * The open documents' texts as updates read them while the user types, and the changes made to
 * each since its text was last taken: the parsing thread keeps that text's tree and parses the
 * changes incrementally.
 */
export class DocumentChanges implements EditorDocuments {
  private readonly pending = new Map<string, TextChange[]>();
  /** Files whose unsaved text an update read: when closed unsaved, they are read from disk again. */
  private readonly unsaved = new Set<string>();

  /** Notes an edit of a file's document; false for an event that changes no text, or a document not of a file. */
  record(event: vscode.TextDocumentChangeEvent): boolean {
    const { document, contentChanges } = event;
    if (document.uri.scheme !== 'file' || !contentChanges.length) return false;
    listIn(this.pending, sameSeparators(document.uri.fsPath)).push(...contentChanges.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, text: change.text })));
    return true;
  }

  take(absolutePath: string): { text: string; edits: readonly TextChange[] } | undefined {
    const path = sameSeparators(absolutePath);
    const edits = this.pending.get(path) ?? [];
    this.pending.delete(path);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'file' && sameSeparators(candidate.uri.fsPath) === path);
    if (!document || document.isClosed) return undefined;
    if (document.isDirty) this.unsaved.add(path);
    else this.unsaved.delete(path);
    return { text: document.getText(), edits };
  }

  /** Whether a closed document's file must be read again: an update read a text of it that was never saved. */
  closed(document: vscode.TextDocument): boolean {
    const path = sameSeparators(document.uri.fsPath);
    this.pending.delete(path);
    return this.unsaved.delete(path);
  }
}
