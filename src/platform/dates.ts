/**
 * Dates and time zones. A calendar date is a 'YYYY-MM-DD' string (the way `date` columns are read);
 * a wall-clock time is read as a UTC-based number or Date whose UTC fields are the zone's local ones.
 */

/** Today's date in `timeZone` (the provider's, as a rule). */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now);
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The first day of the month `months` after the month of `date` (negative: before). */
export function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/** How many days the month of `date` has. */
export function daysInMonth(date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall-clock time at `at` (to the second), as a UTC-based number. */
function wallTime(at: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** How far the zone's clock is ahead of UTC at `at`, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  return wallTime(at, timeZone) - Math.floor(at / 1000) * 1000;
}

/** The instant when the zone's clock shows `wall` (a UTC-based reading of the wall time). DST-safe. */
export function zonedTime(wall: number, timeZone: string): Date {
  const first = wall - zoneOffset(wall, timeZone);
  // Across a change of offset the second guess is the right one.
  return new Date(wall - zoneOffset(first, timeZone));
}

/** The instant a calendar date begins in the time zone. */
export function startOfDayIn(timeZone: string, date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedTime(Date.UTC(year, month - 1, day), timeZone);
}

/** The zone's wall-clock time at `at`, to the second, as a Date whose UTC fields are the local ones (a spreadsheet's zone-less date). */
export function wallClock(at: Date, timeZone: string): Date {
  return new Date(wallTime(at.getTime(), timeZone));
}
