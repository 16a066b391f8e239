import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFile } from '../core/knowledge/dataFile';
import { type Knowledge, type KnowledgeFiles, knowledgeOf } from '../core/knowledge/knowledge';
import { packageRoot, rulesDirectory } from './assets';
import { loadRuleDirectory } from './rules';

/** A data file of the package, named by its path from the package's root. */
function dataFile(root: string, ...path: string[]): DataFile {
  return { name: path.join('/'), text: readFileSync(join(root, ...path), 'utf8') };
}

/** The package's knowledge files: every framework file of `src/core/frameworks/`, in the order of their names. */
export function knowledgeFiles(root: string = packageRoot()): KnowledgeFiles {
  const frameworks = readdirSync(join(root, 'src', 'core', 'frameworks')).filter((name) => name.endsWith('.yml')).sort();
  return {
    kindRules: dataFile(root, 'src', 'core', 'classify', 'kind-rules.yml'),
    layerRules: dataFile(root, 'src', 'core', 'layers', 'layer-rules.yml'),
    layerRoles: dataFile(root, 'src', 'core', 'layers', 'layer-roles.yml'),
    traceSteps: dataFile(root, 'src', 'core', 'trace', 'trace-steps.yml'),
    dataAccess: dataFile(root, 'src', 'core', 'resolve', 'data-access.yml'),
    frameworks: frameworks.map((name) => dataFile(root, 'src', 'core', 'frameworks', name)),
    detectors: [...loadRuleDirectory(rulesDirectory(root)).values()].flat(),
  };
}

let builtin: Knowledge | undefined;

/** ArchTrace's own knowledge, read once. */
export function builtinKnowledge(): Knowledge {
  builtin ??= knowledgeOf(knowledgeFiles());
  return builtin;
}
