/**
 * Reads a block of cells as spreadsheets put it on the clipboard (Excel,
 * Google Sheets, Numbers, LibreOffice): rows of tab-separated cells, a cell
 * with line breaks or quotes in double quotes with its quotes doubled.
 * Resolves to the rows, without the empty rows a copy ends with (Excel adds
 * a final line break); cells are as written, untrimmed. Never rejects for
 * bad input: a stray quote is read as text, as papaparse reads it.
 */
export async function parsePastedTableAsync(text: string): Promise<string[][]> {
  // Loaded on the first pasted table only: the Miro panel keeps the CSV parser out of the editor's chunk.
  const { default: Papa } = await import('papaparse');
  const rows = Papa.parse<string[]>(text, { delimiter: '\t', quoteChar: '"', skipEmptyLines: false }).data;
  while (rows.length > 0 && (rows.at(-1) as string[]).every((cell) => !cell.trim())) rows.pop();
  return rows;
}
