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

export namespace ChecklistProgress {
  export function empty(): ChecklistProgress {
    return { version: 1, items: {} };
  }

  /** Reads a progress file; anything unreadable gives an empty progress and says why, never an exception. */
  export function parse(text: string): { progress: ChecklistProgress; problem?: string } {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { progress: empty(), problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    const items = (data as { version?: unknown; items?: unknown } | null)?.items;
    if ((data as { version?: unknown } | null)?.version !== 1 || !items || typeof items !== 'object' || Array.isArray(items)) {
      return { progress: empty(), problem: 'not a checklist progress file of version 1' };
    }
    const progress = empty();
    for (const [id, raw] of Object.entries(items as Record<string, unknown>)) {
      const item = raw as Partial<ItemProgress> | null;
      if (!item || typeof item.done !== 'boolean' || typeof item.updated !== 'number') continue;
      progress.items[id] = {
        done: item.done,
        updated: item.updated,
        ...(typeof item.note === 'string' && item.note ? { note: item.note } : {}),
        ...(typeof item.linkLabel === 'string' ? { linkLabel: item.linkLabel } : {}),
      };
    }
    return { progress };
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

  export function serialize(progress: ChecklistProgress): string {
    return `${JSON.stringify(progress, null, 2)}\n`;
  }
}
