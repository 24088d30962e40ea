/**
 * The build's clock: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention:
 * seconds since 1970, UTC), else now. It dates what the build itself stamps (the footer's
 * year) and decides which posts are in the future, so two builds of the same content with the
 * same `SOURCE_DATE_EPOCH` are the same.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch.trim())) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${epoch}".`);
  }
  return new Date(Number(epoch.trim()) * 1000);
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The year of `date` in `timeZone` (the footer of every page asks: one formatter per zone). */
export function yearIn(date: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) yearFormats.set(timeZone, (format = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone })));
  return Number(format.format(date));
}
