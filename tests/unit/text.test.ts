import { describe, expect, it } from 'vitest';
import { countWords, excerpt, readingMinutes } from '../../packages/theme/src/utils/text.ts';

describe('words and excerpts', () => {
  it('counts each CJK character as a word', () => {
    expect(countWords('hello world')).toBe(2);
    expect(countWords('글또 5기 회고')).toBe(6);
    expect(readingMinutes(179)).toBe(1);
    expect(readingMinutes(400)).toBe(2);
  });

  it('cuts long text at 200 characters with an ellipsis', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    const long = '가'.repeat(300);
    expect(excerpt(long)).toBe('가'.repeat(200) + '…');
  });
});
