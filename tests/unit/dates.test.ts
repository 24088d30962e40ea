import { describe, expect, it } from 'vitest';
import { isValidTimeZone, parseChirpyDate, toZonedISOString, zonedYear } from '../../packages/theme/src/utils/dates.ts';

const iso = (text: string, zone: string) => parseChirpyDate(text, zone)?.toISOString();

describe('front matter dates', () => {
  it('reads the documented form with its offset, whatever the site timezone', () => {
    for (const zone of ['UTC', 'Asia/Seoul', 'America/New_York']) {
      expect(iso('2021-04-30 17:31:00 +0900', zone)).toBe('2021-04-30T08:31:00.000Z');
      expect(iso('2019-08-08 11:33:00 +0800', zone)).toBe('2019-08-08T03:33:00.000Z');
      expect(iso('2024-01-15 10:00:00 -05:00', zone)).toBe('2024-01-15T15:00:00.000Z');
      expect(iso('2024-01-15T10:00:00Z', zone)).toBe('2024-01-15T10:00:00.000Z');
      expect(iso('2024-01-15 10:00 +0530', zone)).toBe('2024-01-15T04:30:00.000Z');
    }
  });

  it('reads offset-less times in the site timezone', () => {
    expect(iso('2024-01-15 10:00:00', 'Asia/Seoul')).toBe('2024-01-15T01:00:00.000Z');
    expect(iso('2024-01-15 10:00:00', 'UTC')).toBe('2024-01-15T10:00:00.000Z');
    expect(iso('2024-01-15 10:00', 'America/New_York')).toBe('2024-01-15T15:00:00.000Z');
    // Summer time in New York is UTC-4.
    expect(iso('2024-07-15 10:00', 'America/New_York')).toBe('2024-07-15T14:00:00.000Z');
    expect(iso('2024-07-15 10:00', 'Asia/Kolkata')).toBe('2024-07-15T04:30:00.000Z');
  });

  it('reads a bare date as midnight in the site timezone, not UTC', () => {
    expect(iso('2024-01-15', 'Asia/Seoul')).toBe('2024-01-14T15:00:00.000Z');
    expect(iso('2024-01-15', 'UTC')).toBe('2024-01-15T00:00:00.000Z');
    expect(iso('2024-01-15', 'Europe/London')).toBe('2024-01-15T00:00:00.000Z');
    expect(iso('2024-06-15', 'Europe/London')).toBe('2024-06-14T23:00:00.000Z');
  });

  it('accepts single-digit months, days and hours', () => {
    expect(iso('2024-2-5 9:05 +0900', 'UTC')).toBe('2024-02-05T00:05:00.000Z');
    expect(iso('2024-2-5', 'Asia/Seoul')).toBe('2024-02-04T15:00:00.000Z');
  });

  it('rejects impossible or foreign values', () => {
    // What Jekyll itself rejects (the differential test checks each against Jekyll).
    for (const text of ['2021-13-45', '2021-04-30 25:00', 'yesterday', '04/30/2021', '2021-04-30 10:00 +2500', '']) {
      expect(parseChirpyDate(text, 'UTC'), text).toBeUndefined();
    }
  });

  it('handles the hour that does not exist when clocks go forward', () => {
    // 02:30 on 10 March 2024 does not exist in New York; it resolves to a real instant nearby.
    const date = parseChirpyDate('2024-03-10 02:30', 'America/New_York');
    expect(date).toBeInstanceOf(Date);
    expect(Number.isNaN(date!.getTime())).toBe(false);
  });
});

describe('showing dates', () => {
  it('writes the exact instant with the site offset', () => {
    const date = new Date('2021-04-30T08:31:00Z');
    expect(toZonedISOString(date, 'Asia/Seoul')).toBe('2021-04-30T17:31:00+09:00');
    expect(toZonedISOString(date, 'UTC')).toBe('2021-04-30T08:31:00+00:00');
    expect(toZonedISOString(date, 'America/New_York')).toBe('2021-04-30T04:31:00-04:00');
    expect(toZonedISOString(date, 'Asia/Kolkata')).toBe('2021-04-30T14:01:00+05:30');
  });

  it('gives each zone its own offset when the same instants are asked again (offsets are remembered)', () => {
    // Either side of New York's spring change, asked twice and in two zones.
    const before = new Date('2024-03-10T06:59:59Z');
    const after = new Date('2024-03-10T07:00:00Z');
    for (let round = 0; round < 2; round += 1) {
      expect(toZonedISOString(before, 'America/New_York')).toBe('2024-03-10T01:59:59-05:00');
      expect(toZonedISOString(after, 'America/New_York')).toBe('2024-03-10T03:00:00-04:00');
      expect(toZonedISOString(before, 'Asia/Seoul')).toBe('2024-03-10T15:59:59+09:00');
      expect(toZonedISOString(new Date(before.getTime() + 999), 'America/New_York')).toBe('2024-03-10T01:59:59-05:00');
    }
  });

  it('finds the year in the site timezone', () => {
    const newYearInSeoul = new Date('2023-12-31T16:00:00Z');
    expect(zonedYear(newYearInSeoul, 'Asia/Seoul')).toBe(2024);
    expect(zonedYear(newYearInSeoul, 'UTC')).toBe(2023);
  });

  it('knows IANA names', () => {
    expect(isValidTimeZone('Asia/Seoul')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
