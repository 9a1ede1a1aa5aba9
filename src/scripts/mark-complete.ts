/**
 * Sends Mark as complete without reloading the page, and updates the button and the header's percentage.
 * The form still works alone: this only runs where JavaScript does.
 */
export function enhanceMarkComplete(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-mark-complete]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const intent = form.querySelector<HTMLInputElement>('input[name="intent"]');
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
      const state = form.querySelector<HTMLElement>('.completion__state');
      if (!intent || !button || !state) return;
      button.disabled = true;
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          // URL-encoded, as the form itself would send it, so the server's fast lane can take it.
          body: new URLSearchParams({ intent: intent.value }),
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) throw new Error(String(response.status));
        const result = (await response.json()) as { complete: boolean; percent: number };
        intent.value = result.complete ? 'incomplete' : 'complete';
        button.textContent = result.complete ? 'Mark as incomplete' : 'Mark as complete';
        button.classList.toggle('button--secondary', result.complete);
        state.innerHTML = result.complete
          ? '<span class="tick"><span aria-hidden="true">✓ </span>You have completed this step.</span>'
          : '<span class="muted">Not completed yet.</span>';
        const percent = document.querySelector('[data-course-percent]');
        if (percent) percent.textContent = `${result.percent}% complete`;
      } catch {
        state.textContent = 'That did not save. Check your connection and try again.';
      } finally {
        button.disabled = false;
      }
    });
  }
}
