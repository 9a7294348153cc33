import { describe, expect, it } from 'vitest';
import { readMermaidJourneySyntax, type MermaidJourneyStatement } from '../../../src/model/formats/mermaid-journey-syntax';

/** The statements of a diagram, each as [type, raw text], or the error codes. */
const read = (text: string): (string | undefined)[][] | string[] => {
  const result = readMermaidJourneySyntax(text);
  if (!result.ok) return result.errors.map((error) => `${error.path} ${error.code ?? ''}`);
  return result.value.statements.map((statement: MermaidJourneyStatement) => (statement.type === 'task' ? [statement.type, statement.raw, statement.score, statement.actors.join('|')] : [statement.type, statement.raw]));
};

// Each case below was checked against mermaid.parse (mermaid-oracle.test.ts checks them all the time, on generated diagrams).
describe('readMermaidJourneySyntax: journey.jison as Mermaid 11 runs it', () => {
  it('lets statements share a line and a title run over a line break after "title"', () => {
    expect(read('journey title T section S Task: 5: Me')).toEqual([['title', 'T section S Task: 5: Me']]);
    expect(read('journey\ntitle\nsection A')).toEqual([['title', 'section A']]);
    expect(read('journey\n accDescr{ x }section B\n  T: 5: Me')).toEqual([['accDescr', 'x'], ['section', 'B'], ['task', 'T', ' 5', ' Me']]);
    expect(read('journey\n accDescr:\n   the next line')).toEqual([['accDescr', 'the next line']]);
  });

  it('takes %% as a comment at a line start only, never inside a task or section', () => {
    expect(read('journey\n section A %% kept\n  T: 5: Me %% kept\n  %% gone\n  x%% gone: 5: Me')).toEqual([['section', 'A %% kept'], ['task', 'T', ' 5', ' Me %% kept']]);
    // cleanupComments runs with the m flag: a line also starts after U+2028.
    expect(read('journey\n section A\n  T: 5: Me\u2028%% gone')).toEqual([['section', 'A'], ['task', 'T', ' 5', ' Me\u2028']]);
  });

  it('cuts directives out wherever they are, across lines too', () => {
    expect(read('journey\n section A\n  T%%{init: {}}%%U: 5: Me')).toEqual([['section', 'A'], ['task', 'TU', ' 5', ' Me']]);
    expect(read('journey\n%%{init: {\n"theme": "dark"\n}}%%\n section A')).toEqual([['section', 'A']]);
  });

  it('reads # as a comment unless it starts an entity code, and drops the ";" encodeEntities drops', () => {
    expect(read('journey\n section A\n  T: 5: Me # note\n  #35;1: 3: Me')).toEqual([['section', 'A'], ['task', 'T', ' 5', ' Me '], ['task', '#35;1', ' 3', ' Me']]);
    expect(read('journey\n section A\n  style:x#35;y; z: 5: Me')).toEqual([['section', 'A'], ['task', 'style', 'x#35;y z', ' 5']]);
    expect(read('journey\n section A\n  styl:x#35;y; z: 5: Me')).toEqual(['line 3 mermaid-semicolon']);
  });

  it('refuses what Mermaid refuses', () => {
    expect(read('# c\njourney\n section A')).toEqual(['line 1 mermaid-not-journey']);
    expect(read('%%{}\njourney\n section A')).toEqual(['line 1 mermaid-not-journey']);
    expect(read('---\n---\njourney')).toEqual(['line 1 mermaid-front-matter-unclosed']);
    expect(read('journey\n  accTitle:')).toEqual(['line 2 mermaid-unclosed']);
  });

  it('reads front matter as Mermaid finds it: closed by a --- line at the same indentation, two lines down or more', () => {
    const title = (text: string) => {
      const result = readMermaidJourneySyntax(text);
      return result.ok ? result.value.frontMatterTitle?.value : result.errors[0]?.code;
    };
    expect(title('---\n\n---\njourney')).toBeUndefined();
    expect(title('---\ntitle: A # a comment\n---\njourney')).toBe('A');
    expect(title("---\ntitle: 'It''s'\n---\njourney")).toBe("It's");
    expect(title('---\ntitle: "a\\tb \\u00e9"\n---\njourney')).toBe('a\tb é');
    expect(title('---\ntitle: >\n  folded\n  text\n---\njourney')).toBe('folded text');
    expect(title('---\ntitle: |\n  line one\n  line two\n---\njourney')).toBe('line one\nline two');
    expect(title('---\ntitle:\n  on the next line\n---\njourney')).toBe('on the next line');
    expect(title('---\ntitle: null\n---\njourney')).toBeUndefined();
    expect(title('---\ntitle: 1e3\n---\njourney')).toBe('1000');
    expect(title('---\nconfig:\n  title: not this one\n---\njourney')).toBeUndefined();
    expect(title('  ---\n  title: indented\n  ---\njourney')).toBe('indented');
  });
});
