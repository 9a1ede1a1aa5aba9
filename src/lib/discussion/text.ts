/** Comment text: what may be posted, and how it is shown. Pure; comments are plain text, never HTML. */

export const commentMaxLength = 5000;

/** Control characters other than tab and newline, which no one types and which can confuse a reader. */
const invisibleControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Made once: building a formatter costs far more than using one, and a thread shows a count per comment.
const wholeNumber = new Intl.NumberFormat('en-GB');

/** 5,000: a whole number as UK readers write it. */
export const grouped = (n: number) => wholeNumber.format(n);

function characterCount(text: string): number {
  return [...text].length;
}

/** Trims and checks a comment: 1 to 5,000 characters of text. */
export function checkCommentText(raw: unknown): { ok: true; text: string } | { ok: false; error: string } {
  const text = (typeof raw === 'string' ? raw : '').replace(/\r\n?/g, '\n').replace(invisibleControls, '').normalize('NFC').trim();
  if (!text) return { ok: false, error: 'Enter your comment. It cannot be empty.' };
  const length = characterCount(text);
  if (length > commentMaxLength) {
    return { ok: false, error: `Your comment must be ${grouped(commentMaxLength)} characters or fewer. It has ${grouped(length)}.` };
  }
  return { ok: true, text };
}

/** A piece of comment text: shown as text (escaped by whoever renders it), or as a link to an http(s) address. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** The rel every link a person writes carries: search engines ignore it, and the opened page cannot reach ours. */
export const userLinkRel = 'nofollow ugc noopener';

const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const trailingPunctuation = /[.,;:!?'"*_~]$/;

/** Drops punctuation that ends a sentence rather than the address, and a closing bracket with no opening one. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (trailingPunctuation.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else if (url.endsWith(']') && count(url, '[') < count(url, ']')) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Only addresses that parse as http or https become links; anything else stays text. */
function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits comment text into text and links. The renderer escapes every segment; nothing here is HTML. */
export function commentSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    plain += text.slice(last, match.index);
    if (plain) segments.push({ kind: 'text', text: plain });
    plain = '';
    segments.push({ kind: 'link', text: url, href });
    last = match.index + url.length;
  }
  plain += text.slice(last);
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}

/** The start of a comment, for lists that show many: whole words, at most about `max` characters. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (characterCount(flat) <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
