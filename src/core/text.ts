/**
 * Cuts of workspace text made in one pass. The regexes these replace (`/\/+$/`, `/\[.*$/`) are
 * tried again from every position where their first character occurs, and a text made of that
 * character (a route of 100,000 slashes) costs the square of its length.
 */

/** The text without any of `characters` at its start. */
export function trimStart(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start] as string)) start++;
  return text.slice(start);
}

/** The text without any of `characters` at its end. */
export function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** The text after the last `character` (all of it when there is none): `models.ForeignKey` → `ForeignKey`. */
export function afterLast(text: string, character: string): string {
  return text.slice(text.lastIndexOf(character) + 1);
}

/** The text before the first `character` (all of it when there is none): `Repository[Order]` → `Repository`. */
export function beforeFirst(text: string, character: string): string {
  const at = text.indexOf(character);
  return at < 0 ? text : text.slice(0, at);
}
