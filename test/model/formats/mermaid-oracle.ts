import mermaid from 'mermaid';
import { readMermaidJourneySyntax } from '../../../src/model/formats/mermaid-journey-syntax';

/**
 * Mermaid itself as the judge of a diagram: `mermaid.parse` says whether
 * Mermaid 11 accepts it, and the journey diagram's database says what it
 * read. Needs a DOM (DOMPurify sanitises titles): run in happy-dom.
 */

mermaid.initialize({ startOnLoad: false, logLevel: 'fatal' });

/** What Mermaid's journey database holds after a parse (journeyDb.js). */
interface JourneyDb {
  getDiagramTitle(): string;
  getAccTitle(): string;
  getAccDescription(): string;
  getSections(): string[];
  getTasks(): { section: string; task: string; score: number; people: string[] }[];
}

/** What Mermaid read, with entity codes as written (`#35;`), not as its placeholders. */
export type MermaidReading =
  | { ok: false; error: string }
  | { ok: true; title: string; accTitle: string; accDescription: string; sections: string[]; tasks: { section: string; task: string; score: number; people: string[] }[] };

/** Mermaid's `encodeEntities` hides `#35;` as `ﬂ°°35¶ß` and `#quot;` as `ﬂ°quot¶ß`; this writes them back. */
export const fromPlaceholders = (text: string): string => text.replace(/ﬂ°°(\d+)¶ß/g, '#$1;').replace(/ﬂ°(\w+)¶ß/g, '#$1;');

/** Parses `text` with the real Mermaid and reads its journey database. */
export async function readWithMermaidAsync(text: string): Promise<MermaidReading> {
  try {
    await mermaid.parse(text);
  } catch (error) {
    return { ok: false, error: String(error).slice(0, 300) };
  }
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as JourneyDb;
  // getTasks appends on each call (journeyDb.js): read it once.
  const tasks = db.getTasks();
  return {
    ok: true,
    title: fromPlaceholders(db.getDiagramTitle()),
    accTitle: fromPlaceholders(db.getAccTitle()),
    accDescription: fromPlaceholders(db.getAccDescription()),
    sections: db.getSections().map(fromPlaceholders),
    tasks: tasks.map((task) => ({ section: fromPlaceholders(task.section), task: fromPlaceholders(task.task), score: task.score, people: task.people.map(fromPlaceholders) })),
  };
}

/** Text that DOMPurify, which Mermaid runs over titles and descriptions, leaves as it is. */
const isPlainForDomPurify = (text: string): boolean => !/[<>&\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\ufeff\ufffe\uffff]|[\ud800-\udfff]/.test(text);

/**
 * Our syntax reader's view of `text` in the shape of Mermaid's database,
 * for comparing the two field by field; `undefined` values are the ones
 * Mermaid's sanitising would change, which are not compared.
 */
export function readWithOurSyntax(text: string): { ok: false } | { ok: true; title?: string; accTitle?: string; accDescription?: string; sections: string[]; tasks: { section: string; task: string; score: number; people: string[] }[] } {
  const read = readMermaidJourneySyntax(text);
  if (!read.ok) return { ok: false };
  let title = '';
  let accTitle = '';
  let accDescription = '';
  let section = '';
  const sections: string[] = [];
  const tasks: { section: string; task: string; score: number; people: string[] }[] = [];
  for (const statement of read.value.statements) {
    if (statement.type === 'title') title = statement.raw;
    else if (statement.type === 'accTitle') accTitle = statement.raw;
    else if (statement.type === 'accDescr') accDescription = statement.raw;
    else if (statement.type === 'section') {
      section = statement.raw;
      sections.push(section);
    } else tasks.push({ section, task: statement.raw, score: Number(statement.score), people: statement.actors.map((actor) => actor.trim()) });
  }
  return {
    ok: true,
    ...(isPlainForDomPurify(title) ? { title } : {}),
    ...(isPlainForDomPurify(accTitle) ? { accTitle: accTitle.replace(/^\s+/, '') } : {}),
    ...(isPlainForDomPurify(accDescription) ? { accDescription } : {}),
    sections,
    tasks,
  };
}

/** Mermaid's reading cut to the fields `ours` compares. */
export function comparableReading(reading: MermaidReading & { ok: true }, ours: ReturnType<typeof readWithOurSyntax> & { ok: true }) {
  return {
    ok: true,
    ...('title' in ours ? { title: reading.title } : {}),
    ...('accTitle' in ours ? { accTitle: reading.accTitle } : {}),
    ...('accDescription' in ours ? { accDescription: reading.accDescription } : {}),
    sections: reading.sections,
    tasks: reading.tasks,
  };
}
