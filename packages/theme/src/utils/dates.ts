/**
 * Dates as Chirpy posts write them, read the way Jekyll reads them: a value without an
 * offset is a wall-clock time in the site's timezone.
 */

const DATE_FORM =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const DATE_FORMS_HINT = 'a date like 2024-01-31, 2024-01-31 09:30 or 2024-01-31 09:30:00 +0900';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets already worked out, per zone and whole second: a build shows the same post dates
 * on many pages, and asking ICU is the slow part. Bounded, so a long dev session cannot grow it.
 */
const offsets = new Map<string, Map<number, number>>();
const OFFSETS_KEPT = 50_000;

/** The offset of `timeZone` from UTC at the instant `epochMs`, in minutes (Seoul: +540). */
export function timeZoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const second = Math.floor(epochMs / 1000);
  let known = offsets.get(timeZone);
  const cached = known?.get(second);
  if (cached !== undefined) return cached;
  const offset = askOffset(epochMs, timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  if (known.size >= OFFSETS_KEPT) known.clear();
  known.set(second, offset);
  return offset;
}

function askOffset(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60000);
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTimeToDate(
  fields: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number },
  timeZone: string,
): Date {
  const local = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
    fields.ms ?? 0,
  );
  const first = timeZoneOffsetMinutes(local, timeZone);
  let instant = local - first * 60000;
  const second = timeZoneOffsetMinutes(instant, timeZone);
  if (second !== first) instant = local - second * 60000;
  return new Date(instant);
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/**
 * Reads a front matter date string. Returns `undefined` when the text is not a real date
 * (wrong form, 31 February, hour 25...). Offset-less values are read in `timeZone`.
 */
export function parseChirpyDate(text: string, timeZone: string): Date | undefined {
  const match = DATE_FORM.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    ms: frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000),
  };
  if (fields.month < 1 || fields.month > 12 || fields.day < 1) return undefined;
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 60) return undefined;
  const daysInMonth = new Date(Date.UTC(fields.year, fields.month, 0)).getUTCDate();
  if (fields.day > daysInMonth) return undefined;
  if (offset !== undefined) {
    const minutes = parseOffset(offset);
    if (Math.abs(minutes) > 18 * 60) return undefined;
    const local = Date.UTC(
      fields.year,
      fields.month - 1,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
      fields.ms,
    );
    return new Date(local - minutes * 60000);
  }
  return zonedTimeToDate(fields, timeZone);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 with the offset of `timeZone` at that instant: `2021-04-30T17:31:00+09:00`. */
export function toZonedISOString(date: Date, timeZone: string): string {
  const offset = timeZoneOffsetMinutes(date.getTime(), timeZone);
  const wall = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The calendar year of `date` as seen in `timeZone`. */
export function zonedYear(date: Date, timeZone: string): number {
  return Number(toZonedISOString(date, timeZone).slice(0, 4));
}
