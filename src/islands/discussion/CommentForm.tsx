import { useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { mentionQuery, suggestNames } from '../../lib/discussion/mentions';
import { markStepCompleteOnPage } from '../mark-step-complete';

/** Someone who may be @mentioned, as the mentions endpoint lists them. */
interface Person {
  name: string;
  profession: string;
}

interface Props {
  action: string;
  back: string;
  /** Lists the people who have commented on the step, for @ suggestions. */
  mentionsUrl: string;
  /** Given on the step page: posts without reloading, then refreshes the comments from this address. */
  threadUrl?: string;
  /** On a discussion step: posting completed it, so the page's completion controls are brought up to date. */
  completesStep?: boolean;
  label: string;
  submitLabel: string;
  hint: string;
  text?: string;
  error?: string;
}

/**
 * A comment form. Rendered on the server it is a plain form that posts and redirects; hydrated, it offers
 * @ suggestions and, on the step page, posts without a reload.
 */
export default function CommentForm({ action, back, mentionsUrl, threadUrl, completesStep, label, submitLabel, hint, text = '', error: initialError }: Props) {
  const id = 'comment-text';
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState(initialError);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = mention && people ? suggestNames(mention.query, people) : [];
  const open = suggestions.length > 0;

  async function loadPeople() {
    if (people) return;
    setPeople([]);
    try {
      const response = await fetch(mentionsUrl, { headers: { Accept: 'application/json' } });
      if (response.ok) setPeople((await response.json()) as Person[]);
    } catch {
      // Suggestions are a convenience: typing the full name still mentions.
    }
  }

  function findMention() {
    const field = textarea.current;
    if (!field) return;
    const found = mentionQuery(field.value.slice(0, field.selectionStart));
    setMention(found);
    setActive(0);
    if (found) void loadPeople();
  }

  function choose(person: Person) {
    const field = textarea.current;
    if (!field || !mention) return;
    const caret = field.selectionStart;
    const inserted = `@${person.name} `;
    field.value = field.value.slice(0, mention.start) + inserted + field.value.slice(caret);
    const at = mention.start + inserted.length;
    field.setSelectionRange(at, at);
    field.focus();
    setMention(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const person = suggestions[active];
      if (person) {
        event.preventDefault();
        choose(person);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
    }
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    if (!threadUrl) return;
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setStatus('');
    try {
      // URL-encoded, as the form itself would send it, so the server's fast lane can take it.
      const fields = [...new FormData(form)].map(([name, value]): [string, string] => [name, String(value)]);
      const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(fields), headers: { Accept: 'application/json' } });
      const result = (await response.json()) as { id?: string; error?: string };
      if (!response.ok || !result.id) {
        setError(result.error ?? 'Your comment could not be posted. Please try again.');
        textarea.current?.focus();
        return;
      }
      setError(undefined);
      form.reset();
      const thread = await fetch(threadUrl, { headers: { Accept: 'text/html' } });
      const shown = document.querySelector('[data-discussion-thread]');
      // The thread's HTML is rendered by the server, which escapes every comment (see CommentText.astro).
      if (thread.ok && shown) shown.outerHTML = await thread.text();
      setStatus('Your comment has been posted.');
      if (completesStep) markStepCompleteOnPage();
    } catch {
      setError('Your comment could not be posted. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="comment-form" method="post" action={action} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="back" value={back} />
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
        {error && (
          <span className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </span>
        )}
        <textarea
          ref={textarea}
          id={id}
          name="text"
          rows={5}
          defaultValue={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onInput={findMention}
          onClick={findMention}
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
        />
        {open && (
          <ul className="mention-list" id={listId} role="listbox" aria-label="People to mention">
            {suggestions.map((person, i) => (
              <li
                key={`${person.name}-${i}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                // mousedown, not click: choosing must not blur the text box first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(person);
                }}
              >
                <strong>{person.name}</strong> <span className="muted">{person.profession}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {open ? `${suggestions.length} ${suggestions.length === 1 ? 'person' : 'people'} to mention: use the up and down arrows, then Enter.` : ''}
      </p>
      <p className="comment-form__status" role="status">
        {status}
      </p>
      <button className="button" type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
