import { promises as fs } from 'node:fs';
import type { DirEntry, FileStat, WorkspaceFs } from '../core/host';

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
  readText: (absolutePath) => fs.readFile(absolutePath, 'utf8'),
};
