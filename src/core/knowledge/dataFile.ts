import { parse, YAMLError } from 'yaml';
import { checkData, DataFileError } from './checkData';
import type { DataDocuments, DataKind } from './documents';

/** A knowledge file as read: its name (for messages) and its text. */
export interface DataFile {
  name: string;
  text: string;
}

/** Parses a YAML knowledge file and checks it against its definition in `knowledge.schema.json`. */
export function readDataFile<K extends DataKind>(kind: K, file: DataFile): DataDocuments[K] {
  let document: unknown;
  try {
    document = parse(file.text);
  } catch (error) {
    throw new DataFileError(`${file.name}: not valid YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`, error instanceof YAMLError ? error.pos[0] : undefined);
  }
  return checkData(kind, document, file.name);
}
