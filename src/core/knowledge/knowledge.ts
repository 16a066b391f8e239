import type { KindRule } from '../classify/kindRules';
import { parseKindRules } from '../classify/kindRules';
import type { DetectorRule } from '../detect/rules';
import { type Frameworks, frameworksOf } from '../frameworks/frameworks';
import { LayerRoles } from '../layers/layers';
import { type LayerRule, parseLayerRules } from '../layers/violations';
import { type DataAccess, parseDataAccess } from '../resolve/repositories';
import { parseTraceSteps, type TraceSteps } from '../trace/trace';
import type { DataFile } from './dataFile';
import type { RuleRole } from './documents';

/**
 * What ArchTrace knows of frameworks, layers and repository kinds, read from its data files: the
 * stages after the scan read it from here, never from tables of their own.
 */
export interface Knowledge {
  kindRules: readonly KindRule[];
  layerRules: readonly LayerRule[];
  layerRoles: LayerRoles;
  frameworks: Frameworks;
  traceSteps: TraceSteps;
  /** What tells a data-access class from the rest, and a database session's calls. */
  dataAccess: DataAccess;
  /** How the route resolver reads each detector's findings, by rule id (`;; resolves: ...`). */
  ruleRoles: ReadonlyMap<string, RuleRole>;
  /** The npm packages a detector's findings need their file to be built on, by rule id (`;; packages: ...`). */
  rulePackages: ReadonlyMap<string, readonly string[]>;
  /** Everything it was read from, as one text: what the key of a kept result holds of it. */
  source: string;
}

/** The data files knowledge is read from; the detectors are read already (their headers are checked by the same schema). */
export interface KnowledgeFiles {
  kindRules: DataFile;
  layerRules: DataFile;
  layerRoles: DataFile;
  traceSteps: DataFile;
  dataAccess: DataFile;
  frameworks: readonly DataFile[];
  detectors: readonly DetectorRule[];
}

/** Reads every knowledge file; a file that breaks the schema throws a `DataFileError` naming it and the key at fault. */
export function knowledgeOf(files: KnowledgeFiles): Knowledge {
  const ruleRoles = new Map<string, RuleRole>();
  const rulePackages = new Map<string, readonly string[]>();
  for (const rule of files.detectors) {
    if (rule.resolves) ruleRoles.set(rule.id, rule.resolves);
    if (rule.packages) rulePackages.set(rule.id, rule.packages);
  }
  return {
    kindRules: parseKindRules(files.kindRules),
    layerRules: parseLayerRules(files.layerRules),
    layerRoles: LayerRoles.parse(files.layerRoles),
    frameworks: frameworksOf(files.frameworks),
    traceSteps: parseTraceSteps(files.traceSteps),
    dataAccess: parseDataAccess(files.dataAccess),
    ruleRoles,
    rulePackages,
    source: JSON.stringify([files.kindRules, files.layerRules, files.layerRoles, files.traceSteps, files.dataAccess, files.frameworks, files.detectors.map((rule) => [rule.source, rule.query])]),
  };
}
