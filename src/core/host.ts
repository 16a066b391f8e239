/**
 * What the core needs from its host. The Node layer (CLI, extension host, tests) implements
 * these with `fs` and worker threads; a web build would implement them with the editor's file
 * system and web workers. The core itself never touches the disk or starts a thread.
 */
import type { FileFacts, FileTask } from './parse/facts';

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface DirEntry {
  name: string;
  type: EntryType;
}

export interface FileStat {
  type: Exclude<EntryType, 'symlink'>;
  size: number;
  /** An identity that is the same for two paths reaching one directory (device and inode on Node). */
  identity: string;
}

export interface WorkspaceFs {
  readDirectory(absolutePath: string): Promise<DirEntry[]>;
  /** Follows symbolic links. */
  stat(absolutePath: string): Promise<FileStat>;
  /** The real path, with every link resolved. */
  realPath(absolutePath: string): Promise<string>;
  readText(absolutePath: string): Promise<string>;
}

/** Parses and scans files, off the caller's thread where the host can. */
export interface FileAnalyzer {
  analyze(task: FileTask): Promise<FileFacts>;
  dispose(): Promise<void>;
}

export interface ProgressReport {
  phase: 'discover' | 'parse' | 'resolve' | 'classify';
  done: number;
  total: number;
}

/**
 * Facts of files analysed before, by content fingerprint, so a warm start parses only what changed.
 * The host decides where they live and when they are stale (another analyser version).
 */
export interface FactsCache {
  /** An identity of a file's content (a hash), or undefined when the file cannot be read. */
  fingerprint(absolutePath: string): Promise<string | undefined>;
  get(path: string, fingerprint: string): FileFacts | undefined;
  set(path: string, fingerprint: string, facts: FileFacts): void;
  /** Writes the cache; after a full run (`prune`), entries of files this run did not see are dropped. */
  save(prune: boolean): Promise<void>;
}
