/** Looks at the first bytes only: a NUL there marks a binary file in any text encoding we read. */
const BINARY_SNIFF_BYTES = 8000;

export type Decoded = { text: string } | { skipped: string };

/** Turns a file's bytes into text, or says why the file is not analysed. A UTF-8 BOM is dropped. */
export function decodeSource(bytes: Uint8Array): Decoded {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { skipped: 'binary file (NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { skipped: 'not UTF-8 text' };
  }
}
