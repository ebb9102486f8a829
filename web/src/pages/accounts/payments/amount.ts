/** Rubles typed into a NumberInput as whole kopecks; undefined when empty or not a number. */
export function toKopecks(value: string | number): number | undefined {
  const rubles = typeof value === 'number' ? value : Number(value.replace(/\s/g, '').replace(',', '.'));
  if (value === '' || !Number.isFinite(rubles)) return undefined;
  return Math.round(rubles * 100);
}

export const MIN_KOPECKS = 100;
export const MAX_KOPECKS = 100_000_000;

export function kopecksAllowed(kopecks: number | undefined): kopecks is number {
  return kopecks !== undefined && kopecks >= MIN_KOPECKS && kopecks <= MAX_KOPECKS;
}
