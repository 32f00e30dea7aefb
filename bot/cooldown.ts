// Per-key cooldowns for free-text questions: within the window after an answer, the first extra
// message gets one polite "slow down" and the rest are ignored, so spam is answered once.

export type CooldownVerdict =
  | { state: 'ready' }
  | { state: 'limited'; firstTime: boolean; retryAfterMs: number };

interface Window {
  until: number;
  warned: boolean;
}

export class Cooldown {
  private readonly windows = new Map<string, Window>();
  private checksSinceSweep = 0;

  constructor(private readonly windowMs: number) {}

  /** Is `key` cooling down at `now`? Does not start a window: call `start` once the message is answered. */
  check(key: string, now = Date.now()): CooldownVerdict {
    if (this.windowMs <= 0) return { state: 'ready' };
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.until <= now) return { state: 'ready' };
    const firstTime = !window.warned;
    window.warned = true;
    return { state: 'limited', firstTime, retryAfterMs: window.until - now };
  }

  start(key: string, now = Date.now()): void {
    if (this.windowMs > 0) this.windows.set(key, { until: now + this.windowMs, warned: false });
  }

  get size(): number {
    return this.windows.size;
  }

  /** Forget expired windows now and then, so a busy bot's map does not grow without end. */
  private sweep(now: number): void {
    if (++this.checksSinceSweep < 1000) return;
    this.checksSinceSweep = 0;
    for (const [key, window] of this.windows) if (window.until <= now) this.windows.delete(key);
  }
}

/** The user's and the channel's cooldowns, checked together: the user first, then the channel. */
export class QuestionCooldowns {
  private readonly users: Cooldown;
  private readonly channels: Cooldown;

  constructor(options: { userMs: number; channelMs: number }) {
    this.users = new Cooldown(options.userMs);
    this.channels = new Cooldown(options.channelMs);
  }

  /** Check both; when both are ready, start both windows and return ready. */
  take(userId: string, channelId: string, now = Date.now()): CooldownVerdict & { scope?: 'user' | 'channel' } {
    const user = this.users.check(userId, now);
    if (user.state === 'limited') return { ...user, scope: 'user' };
    const channel = this.channels.check(channelId, now);
    if (channel.state === 'limited') return { ...channel, scope: 'channel' };
    this.users.start(userId, now);
    this.channels.start(channelId, now);
    return { state: 'ready' };
  }
}
