import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DirEntry, FileStat, WorkspaceFs } from '../core/host';
import { readChecked } from './checkedRead';

export const nodeFs: WorkspaceFs = {
  async readDirectory(absolutePath) {
    const entries = await fs.readdir(absolutePath, { withFileTypes: true });
    return entries.map((entry): DirEntry => ({
      name: entry.name,
      type: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
    }));
  },
  async stat(absolutePath) {
    const stat = await fs.stat(absolutePath);
    const type: FileStat['type'] = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
    return { type, size: stat.size, identity: `${stat.dev}:${stat.ino}` };
  },
  realPath: (absolutePath) => fs.realpath(absolutePath),
  readText: async (absolutePath, limits) => (await readChecked(absolutePath, limits)).toString('utf8'),
};

/** What ArchTrace writes (caches, progress) is the user's alone: folders it makes 0700, files 0600. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Makes a directory and the parents it lacks, private to the user. Not `mkdir(path, { recursive:
 * true })`: on Node 20 that never returns for a path that cannot be made under a parent that
 * exists (`/proc/x`).
 */
export async function makeDirectory(directory: string): Promise<void> {
  try {
    await fs.mkdir(directory, PRIVATE_FOLDER);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await fs.stat(directory)).isDirectory()) return;
    const parent = dirname(directory);
    if (code !== 'ENOENT' || parent === directory) throw error;
    await makeDirectory(parent);
  }
  try {
    await fs.mkdir(directory, PRIVATE_FOLDER); // its parent made: once, no retrying what cannot be made
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * A text, or lines as they are made, written to a temporary file renamed over the old one: a crash
 * or a second writer never leaves half a file, and what a crash left of an earlier write is removed.
 */
export async function writeAtomically(file: string, content: string | AsyncIterable<string>): Promise<void> {
  await makeDirectory(dirname(file));
  await removeLeftovers(file);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    if (typeof content === 'string') await fs.writeFile(temporary, content, { mode: PRIVATE_FILE });
    else await writeLines(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The temporary files (`file.<pid>.<time>.tmp`) of writes of this file whose writer is no longer running. */
async function removeLeftovers(file: string): Promise<void> {
  const folder = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const writer = name.startsWith(prefix) ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (writer !== undefined && !isRunning(Number(writer))) await fs.rm(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}

/**
 * Lines written as they come, encoded into one buffer that each write empties: joined whole, a
 * large cache is one long step and its size again in memory; a string handed to each write is
 * encoded into a buffer of its own, outside the JavaScript heap, that only a collection frees.
 */
async function writeLines(file: string, lines: AsyncIterable<string>): Promise<void> {
  const handle = await fs.open(file, 'w', PRIVATE_FILE);
  try {
    let buffer = Buffer.allocUnsafe(BYTES_PER_WRITE);
    let used = 0;
    const flush = async () => {
      for (let written = 0; written < used; ) written += (await handle.write(buffer, written, used - written)).bytesWritten;
      used = 0;
    };
    for await (const line of lines) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8; and the newline.
      const most = line.length * 3 + 1;
      if (used + most > buffer.length) {
        await flush();
        if (most > buffer.length) buffer = Buffer.allocUnsafe(most);
      }
      used += buffer.write(line, used);
      buffer[used++] = NEWLINE;
    }
    await flush();
  } finally {
    await handle.close();
  }
}

const BYTES_PER_WRITE = 1024 * 1024;
const NEWLINE = 0x0a;
