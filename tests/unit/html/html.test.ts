import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Html } from '../../../src/lib/html/html';

describe('escaping text for HTML', () => {
  it('escapes the five characters that could start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('takes text literally, so an entity someone types is shown as typed rather than decoded', () => {
    expect(escapeHtml('&lt;script&gt; &#60;')).toBe('&amp;lt;script&amp;gt; &amp;#60;');
    expect(escapeHtml('Plain text, 100% safe.')).toBe('Plain text, 100% safe.');
  });
});

describe('the html template', () => {
  it('escapes interpolated text but keeps the template’s own markup', () => {
    const made = html`<p class="note" title="${'"onmouseover="alert(1)'}">${'<script>alert(1)</script>'}</p>`;
    expect(made).toBeInstanceOf(Html);
    expect(made.value).toBe('<p class="note" title="&quot;onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('passes markup already made by html through without escaping it twice', () => {
    const inner = html`<b>${'Q&A'}</b>`;
    expect(html`<div>${inner}${new Html('<i>trusted</i>')}</div>`.value).toBe('<div><b>Q&amp;A</b><i>trusted</i></div>');
    expect(`${inner}`).toBe('<b>Q&amp;A</b>');
  });

  it('shows numbers, including zero, and shows nothing for false, null and undefined', () => {
    expect(html`[${0}|${-2.5}|${1234}|${false}|${null}|${undefined}]`.value).toBe('[0|-2.5|1234|||]');
  });

  it('joins lists, and lists within lists, escaping the text in them', () => {
    const items = ['<a>', [html`<li>`, 1, false, null, ['&', html`</li>`]]] as const;
    expect(html`<ul>${items}</ul>`.value).toBe('<ul>&lt;a&gt;<li>1&amp;</li></ul>');
    expect(html`<ul>${[]}</ul>`.value).toBe('<ul></ul>');
  });
});
