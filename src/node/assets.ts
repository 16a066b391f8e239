import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of ArchTrace's own package.json: from the bundle (`dist/`) and from the compiled
 * tests (`out/src/node/`) alike, so both find `grammars/` and the detector rules.
 */
export function packageRoot(from: string = __dirname): string {
  for (let directory = from; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'archtrace') return directory;
    if (dirname(directory) === directory) throw new Error(`ArchTrace's package.json was not found above ${from}`);
  }
}

export function grammarsDirectory(root: string = packageRoot()): string {
  return join(root, 'grammars');
}

export function rulesDirectory(root: string = packageRoot()): string {
  return join(root, 'src', 'core', 'detect', 'rules');
}
