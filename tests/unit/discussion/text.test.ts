import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import CommentText from '../../../src/components/discussion/CommentText.astro';
import { checkCommentText, commentSegments, excerpt } from '../../../src/lib/discussion/text';

describe('what a comment may say', () => {
  it('refuses empty and whitespace-only text with a clear message', () => {
    for (const raw of ['', '   ', '\n\t \r\n', undefined, 42]) {
      expect(checkCommentText(raw)).toEqual({ ok: false, error: 'Enter your comment. It cannot be empty.' });
    }
  });

  it('allows 5,000 characters after trimming and refuses 5,001, counting characters, not UTF-16 units', () => {
    expect(checkCommentText(`  ${'a'.repeat(5000)}  `)).toEqual({ ok: true, text: 'a'.repeat(5000) });
    expect(checkCommentText('😀'.repeat(5000))).toMatchObject({ ok: true });
    expect(checkCommentText('a'.repeat(5001))).toEqual({ ok: false, error: 'Your comment must be 5,000 characters or fewer. It has 5,001.' });
  });

  it('keeps line breaks, normalises Windows ones and drops invisible control characters', () => {
    expect(checkCommentText(' one\r\ntwo\u0000\u0007 ')).toEqual({ ok: true, text: 'one\ntwo' });
  });
});

describe('links in comments', () => {
  it('makes http and https addresses links, leaving sentence punctuation outside', () => {
    expect(commentSegments('See https://example.org/a_(b), and http://nhs.uk.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/a_(b)', href: 'https://example.org/a_(b)' },
      { kind: 'text', text: ', and ' },
      { kind: 'link', text: 'http://nhs.uk', href: 'http://nhs.uk/' },
      { kind: 'text', text: '.' },
    ]);
    expect(commentSegments('(see https://example.org/x)')[1]).toMatchObject({ href: 'https://example.org/x' });
  });

  it('never links other schemes, however they are disguised', () => {
    for (const text of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'java\nscript:alert(1)', 'xhttps://example.org']) {
      expect(commentSegments(text).every((s) => s.kind === 'text')).toBe(true);
    }
  });

  it('stops an address at quotes and angle brackets, so it cannot break out of an attribute', () => {
    const [link] = commentSegments('https://example.org/"onmouseover="alert(1)').filter((s) => s.kind === 'link');
    expect(link).toEqual({ kind: 'link', text: 'https://example.org/', href: 'https://example.org/' });
  });

  it('shortens long comments for lists at a word boundary', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt(`${'word '.repeat(60)}`, 20)).toBe('word word word word…');
  });
});

describe('rendering comment text', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><script>alert(2)</script></svg>',
    '<a href="javascript:alert(1)">click</a>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;img src=x onerror=alert(1)&#62;',
    '"><iframe src=javascript:alert(1)>',
    'https://example.org/<script>alert(1)</script>',
    'https://example.org/?q="><img src=x onerror=alert(1)>',
  ];

  it('escapes every payload: no element but the paragraph and http(s) links ever appears', async () => {
    const container = await AstroContainer.create();
    for (const payload of payloads) {
      const html = await container.renderToString(CommentText, { props: { segments: commentSegments(payload) } });
      const tags = [...html.matchAll(/<\s*([a-z][a-z0-9-]*)/gi)].map((m) => m[1]!.toLowerCase());
      expect(tags.every((t) => t === 'p' || t === 'a'), `${payload} -> ${html}`).toBe(true);
      // Escaped text may contain "onerror=", but no real tag carries any attribute but these.
      for (const [, attributes] of html.matchAll(/<[a-z]+([^>]*)>/gi)) {
        const names: string[] = [];
        const rest = attributes!.replace(/\s([a-z-]+)="[^"]*"/gi, (_, name: string) => (names.push(name), ''));
        expect(rest.trim(), `${payload} -> ${html}`).toBe('');
        expect(names.every((n) => n === 'class' || n === 'href' || n === 'rel'), `${payload} -> ${html}`).toBe(true);
      }
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
      // The words are all still there for the reader, shown as typed.
      const text = html.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#34;', '"').replaceAll('&amp;', '&');
      expect(text).toBe(payload);
    }
  });

  it('gives each link rel="nofollow ugc noopener"', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(CommentText, { props: { segments: commentSegments('Read https://example.org/guide') } });
    expect(html).toContain('<a href="https://example.org/guide" rel="nofollow ugc noopener">https://example.org/guide</a>');
  });
});
