/**
 * Dates as Chirpy posts write them, read the way Jekyll reads them: a value without an
 * offset is a wall-clock time in the site's timezone.
 */

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The zone names Ruby's `Time.parse` knows (others, such as KST or CEST, it ignores). */
const ZONE_HOURS: Record<string, number> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

function monthOf(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 || (name.length > 3 && !/^[a-z]+$/i.test(name)) ? undefined : index + 1;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  rest: string;
}

/** The calendar date at the start of `text`, in the forms Ruby's `Date._parse` reads. */
function datePart(text: string): DateParts | undefined {
  const noWeekday = text.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(noWeekday);
  if (match) return { year: +match[1]!, month: +match[3]!, day: +match[4]!, rest: noWeekday.slice(match[0].length) };
  match = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(noWeekday);
  if (match) return { year: +match[1]!, month: +match[2]!, day: +match[3]!, rest: noWeekday.slice(match[0].length) };
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(noWeekday); // day first, as Ruby reads it
  if (match) return { year: +match[3]!, month: +match[2]!, day: +match[1]!, rest: noWeekday.slice(match[0].length) };
  match = /^([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i.exec(noWeekday);
  if (match && monthOf(match[1]!)) {
    return { year: +match[3]!, month: monthOf(match[1]!)!, day: +match[2]!, rest: noWeekday.slice(match[0].length) };
  }
  match = /^(\d{1,2})\s+([a-z]{3,})\.?,?\s+(\d{4})(?!\d)/i.exec(noWeekday);
  if (match && monthOf(match[2]!)) {
    return { year: +match[3]!, month: monthOf(match[2]!)!, day: +match[1]!, rest: noWeekday.slice(match[0].length) };
  }
  return undefined;
}

const TIME = /^(?:,?\s*|T)(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:([ap])\.?m\.?(?![a-z]))?/i;
const ZONE = /^\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)|([A-Za-z]{1,5})(?![A-Za-z]))/;

/**
 * Reads a front matter date string as Jekyll does (Ruby's `Time.parse`): `2024-01-31`,
 * `2024-01-31 09:30`, `2024-01-31 09:30:00 +0900`, ISO 8601, `2022-03-04 03:00:00 PM`,
 * `2022/03/04`, `30/04/2021` (day first), `March 4, 2022`, `Fri, 04 Mar 2022 15:00:00 +0900`,
 * US zone names (`EST`, `PST`), `UTC`/`GMT`/`Z`. A zone name Ruby does not know is ignored, and
 * so is text after a whole date and time. A day past the month's end rolls over, as in Ruby
 * (`2021-02-30` is 2 March). Offset-less values are read in `timeZone`. Returns `undefined` for
 * what Jekyll rejects (month 13, hour 25, minute 61, `+2500`, words).
 */
export function parseChirpyDate(text: string, timeZone: string): Date | undefined {
  const date = datePart(text.trim());
  if (!date) return undefined;
  const fields = { year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, ms: 0 };
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31) return undefined;
  let rest = date.rest;
  const time = TIME.exec(rest);
  // An hour alone is a time only with AM/PM (`3pm`).
  if (time && (time[2] !== undefined || time[5] !== undefined) && (rest === '' || time[0] !== '')) {
    fields.hour = Number(time[1]);
    fields.minute = time[2] === undefined ? 0 : Number(time[2]);
    fields.second = time[3] === undefined ? 0 : Number(time[3]);
    fields.ms = time[4] === undefined ? 0 : Math.round(Number(`0.${time[4]}`) * 1000);
    const meridian = time[5]?.toLowerCase();
    if (meridian === 'a' && fields.hour === 12) fields.hour = 0;
    if (meridian === 'p' && fields.hour < 12) fields.hour += 12;
    rest = rest.slice(time[0].length);
  } else if (rest !== '' && !/^\s/.test(rest)) {
    return undefined;
  }
  if (fields.hour > 24 || fields.minute > 59 || fields.second > 60) return undefined;
  let offset: number | undefined;
  const zone = ZONE.exec(rest);
  if (zone) {
    if (zone[1] !== undefined) {
      offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] ?? 0));
      if (Math.abs(offset) > 18 * 60) return undefined;
    } else {
      const hours = ZONE_HOURS[zone[4]!.toUpperCase()];
      if (hours !== undefined) offset = hours * 60;
    }
    rest = rest.slice(zone[0].length);
  }
  if (rest.trim() !== '' && !/^\s/.test(rest)) return undefined;
  if (offset !== undefined) {
    const local = Date.UTC(
      fields.year,
      fields.month - 1,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
      fields.ms,
    );
    return new Date(local - offset * 60000);
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
