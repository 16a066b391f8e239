import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** A file of one workspace folder's own (its facts cache, its checklist progress) in a shared directory, named by a hash of the folder's path. */
export function folderFile(directory: string, kind: string, root: string): string {
  return join(directory, `${kind}-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}
