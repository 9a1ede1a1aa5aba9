/**
 * The comment form as plain HTML, for steps where it is not hydrated. Its markup depends only on the step's
 * address and the thread's sort and length, never on the viewer, so each variant is rendered by React once
 * and kept: rendering it on every step page was a large share of the page's time.
 */
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import CommentForm from '../../islands/discussion/CommentForm';

type FormProps = ComponentProps<typeof CommentForm>;

/** Enough for every step in several sorts and lengths; beyond it the oldest variant is dropped. */
const keptVariants = 2000;
const rendered = new Map<string, string>();

export function commentFormMarkup(props: FormProps): string {
  const key = JSON.stringify(props);
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderToStaticMarkup(createElement(CommentForm, props));
    if (rendered.size >= keptVariants) rendered.delete(rendered.keys().next().value as string);
    rendered.set(key, html);
  }
  return html;
}
