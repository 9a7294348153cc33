/** How many leading paragraphs of Miro content are wholly bold (`<p><strong>…</strong></p>`): a shape's heading. */
export function countBoldParagraphs(html: string): number {
  const paragraphs = html.match(/<p>.*?<\/p>/g) ?? [];
  let count = 0;
  while (count < paragraphs.length && /^<p><strong>.*<\/strong><\/p>$/.test(paragraphs[count] ?? '')) count += 1;
  return count;
}
