/**
 * What the core needs from its host. The Node layer (CLI, extension host, tests) implements
 * these with `fs` and worker threads; a web build would implement them with the editor's file
 * system and web workers. The core itself never touches the disk or starts a thread.
 */
import type { FileFacts, FileTask, TextChange } from './parse/facts';
import type { AnalysisResult } from './result';

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

/** What a file must be to be read: no larger than `maxBytes` and, given a root, inside it once links are resolved. */
export interface ReadLimits {
  maxBytes: number;
  root?: string;
}

export interface WorkspaceFs {
  readDirectory(absolutePath: string): Promise<DirEntry[]>;
  /** Follows symbolic links. */
  stat(absolutePath: string): Promise<FileStat>;
  /** The real path, with every link resolved. */
  realPath(absolutePath: string): Promise<string>;
  /**
   * A file's text, read only when the opened file is a regular file within the limits (a FIFO,
   * a device, a link out of the root, a file too large: rejected with the reason, never read).
   */
  readText(absolutePath: string, limits: ReadLimits): Promise<string>;
}

/** Parses and scans files, off the caller's thread where the host can. */
export interface FileAnalyzer {
  analyze(task: FileTask): Promise<FileFacts>;
  dispose(): Promise<void>;
}

/** The texts an editor holds for files, unsaved changes included: what an update reads instead of the disk. */
export interface EditorDocuments {
  /**
   * A file's text as the editor holds it, with the changes made since the text last taken for that
   * file (in order); undefined when the editor has no document for it (the file on disk is read).
   */
  take(absolutePath: string): { text: string; edits: readonly TextChange[] } | undefined;
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
  /**
   * An identity of a file's content (a hash), or undefined when the file cannot be read; `path` is
   * the workspace-relative one the facts are kept under. A file the analyzer will not read (over
   * `maxBytes`, not a regular file) is not read to hash it either.
   */
  fingerprint(absolutePath: string, path: string, maxBytes: number): Promise<string | undefined>;
  get(path: string, fingerprint: string): FileFacts | undefined;
  set(path: string, fingerprint: string, facts: FileFacts): void;
  /** Writes the cache; after a full run (`prune`), entries of files this run did not see are dropped. */
  save(prune: boolean): Promise<void>;
  /**
   * The last whole result, kept with what it was made from (`key`: the files' fingerprints, the
   * configuration, the rules, the options): a start where nothing changed takes it as it is.
   */
  results?: {
    get(key: string): Promise<AnalysisResult | undefined>;
    set(key: string, result: AnalysisResult): Promise<void>;
  };
}

/** A call the trace could not follow from syntax alone: where it is (0-based) and its callee as written. */
export interface CallQuestion {
  path: string;
  line: number;
  character: number;
  callee: string;
}

export namespace CallQuestion {
  /** One call's identity, to keep its answer by. */
  export function key(question: CallQuestion): string {
    return `${question.path}:${question.line}:${question.character}:${question.callee}`;
  }
}

/** Where a type checker says a call goes: a workspace declaration (its file, 0-based line and qualified name), or outside code. */
export type CallAnswer = { path: string; line: number; name: string } | { external: string };

/**
 * A type checker for the workspace's TypeScript and JavaScript, asked only for the calls a trace
 * cannot follow by syntax (a value whose type is inferred, the overload a call reaches). The Node
 * host runs the TypeScript compiler in a worker thread; null: the checker does not know.
 */
export interface CallTypeResolver {
  resolveCalls(root: string, questions: readonly CallQuestion[]): Promise<(CallAnswer | null)[]>;
}
