import { useEffect, useState } from 'react';
import type { ToolName } from '../../lib/toolkit/tools';

function browserStorage(): Storage | undefined {
  // Locked-down browsers refuse local storage outright; the tools then simply forget on leaving.
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps only the saved fields whose shape still matches the tool's, so a save from an older version cannot break it. */
function restore<T extends object>(initial: T, saved: unknown): T {
  if (!saved || typeof saved !== 'object') return initial;
  const result = { ...initial };
  for (const key of Object.keys(initial) as (keyof T & string)[]) {
    const value = (saved as Record<string, unknown>)[key];
    const expected = initial[key];
    if (Array.isArray(expected) ? Array.isArray(value) : typeof value === typeof expected) result[key] = value as T[typeof key];
  }
  return result;
}

/**
 * A tool's state. It lives in the page; only when the clinician ticks "Remember" is it kept in this browser's local
 * storage, and Clear empties both. Nothing here ever goes to the server. `initial` must be a constant.
 */
export function useToolState<T extends object>(tool: ToolName, initial: T) {
  const key = `best-toolkit:${tool}`;
  const [state, setState] = useState(initial);
  const [remember, setRemember] = useState(false);
  // False until hydrated: the server's render cannot know what this browser saved, and cannot run the tool.
  const [ready, setReady] = useState(false);
  const [storageRefused, setStorageRefused] = useState(false);

  useEffect(() => {
    const storage = browserStorage();
    try {
      const saved = storage?.getItem(key);
      if (saved) {
        setState(restore(initial, JSON.parse(saved)));
        setRemember(true);
      }
    } catch {
      storage?.removeItem(key);
    }
    setReady(true);
  }, [key, initial]);

  useEffect(() => {
    if (!ready) return;
    const storage = browserStorage();
    try {
      if (!storage) throw new Error('no storage');
      if (remember) storage.setItem(key, JSON.stringify(state));
      else storage.removeItem(key);
      setStorageRefused(false);
    } catch {
      setStorageRefused(remember);
    }
  }, [ready, remember, state, key]);

  return {
    state,
    ready,
    remember,
    storageRefused,
    update: (patch: Partial<T>) => setState((current) => ({ ...current, ...patch })),
    setRemember,
    clear: () => {
      setState(initial);
      setRemember(false);
    },
  };
}

export type ToolState<T extends object> = ReturnType<typeof useToolState<T>>;

/** Which fields show their error: those the person has left, and all of them once they try to make the sheet. */
export function useShownErrors() {
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  return {
    shown: (id: string) => all || left.has(id),
    leave: (id: string) => setLeft((current) => (current.has(id) ? current : new Set(current).add(id))),
    showAll: () => setAll(true),
    reset: () => {
      setLeft(new Set());
      setAll(false);
    },
  };
}

export type ShownErrors = ReturnType<typeof useShownErrors>;
