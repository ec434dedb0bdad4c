import { LoginLimiter } from './login-limiter';

describe('LoginLimiter', () => {
  let now: number;
  let limiter: LoginLimiter;

  beforeEach(() => {
    now = 1_000_000;
    limiter = new LoginLimiter({
      maxFailures: 5,
      freeFailures: 2,
      delayMs: 100,
      windowMs: 60_000,
      now: () => now,
    });
  });

  function attempt(keys = ['email:a@x', 'ip:1']) {
    return limiter.begin(keys);
  }

  it('lets the free failures through without delay, then doubles the delay', () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const decision = attempt();
      if (!decision.allowed) fail('refused too early');
      else delays.push(decision.delayMs);
      now += 10;
    }
    expect(delays).toEqual([0, 0, 100, 200, 400]);
  });

  it('refuses once the limit is reached, with a Retry-After until the oldest failure expires', () => {
    for (let i = 0; i < 5; i++) {
      attempt();
      now += 1000;
    }
    const refused = attempt();
    expect(refused.allowed).toBeFalse();
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBe(55);
    now += 55_000;
    expect(attempt().allowed).toBeTrue();
  });

  it('counts per e-mail across addresses and per address across e-mails', () => {
    for (let i = 0; i < 5; i++) attempt(['email:a@x', `ip:${i}`]);
    expect(attempt(['email:a@x', 'ip:99']).allowed).toBeFalse();
    expect(attempt(['email:b@x', 'ip:99']).allowed).toBeTrue();
    for (let i = 0; i < 5; i++) attempt([`email:${i}@y`, 'ip:7']);
    expect(attempt(['email:new@x', 'ip:7']).allowed).toBeFalse();
  });

  it('a success clears the e-mail count and its own attempt', () => {
    attempt();
    attempt();
    const decision = attempt();
    if (!decision.allowed) throw new Error('refused');
    limiter.succeed(decision.ticket, ['email:a@x']);
    expect(limiter.count('email:a@x')).toBe(0);
    expect(limiter.count('ip:1')).toBe(2);
  });

  it('forgets failures after the window', () => {
    for (let i = 0; i < 4; i++) attempt();
    now += 60_001;
    expect(limiter.count('email:a@x')).toBe(0);
  });
});
