import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Named, Sheet } from '../../lib/toolkit/sheets';
import { saveSheet } from './save-sheet';
import TextField from './TextField';
import type { ShownErrors, ToolState } from './use-tool-state';

interface Props<T extends Named> {
  /** Prefixes the ids of the frame's own fields. */
  id: string;
  store: ToolState<T>;
  errors: ShownErrors;
  /** What stops the sheet being made, keyed by field id, in the order the fields appear. */
  problems: Record<string, string>;
  /** Makes the sheet; undefined while the problems stop it. */
  sheet: (() => Sheet) | undefined;
  children: ReactNode;
}

/**
 * What every tool shares: the privacy promise, the name for the sheet, Download, Clear and Remember. The tool's own
 * fields and results go in between.
 */
export default function ToolFrame<T extends Named>({ id, store, errors, problems, sheet, children }: Props<T>) {
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const problemList = Object.entries(problems);

  useEffect(() => {
    if (attempts > 0) summary.current?.focus();
  }, [attempts]);

  async function download() {
    errors.showAll();
    if (!sheet || problemList.length > 0) {
      setStatus('');
      setAttempts((n) => n + 1);
      return;
    }
    const made = sheet();
    setBusy(true);
    setStatus('Making the sheet…');
    try {
      await saveSheet(made);
      setStatus(`The sheet is ready: ${made.fileName} is in your downloads.`);
    } catch {
      setStatus('The sheet could not be made. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  function clear() {
    store.clear();
    errors.reset();
    setAttempts(0);
    setStatus('Cleared. Nothing from this tool is kept in this browser.');
  }

  return (
    <div className="tool">
      <p className="callout tool__privacy">
        Everything you type stays in this browser: nothing is sent to our server, and the sheet is made on this device.
      </p>
      {!store.ready && <p className="tool__waiting">The tool is starting. It needs JavaScript, which runs it in your browser.</p>}
      {attempts > 0 && problemList.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby={`${id}-problems`} tabIndex={-1} ref={summary}>
          <h2 id={`${id}-problems`}>There is a problem</h2>
          <ul>
            {problemList.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(field)?.focus();
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField
        id={`${id}-patient`}
        label="Patient’s name (optional)"
        hint="Printed at the top of the sheet. Leave it blank to write it in by hand."
        value={store.state.patient}
        onChange={(patient) => store.update({ patient } as Partial<T>)}
        errors={errors}
      />
      {children}
      <div className="tool__actions">
        <div className="button-row">
          <button className="button" type="button" onClick={download} disabled={!store.ready || busy}>
            Download the sheet (PDF)
          </button>
          <button className="button button--secondary" type="button" onClick={clear} disabled={!store.ready}>
            Clear
          </button>
        </div>
        <p className="tool__status" role="status">
          {status}
        </p>
        <div className="tool-choice">
          <input
            type="checkbox"
            id={`${id}-remember`}
            checked={store.remember}
            disabled={!store.ready}
            onChange={(event) => store.setRemember(event.target.checked)}
            aria-describedby={`${id}-remember-hint`}
          />
          <label htmlFor={`${id}-remember`}>Remember what I typed on this computer</label>
        </div>
        <p className="hint" id={`${id}-remember-hint`}>
          {store.storageRefused
            ? 'This browser does not allow saving, so the tool will forget when you leave the page.'
            : 'Kept only in this browser until you press Clear. Leave it unticked on a shared computer.'}
        </p>
      </div>
    </div>
  );
}
