/**
 * HTML built as strings, for markup that is filled in outside Astro's page pipeline (the step page's learner
 * parts, src/lib/courses/step-shell.ts) and that Astro components then show with set:html, so both give the
 * same bytes. Every interpolated value is escaped unless it is already Html.
 */

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const special = /[&<>"']/;
const specials = /[&<>"']/g;

/** Escapes text for an element's content or a double-quoted attribute, as Astro's own escaping does. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape; testing first skips building a new string (a large share of a thread's time).
  return special.test(text) ? text.replace(specials, (c) => replacements[c]!) : text;
}

/** Markup that is safe to place as it is: made by `html` or by a trusted renderer. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may stand in a template: text (escaped), numbers, markup, lists of these, and nothing (false, null). */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function valueHtml(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === false || value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(valueHtml).join('');
}

/** A template whose interpolations are escaped: html`<p>${text}</p>`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += valueHtml(values[i]!) + strings[i + 1]!;
  return new Html(out);
}
