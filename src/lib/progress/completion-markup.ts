/** The learner's own parts of a step page: Mark as complete (or its undo) and the course's percentage. */
import { html, type Html } from '../html/html';

/** A plain form; the step page's script (src/scripts/mark-complete.ts) sends it without reloading the page. */
export function markCompleteHtml(action: string, complete: boolean): Html {
  const state = complete
    ? html`<span class="tick"><span aria-hidden="true">✓ </span>You have completed this step.</span>`
    : html`<span class="muted">Not completed yet.</span>`;
  return html`<form class="completion" id="completion" method="post" action="${action}" data-mark-complete><input type="hidden" name="intent" value="${
    complete ? 'incomplete' : 'complete'
  }"><p class="completion__state" role="status" aria-live="polite">${state}</p><button class="${complete ? 'button button--secondary' : 'button'}" type="submit">${
    complete ? 'Mark as incomplete' : 'Mark as complete'
  }</button></form>`;
}

export function coursePercentHtml(percent: number): Html {
  return html`${percent}% complete`;
}
