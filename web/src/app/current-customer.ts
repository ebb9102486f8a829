import { useCallback, useSyncExternalStore } from 'react';
import { useMe } from '../api/identity';
import { useMyCustomers, type MyCustomer } from '../api/parties';

const changed = 'kabinet:customer-changed';
/** The choice when storage is unavailable (private mode, policy): kept until the page reloads. */
const inMemory = new Map<string, string>();

function storageKey(userId: string): string {
  return `kabinet.customer.${userId}`;
}

function readChoice(userId: string | undefined): string | null {
  if (!userId) return null;
  try {
    return window.localStorage.getItem(storageKey(userId)) ?? inMemory.get(userId) ?? null;
  } catch {
    return inMemory.get(userId) ?? null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changed, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(changed, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export interface CurrentCustomer {
  /** The customer the user acts for now: the one chosen in the header, else the first usable one. */
  current: MyCustomer | null;
  /** Every membership, including those still waiting for approval, activation or verification. */
  memberships: MyCustomer[];
  isPending: boolean;
  choose: (customerId: string) => void;
}

/**
 * Which customer the user acts for. The choice is remembered per user on this device; the server
 * still authorizes every request by membership, so the choice only selects, never grants.
 */
export function useCurrentCustomer(): CurrentCustomer {
  const me = useMe().data;
  const customers = useMyCustomers(me?.kind === 'customer');
  const userId = me?.id;
  const chosen = useSyncExternalStore(subscribe, () => readChoice(userId));
  const memberships = customers.data?.items ?? [];
  const usable = memberships.filter((membership) => membership.status === 'active');
  const current = usable.find((membership) => membership.customer.id === chosen) ?? usable[0] ?? null;

  const choose = useCallback(
    (customerId: string) => {
      if (!userId) return;
      inMemory.set(userId, customerId);
      try {
        window.localStorage.setItem(storageKey(userId), customerId);
      } catch {
        // Storage can be disabled; the in-memory choice lasts until the page reloads.
      }
      window.dispatchEvent(new Event(changed));
    },
    [userId],
  );

  return { current, memberships, isPending: customers.isPending && me?.kind === 'customer', choose };
}
