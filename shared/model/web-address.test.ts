import { describe, expect, it } from 'vitest';
import { isAllowedArticleLink, resolveArticleLink } from '../editor-schema/article-extensions';
import { linkableAddress, readWebAddress } from './web-address';

describe('the one web address rule', () => {
  it('keeps http and https addresses in their normalised form', () => {
    expect(readWebAddress('https://stats.example.gov/t3?x=1#a')).toEqual({ ok: true, url: 'https://stats.example.gov/t3?x=1#a', changed: false });
    expect(readWebAddress('HTTPS://Example.ORG')).toEqual({ ok: true, url: 'https://example.org/', changed: true });
    expect(readWebAddress('http://localhost:8080/x')).toMatchObject({ ok: true });
    expect(readWebAddress('https://مثال.السعودية/صفحة')).toMatchObject({ ok: true, url: expect.stringMatching(/^https:\/\/xn--/) });
  });

  it('adds https:// to an address typed without it, and says it changed', () => {
    expect(readWebAddress('www.example.com', { addScheme: true })).toEqual({ ok: true, url: 'https://www.example.com/', changed: true });
    expect(readWebAddress('www.example.com').ok).toBe(false);
  });

  it('refuses what no person types as an address, saying why', () => {
    const cases: [string, RegExp][] = [
      ['http://evil.example/"><img src=x onerror=alert(4)>', /quote mark/],
      ['http://evil.example/<script>', /angle bracket/],
      ['https://example.org/a b', /a space/],
      ['https://example.org/\u202Eevil', /U\+202E/],
      ['http:/x', /no real site/],
      ['http://intranet/page', /no real site/],
      ['javascript:alert(1)', /only http:\/\/ and https:\/\//],
      ['file:///etc/passwd', /only http:\/\/ and https:\/\//],
      ['https://user:secret@example.org/', /user name or password/],
      ['', /empty/],
    ];
    for (const [input, problem] of cases) {
      const read = readWebAddress(input, { addScheme: true });
      expect(read.ok, input).toBe(false);
      if (!read.ok) expect(read.problem, input).toMatch(problem);
    }
    expect(linkableAddress('http:/x')).toBeNull();
  });
});

describe('links in pasted and imported articles', () => {
  it('resolves relative links against the article’s address, drops them when there is none, and never keeps a link to this computer', () => {
    expect(resolveArticleLink('/news', 'https://paper.example/2026/story')).toBe('https://paper.example/news');
    expect(resolveArticleLink('part-2.html#x', 'https://paper.example/2026/story')).toBe('https://paper.example/2026/part-2.html#x');
    expect(resolveArticleLink('/news', undefined)).toBeNull();
    expect(resolveArticleLink('http://127.0.0.1:41234/news', 'https://paper.example/')).toBeNull();
    expect(resolveArticleLink('//cdn.example.org/x', 'http://paper.example/')).toBe('http://cdn.example.org/x');
    expect(resolveArticleLink('//cdn.example.org/x', undefined)).toBe('https://cdn.example.org/x');
    expect(resolveArticleLink('//127.0.0.1:41234/x', 'https://paper.example/')).toBeNull();
    expect(resolveArticleLink('javascript:alert(1)', 'https://paper.example/')).toBeNull();
    expect(resolveArticleLink('mailto:desk@paper.example', undefined)).toBe('mailto:desk@paper.example');
    expect(isAllowedArticleLink('http://localhost:5173/')).toBe(false);
    expect(isAllowedArticleLink('https://paper.example/a')).toBe(true);
  });
});
