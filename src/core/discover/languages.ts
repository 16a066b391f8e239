import type { Language } from '../result';

const BY_EXTENSION: ReadonlyMap<string, Language> = new Map([
  ['.py', 'python'],
  ['.pyi', 'python'],
  ['.ts', 'typescript'],
  ['.mts', 'typescript'],
  ['.cts', 'typescript'],
  ['.tsx', 'tsx'],
  ['.js', 'javascript'],
  ['.mjs', 'javascript'],
  ['.cjs', 'javascript'],
  ['.jsx', 'javascript'],
  ['.java', 'java'],
  ['.go', 'go'],
  ['.sql', 'sql'],
  ['.prisma', 'prisma'],
]);

/** The language analysed for a file name, or undefined for files ArchTrace does not parse. */
export function languageOf(fileName: string): Language | undefined {
  if (fileName.endsWith('.d.ts')) {
    return undefined; // declarations describe code elsewhere; they hold no behaviour to analyse
  }
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION.get(fileName.slice(dot).toLowerCase());
}
