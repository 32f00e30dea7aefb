// Reading a reply as the person sees it: the text of a message payload (content, embeds, fields,
// components), Discord's markdown escapes removed, and the checks every reply must pass.

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Discord hides a backslash before punctuation: what the reader sees. */
export function asSeen(markdown: string): string {
  return markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

/** Every text a message shows, in reading order: content, then each embed's title, description, fields and footer, then component labels. */
export function messageTexts(data: Payload | undefined): string[] {
  if (!data) return [];
  const texts: string[] = [];
  if (data.content) texts.push(String(data.content));
  for (const embed of data.embeds ?? []) {
    for (const part of [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f: Payload) => [f.name, f.value]), embed.footer?.text]) {
      if (part) texts.push(String(part));
    }
  }
  for (const row of data.components ?? []) {
    for (const component of row.components ?? []) {
      if (component.label) texts.push(String(component.label));
      for (const option of component.options ?? []) texts.push([option.label, option.description].filter(Boolean).join(' '));
    }
  }
  return texts;
}

/** The sentences of a text: split at a full stop, question or exclamation mark followed by a space, and at line breaks. */
export function sentencesOf(text: string): string[] {
  return asSeen(text)
    .replace(/[*_`|~]/g, '')
    .split(/\n+|(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u)
    .map((s) => s.replace(/^>\s*/, '').replace(/^[•\-\s]+/, '').replace(/…$/, '').trim())
    .filter(Boolean);
}

/** Sentences of 40 characters or more that a message shows more than once (the same words, case and spacing aside). */
export function repeatedLongSentences(data: Payload | undefined, min = 40): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const sentence of messageTexts(data).flatMap(sentencesOf)) {
    if (sentence.length < min) continue;
    const key = sentence.toLowerCase().replace(/\s+/g, ' ').replace(/[.,;:!?"“”‘’]+$/u, '');
    if (seen.has(key)) repeated.push(sentence);
    else seen.add(key);
  }
  return repeated;
}

/** The message payload a recorded request carries: an interaction callback's data, or a message/webhook body. */
export function messageOf(request: { method: string; path: string; body: Payload }): Payload | undefined {
  if (request.method !== 'POST' && request.method !== 'PATCH') return undefined;
  if (/\/interactions\/\d+\/[^/]+\/callback$/.test(request.path)) return request.body?.data;
  if (/^\/channels\/\d+\/messages$/.test(request.path) || /^\/webhooks\//.test(request.path)) return request.body;
  return undefined;
}
