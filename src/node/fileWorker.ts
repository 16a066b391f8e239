/** The worker thread: reads, parses and scans files with its own grammars and compiled queries. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import workerpool from 'workerpool';
import { FileScanner } from '../core/detect/scanFile';
import { decodeSource } from '../core/parse/decode';
import { FileFacts, type FileTask } from '../core/parse/facts';
import { Grammars } from '../core/parse/grammars';
import { grammarsDirectory, rulesDirectory } from './assets';
import { loadRuleDirectory } from './rules';

let scanner: FileScanner | undefined;

function scannerOfThisThread(): FileScanner {
  if (!scanner) {
    const grammars = grammarsDirectory();
    scanner = new FileScanner(new Grammars((name) => fs.readFile(join(grammars, name))), loadRuleDirectory(rulesDirectory()));
  }
  return scanner;
}

export async function analyzeFile(task: FileTask): Promise<FileFacts> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(task.absolutePath);
    if (stat.size > task.maxFileSizeBytes) {
      return FileFacts.skipped(task, `larger than the size limit (${kilobytes(stat.size)} KB > ${kilobytes(task.maxFileSizeBytes)} KB)`);
    }
    bytes = await fs.readFile(task.absolutePath);
  } catch (error) {
    return FileFacts.skipped(task, `not readable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeSource(bytes);
  if ('skipped' in decoded) return FileFacts.skipped(task, decoded.skipped);
  return scannerOfThisThread().scan(task, decoded.text);
}

function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

/**
 * The facts as JSON text: the main thread keeps the facts of every file, and objects made by
 * `JSON.parse` take about a third less memory there than a structured clone of the same facts.
 */
async function analyzeFileAsJson(task: FileTask): Promise<string> {
  return JSON.stringify(await analyzeFile(task));
}

if (!workerpool.isMainThread) workerpool.worker({ analyzeFile: analyzeFileAsJson });
