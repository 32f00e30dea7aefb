// BM25 ranking of an article's sentences, forgiving typos and common paraphrases, and telling
// how much of a question the best sentence covers: the guard against answering what is not there.
import { editDistance, isStopToken, startsUppercase, synonymsOf, tokenize, typoAllowance, type Token } from '../text/tokens.js';
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
  /**
   * For each stem, the positions in `docs` of the sentences that hold it, in order, each followed
   * by how often the stem occurs there (read as it is scored, without a lookup in the sentence's counts).
   */
  private readonly postings = new Map<string, number[]>();
  private readonly normsByStem = new Map<string, Set<string>>();
  /** Words the article writes in lowercase somewhere: only these take a typo from a lowercase question word. */
  private readonly lowercaseNorms = new Set<string>();
  private readonly avgLength: number;
  /** BM25's length normalization of each sentence, K1 * (1 - B + B * length / average). */
  private readonly lengthNorms: number[];
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
        if (!startsUppercase(t.raw)) this.lowercaseNorms.add(t.norm);
      }
      for (const [key, count] of tf) {
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        list.push(this.docs.length, count);
      }
      this.docs.push({ index: s.index, tf, length: tokens.length });
      total += tokens.length;
    }
    // A stem's document frequency is its number of postings (one per sentence, two numbers each),
    // counted once here rather than updated per sentence; postings were filled in the same order.
    for (const [key, list] of this.postings) this.df.set(key, list.length / 2);
    this.avgLength = this.docs.length ? total / this.docs.length : 1;
    this.lengthNorms = this.docs.map((doc) => K1 * (1 - B + (B * doc.length) / this.avgLength));
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
      // The article's words that start with the same letter, stem by stem in the order of
      // normsByStem: the first of a stem's words within reach of a typo gives the stem.
      for (const [s, n] of this.normsByInitial().get(token.norm[0]!) ?? []) {
        if (out.has(s)) continue;
        if (Math.abs(n.length - token.norm.length) > allowance) continue;
        if (!this.lowercaseNorms.has(n) && !/^\p{Lu}/u.test(token.raw)) continue;
        if (editDistance(n, token.norm, allowance) <= allowance) out.set(s, TYPO_WEIGHT);
      }
    }
    return out;
  }

  /** [stem, word] pairs by the word's first letter, in the order of normsByStem; made at the first typo. */
  private byInitial: Map<string, [string, string][]> | undefined;
  private normsByInitial(): Map<string, [string, string][]> {
    if (!this.byInitial) {
      this.byInitial = new Map();
      for (const [s, norms] of this.normsByStem) {
        for (const n of norms) {
          let list = this.byInitial.get(n[0]!);
          if (!list) this.byInitial.set(n[0]!, (list = []));
          list.push([s, n]);
        }
      }
    }
    return this.byInitial;
  }

  /** The question's content words with what each matches here (at most MAX_TERMS: a question, not a page). */
  terms(query: string): TermMatch[] {
    const out: TermMatch[] = [];
    let read = 0;
    // The first MAX_TERMS content words, each stem once (read in place: no filtered copies).
    for (const token of tokenize(query)) {
      if (isStopToken(token)) continue;
      if (read++ === MAX_TERMS) break;
      if (hasStem(out, token.stem)) continue;
      const expansions = this.expand(token);
      let idf = this.maxIdf;
      if (expansions.size) {
        idf = 0;
        for (const s of expansions.keys()) idf = Math.max(idf, this.idfOf(this.df.get(s) ?? 0) * expansions.get(s)!);
        idf = Math.max(idf, 0.05);
      }
      if (SOFT_WORDS.has(token.norm)) idf *= 0.25;
      out.push({ token, expansions, idf });
    }
    return out;
  }

  /**
   * Sentences ranked by BM25 over the question's words, best first. Term at a time over the
   * postings: only sentences that hold a matched stem are touched, so a question costs what its
   * words match, not the article's length. Each sentence's sums are made in the order of a scan
   * of every sentence (term by term, the best expansion of each), so the scores are the same.
   */
  private scratch?: {
    score: Float64Array;
    covered: Float64Array;
    best: Float64Array;
    bestStem: string[];
    /** Touched by the current term; after the terms, kept as a hit. */
    isTouched: Uint8Array;
    /** Where a kept sentence stands among the hits, plus one. */
    slot: Int32Array;
    /** Each match made (a sentence, the term's position, the stem it matched), in the order made. */
    matchDoc: Int32Array;
    matchTerm: Int32Array;
    matchStem: string[];
  };

  /**
   * Per-sentence sums for one search, made once per index and cleared after each search (only
   * where it wrote): allocating them per question cost as much as the scoring on long articles.
   */
  private scratchArrays(): NonNullable<SentenceSearch['scratch']> {
    const n = this.docs.length;
    this.scratch ??= {
      score: new Float64Array(n),
      covered: new Float64Array(n),
      best: new Float64Array(n),
      bestStem: new Array<string>(n).fill(''),
      isTouched: new Uint8Array(n),
      slot: new Int32Array(n),
      matchDoc: new Int32Array(64),
      matchTerm: new Int32Array(64),
      matchStem: [],
    };
    return this.scratch;
  }

  search(query: string | TermMatch[], limit = 10, weights?: Map<string, number>): SentenceHit[] {
    const terms = typeof query === 'string' ? this.terms(query) : query;
    if (terms.length === 0) return [];
    const totalWeight = terms.reduce((sum, t) => sum + t.idf * (weights?.get(t.token.stem) ?? 1), 0);
    const scratch = this.scratchArrays();
    const { score, covered, best, bestStem, isTouched, slot, matchStem } = scratch;
    // Every sentence any term touched, to read the hits from and to clear after.
    const seen: number[] = [];
    const touched: number[] = [];
    let matches = 0;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      // By key, then its weight: destructuring a map's entries makes an array for each.
      for (const s of term.expansions.keys()) {
        const w = term.expansions.get(s)!;
        const postings = this.postings.get(s);
        if (!postings) continue;
        const idf = this.idfOf(this.df.get(s) ?? 0);
        for (let p = 0; p < postings.length; p += 2) {
          const d = postings[p]!;
          const tf = postings[p + 1]!;
          const part = (w * idf * tf * (K1 + 1)) / (tf + this.lengthNorms[d]!);
          if (!isTouched[d]) {
            isTouched[d] = 1;
            touched.push(d);
          }
          if (part > best[d]!) {
            best[d] = part;
            bestStem[d] = s;
          }
        }
      }
      for (const d of touched) {
        const part = best[d]!;
        if (part > 0) {
          const stemmed = bestStem[d]!;
          const termWeight = weights?.get(term.token.stem) ?? 1;
          if (score[d] === 0) seen.push(d);
          score[d] = score[d]! + part * termWeight;
          covered[d] = covered[d]! + term.idf * termWeight * (term.expansions.get(stemmed) ?? 1);
          // What matched is noted, not yet gathered: only the sentences kept become hits.
          if (matches === scratch.matchDoc.length) {
            const grown = { doc: new Int32Array(matches * 2), term: new Int32Array(matches * 2) };
            grown.doc.set(scratch.matchDoc);
            grown.term.set(scratch.matchTerm);
            scratch.matchDoc = grown.doc;
            scratch.matchTerm = grown.term;
          }
          scratch.matchDoc[matches] = d;
          scratch.matchTerm[matches] = k;
          matchStem[matches] = stemmed;
          matches++;
        }
        best[d] = 0;
        bestStem[d] = '';
        isTouched[d] = 0;
      }
      touched.length = 0;
    }
    // The sentences that scored, each once, best first; then their hits, with what each matched in the terms' order.
    const scored: number[] = [];
    for (const d of seen) {
      if (score[d]! > 0 && !isTouched[d]) {
        isTouched[d] = 1;
        scored.push(d);
      }
    }
    const kept = topDocs(scored, limit, (a, b) => score[b]! - score[a]! || this.docs[a]!.index - this.docs[b]!.index);
    // How many terms each kept sentence matched, so that its array is made at its size.
    const matchedCount = new Int32Array(kept.length);
    kept.forEach((d, at) => (slot[d] = at + 1));
    for (let m = 0; m < matches; m++) {
      const at = slot[scratch.matchDoc[m]!]!;
      if (at !== 0) matchedCount[at - 1]!++;
    }
    const hits: SentenceHit[] = kept.map((d, at) => ({
      index: this.docs[d]!.index,
      score: score[d]!,
      coverage: totalWeight ? covered[d]! / totalWeight : 0,
      matched: new Array<Token>(matchedCount[at]!),
      matchedStems: new Set(),
    }));
    matchedCount.fill(0);
    for (let m = 0; m < matches; m++) {
      const at = slot[scratch.matchDoc[m]!]!;
      if (at === 0) continue;
      const hit = hits[at - 1]!;
      hit.matched[matchedCount[at - 1]!++] = terms[scratch.matchTerm[m]!]!.token;
      hit.matchedStems.add(matchStem[m]!);
    }
    for (const d of seen) {
      score[d] = 0;
      covered[d] = 0;
      isTouched[d] = 0;
      slot[d] = 0;
    }
    return hits;
  }
}

function hasStem(terms: TermMatch[], stem: string): boolean {
  for (const t of terms) if (t.token.stem === stem) return true;
  return false;
}

/**
 * The first `limit` of the sentences in the order `compare` gives (best first), without sorting
 * them all. The order is total (sentence indexes differ), so keeping the best `limit` in order
 * gives what a full sort would. A sort (which copies) only past 64 of more than 64 found, or
 * for a limit below one (slice's meaning).
 */
function topDocs(docs: number[], limit: number, compare: (a: number, b: number) => number): number[] {
  if (!(limit >= 1) || (limit > 64 && docs.length > 64)) return docs.sort(compare).slice(0, limit);
  const keep = Math.min(limit, docs.length);
  const top: number[] = [];
  for (const d of docs) {
    if (top.length === keep && compare(d, top[keep - 1]!) >= 0) continue;
    let at = top.length === keep ? keep - 1 : top.length;
    while (at > 0 && compare(d, top[at - 1]!) < 0) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = d;
  }
  return top;
}
