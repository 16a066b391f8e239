import { readWorkspaceText } from '../discover/discover';
import type { ReadLimits, WorkspaceFs } from '../host';
import type { Skipped } from '../result';

/**
 * The environment files a repository commits at its root, in the order their values count: a
 * committed `.env` is what runs; the others document the values a deployment sets (dotenv's advice
 * is to commit an example of `.env` for others to copy).
 */
const ENVIRONMENT_FILES = ['.env', '.env.defaults', '.env.example', '.env.sample', '.env.template', '.env.dist'];

/** Keys read from one file, at most: an environment file is a few dozen lines. */
const MAX_KEYS = 1000;

/**
 * The values the root's environment files give their keys (`APP_ROUTE_PREFIX=/api`), the first
 * file that sets a key deciding it. None when the repository commits no such file.
 */
export async function readEnvironment(fs: WorkspaceFs, limits: ReadLimits & { root: string }, otherFiles: readonly string[], skipped: Skipped[]): Promise<Record<string, string>> {
  const present = new Set(otherFiles);
  const environment: Record<string, string> = {};
  for (const name of ENVIRONMENT_FILES) {
    if (!present.has(name)) continue;
    const text = await readWorkspaceText(fs, limits, name, skipped);
    for (const [key, value] of text === undefined ? [] : dotenvEntries(text)) if (!Object.hasOwn(environment, key)) environment[key] = value;
  }
  return environment;
}

/**
 * The `KEY=value` lines of a dotenv file, as dotenv reads them: `export ` before the key allowed,
 * `#` lines and blank lines skipped, a value in matching quotes taken whole, an unquoted one up to
 * a ` #` comment, trimmed. Read line by line with no regex over the file.
 */
export function dotenvEntries(text: string): [string, string][] {
  const entries: [string, string][] = [];
  for (const raw of text.split('\n')) {
    if (entries.length >= MAX_KEYS) break;
    let line = raw.trim();
    if (line.startsWith('export ')) line = line.slice('export '.length).trimStart();
    const equals = line.indexOf('=');
    if (line.startsWith('#') || equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    if (!/^[A-Za-z_][\w.-]*$/.test(key)) continue;
    const written = line.slice(equals + 1).trim();
    const quote = written[0];
    const closing = quote === '"' || quote === "'" || quote === '`' ? written.indexOf(quote, 1) : -1;
    const comment = written.indexOf(' #');
    const value = closing > 0 ? written.slice(1, closing) : (comment >= 0 ? written.slice(0, comment) : written).trim();
    entries.push([key, value]);
  }
  return entries;
}
