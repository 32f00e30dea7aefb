// Answering asks the same small questions again and again (the stem of a word, the words of a
// sentence): a bounded memo keeps them cheap without letting memory grow with every input.

/** `compute` remembered for up to `limit` keys; past that the memo starts over. */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string) => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
    return value;
  };
}
