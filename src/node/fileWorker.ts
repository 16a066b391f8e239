/** The worker thread: reads, parses and scans files with its own grammars and compiled queries. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import workerpool from 'workerpool';
import { FileScanner } from '../core/detect/scanFile';
import { decodeSource } from '../core/parse/decode';
import { FileFacts, type FileTask } from '../core/parse/facts';
import { Grammars } from '../core/parse/grammars';
import type { DetectorRule } from '../core/detect/rules';
import { grammarsDirectory } from './assets';
import { BatchProgress } from './batchProgress';
import { readCheckedSync, RefusedRead, sizeLimitReason } from './checkedRead';
import { builtinRules, withUserRules } from './rules';

let scanner: FileScanner | undefined;

function scannerOfThisThread(): FileScanner {
  if (!scanner) {
    const grammars = grammarsDirectory();
    const userRules = (workerData as { userRules?: DetectorRule[] } | null)?.userRules ?? [];
    scanner = new FileScanner(new Grammars((name) => fs.readFile(join(grammars, name))), withUserRules(builtinRules(), userRules));
  }
  return scanner;
}

export async function analyzeFile(task: FileTask): Promise<FileFacts> {
  if (task.text !== undefined) {
    const size = Buffer.byteLength(task.text);
    if (size > task.maxFileSizeBytes) return FileFacts.skipped(task, sizeLimitReason(size, task.maxFileSizeBytes));
    return scannerOfThisThread().scan(task, task.text);
  }
  let bytes: Uint8Array;
  try {
    // Synchronous: this thread has nothing else to do meanwhile, and each asynchronous call costs a
    // trip through libuv's pool, more than reading a small source file.
    bytes = readCheckedSync(task.absolutePath, { maxBytes: task.maxFileSizeBytes });
  } catch (error) {
    return FileFacts.skipped(task, error instanceof RefusedRead ? error.reason : `not readable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeSource(bytes);
  if ('skipped' in decoded) return FileFacts.skipped(task, decoded.skipped);
  return scannerOfThisThread().scan(task, decoded.text);
}

/**
 * Several files' facts as one JSON text: one message for a batch of files, and on the main thread
 * (which keeps the facts of every file) objects made by `JSON.parse` take about a third less
 * memory than a structured clone of the same facts.
 */
async function analyzeFiles(tasks: readonly FileTask[], progress: BigInt64Array): Promise<string> {
  await scannerOfThisThread().ready(); // the thread's start is not the first file's time
  const facts: FileFacts[] = [];
  for (const [position, task] of tasks.entries()) {
    BatchProgress.start(progress, position);
    facts.push(await analyzeFile(task));
  }
  return JSON.stringify(facts);
}

/**
 * Analyses a file ahead of the update that will ask for it, and drops the answer: its language's
 * grammar and queries are then loaded, and the scanner's code compiled by a real file, so the
 * update's own parse is as fast as any later one.
 */
async function warmUp(task: FileTask): Promise<void> {
  // Only the thread kept for edits is readied (see WarmWorker.prepare).
  scannerOfThisThread().servesEdits();
  await analyzeFile(task);
}

/** Loads this thread's code and tree-sitter's runtime before the files are known (see `WorkerAnalyzer.start`). */
async function start(): Promise<void> {
  await scannerOfThisThread().ready();
}

if (!workerpool.isMainThread) workerpool.worker({ analyzeFiles, warmUp, start });
