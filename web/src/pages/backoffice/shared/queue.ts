import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A queue's tab and search live in the address, so a view can be shared and survives a reload;
 * the default tab and an empty search are left out of it.
 */
export function useQueueParams<Tab extends string>(name: string, tabs: readonly Tab[], fallback: Tab) {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const tab = tabs.find((candidate) => candidate === raw) ?? fallback;
  const query = params.get('q')?.trim() ?? '';

  function show(next: { tab?: Tab; q?: string }) {
    const nextTab = next.tab ?? tab;
    const q = next.q ?? query;
    setParams({ ...(nextTab !== fallback ? { [name]: nextTab } : {}), ...(q ? { q } : {}) });
  }

  return { tab, query, show };
}

/** The rows ticked for a bulk action, by key; another view (a tab, a search) starts with none ticked. */
export function useSelection(view: string) {
  const [state, setState] = useState<{ view: string; selected: ReadonlySet<string> }>({ view, selected: new Set() });
  const selected = state.view === view ? state.selected : new Set<string>();
  const change = (next: (current: ReadonlySet<string>) => ReadonlySet<string>) =>
    setState((current) => ({ view, selected: next(current.view === view ? current.selected : new Set()) }));

  return {
    selected,
    has: (key: string) => selected.has(key),
    toggle: (key: string, on: boolean) =>
      change((current) => {
        const next = new Set(current);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    set: (keys: Iterable<string>) => change(() => new Set(keys)),
    clear: () => change(() => new Set()),
  };
}

export type Selection = ReturnType<typeof useSelection>;
