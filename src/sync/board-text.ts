/**
 * Folds white space so only real text changes count as edits: line breaks
 * unified, runs of spaces folded, lines trimmed, blank lines dropped.
 */
export function normalizeBoardText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
