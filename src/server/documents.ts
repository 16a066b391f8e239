import { fileURLToPath } from 'node:url';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { sameSeparators } from '../core/discover/discover';
import type { EditorDocuments } from '../core/host';
import type { TextChange } from '../core/parse/facts';

/** The file a `file:` URI names, or undefined for any other scheme (or a malformed URI). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return sameSeparators(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * The documents an LSP client has open, as updates read them while the user types: each text,
 * and the changes made since an update last took it, as offsets (the parsing thread keeps that
 * text's tree and parses the changes incrementally). LSP's incremental changes come as line and
 * character ranges, each relative to the text the one before it left: converted one by one.
 */
export class OpenDocuments implements EditorDocuments {
  private readonly open = new Map<string, { document: TextDocument; dirty: boolean }>();
  private readonly pending = new Map<string, TextChange[]>();
  /** Files whose unsaved text an update read: when closed unsaved, they are read from disk again. */
  private readonly unsaved = new Set<string>();

  opened(uri: string, languageId: string, version: number, text: string): void {
    const path = filePathOf(uri);
    if (!path) return;
    this.open.set(path, { document: TextDocument.create(uri, languageId, version, text), dirty: false });
    this.pending.delete(path);
  }

  /** Applies a client's changes; false when the document is not one this knows (not open, not a file). */
  changed(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    const path = filePathOf(uri);
    const held = path ? this.open.get(path) : undefined;
    if (!path || !held) return false;
    const edits = this.pending.get(path) ?? [];
    for (const change of changes) {
      if ('range' in change) {
        const offset = held.document.offsetAt(change.range.start);
        edits.push({ offset, length: held.document.offsetAt(change.range.end) - offset, text: change.text });
      } else edits.push({ offset: 0, length: held.document.getText().length, text: change.text });
      held.document = TextDocument.update(held.document, [change], version);
    }
    this.pending.set(path, edits);
    held.dirty = true;
    return changes.length > 0;
  }

  saved(uri: string): void {
    const path = filePathOf(uri);
    const held = path ? this.open.get(path) : undefined;
    if (held) held.dirty = false;
  }

  /** Whether the closed file must be read again: an update read a text of it that was never saved. */
  closed(uri: string): boolean {
    const path = filePathOf(uri);
    if (!path) return false;
    this.open.delete(path);
    this.pending.delete(path);
    return this.unsaved.delete(path);
  }

  /** The open document of a file, if any. */
  get(path: string): TextDocument | undefined {
    return this.open.get(sameSeparators(path))?.document;
  }

  take(absolutePath: string): { text: string; edits: readonly TextChange[] } | undefined {
    const path = sameSeparators(absolutePath);
    const edits = this.pending.get(path) ?? [];
    this.pending.delete(path);
    const held = this.open.get(path);
    if (!held) return undefined;
    if (held.dirty) this.unsaved.add(path);
    else this.unsaved.delete(path);
    return { text: held.document.getText(), edits };
  }
}
