/** The day before a 'YYYY-MM-DD' date: an exclusive end («valid to») shown as the last day («по»). */
export function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The first day of the month after the one `date` falls in: when a cancelled service stops. */
export function nextPeriodStart(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
