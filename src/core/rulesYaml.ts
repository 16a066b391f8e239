import { parse } from 'yaml';

/** Parses a rules file, naming the file in the message when its YAML is broken. */
export function parseRulesYaml(text: string, source: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
