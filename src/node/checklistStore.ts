import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { ChecklistProgress, type ItemProgress } from '../core/checklist/progress';
import { makeDirectory, writeAtomically } from './nodeFs';

const LOCK_STALE_MS = 5_000;
const LOCK_WAIT_MS = 2_000;

/**
 * The checklist progress of one workspace folder in a file, never lost: each change is read,
 * merged with what another window may have written, and written to a temporary file that is then
 * renamed over the old one (atomic on the same disk), under a lock file so two writers take turns.
 * A corrupt file is kept aside (`.corrupt`) and progress starts again, with a warning.
 */
export class ChecklistStore {
  constructor(readonly path: string) {}

  async load(): Promise<{ progress: ChecklistProgress; warning?: string }> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { progress: ChecklistProgress.empty() };
      return { progress: ChecklistProgress.empty(), warning: `the checklist progress could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); starting afresh` };
    }
    const { progress, problem } = ChecklistProgress.parse(text);
    if (!problem) return { progress };
    await fs.rename(this.path, `${this.path}.corrupt`).catch(() => undefined);
    return { progress, warning: `the checklist progress file was ${problem}; it was kept as ${this.path}.corrupt and progress starts afresh` };
  }

  /** Applies one item's change on top of the latest progress on disk, and returns the result. */
  async update(id: string, change: Omit<ItemProgress, 'updated'>, now = Date.now()): Promise<ChecklistProgress> {
    return this.locked(async () => {
      const { progress } = await this.load();
      progress.items[id] = { ...change, updated: now };
      await this.write(progress);
      return progress;
    });
  }

  async reset(): Promise<void> {
    await this.locked(() => this.write(ChecklistProgress.empty()));
  }

  private async write(progress: ChecklistProgress): Promise<void> {
    await writeAtomically(this.path, ChecklistProgress.serialize(progress));
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    const lock = `${this.path}.lock`;
    await makeDirectory(dirname(this.path));
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await fs.writeFile(lock, String(process.pid), { flag: 'wx' });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = Date.now() - (await fs.stat(lock).then((stat) => stat.mtimeMs, () => Date.now()));
        // A writer that died holding the lock must not block the others for ever.
        if (age > LOCK_STALE_MS || Date.now() > deadline) await fs.rm(lock, { force: true });
        else await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    try {
      return await work();
    } finally {
      await fs.rm(lock, { force: true });
    }
  }
}
