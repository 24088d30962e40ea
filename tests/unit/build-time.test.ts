import { describe, expect, it } from 'vitest';
import { buildTime, yearIn } from '../../packages/theme/src/utils/build-time.ts';

describe("the build's clock", () => {
  it('is SOURCE_DATE_EPOCH when set, else now', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1735689599' }).toISOString()).toBe('2024-12-31T23:59:59.000Z');
    const before = Date.now();
    const now = buildTime({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(buildTime({ SOURCE_DATE_EPOCH: '' }).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('rejects a malformed SOURCE_DATE_EPOCH, naming it', () => {
    expect(() => buildTime({ SOURCE_DATE_EPOCH: '2024-12-31' })).toThrow('got "2024-12-31"');
    expect(() => buildTime({ SOURCE_DATE_EPOCH: '-5' })).toThrow(/whole number/);
  });

  it("gives the year in the site's timezone (New Year's Eve in UTC is already next year in Seoul)", () => {
    const eve = buildTime({ SOURCE_DATE_EPOCH: '1735689599' });
    expect(yearIn(eve, 'UTC')).toBe(2024);
    expect(yearIn(eve, 'Asia/Seoul')).toBe(2025);
  });
});
