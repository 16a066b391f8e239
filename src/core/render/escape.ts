/**
 * Workspace text (file names, route paths, symbols, SQL identifiers, reasons that quote them)
 * escaped for the surface it lands on, so that it is shown as written and never becomes a link, an
 * HTML tag, a command URI or formatting there. Every renderer puts workspace text through one of
 * these; ArchTrace's own markup is written around what they return.
 */

/** Breaks a syntax without changing what is shown: an invisible character (WORD JOINER) between its characters. */
const JOINER = '\u2060';

/** Line breaks (and the separators some renderers read as one) as spaces: workspace text never starts a block of its own. */
function oneLine(text: string): string {
  return text.replace(/\r\n?|[\n\u2028\u2029\u0085]/g, ' ');
}

/**
 * Markdown text (reports, the study guide, hovers, Markdown tooltips): every ASCII punctuation
 * character backslash-escaped, as CommonMark allows for each of them, so that no emphasis, link,
 * autolink (`https://…`, `www.…`, `a@b.c`), HTML tag, entity or table cell can form.
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * A Markdown code span of the text, its fence one backtick longer than any run of backticks in it:
 * shown as written, never a link or a tag. Pipes are escaped so a table cell does not end.
 */
export function markdownCode(text: string): string {
  const line = oneLine(text).replace(/\|/g, '\\|');
  let longest = 0;
  for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const padding = line.startsWith('`') || line.endsWith('`') || line === '' ? ' ' : '';
  return `${fence}${padding}${line}${padding}${fence}`;
}

/** A fenced Markdown code block of the text, its fence longer than any run of backticks in it. */
export function markdownFence(text: string): string[] {
  let longest = 2;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return [fence, text, fence];
}

/**
 * A link of ArchTrace's own: its label escaped, its destination with the characters that could end
 * it or open another (brackets, `<`, `>`, spaces, backslashes) percent-encoded.
 */
export function markdownLink(label: string, destination: string): string {
  const safe = destination.replace(/[()<>[\]\s\\`]/g, (character) => (character === '(' || character === ')' ? `%${character.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(character)));
  return `[${markdownText(label)}](${safe})`;
}

/**
 * A notification's text: VS Code turns `[label](https:…)`, `(command:…)` and `(file:…)` in a
 * message into links, whatever else the message says; a joiner between `]` and `(` keeps such text
 * as text. Codicon syntax (`$(name)`) is kept from rendering the same way.
 */
export function notificationText(text: string): string {
  return plainText(text).replace(/\]\(/g, `]${JOINER}(`);
}

/**
 * Plain labels (tree items, their descriptions and plain tooltips, the status bar): one line, and
 * no `$(name)` icon syntax, which the status bar renders.
 */
export function plainText(text: string): string {
  return oneLine(text).replace(/\$\(/g, `$${JOINER}(`);
}

/**
 * Text for a terminal: control characters (escape sequences could move the cursor, recolour or
 * retitle the terminal) shown as `\u{…}` escapes, on one line.
 */
export function terminalText(text: string): string {
  return oneLine(text).replace(/\p{Cc}/gu, (character) => `\\u{${character.codePointAt(0)?.toString(16)}}`);
}
