/** A student's progress on a checklist: what is ticked, the notes, and when each item last changed. */
export interface ItemProgress {
  done: boolean;
  note?: string;
  /** The link's label when the item was last changed: if the code moves, the item says so. */
  linkLabel?: string;
  /** Milliseconds since the epoch: the later change wins when two windows wrote. */
  updated: number;
}

export interface ChecklistProgress {
  version: 1;
  items: Record<string, ItemProgress>;
}

/** What a progress file says it is: `"archtrace": "checklist-progress"`, first. */
const MARKER = 'checklist-progress';

/** An item of a progress file that could not be read, kept as it was written. */
export interface UnreadItem {
  id: string;
  reason: string;
  written: unknown;
}

/** A progress file as ArchTrace reads it. */
export type ProgressFile =
  /** ArchTrace's, of this version: its items, and those that could not be read. */
  | { kind: 'progress'; progress: ChecklistProgress; unread: UnreadItem[] }
  /** ArchTrace's, cut short or garbled. */
  | { kind: 'damaged'; problem: string }
  /** ArchTrace's, of a later version than this one knows. */
  | { kind: 'newer'; version: number }
  /** Not recognisably ArchTrace's (a mistyped path: package.json, a note). */
  | { kind: 'foreign' };

export namespace ChecklistProgress {
  export function empty(): ChecklistProgress {
    return { version: 1, items: {} };
  }

  /**
   * What a file's text is: a progress file carries the marker (files written before it have
   * exactly `version: 1` and `items`); text that is neither is not ArchTrace's, unless `ours` (a
   * file where only ArchTrace writes, in its own storage), when it is a damaged progress file.
   */
  export function read(text: string, ours = false): ProgressFile {
    if (text.trim() === '') return { kind: 'progress', progress: empty(), unread: [] };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const recognised = ours || /^\s*\{\s*"archtrace"\s*:\s*"checklist-progress"/.test(text) || /^\s*\{\s*"version"\s*:\s*1\s*,\s*"items"\s*:/.test(text);
      return recognised ? { kind: 'damaged', problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` } : { kind: 'foreign' };
    }
    const file = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as { archtrace?: unknown; version?: unknown; items?: unknown };
    const itemsObject = !!file.items && typeof file.items === 'object' && !Array.isArray(file.items);
    const marked = file.archtrace === MARKER;
    const legacy = !marked && file.version === 1 && itemsObject && Object.keys(file).every((key) => key === 'version' || key === 'items');
    if (!marked && !legacy) return ours ? { kind: 'damaged', problem: 'not a checklist progress file' } : { kind: 'foreign' };
    if (typeof file.version === 'number' && file.version > 1) return { kind: 'newer', version: file.version };
    if (file.version !== 1 || !itemsObject) return { kind: 'damaged', problem: 'its version or items are missing' };
    const progress = empty();
    const unread: UnreadItem[] = [];
    for (const [id, written] of Object.entries(file.items as Record<string, unknown>)) {
      const item = (written && typeof written === 'object' ? written : {}) as Partial<Record<keyof ItemProgress, unknown>>;
      const reason =
        typeof item.done !== 'boolean' ? '"done" is not true or false'
        : typeof item.updated !== 'number' ? '"updated" is not a number'
        : item.note !== undefined && typeof item.note !== 'string' ? '"note" is not text'
        : item.linkLabel !== undefined && typeof item.linkLabel !== 'string' ? '"linkLabel" is not text'
        : undefined;
      if (reason) {
        unread.push({ id, reason, written });
        continue;
      }
      progress.items[id] = {
        done: item.done as boolean,
        updated: item.updated as number,
        ...(typeof item.note === 'string' && item.note ? { note: item.note } : {}),
        ...(typeof item.linkLabel === 'string' ? { linkLabel: item.linkLabel } : {}),
      };
    }
    return { kind: 'progress', progress, unread };
  }

  /** Two progresses of the same folder (two windows): for each item, the later change. */
  export function merge(a: ChecklistProgress, b: ChecklistProgress): ChecklistProgress {
    const merged = empty();
    for (const id of new Set([...Object.keys(a.items), ...Object.keys(b.items)])) {
      const left = a.items[id];
      const right = b.items[id];
      const later = !left ? right : !right ? left : right.updated >= left.updated ? right : left;
      if (later) merged.items[id] = later;
    }
    return merged;
  }

  /** The file's text, marked as ArchTrace's; items that could not be read are written back as they were (unless changed since). */
  export function serialize(progress: ChecklistProgress, unread: readonly UnreadItem[] = []): string {
    const items: Record<string, unknown> = {};
    for (const { id, written } of unread) items[id] = written;
    Object.assign(items, progress.items);
    return `${JSON.stringify({ archtrace: MARKER, version: progress.version, items }, null, 2)}\n`;
  }
}
