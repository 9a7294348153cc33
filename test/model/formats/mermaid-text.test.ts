import { describe, expect, it } from 'vitest';
import { decodeMermaidText, escapeMermaidText } from '../../../src/model/formats/mermaid-text';

describe('decodeMermaidText', () => {
  it("decodes Mermaid's entity codes, keeps unknown names, and replaces code points HTML refuses", () => {
    expect(decodeMermaidText('#35;1 #quot;x#quot; #9829; #amp; #nosuch; #0; #55296; #99999999999; #35 #x23;', 'keep')).toBe('#1 "x" ♥ & #nosuch; \uFFFD \uFFFD \uFFFD #35 #x23;');
  });

  it('reads <br> as Mermaid draws it: a line break in tasks and sections, a space in actors, as written in titles', () => {
    const raw = 'a<br>b<BR/>c<br \t/>d</br />e';
    expect(decodeMermaidText(raw, 'newline')).toBe('a\nb\nc\nd</br />e');
    expect(decodeMermaidText(raw, 'space')).toBe('a b c d</br />e');
    expect(decodeMermaidText(raw, 'keep')).toBe(raw);
    // An escaped < is no line break.
    expect(decodeMermaidText('#60;br>', 'newline')).toBe('<br>');
  });
});

describe('escapeMermaidText', () => {
  it('writes each place with what its syntax needs', () => {
    expect(escapeMermaidText('  Order #123: paid; 50% off, %%x <b>\nnext\r  ', 'task')).toBe('Order #35;123#58; paid#59; 50% off, #37;#37;x #60;b><br>next');
    expect(escapeMermaidText('a, b: c', 'actor')).toBe('a#44; b#58; c');
    expect(escapeMermaidText('a: b:c & <d>\ne', 'title')).toBe('a: b#58;c #38; #60;d#62;#10;e');
    expect(escapeMermaidText('Step:\none', 'title')).toBe('Step#58;#10;one');
    expect(escapeMermaidText('Pay: now', 'section')).toBe('Pay#58; now');
    expect(escapeMermaidText('\u2028\u2029x\u2028y', 'task')).toBe('x#8232;y');
  });

  it("gives a task starting with one of Mermaid's keywords its first letter as an entity code, and only then", () => {
    expect(['journey', 'Journey to work', 'title page', 'Title\tpage', 'SECTION 2', 'accTitle', 'accDescr {x}', 'accDescr{', '%start'].map((text) => escapeMermaidText(text, 'task'))).toEqual([
      '#106;ourney',
      '#74;ourney to work',
      '#116;itle page',
      '#84;itle\tpage',
      '#83;ECTION 2',
      '#97;ccTitle',
      '#97;ccDescr {x}',
      '#97;ccDescr{',
      '#37;start',
    ]);
    expect(['journeys', 'Titles', 'sections', 'accTitles'].map((text) => escapeMermaidText(text, 'task'))).toEqual(['journeys', 'Titles', 'sections', 'accTitles']);
  });

  it('reads back through decodeMermaidText to the trimmed text', () => {
    for (const text of ['#35; is #35;', 'a\nb', '<br>', '%%{init: {}}%%', ' x ']) {
      expect(decodeMermaidText(escapeMermaidText(text, 'task'), 'newline')).toBe(text.trim());
      expect(decodeMermaidText(escapeMermaidText(text, 'title'), 'keep')).toBe(text.trim());
    }
  });
});
