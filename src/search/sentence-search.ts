// BM25 ranking of an article's sentences, forgiving typos and common paraphrases, and telling
// how much of a question the best sentence covers: the guard against answering what is not there.
import { contentTokens, editDistance, isStopToken, synonymsOf, tokenize, typoAllowance, type Token } from '../text/tokens.js';
import { SOFT_WORDS } from '../text/lexicon.js';

const K1 = 1.2;
const B = 0.75;
const SYNONYM_WEIGHT = 0.75;
const TYPO_WEIGHT = 0.8;
/** Content words read from one question; past this it is a page of text, not a question. */
const MAX_TERMS = 32;

export interface SearchableSentence {
  index: number;
  text: string;
  /** Extra words that belong to the sentence's meaning, e.g. the name a pronoun stands for. */
  extra?: string;
}

/** One word of the question and what it matched. */
export interface TermMatch {
  token: Token;
  /** The article's stems this word matched, with their weights. */
  expansions: Map<string, number>;
  idf: number;
}

export interface SentenceHit {
  index: number;
  score: number;
  /** Share of the question's weight (by rarity) this sentence contains, 0..1. */
  coverage: number;
  /** Query tokens this sentence matched. */
  matched: Token[];
  /** Stems of this sentence that matched something in the question. */
  matchedStems: Set<string>;
}

interface Doc {
  index: number;
  tf: Map<string, number>;
  length: number;
}

export class SentenceSearch {
  private readonly docs: Doc[] = [];
  private readonly df = new Map<string, number>();
  /** For each stem, the positions in `docs` of the sentences that hold it, in order. */
  private readonly postings = new Map<string, number[]>();
  private readonly normsByStem = new Map<string, Set<string>>();
  /** Words the article writes in lowercase somewhere: only these take a typo from a lowercase question word. */
  private readonly lowercaseNorms = new Set<string>();
  private readonly avgLength: number;
  private readonly maxIdf: number;

  constructor(sentences: SearchableSentence[]) {
    let total = 0;
    for (const s of sentences) {
      const tf = new Map<string, number>();
      const tokens = tokenize(s.extra ? `${s.text} ${s.extra}` : s.text).filter((t) => !isStopToken(t));
      for (const t of tokens) {
        tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
        let norms = this.normsByStem.get(t.stem);
        if (!norms) this.normsByStem.set(t.stem, (norms = new Set()));
        norms.add(t.norm);
        if (!/^\p{Lu}/u.test(t.raw)) this.lowercaseNorms.add(t.norm);
      }
      for (const key of tf.keys()) {
        this.df.set(key, (this.df.get(key) ?? 0) + 1);
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        list.push(this.docs.length);
      }
      this.docs.push({ index: s.index, tf, length: tokens.length });
      total += tokens.length;
    }
    this.avgLength = this.docs.length ? total / this.docs.length : 1;
    this.maxIdf = this.idfOf(0) + 1;
  }

  private idfOf(df: number): number {
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Does the article write this word in lowercase somewhere (a common word, not only a name)? */
  isCommonWord(norm: string): boolean {
    return this.lowercaseNorms.has(norm);
  }

  /** Does the article use this word at all (exactly, as a synonym, or with a typo)? */
  knows(word: string): boolean {
    return this.expand(tokenize(word)[0] ?? null).size > 0;
  }

  private readonly expansions = new Map<string, Map<string, number>>();

  /** What a question word matches here; memoised per word, since the same words come back. */
  private expand(token: Token | null): Map<string, number> {
    if (!token) return new Map();
    const key = `${token.raw}\u0000${token.stem}`;
    const known = this.expansions.get(key);
    if (known) return known;
    const out = this.computeExpansion(token);
    if (this.expansions.size > 20_000) this.expansions.clear();
    this.expansions.set(key, out);
    return out;
  }

  private computeExpansion(token: Token): Map<string, number> {
    const out = new Map<string, number>();
    if (this.df.has(token.stem)) out.set(token.stem, 1);
    for (const syn of synonymsOf(token.stem)) if (this.df.has(syn) && !out.has(syn)) out.set(syn, SYNONYM_WEIGHT);
    const allowance = typoAllowance(token.norm.length);
    if (out.size === 0 && allowance > 0 && !/\d/.test(token.norm)) {
      for (const [s, norms] of this.normsByStem) {
        for (const n of norms) {
          if (Math.abs(n.length - token.norm.length) > allowance || n[0] !== token.norm[0]) continue;
          if (!this.lowercaseNorms.has(n) && !/^\p{Lu}/u.test(token.raw)) continue;
          if (editDistance(n, token.norm, allowance) <= allowance) {
            out.set(s, Math.max(out.get(s) ?? 0, TYPO_WEIGHT));
            break;
          }
        }
      }
    }
    return out;
  }

  /** The question's content words with what each matches here (at most MAX_TERMS: a question, not a page). */
  terms(query: string): TermMatch[] {
    const seen = new Set<string>();
    const out: TermMatch[] = [];
    for (const token of contentTokens(query).slice(0, MAX_TERMS)) {
      if (seen.has(token.stem)) continue;
      seen.add(token.stem);
      const expansions = this.expand(token);
      let idf = this.maxIdf;
      if (expansions.size) {
        idf = 0;
        for (const [s, w] of expansions) idf = Math.max(idf, this.idfOf(this.df.get(s) ?? 0) * w);
        idf = Math.max(idf, 0.05);
      }
      if (SOFT_WORDS.has(token.norm)) idf *= 0.25;
      out.push({ token, expansions, idf });
    }
    return out;
  }

  /** Sentences ranked by BM25 over the question's words, best first. */
  search(query: string | TermMatch[], limit = 10, weights?: Map<string, number>): SentenceHit[] {
    const terms = typeof query === 'string' ? this.terms(query) : query;
    if (terms.length === 0) return [];
    const totalWeight = terms.reduce((sum, t) => sum + t.idf * (weights?.get(t.token.stem) ?? 1), 0);
    const hits: SentenceHit[] = [];
    // Only the sentences that hold one of the stems the terms match can score: the others would
    // score 0 and be left out. They are scored in the same order as a scan of every sentence.
    const candidates = new Set<number>();
    for (const term of terms) for (const s of term.expansions.keys()) for (const d of this.postings.get(s) ?? []) candidates.add(d);
    for (const d of [...candidates].sort((a, b) => a - b)) {
      const doc = this.docs[d]!;
      let score = 0;
      let covered = 0;
      const matched: Token[] = [];
      const matchedStems = new Set<string>();
      for (const term of terms) {
        let best = 0;
        let bestStem = '';
        for (const [s, w] of term.expansions) {
          const tf = doc.tf.get(s);
          if (!tf) continue;
          const idf = this.idfOf(this.df.get(s) ?? 0);
          const part = (w * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength));
          if (part > best) {
            best = part;
            bestStem = s;
          }
        }
        if (best > 0) {
          const termWeight = weights?.get(term.token.stem) ?? 1;
          score += best * termWeight;
          covered += term.idf * termWeight * (term.expansions.get(bestStem) ?? 1);
          matched.push(term.token);
          matchedStems.add(bestStem);
        }
      }
      if (score > 0) hits.push({ index: doc.index, score, coverage: totalWeight ? covered / totalWeight : 0, matched, matchedStems });
    }
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return hits.slice(0, limit);
  }
}

