import { formatRoubles } from '@meals/domain';

describe('formatRoubles', () => {
  it('shows kopecks as roubles with a comma', () => {
    expect(formatRoubles(804)).toBe('8,04 руб.');
  });
});
