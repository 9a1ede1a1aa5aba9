import type { ShownErrors } from './use-tool-state';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** The field's problem, if any; shown once the person has left the field or tried to make the sheet. */
  error?: string;
  errors: ShownErrors;
  /** A number: a narrow box with the number keypad on phones. Text boxes still show "abc" so it can be explained. */
  numeric?: boolean;
  /** Rows for a longer answer. */
  rows?: number;
  type?: 'text' | 'time';
  className?: string;
  /** What Enter does in a one-line field, such as adding the item typed. */
  onEnter?: () => void;
}

/** A labelled field with its hint and error wired up for screen readers, as Field.astro does for server forms. */
export default function TextField({ id, label, value, onChange, hint, error, errors, numeric, rows, type = 'text', className, onEnter }: Props) {
  const shownError = error && errors.shown(id) ? error : undefined;
  const describedBy = [hint && `${id}-hint`, shownError && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': shownError ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => errors.leave(id),
    autoComplete: 'off',
  } as const;
  return (
    <div className={['field', numeric && 'field--number', shownError && 'field--error', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {shownError && (
        <span className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {shownError}
        </span>
      )}
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={numeric ? 'decimal' : undefined}
          spellCheck={numeric ? false : undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onEnter && ((e) => e.key === 'Enter' && onEnter())}
        />
      )}
    </div>
  );
}
