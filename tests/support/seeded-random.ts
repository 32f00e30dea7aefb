// A tiny seeded PRNG (mulberry32) and helpers, so generated test inputs are the same on every run
// and a failure can be replayed from its seed and position.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, max). */
  below(max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (max: number) => Math.floor(next() * max);
  return {
    next,
    below,
    pick: <T>(items: readonly T[]) => items[below(items.length)]!,
    chance: (p: number) => next() < p,
  };
}
