import { describe, expect, it } from 'vitest';
import { readableText } from './read-frame';

const GS = '\x1d';

describe('readableText', () => {
  it('writes GS1 data with its AIs in brackets', () => {
    expect(
      readableText({
        text: `]d20116920003000016${'10'}CF77${GS}17270630`,
        rawText: `0116920003000016${'10'}CF77${GS}17270630`,
      }),
    ).toBe('(01)16920003000016(10)CF77(17)270630');
  });

  it('shows other data as read, GS made visible', () => {
    expect(readableText({ text: ']E05449000039231', rawText: '5449000039231' })).toBe(
      '5449000039231',
    );
    expect(readableText({ text: `]d1A${GS}B`, rawText: `A${GS}B` })).toBe('A⟨GS⟩B');
  });
});
