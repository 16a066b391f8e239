import { constants, promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { ChecklistProgress, type ItemProgress, type UnreadItem } from '../core/checklist/progress';
import { readChecked, RefusedRead } from './checkedRead';
import { makeDirectory, writeAtomically } from './nodeFs';

/** A progress file is a few kilobytes; a larger file at its path is not one. */
const MAX_PROGRESS_BYTES = 16 * 1024 * 1024;

/**
 * The lock: a folder beside the file whose time its holder renews every few seconds while it
 * lives (proper-lockfile); only one not renewed for LOCK_STALE_MS is taken over (its holder died).
 */
const LOCK_STALE_MS = 10_000;
const LOCK_RENEW_MS = 2_000;
/** How long a change waits for another writer before it gives up, unsaved, with the reason. */
const LOCK_RETRIES = { retries: 60, factor: 1.2, minTimeout: 20, maxTimeout: 500 };

/** The progress as read, what of the file could not be read, and why nothing may be written to it. */
interface Read {
  progress: ChecklistProgress;
  unread: UnreadItem[];
  warnings: string[];
  /** Set when the file must not be written: it is not ArchTrace's, of a newer version, or could not be read. */
  readOnly?: string;
  /** Set when the file is ArchTrace's but damaged: it is set aside before anything is written. */
  damaged?: boolean;
}

/**
 * The checklist progress of one workspace folder in a file, never lost: each change is read,
 * merged with what another window may have written, and written to a temporary file that is then
 * renamed over the old one (atomic on the same disk), under a lock that is never taken from a
 * live holder. Nothing the user wrote is lost: a file that is not recognisably ArchTrace's, of a
 * newer version, or that could not be read is left as it is and nothing is saved to it; a
 * damaged progress file is set aside as a numbered copy (`.corrupt-1`, `-2`…) before the next
 * write; items that cannot be read are kept in the file as written. Reading never changes it.
 */
export class ChecklistStore {
  /**
   * `ours`: the file is in ArchTrace's own storage, where nothing else writes: whatever is there
   * and not a progress file is a damaged one. A path the user gives (`report --progress`) is not.
   */
  constructor(
    readonly path: string,
    private readonly ours = false,
  ) {}

  async load(): Promise<{ progress: ChecklistProgress; warning?: string }> {
    const { progress, warnings } = await this.read();
    return warnings.length ? { progress, warning: warnings.join('; ') } : { progress };
  }

  /** Applies one item's change on top of the latest progress on disk, and returns the result. */
  async update(id: string, change: Omit<ItemProgress, 'updated'>, now = Date.now()): Promise<ChecklistProgress> {
    return this.locked(async () => {
      const read = await this.writable();
      read.progress.items[id] = { ...change, updated: now };
      await writeAtomically(this.path, ChecklistProgress.serialize(read.progress, read.unread.filter((item) => item.id !== id)));
      return read.progress;
    });
  }

  /** Removes every tick and note (what could not be read goes too: the user asked for a clean slate). */
  async reset(): Promise<void> {
    await this.locked(async () => {
      await this.writable();
      await writeAtomically(this.path, ChecklistProgress.serialize(ChecklistProgress.empty()));
    });
  }

  private async read(): Promise<Read> {
    let text: string;
    try {
      text = (await readChecked(this.path, { maxBytes: MAX_PROGRESS_BYTES })).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { progress: ChecklistProgress.empty(), unread: [], warnings: [] };
      const reason = error instanceof RefusedRead ? error.reason : ((error as NodeJS.ErrnoException).code ?? String(error));
      return this.readOnly(`the checklist progress file ${this.path} could not be read (${reason}): it is left as it is, and no change is saved to it until it can be read`);
    }
    const file = ChecklistProgress.read(text, this.ours);
    switch (file.kind) {
      case 'foreign':
        return this.readOnly(`${this.path} is not an ArchTrace checklist progress file: it is left as it is, and no change is saved to it`);
      case 'newer':
        return this.readOnly(`the checklist progress file ${this.path} was written by a newer ArchTrace (version ${file.version}): it is kept read-only, and no change is saved to it`);
      case 'damaged':
        return {
          progress: ChecklistProgress.empty(),
          unread: [],
          damaged: true,
          warnings: [`the checklist progress file ${this.path} is damaged (${file.problem}); progress starts afresh, and the file is kept as a numbered ${this.path}.corrupt-N before the next change is saved`],
        };
      case 'progress':
        return {
          progress: file.progress,
          unread: file.unread,
          warnings: file.unread.map((item) => `the checklist item "${item.id}" in ${this.path} could not be read (${item.reason}): it is kept in the file as written`),
        };
    }
  }

  private readOnly(reason: string): Read {
    return { progress: ChecklistProgress.empty(), unread: [], warnings: [reason], readOnly: reason };
  }

  /** The file read again under the lock, ready to be written: one that must not be throws, with the reason; a damaged one is set aside first. */
  private async writable(): Promise<Read> {
    const read = await this.read();
    if (read.readOnly) throw new Error(read.readOnly);
    if (read.damaged) await this.setAside();
    return read;
  }

  /** Copies the file to the first free `.corrupt-N` (never over an earlier copy), then removes it. */
  private async setAside(): Promise<void> {
    for (let number = 1; ; number++) {
      try {
        await fs.copyFile(this.path, `${this.path}.corrupt-${number}`, constants.COPYFILE_EXCL);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    await fs.rm(this.path, { force: true });
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    await makeDirectory(dirname(this.path));
    let release: () => Promise<void>;
    try {
      // A lock found taken over (this thread held up past LOCK_STALE_MS) must not end the process
      // (proper-lockfile's default): the write is atomic and merged, and goes on.
      release = await lockfile.lock(this.path, { realpath: false, stale: LOCK_STALE_MS, update: LOCK_RENEW_MS, retries: LOCK_RETRIES, onCompromised: () => undefined });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new Error(`the checklist progress file ${this.path} is being written by another ArchTrace window; the change was not saved, try again`);
      throw error;
    }
    try {
      return await work();
    } finally {
      await release().catch(() => undefined); // taken over meanwhile (above): nothing left to release
    }
  }
}
