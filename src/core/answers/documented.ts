/** An option a class's docstring documents (`:param maxsize: …`, `heartbeat_timeout(int): …`, `- serializer: …`), with the line it is on. */
export interface DocumentedItem {
  name: string;
  text: string;
  line: number;
  /** Documented as a parameter (`:param x:`, an `Args:` section's item), not as a bullet naming a component. */
  parameter: boolean;
}

/** A documented item's text longer than this is cut. */
const MAX_ITEM_TEXT = 240;

/** A docstring line longer than this is cut before a pattern reads it: docstrings are the workspace's text. */
const MAX_LINE = 300;

// The patterns read a line trimmed and with its runs of spaces squeezed to one.
/** Sphinx: `:param name: text`, `:param int name: text`. */
const SPHINX_PARAM = /^:param (?:[\w.[\],]+ )?(\*{0,2}\w+) ?:(.*)$/;
/** Google style, inside a `Parameters:` / `Args:` section: `name(type): text`, `name (type): text`, `name: text`. */
const SECTION_ITEM = /^(\*{0,2}\w+)(?: ?\([^)]{0,80}\))? ?:(.*)$/;
const SECTION_HEADER = /^(parameters|params|args|arguments|keyword arguments|options|config options) ?:?$/i;
/** A bullet naming a component: `- serializer: NullSerializer`. */
const BULLET_ITEM = /^[-*] (\w+) ?:(.*)$/;
/** A line that opens another section (`Examples:`, `Returns:`, `See also:`) and so ends a parameters section. */
const OTHER_HEADER = /^[A-Z][\w ]{0,30}:$/;

const indentOf = (line: string) => line.length - line.trimStart().length;
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The options a class's docstring documents, each with its text (continuation lines joined) and the line its name is on. */
export function documentedItems(docstring: { text: string; line: number } | undefined): DocumentedItem[] {
  if (!docstring) return [];
  const lines = docstring.text.split('\n').map((line) => line.slice(0, MAX_LINE));
  const items: (DocumentedItem & { indent: number })[] = [];
  let sectionIndent: number | undefined;
  let open: (DocumentedItem & { indent: number }) | undefined;
  lines.forEach((written, position) => {
    const indent = indentOf(written);
    const line = squeeze(written);
    if (!line) return;
    if (SECTION_HEADER.test(line)) {
      sectionIndent = indent;
      open = undefined;
      return;
    }
    if (sectionIndent !== undefined && indent <= sectionIndent) sectionIndent = undefined;
    const sphinx = SPHINX_PARAM.exec(line);
    const section = sectionIndent !== undefined && (!open || indent <= open.indent) ? SECTION_ITEM.exec(line) : null;
    const bullet = BULLET_ITEM.exec(line);
    const found = sphinx ? { name: sphinx[1], text: sphinx[2], parameter: true } : section ? { name: section[1], text: section[2], parameter: true } : bullet?.[2]?.trim() ? { name: bullet[1], text: bullet[2], parameter: false } : undefined;
    if (found?.name) {
      open = { name: found.name, text: found.text ?? '', line: docstring.line + position, parameter: found.parameter, indent };
      items.push(open);
    } else if (open && indent > open.indent && !OTHER_HEADER.test(line)) {
      open.text += ` ${line}`;
    } else {
      open = undefined;
    }
  });
  return items.map(({ name, text, line, parameter }) => ({ name, text: cut(squeeze(text)), line, parameter })).filter((item) => item.text && item.name !== 'self');
}

function cut(text: string): string {
  return text.length > MAX_ITEM_TEXT ? `${text.slice(0, MAX_ITEM_TEXT - 1)}…` : text;
}

/** The docstring's first sentence or line: what the class says it is (`A broker that can be used within unit tests.`). */
export function docstringSummary(docstring: { text: string; line: number } | undefined): { text: string; line: number } | undefined {
  if (!docstring) return undefined;
  const lines = docstring.text.split('\n');
  const first = lines.findIndex((line) => line.trim());
  if (first < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(first)) {
    const squeezed = squeeze(line.slice(0, MAX_LINE));
    if (!squeezed || /^[:-]/.test(squeezed) || OTHER_HEADER.test(squeezed) || SECTION_HEADER.test(squeezed)) break;
    paragraph.push(squeezed);
  }
  const text = squeeze(paragraph.join(' '));
  return text ? { text: cut(text), line: docstring.line + first } : undefined;
}

/** Two documented texts say the same when one, spaces squeezed, starts with the other (`Default is 2.` added to the interface's text still says the interface's). */
export function sameDocumentation(a: string, b: string): boolean {
  const [x, y] = [a, b].map((text) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());
  return x !== undefined && y !== undefined && (x.startsWith(y) || y.startsWith(x));
}

/** A paragraph of a docstring: a bullet with its continuation lines, or lines up to a blank one, squeezed, with the line it opens on. */
export function docstringParagraphs(docstring: { text: string; line: number } | undefined): { text: string; line: number }[] {
  if (!docstring) return [];
  const paragraphs: { text: string; line: number }[] = [];
  let open: { text: string; line: number } | undefined;
  docstring.text.split('\n').forEach((written, position) => {
    const line = squeeze(written.slice(0, MAX_LINE));
    if (!line || /^[-*] /.test(line)) open = undefined;
    if (!line) return;
    if (open) open.text += ` ${line}`;
    else paragraphs.push((open = { text: line.replace(/^[-*] /, ''), line: docstring.line + position }));
  });
  return paragraphs.map((paragraph) => ({ ...paragraph, text: cut(paragraph.text) }));
}
