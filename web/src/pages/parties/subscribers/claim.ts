/**
 * A confirmed subscriber code waits in this tab while its person registers or signs in (they leave
 * this page for /register or /login and come back). Session storage: it dies with the tab, and the
 * server lets it live 30 minutes anyway.
 */
export interface StoredClaim {
  claimToken: string;
  subscriberCode: string;
  expiresAt: string;
}

const key = 'kabinet.subscriberClaim';

export function readClaim(): StoredClaim | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return null;
    const claim = JSON.parse(raw) as Partial<StoredClaim>;
    if (typeof claim.claimToken !== 'string' || typeof claim.subscriberCode !== 'string' || typeof claim.expiresAt !== 'string') return null;
    if (new Date(claim.expiresAt).getTime() <= Date.now()) {
      clearClaim();
      return null;
    }
    return claim as StoredClaim;
  } catch {
    return null;
  }
}

export function saveClaim(claim: StoredClaim): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(claim));
  } catch {
    // Storage can be disabled: the person then has to confirm the code again after signing in.
  }
}

export function clearClaim(): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
