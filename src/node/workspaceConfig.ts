import { join } from 'node:path';
import { CONFIG_FILE_NAMES, NO_CONFIG, parseWorkspaceConfig, type WorkspaceConfig } from '../core/config/workspaceConfig';
import { DataFileError } from '../core/knowledge/checkData';
import { GlobSet } from '../core/workspacePatterns';
import { readChecked, RefusedRead } from './checkedRead';

/** A configuration file is a few lines; a larger one is refused before it is read. */
const MAX_CONFIG_BYTES = 256 * 1024;

/** The team's configuration as read, and what was wrong with it (one line each): the analysis goes on with the built-in behaviour. */
export interface ReadConfig {
  config: WorkspaceConfig;
  problems: string[];
}

/**
 * Reads `archtrace.yml` (or `.archtrace/config.yml`) at the root, through the checked read (the
 * workspace is untrusted: a regular file, within the size limit, inside the root). No file: the
 * built-in behaviour; a broken one: the same, with a problem naming the file and the key.
 */
export async function readWorkspaceConfig(root: string): Promise<ReadConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    let text: string;
    try {
      text = (await readChecked(join(root, name), { maxBytes: MAX_CONFIG_BYTES, root })).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      const reason = error instanceof RefusedRead ? error.reason : error instanceof Error ? error.message : String(error);
      return { config: NO_CONFIG, problems: [`${name}: not read (${reason}); using the built-in settings`] };
    }
    try {
      const config = parseWorkspaceConfig({ name, text });
      const unsupported = [...new GlobSet(config.exclude).unsupported.map((entry) => ['exclude', entry] as const), ...config.layers.flatMap(({ glob }) => new GlobSet([glob]).unsupported.map((entry) => ['layers', entry] as const))];
      return { config, problems: unsupported.map(([key, entry]) => `${name}: ${key}: '${entry.glob}' is not used: ${entry.reason}`) };
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      return { config: NO_CONFIG, problems: [`${error.message}; using the built-in settings`] };
    }
  }
  return { config: NO_CONFIG, problems: [] };
}
