// What Discord itself would accept from a bot, checked with zod: the limits of messages, embeds,
// buttons and autocomplete choices (Discord's API reference), and allowed mentions that parse
// nothing. Reliability tests run every reply the bot sends through these checks.
import { z } from 'zod';
import { LIMITS } from '../../bot/discord-text.js';

/** A mention that would render as a ping (a blue pill), were it not escaped. */
export const PINGABLE_MENTION = /@(everyone|here)|<@[!&]?\d+>/;

const text = (min: number, max: number) => z.string().min(min).max(max);

const embedSchema = z
  .looseObject({
    title: text(0, LIMITS.embedTitle).optional(),
    description: text(1, LIMITS.embedDescription).optional(),
    url: z.string().optional(),
    footer: z.looseObject({ text: text(1, LIMITS.embedFooter) }).optional(),
    author: z.looseObject({ name: text(1, 256) }).optional(),
    fields: z.array(z.looseObject({ name: text(1, LIMITS.embedFieldName), value: text(1, LIMITS.embedFieldValue) })).max(LIMITS.embedFields).optional(),
  })
  .refine(
    (e) =>
      (e.title?.length ?? 0) +
        (e.description?.length ?? 0) +
        (e.footer?.text.length ?? 0) +
        (e.author?.name.length ?? 0) +
        (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) <=
      LIMITS.embedTotal,
    `an embed holds at most ${LIMITS.embedTotal} characters in all`,
  );

const buttonSchema = z.looseObject({
  type: z.literal(2),
  label: text(1, LIMITS.buttonLabel).optional(),
  custom_id: text(1, LIMITS.customId).optional(),
});

/** A string select menu (Discord's limits: 25 options, each label, value and description at most 100 characters). */
const selectSchema = z.looseObject({
  type: z.literal(3),
  custom_id: text(1, LIMITS.customId),
  placeholder: text(0, 150).optional(),
  options: z
    .array(z.looseObject({ label: text(1, 100), value: text(1, 100), description: text(0, 100).optional() }))
    .min(1)
    .max(25),
});

/** A row holds up to five buttons, or one select menu alone. */
const actionRowSchema = z.union([
  z.looseObject({ type: z.literal(1), components: z.array(buttonSchema).min(1).max(5) }),
  z.looseObject({ type: z.literal(1), components: z.tuple([selectSchema]) }),
]);

/** Allowed mentions that parse nothing and name no one. */
const noMentionsSchema = z.looseObject({
  parse: z.array(z.string()).length(0),
  users: z.array(z.string()).length(0).optional(),
  roles: z.array(z.string()).length(0).optional(),
  replied_user: z.literal(false).optional(),
});

/** A message the bot creates or edits: an interaction reply, a follow-up, a reply to a message. */
export const botMessageSchema = z
  .looseObject({
    content: text(0, LIMITS.content).optional(),
    embeds: z.array(embedSchema).max(10).optional(),
    components: z.array(actionRowSchema).max(5).optional(),
    allowed_mentions: noMentionsSchema,
  })
  .refine((m) => (m.content ?? '').trim().length > 0 || (m.embeds ?? []).length > 0, 'a message needs content or an embed');

/** A reply to a person's message must not ping them either. */
export const messageReplySchema = botMessageSchema.and(z.looseObject({ allowed_mentions: noMentionsSchema.extend({ replied_user: z.literal(false) }) }));

const choiceSchema = z.looseObject({ name: text(1, LIMITS.choiceName), value: z.union([text(1, LIMITS.choiceValue), z.number()]) });

/** The body of POST /interactions/:id/:token/callback. */
export const interactionCallbackSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal(4), data: botMessageSchema }),
  z.looseObject({ type: z.literal(5), data: z.looseObject({ flags: z.number().optional() }).optional() }),
  z.looseObject({ type: z.literal(7), data: botMessageSchema }),
  z.looseObject({ type: z.literal(8), data: z.looseObject({ choices: z.array(choiceSchema).max(LIMITS.choices) }) }),
]);

/** Everything a message shows, joined, to look for pingable mentions in it. */
export function visibleText(message: { content?: string; embeds?: Array<Record<string, any>> }): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  return [
    message.content ?? '',
    ...(message.embeds ?? []).flatMap((e) => [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f: { name: string; value: string }) => [f.name, f.value])]),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Why `body` is not something Discord would accept from Docent, or undefined when it is. */
export function problemsWith(schema: z.ZodType, body: unknown): string | undefined {
  const checked = schema.safeParse(body);
  if (!checked.success) return checked.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  const shown = typeof body === 'object' && body !== null ? ((body as { data?: unknown }).data ?? body) : body;
  const visible = visibleText(shown as Parameters<typeof visibleText>[0]);
  const ping = PINGABLE_MENTION.exec(visible);
  return ping ? `shows an unescaped mention "${ping[0]}"` : undefined;
}
