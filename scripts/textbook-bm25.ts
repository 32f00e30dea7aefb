// The baseline issue 9 measured the engine against: textbook BM25 over an article's sentences
// (Lucene's defaults: k1 1.2, b 0.75, idf ln(1 + (N − n + 0.5) / (n + 0.5)); lowercase words of
// letters and digits; no stemming, no stop words, no synonyms), answering with its best sentence
// and never refusing. The engine's own search (stems, WordNet, folded accents) is a stronger
// baseline; calibrate.ts reports both, so neither flatters the engine.
const K1 = 1.2;
const B = 0.75;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export class TextbookBm25 {
  private readonly docs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly averageLength: number;
  private readonly df = new Map<string, number>();

  constructor(sentences: readonly string[]) {
    const tokenized = sentences.map(words);
    this.docs = tokenized.map((ws) => {
      const tf = new Map<string, number>();
      for (const w of ws) tf.set(w, (tf.get(w) ?? 0) + 1);
      return tf;
    });
    this.lengths = tokenized.map((ws) => ws.length);
    this.averageLength = this.lengths.reduce((n, l) => n + l, 0) / Math.max(1, this.lengths.length);
    for (const doc of this.docs) for (const w of doc.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  /** The index of the best-scoring sentence for the query (the first on a tie), or undefined when no word matches. */
  best(query: string): number | undefined {
    const terms = [...new Set(words(query))];
    const n = this.docs.length;
    let best: number | undefined;
    let bestScore = 0;
    this.docs.forEach((doc, i) => {
      let score = 0;
      for (const t of terms) {
        const tf = doc.get(t);
        if (!tf) continue;
        const df = this.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[i]!) / this.averageLength));
      }
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    return best;
  }
}
