// Direct quotes and who said them: "X said", "said X", "according to X", a quote split around
// its attribution, "she added" resolved to the right person, "the official said" resolved to the
// unnamed official introduced earlier, and a quote that continues the previous speaker.
import type { Article, Paragraph } from '../types.js';
import type { Person, Quote } from '../search/article-index.js';
import { SPEECH_VERBS } from '../text/lexicon.js';
import { resolvePronoun, type PeopleFacts, type PersonMention } from './people.js';

interface RawQuote {
  start: number;
  end: number;
  text: string;
}

interface Speaker {
  display: string;
  personId?: string | undefined;
}

const VERBS = [...SPEECH_VERBS].join('|');
const AFTER_SUBJECT_VERB = new RegExp(`^[\\s,]*([^".;!?]{1,140}?)\\s+(?:also\\s+|later\\s+)?(?:${VERBS})\\b`, 'i');
const AFTER_VERB_SUBJECT = new RegExp(`^[\\s,]*(?:${VERBS})\\s+([^".;!?]{1,140}?)(?=[,.;!?]|$)`, 'i');
const ACCORDING_TO = /according to\s+(?:(?:written |a |an |the )?(?:evidence|testimony|statement|letter|email|post|filing|report|documents?)\s+(?:from|by|of)\s+)?([^".;,]{1,100})(?=[,.;]|$)/i;
/** "He called the result "a warning shot"": verbs that put a label in quotes, said before the quote only. */
const LABELLING_VERBS = 'called|calls|described|describes|branded|brands|dubbed|dubs|termed|terms';
const SUBJECT_BEFORE_VERB = new RegExp(`([^".;]{1,160})\\s+(?:also\\s+|later\\s+|had\\s+|has\\s+)?(?:${VERBS}|${LABELLING_VERBS})\\b[^"]*$`, 'i');
/** What SUBJECT_BEFORE_VERB cannot match without, found in one pass: most text before a quote has no verb of speech. */
const SPEECH_VERB_AFTER_SPACE = new RegExp(`\\s(?:${VERBS}|${LABELLING_VERBS})\\b`, 'i');

function findQuoteSpans(text: string): RawQuote[] {
  const spans: RawQuote[] = [];
  const marks = [...text.matchAll(/"/g)].map((m) => m.index);
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const start = marks[i]!;
    const end = marks[i + 1]! + 1;
    const inner = text.slice(start + 1, end - 1).trim();
    if (inner) spans.push({ start, end, text: inner });
  }
  if (marks.length % 2 === 1) {
    // A quote left open runs to the end of the paragraph (the next paragraph usually continues it).
    const start = marks[marks.length - 1]!;
    const inner = text.slice(start + 1).trim();
    if (inner) spans.push({ start, end: text.length, text: inner });
  }
  return spans;
}

function sentenceAt(paragraph: Paragraph, offset: number): number {
  for (const s of paragraph.sentences) if (offset < s.end + 1) return s.index;
  return paragraph.sentences[paragraph.sentences.length - 1]!.index;
}

export function extractQuotes(article: Article, facts: PeopleFacts): Quote[] {
  const quotes: Quote[] = [];
  const byId = new Map(facts.people.map((p) => [p.id, p]));
  // The mentions by name of each sentence, in reading order.
  const namedIn = new Map<number, PersonMention[]>();
  for (const m of facts.mentions) {
    if (m.pronoun) continue;
    let list = namedIn.get(m.sentence);
    if (!list) namedIn.set(m.sentence, (list = []));
    list.push(m);
  }

  /** Who the words at [from, to) of a paragraph name: a person mentioned there, a pronoun, or a description. */
  const resolveSpeaker = (paragraph: Paragraph, from: number, to: number, phrase: string): Speaker | undefined => {
    const cleaned = phrase.replace(/^(?:and|but|so|as)\s+/i, '').trim();
    const sentence = sentenceAt(paragraph, from);
    const sentenceStart = article.sentences[sentence]!.start;
    if (!/\b(?:did|does|not|never|however|would|could|if|whether)\b/i.test(cleaned)) {
      for (const m of namedIn.get(sentence) ?? []) {
        const at = sentenceStart + m.start;
        if (at >= from && at < to) return { display: byId.get(m.personId)?.name ?? cleaned, personId: m.personId };
      }
    }
    if (!plausibleSpeaker(cleaned)) return undefined;
    const pronoun = /^(he|she)\b/i.exec(cleaned);
    if (pronoun) {
      const id = resolvePronoun(facts.mentions, facts.genders, sentence, from - sentenceStart, pronoun[1]!.toLowerCase() === 'she' ? 'female' : 'male');
      return id ? { display: byId.get(id)?.name ?? cleaned, personId: id } : undefined;
    }
    if (/^(?:they|we|i|you)$/i.test(cleaned)) return undefined;
    const definite = /^the\s+([a-z'-][a-z' -]*| )$/i.exec(cleaned);
    if (definite) {
      const head = definite[1]!.trim().split(/\s+/).pop()!.toLowerCase();
      const actor = [...facts.unnamed].reverse().find((u) => u.sentence <= sentence && u.head === head);
      if (actor) return { display: actor.phrase.replace(/^./, (c) => c.toUpperCase()) };
      const person = personByRole(facts.people, head);
      if (person) return { display: person.name, personId: person.id };
    }
    const words = cleaned.split(/\s+/);
    if (words.length > 8) return undefined;
    return { display: cutAtCommaOfLastLine(cleaned) };
  };

  for (const paragraph of article.paragraphs) {
    const text = paragraph.text;
    const accordingAt = [...text.matchAll(/according to/gi)].map((m) => m.index);
    const spans = findQuoteSpans(text);
    let previous: Speaker | undefined;
    let merged: { quote: Quote; openEnd: number } | undefined;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      const nextStart = spans[i + 1]?.start ?? text.length;
      let speaker: Speaker | undefined;

      // After the quote: '," the official said.' / '," said Kari Haugen, 67, …' / '," she added.'
      const tail = maskAbbreviations(text.slice(span.end, nextStart));
      const tailSentence = /^[^.!?]*[.!?]?/.exec(tail)?.[0] ?? '';
      const quoteEndsOpen = /[,!?—-]$/.test(span.text) || /^\s*,/.test(tail) || /^\s+[a-z]/.test(tail);
      if (quoteEndsOpen && tailSentence.trim()) {
        const a = AFTER_VERB_SUBJECT.exec(tailSentence);
        const b = AFTER_SUBJECT_VERB.exec(tailSentence);
        const acc = ACCORDING_TO.exec(tailSentence);
        if (a) speaker = resolveSpeaker(paragraph, span.end + tailSentence.indexOf(a[1]!), span.end + tailSentence.indexOf(a[1]!) + a[1]!.length, a[1]!);
        else if (b) speaker = resolveSpeaker(paragraph, span.end + tailSentence.indexOf(b[1]!), span.end + tailSentence.indexOf(b[1]!) + b[1]!.length, b[1]!);
        else if (acc) speaker = resolveSpeaker(paragraph, span.end + tailSentence.indexOf(acc[1]!), span.end + tailSentence.indexOf(acc[1]!) + acc[1]!.length, acc[1]!);
      }

      // Before the quote, in the same sentence: 'According to Lyle, investigators "…"' / 'Nauert said … "…"'.
      if (!speaker) {
        const sentence = article.sentences[sentenceAt(paragraph, span.start)]!;
        // Each expression starts reading where its match can first begin, not at the sentence's
        // start: with many quotes in one long sentence, re-reading the whole sentence before each
        // quote made extraction quadratic (issue 10). 'according to' cannot match before its
        // first occurrence, and a subject-and-verb match holds no quote mark, so it starts after
        // the last one. The matches are the same.
        const accStart = accordingAt.find((at) => at >= sentence.start) ?? span.start;
        const acc = accStart < span.start ? ACCORDING_TO.exec(maskAbbreviations(text.slice(accStart, span.start))) : null;
        const svStart = Math.max(sentence.start, text.lastIndexOf('"', span.start - 1) + 1);
        const before = acc ? '' : maskAbbreviations(text.slice(svStart, span.start));
        // A speaker before the quote needs a verb of speech there: tested first, cheaply.
        const sv = acc || !SPEECH_VERB_AFTER_SPACE.test(before) ? null : SUBJECT_BEFORE_VERB.exec(before);
        if (acc) speaker = resolveSpeaker(paragraph, accStart + acc.index + acc[0].length - acc[1]!.length, accStart + acc.index + acc[0].length, acc[1]!);
        else if (sv) {
          const subject = lastNounPhrase(sv[1]!);
          const at = svStart + sv.index + sv[1]!.length - subject.length;
          speaker = resolveSpeaker(paragraph, at, at + subject.length, subject);
        }
      }

      // A quote right after an attributed one, with no attribution of its own, continues the same speaker.
      const between = text.slice(spans[i - 1]?.end ?? 0, span.start);
      const continues = i > 0 && previous !== undefined && between.length < 160 && !/"/.test(between);
      if (!speaker && continues) speaker = previous;
      const sameSpeaker = speaker !== undefined && previous !== undefined && speaker.display === previous.display;

      const sentenceIndex = sentenceAt(paragraph, span.start);
      // '"We respect the jury," Lyle said, "but we believe …"': one quote, split around its attribution.
      if (merged && continues && sameSpeaker && /^[a-z]/.test(span.text) && span.start - merged.openEnd < 60) {
        merged.quote.text = `${merged.quote.text.replace(/,$/, '')}, ${span.text}`;
        merged.openEnd = span.end;
        continue;
      }
      const quote: Quote = {
        text: span.text,
        speaker: speaker?.display ?? '',
        personId: speaker?.personId,
        sentence: sentenceIndex,
        paragraph: paragraph.number,
      };
      quotes.push(quote);
      merged = { quote, openEnd: span.end };
      if (speaker) previous = speaker;
    }
  }
  return quotes;
}

/** "Prof." and "Dr." end no sentence: hide their periods (same length, so offsets hold). */
function maskAbbreviations(text: string): string {
  return text.replace(/\b(Dr|Mr|Mrs|Ms|Prof|St|Sgt|Gen|Lt|Col|Capt|Gov|Sen|Rep|Rev|Jr|Sr|Det|Insp|Supt)\./g, '$1\u2024');
}

/** Could these words name who spoke? Not "however did not", not "it". */
function plausibleSpeaker(phrase: string): boolean {
  if (!phrase || /^(?:it|this|that|there|which|what)$/i.test(phrase)) return false;
  if (/\b(?:did|does|do|not|never|however|would|could|should|will|can|if|whether)\b/i.test(phrase)) return false;
  return /^\p{Lu}/iu.test(phrase) && /^(?:\p{Lu}|the |a |an |he|she|they|we|one |two |several |many |some )/u.test(phrase);
}

/** The noun phrase that ends a stretch of text: "Prosecutors said Whitfield" → "Whitfield". */
function lastNounPhrase(text: string): string {
  const clause = text.split(/,\s+(?:who|which|whose)\b[^,]*,?|[,;:]|\b(?:that|and|but|because|when|while|as|after|before)\b/i).pop() ?? text;
  const cleaned = clause.replace(/(?<!\s)(?:\s+(?:had|has|have|was|were|would|also|later|then|repeatedly|once|again)){1,8}\s*$/i, '').trim();
  return cleaned || text.trim();
}

function personByRole(people: Person[], head: string): Person | undefined {
  const found = people.filter((p) => p.roles.some((r) => new RegExp(`\\b${head}\\b`, 'i').test(r)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * `text` up to its first comma after the last line break: what `/,.*$/` removed, without
 * retrying from every comma of a long run.
 */
function cutAtCommaOfLastLine(text: string): string {
  const lineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029')) + 1;
  const comma = text.indexOf(',', lineStart);
  return comma < 0 ? text : text.slice(0, comma);
}
