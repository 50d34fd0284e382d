import { describe, expect, it } from 'vitest';
import { readArticleText } from '../../../shared/article/claim-spans';
import { articleFromSource, paragraphsOfPlainText } from './article-from-source';

describe('articleFromSource', () => {
  it('splits plain text into paragraphs at blank lines and joins wrapped lines', () => {
    expect(paragraphsOfPlainText('First line\nwraps here.\n\nSecond paragraph.\r\n')).toEqual([
      'First line wraps here.',
      'Second paragraph.',
    ]);
  });

  it('treats every line as a paragraph when a text has no blank lines', () => {
    expect(paragraphsOfPlainText('One.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keeps headings, lists, emphasis and web links from Markdown', () => {
    const { doc } = articleFromSource({
      format: 'markdown',
      body: '# Budget\n\nThe **deficit** fell by *3%*, says [the ministry](https://example.org/report).\n\n- one\n- two\n',
    });
    const types = (doc.content ?? []).map((node) => node.type);
    expect(types).toEqual(['heading', 'paragraph', 'bulletList']);
    const json = JSON.stringify(doc);
    expect(json).toContain('"bold"');
    expect(json).toContain('"italic"');
    expect(json).toContain('https://example.org/report');
  });

  it('drops scripts, images, event handlers and javascript: links from HTML', () => {
    const { doc } = articleFromSource({
      format: 'html',
      body:
        '<h2 onclick="alert(1)">Title</h2><script>window.hacked = 1</script>' +
        '<p>Text <img src="https://tracker.example/pixel.gif" onerror="alert(2)"> and ' +
        '<a href="javascript:alert(3)">a bad link</a> and <a href="https://ok.example/">a good one</a>.</p>' +
        '<iframe src="https://evil.example"></iframe><style>p{}</style>',
    });
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/script|onclick|onerror|img|iframe|javascript:|tracker|hacked|alert/);
    expect(json).toContain('https://ok.example/');
    expect(readArticleText(doc).text).toBe('Title\nText and a bad link and a good one.');
  });

  it('keeps claim marks carried in HTML so claims survive a copy between reviews', () => {
    const { doc } = articleFromSource({
      format: 'html',
      body: '<p>He said <span data-claim-id="claim-0001">prices doubled</span>.</p>',
    });
    expect(readArticleText(doc).spans).toEqual([{ claimId: 'claim-0001', start: 8, end: 22, quote: 'prices doubled' }]);
  });

  it('refuses content without any text', () => {
    expect(() => articleFromSource({ format: 'text', body: ' \n\n\t' })).toThrow(/no text/);
    expect(() => articleFromSource({ format: 'html', body: '<img src="x.png"><script>1</script>' })).toThrow(/no text/);
  });

  it('keeps Arabic text as it is', () => {
    const { doc } = articleFromSource({ format: 'text', body: 'قال الوزير إن الأسعار ارتفعت.\n\nFollowed by English.' });
    expect(readArticleText(doc).text).toBe('قال الوزير إن الأسعار ارتفعت.\nFollowed by English.');
  });

  it('resolves pasted relative links against the article’s address and drops those it cannot resolve or that point at this computer', () => {
    const body = '<p><a href="/news">News</a> <a href="http://127.0.0.1:41234/app">App</a> <a href="http:/x">X</a> <a href="https://ok.example/a">Ok</a></p>';
    const links = (doc: unknown): string[] => JSON.stringify(doc).match(/"href":"[^"]*"/g) ?? [];
    expect(links(articleFromSource({ format: 'html', body }, 'https://paper.example/2026/story').doc)).toEqual(['"href":"https://paper.example/news"', '"href":"https://ok.example/a"']);
    const withoutBase = articleFromSource({ format: 'html', body }).doc;
    expect(links(withoutBase)).toEqual(['"href":"https://ok.example/a"']);
    expect(JSON.stringify(withoutBase)).toContain('News');
  });
});
