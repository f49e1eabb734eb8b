import fc from 'fast-check';
import { observeBalance, watchFrom, type LowBalanceWatch } from '@meals/domain';

const feed = (watch: LowBalanceWatch, balances: number[]) => {
  let alerts = 0;
  for (const balance of balances) {
    const seen = observeBalance(watch, balance);
    watch = seen.watch;
    if (seen.alert) alerts++;
  }
  return { watch, alerts };
};

describe('low-balance alert: once per downward crossing', () => {
  it('given a balance of 500 and a threshold of 300, when a sale leaves 200, then one alert', () => {
    expect(feed(watchFrom(30_000, 50_000), [20_000])).toEqual({
      watch: { threshold: 30_000, armed: false },
      alerts: 1,
    });
  });

  it('then no alert for further sales below the threshold, until a top-up re-arms it', () => {
    expect(feed(watchFrom(30_000, 50_000), [20_000, 10_000, 5_000]).alerts).toBe(1);
    expect(feed(watchFrom(30_000, 50_000), [20_000, 10_000, 40_000, 25_000]).alerts).toBe(2);
  });

  it('reaching the threshold exactly is not below it, and re-arms', () => {
    expect(feed(watchFrom(30_000, 30_000), [30_000]).alerts).toBe(0);
    expect(feed(watchFrom(30_000, 50_000), [29_999, 30_000, 29_999]).alerts).toBe(2);
  });

  it('a threshold set while the balance is already below it mails nothing until the balance gets back up', () => {
    expect(watchFrom(30_000, 10_000).armed).toBe(false);
    expect(feed(watchFrom(30_000, 10_000), [5_000, 0]).alerts).toBe(0);
  });

  it('threshold 0 is off', () => {
    expect(feed(watchFrom(0, 50_000), [-100, 0, 100, -5]).alerts).toBe(0);
  });

  it('property: alerts = downward crossings (previous balance ≥ threshold, this one below)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -1_000, max: 20_000 }),
        fc.array(fc.integer({ min: -1_000, max: 20_000 }), { maxLength: 60 }),
        (threshold, start, balances) => {
          let crossings = 0;
          let previous = start;
          for (const balance of balances) {
            if (threshold > 0 && previous >= threshold && balance < threshold) crossings++;
            previous = balance;
          }
          const { watch, alerts } = feed(watchFrom(threshold, start), balances);
          expect(alerts).toBe(crossings);
          // the state is a function of the last balance only: a replay from any point converges
          expect(watch.armed).toBe(threshold > 0 && previous >= threshold);
        },
      ),
    );
  });
});
