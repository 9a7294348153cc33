import { describe, expect, it } from 'vitest';
import { convertHtmlToText, formatRichTextAsHtml, formatTextAsHtml, parseMiroHtml, readRichForm } from '../../../src/hosts/miro/miro-html';
import { formatRichTextAsPlain, isFormOf, normalizeRichText, type RichText } from '../../../src/model/rich-text';

describe('Miro content as rich text', () => {
  it('reads paragraphs, line breaks, marks, links and lists', () => {
    const html =
      '<p>See <a href="https://example.com/spec?a=1&amp;b=2" target="_blank">the <b>spec</b></a>,<br><em>soon</em> <u>really</u> <s>not</s> <strike>old</strike> <del>gone</del></p>' +
      '<ul><li>one</li><li><strong>two</strong></li></ul><ol><li>first</li></ol><div>plain &amp; simple&nbsp;&#x1F600;</div>';
    expect(parseMiroHtml(html)).toEqual([
      { runs: [{ text: 'See ' }, { text: 'the ', link: 'https://example.com/spec?a=1&b=2' }, { text: 'spec', bold: true, link: 'https://example.com/spec?a=1&b=2' }, { text: ',' }] },
      { runs: [{ text: 'soon', italic: true }, { text: ' ' }, { text: 'really', underline: true }, { text: ' ' }, { text: 'not', strike: true }, { text: ' ' }, { text: 'old', strike: true }, { text: ' ' }, { text: 'gone', strike: true }] },
      { runs: [{ text: 'one' }], list: 'bullet' },
      { runs: [{ text: 'two', bold: true }], list: 'bullet' },
      { runs: [{ text: 'first' }], list: 'ordered' },
      { runs: [{ text: 'plain & simple 😀' }] },
    ]);
  });

  it('reads any other tag as its text, and keeps only safe links', () => {
    expect(parseMiroHtml('<p><span style="color:red">red</span> <code>x</code> <a href="javascript:alert(1)">click</a> <a href=\'mailto:a@b.c\'>mail</a></p>')).toEqual([
      { runs: [{ text: 'red x click ' }, { text: 'mail', link: 'mailto:a@b.c' }] },
    ]);
    // A damaged or hostile board: unclosed tags, a lone "<", a comment.
    expect(parseMiroHtml('<p><strong>bold<!-- note --> a < b')).toEqual([{ runs: [{ text: 'bold a < b', bold: true }] }]);
  });

  it('gives the same plain text as the read-back Regenerate merges', () => {
    for (const html of [
      '<p>one<br>two</p><ul><li>three</li></ul>',
      '<p>a</p><p></p><p>b</p>',
      '<p><strong>Anna</strong></p><p>Goals: speed</p>',
      '<p>Tom &amp; &quot;Jerry&#39;s&quot;</p>',
      formatTextAsHtml('<script>alert(1)</script>\nline 2'),
    ]) {
      expect(isFormOf(parseMiroHtml(html), convertHtmlToText(html)), html).toBe(true);
    }
  });

  it('writes a form as Miro content that reads back as the same form, all text escaped', () => {
    const rich: RichText = [
      { runs: [{ text: 'Call <Anna> & ' }, { text: 'Tom', bold: true, italic: true }, { text: ' about ' }, { text: 'the "plan"', link: 'https://example.com/?q="x"' }] },
      { runs: [{ text: 'first', underline: true }], list: 'bullet' },
      { runs: [{ text: 'second', strike: true }], list: 'bullet' },
      { runs: [{ text: 'step' }], list: 'ordered' },
      { runs: [] },
      { runs: [{ text: 'end' }] },
    ];
    const html = formatRichTextAsHtml(rich);
    expect(html).toBe(
      '<p>Call &lt;Anna&gt; &amp; <strong><em>Tom</em></strong> about <a href="https://example.com/?q=&quot;x&quot;">the &quot;plan&quot;</a></p>' +
        '<ul><li><u>first</u></li><li><s>second</s></li></ul><ol><li>step</li></ol><p></p><p>end</p>',
    );
    expect(parseMiroHtml(html)).toEqual(normalizeRichText(rich));
    expect(formatRichTextAsPlain(parseMiroHtml(html))).toBe('Call <Anna> & Tom about the "plan"\nfirst\nsecond\nstep\n\nend');
  });

  it('never writes an unsafe link', () => {
    expect(formatRichTextAsHtml([{ runs: [{ text: 'x', link: 'javascript:alert(1)' }] }])).toBe('<p>x</p>');
  });

  it('says a content has a form only when it shows more than plain lines', () => {
    expect(readRichForm('<p>one</p><p>two<br>three</p>')).toBeUndefined();
    expect(readRichForm('<p><em>one</em></p>')).toEqual([{ runs: [{ text: 'one', italic: true }] }]);
  });

  it('reads a large content in one pass', () => {
    // Deep, unbalanced nesting that a backtracking reader would choke on.
    const html = `${'<p><strong><em>'.repeat(20_000)}x${'</u>'.repeat(20_000)}`;
    const rich = parseMiroHtml(html);
    expect(formatRichTextAsPlain(rich)).toBe('x');
    expect(parseMiroHtml('a'.repeat(200_000))[0]?.runs[0]?.text).toHaveLength(200_000);
  });
});
