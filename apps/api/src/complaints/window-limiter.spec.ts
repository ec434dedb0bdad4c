import { WindowLimiter } from './window-limiter';

describe('WindowLimiter', () => {
  it('allows the limit within the window, refuses the next with the wait, forgets old hits', () => {
    const limiter = new WindowLimiter(3, 60_000);
    expect(limiter.hit('ip:1', 0).allowed).toBeTrue();
    expect(limiter.hit('ip:1', 10_000).allowed).toBeTrue();
    expect(limiter.hit('ip:1', 20_000).allowed).toBeTrue();
    const refused = limiter.hit('ip:1', 30_000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.hit('ip:2', 30_000).allowed).withContext('other key').toBeTrue();
    expect(limiter.hit('ip:1', 60_001).allowed).withContext('first hit left the window').toBeTrue();
    expect(limiter.hit('ip:1', 60_002).allowed).toBeFalse();
  });

  it('keeps at most maxKeys keys, dropping the least recently used', () => {
    const limiter = new WindowLimiter(1, 60_000, 2);
    limiter.hit('a', 0);
    limiter.hit('b', 1);
    limiter.hit('c', 2);
    expect(limiter.hit('a', 3).allowed).withContext('a was dropped').toBeTrue();
    expect(limiter.hit('c', 4).allowed).toBeFalse();
  });
});
