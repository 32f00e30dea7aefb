// A fake Discord on 127.0.0.1 for end-to-end tests and the benchmark: the REST API over HTTP and
// the gateway over WebSocket (`ws`), enough of both for discord.js 14 to log in, receive
// interactions and messages, reply, resume after a dropped connection, and register commands.
// Every REST request is recorded; faults can be injected with `intercept`.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, WebSocket } from 'ws';

const DISCORD_EPOCH = 1420070400000n;
/** Every permission bit a member could hold, as Discord writes permissions: a decimal string. */
export const ALL_PERMISSIONS = '2251799813685247';

export interface FakeChannel {
  id: string;
  name: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export interface FakeDiscordOptions {
  /** When set, REST requests and gateway identifies with another token are refused (401 / close 4004). */
  token?: string;
  /** Shards Discord recommends in GET /gateway/bot. */
  recommendedShards?: number;
  /** Guilds the bot is in; one guild with one text channel by default. */
  guilds?: FakeGuild[];
  heartbeatIntervalMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text for other bodies (multipart). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** performance.now() when the request had been read. */
  at: number;
  /** performance.now() when the client gave up on a request the fake never answered ('hang'). */
  abandonedAt?: number;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow Discord). */
  delayMs?: number;
}

/** Return a response to answer a request yourself, 'hang' never to answer it, undefined to let the fake answer. */
export type Interceptor = (request: RecordedRequest) => FakeResponse | 'hang' | undefined;

/** The callback Discord received for an interaction, with the time from dispatch to its arrival. */
export interface InteractionCallback extends RecordedRequest {
  latencyMs: number;
}

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface GatewaySession {
  id: string;
  shard: [number, number];
  seq: number;
  socket: WebSocket | undefined;
  /** Dispatches sent in this session, for a resume to replay what was missed. */
  backlog: Array<{ s: number; text: string }>;
}

interface RequestWaiter {
  predicate: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

export interface InteractionOptions {
  /** Who interacts; a fresh member of the default guild by default. */
  user?: FakeUser;
  /** The guild it happens in; null for a DM. */
  guild?: FakeGuild | null;
  channelId?: string;
  /** The member's permissions in the guild (decimal string). */
  permissions?: string;
  roles?: string[];
}

export type OptionValue = string | number | boolean;

export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly guilds: FakeGuild[];
  /** Every REST request received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Messages the bot created, by id (channel posts, interaction replies and follow-ups). */
  readonly messages = new Map<string, Payload>();
  /** Commands registered through PUT, by `global` or guild id. */
  readonly registeredCommands = new Map<string, Payload[]>();
  /** How many IDENTIFY and RESUME the gateway accepted, and how many connections were opened (a reconnect loop shows here). */
  readonly gatewayStats = { identifies: 0, resumes: 0, connections: 0 };

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly options: FakeDiscordOptions;
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly interceptors: Interceptor[] = [];
  private readonly waiters = new Set<RequestWaiter>();
  private readonly callbackWaiters = new Map<string, { resolve: (cb: InteractionCallback) => void; sentAt: number }>();
  private readonly originals = new Map<string, string>();
  private readonly files = new Map<string, { bytes: Buffer; contentType: string }>();
  private readonly readyWaiters: Array<() => void> = [];
  private snowflakeCounter = 0n;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.options = options;
    this.applicationId = this.snowflake();
    this.botUser = { id: this.applicationId, username: 'Docent', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.guilds = options.guilds ?? [{ id: this.snowflake(), name: 'Test Server', channels: [{ id: this.snowflake(), name: 'general' }] }];
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL for the client's `rest.api` (and DISCORD_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get defaultGuild(): FakeGuild {
    return this.guilds[0]!;
  }

  get defaultChannelId(): string {
    return this.defaultGuild.channels[0]!.id;
  }

  /** A new snowflake id, increasing like Discord's. */
  snowflake(): string {
    this.snowflakeCounter++;
    const time = BigInt(Date.now()) - DISCORD_EPOCH;
    return ((time << 22n) | (this.snowflakeCounter & 0x3fffffn)).toString();
  }

  user(name = 'reader'): FakeUser {
    return { id: this.snowflake(), username: name, global_name: name, discriminator: '0', avatar: null };
  }

  /** Serve a file over HTTP (an "attachment"); returns its URL. */
  serveFile(name: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8'): string {
    const path = `/attachments/${this.snowflake()}/${encodeURIComponent(name)}`;
    this.files.set(path, { bytes: Buffer.isBuffer(content) ? content : Buffer.from(content), contentType });
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Answer some requests yourself (faults, slowness). Returns a function that removes the interceptor. */
  intercept(interceptor: Interceptor): () => void {
    this.interceptors.push(interceptor);
    return () => {
      const at = this.interceptors.indexOf(interceptor);
      if (at >= 0) this.interceptors.splice(at, 1);
    };
  }

  /** The first request (already received or still to come) that matches. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000, fromIndex = 0): Promise<RecordedRequest> {
    for (let i = fromIndex; i < this.requests.length; i++) if (predicate(this.requests[i]!)) return Promise.resolve(this.requests[i]!);
    return new Promise((resolve, reject) => {
      const waiter: RequestWaiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Forget recorded requests and messages (long runs: the fake's memory should not count against the bot's). */
  clearRecords(): void {
    this.requests.length = 0;
    this.messages.clear();
    this.originals.clear();
  }

  /** Requests received since `fromIndex` that match. */
  requestsMatching(predicate: (request: RecordedRequest) => boolean, fromIndex = 0): RecordedRequest[] {
    return this.requests.slice(fromIndex).filter(predicate);
  }

  // ---- payloads -------------------------------------------------------------------------------

  private member(user: FakeUser, options: InteractionOptions): Payload {
    return {
      user,
      roles: options.roles ?? [],
      permissions: options.permissions ?? '0',
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      pending: false,
      premium_since: null,
      communication_disabled_until: null,
    };
  }

  private interactionBase(type: number, data: Payload, options: InteractionOptions): Payload {
    const user = options.user ?? this.user();
    const guild = options.guild === undefined ? this.defaultGuild : options.guild;
    const base: Payload = {
      id: this.snowflake(),
      application_id: this.applicationId,
      type,
      data,
      token: `itok-${this.snowflake()}`,
      version: 1,
      app_permissions: ALL_PERMISSIONS,
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 10485760,
    };
    if (guild) {
      const channelId = options.channelId ?? guild.channels[0]!.id;
      base.guild_id = guild.id;
      base.guild_locale = 'en-US';
      base.channel_id = channelId;
      base.channel = { id: channelId, type: 0, guild_id: guild.id, name: guild.channels.find((c) => c.id === channelId)?.name ?? 'channel' };
      base.member = this.member(user, options);
      base.authorizing_integration_owners = { '0': guild.id };
      base.context = 0;
    } else {
      const channelId = options.channelId ?? this.dmChannelId(user);
      base.channel_id = channelId;
      base.channel = { id: channelId, type: 1, recipients: [user], last_message_id: null, flags: 0 };
      base.user = user;
      base.authorizing_integration_owners = { '1': user.id };
      base.context = 1;
    }
    return base;
  }

  private readonly dmChannels = new Map<string, string>();

  /** The DM channel between the bot and `user` (made on first use, as Discord does). */
  dmChannelId(user: FakeUser): string {
    let id = this.dmChannels.get(user.id);
    if (!id) this.dmChannels.set(user.id, (id = this.snowflake()));
    return id;
  }

  private static commandOptions(options: Record<string, OptionValue | undefined>, focused?: string): Payload[] {
    return Object.entries(options)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ({
        name,
        type: typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : typeof value === 'boolean' ? 5 : 3,
        value,
        ...(name === focused ? { focused: true } : {}),
      }));
  }

  /** An application command interaction (a slash command) as Discord sends it. */
  slashCommand(name: string, options: Record<string, OptionValue | undefined> = {}, context: InteractionOptions = {}): Payload {
    return this.interactionBase(2, { id: this.snowflake(), name, type: 1, options: FakeDiscord.commandOptions(options) }, context);
  }

  /** An autocomplete interaction: `focused` is the option being typed. */
  autocomplete(name: string, options: Record<string, OptionValue | undefined>, focused: string, context: InteractionOptions = {}): Payload {
    return this.interactionBase(4, { id: this.snowflake(), name, type: 1, options: FakeDiscord.commandOptions(options, focused) }, context);
  }

  /** A click on a button with `customId`, on `message` (one the bot sent, by default a blank one). */
  buttonClick(customId: string, message?: Payload, context: InteractionOptions = {}): Payload {
    const payload = this.interactionBase(3, { custom_id: customId, component_type: 2 }, context);
    payload.message = message ?? this.messageObject(payload.channel_id, { content: '' }, this.botUser, payload.guild_id);
    return payload;
  }

  /** A pick in a string select menu with `customId`: `values` are the chosen options' values. */
  selectMenu(customId: string, values: string[], message?: Payload, context: InteractionOptions = {}): Payload {
    const payload = this.interactionBase(3, { custom_id: customId, component_type: 3, values }, context);
    payload.message = message ?? this.messageObject(payload.channel_id, { content: '' }, this.botUser, payload.guild_id);
    return payload;
  }

  /** A whole message object, as REST answers and MESSAGE_CREATE carry them. */
  messageObject(channelId: string, data: Payload, author: FakeUser, guildId?: string): Payload {
    const message: Payload = {
      id: this.snowflake(),
      channel_id: channelId,
      author,
      content: data.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: data.mentions ?? [],
      mention_roles: [],
      attachments: data.attachments ?? [],
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      pinned: false,
      type: data.message_reference ? 19 : 0,
      flags: data.flags ?? 0,
    };
    if (guildId) message.guild_id = guildId;
    if (data.message_reference) message.message_reference = { ...data.message_reference, channel_id: channelId };
    return message;
  }

  // ---- sending things to the bot --------------------------------------------------------------

  /** Dispatch an interaction and wait for the bot's callback to it. */
  interact(payload: Payload, timeoutMs = 5000): Promise<InteractionCallback> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callbackWaiters.delete(payload.id);
        reject(new Error(`fake Discord: no callback for interaction ${payload.data?.name ?? payload.data?.custom_id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.callbackWaiters.set(payload.id, {
        sentAt: performance.now(),
        resolve: (callback) => {
          clearTimeout(timer);
          resolve(callback);
        },
      });
      this.dispatch('INTERACTION_CREATE', payload, this.shardFor(payload.guild_id));
    });
  }

  /** A person posts `content`; `mentionBot` adds the bot to the mentions (as Discord does for `<@id>`). Returns the message. */
  postMessage(content: string, options: InteractionOptions & { mentionBot?: boolean; author?: FakeUser } = {}): Payload {
    const author = options.author ?? options.user ?? this.user();
    const guild = options.guild === undefined ? this.defaultGuild : options.guild;
    const channelId = options.channelId ?? (guild ? guild.channels[0]!.id : this.dmChannelId(author));
    const mentions = options.mentionBot ? [this.botUser] : [];
    const message = this.messageObject(channelId, { content, mentions }, author, guild?.id);
    if (guild) message.member = { roles: options.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
    else message.channel_type = 1;
    this.dispatch('MESSAGE_CREATE', message, this.shardFor(guild?.id));
    return message;
  }

  /** The bot's reply to a message (POST /channels/:id/messages referencing it). */
  waitForReplyTo(message: Payload, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${message.channel_id}/messages` && r.body?.message_reference?.message_id === message.id,
      timeoutMs,
    );
  }

  repliesTo(message: Payload): RecordedRequest[] {
    return this.requestsMatching(
      (r) => r.method === 'POST' && r.path === `/channels/${message.channel_id}/messages` && r.body?.message_reference?.message_id === message.id,
    );
  }

  // ---- gateway --------------------------------------------------------------------------------

  /** Which shard a guild's events go to (DMs go to shard 0), as Discord computes it. */
  shardFor(guildId: string | undefined): number {
    const count = this.shardCount();
    if (!guildId || count <= 1) return 0;
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  private shardCount(): number {
    for (const session of this.sessions.values()) return session.shard[1];
    return 1;
  }

  /** Live sessions (one per connected shard). */
  get connectedShards(): number[] {
    return [...this.sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN).map((s) => s.shard[0]);
  }

  /** Resolves once `count` shards are identified and have their guilds. */
  waitForShards(count = 1, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.connectedShards.length >= count) {
          clearTimeout(timer);
          resolve();
        } else this.readyWaiters.push(check);
      };
      const timer = setTimeout(() => reject(new Error(`fake Discord: ${count} shard(s) not connected within ${timeoutMs} ms`)), timeoutMs);
      check();
    });
  }

  /** Send a dispatch event to a shard's session; kept in its backlog so a resume replays it. */
  dispatch(event: string, data: Payload, shard = 0): void {
    const session = [...this.sessions.values()].reverse().find((s) => s.shard[0] === shard);
    if (!session) throw new Error(`fake Discord: no gateway session for shard ${shard}`);
    this.sendDispatch(session, event, data);
  }

  private sendDispatch(session: GatewaySession, event: string, data: Payload): void {
    const s = ++session.seq;
    const text = JSON.stringify({ op: 0, t: event, s, d: data });
    session.backlog.push({ s, text });
    if (session.backlog.length > 2000) session.backlog.splice(0, session.backlog.length - 2000);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(text);
  }

  /** Close every gateway connection with `code` (4000: unknown error, resumable; 4004: bad token). Sessions stay resumable. */
  closeGateway(code: number, reason = 'closed by the fake'): void {
    for (const session of this.sessions.values()) {
      const socket = session.socket;
      session.socket = undefined;
      socket?.close(code, reason);
    }
  }

  /** Drop every gateway connection without a close frame: the client sees 1006. */
  dropGateway(): void {
    for (const session of this.sessions.values()) {
      const socket = session.socket;
      session.socket = undefined;
      socket?.terminate();
    }
  }

  private onGatewayConnection(ws: WebSocket): void {
    this.gatewayStats.connections++;
    const send = (payload: Payload) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } });
    ws.on('message', (raw) => {
      let payload: Payload;
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        ws.close(4002, 'decode error');
        return;
      }
      switch (payload.op) {
        case 1:
          send({ op: 11 });
          break;
        case 2:
          this.onIdentify(ws, payload.d);
          break;
        case 6:
          this.onResume(ws, payload.d);
          break;
        default:
          break; // presence updates, member requests: nothing to do
      }
    });
  }

  private onIdentify(ws: WebSocket, d: Payload): void {
    if (this.options.token && d.token !== this.options.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    this.gatewayStats.identifies++;
    const shard: [number, number] = Array.isArray(d.shard) ? [d.shard[0], d.shard[1]] : [0, 1];
    // A new identify for the same shard replaces its old session.
    for (const [id, s] of this.sessions) if (s.shard[0] === shard[0]) this.sessions.delete(id);
    const session: GatewaySession = { id: `session-${this.snowflake()}`, shard, seq: 0, socket: ws, backlog: [] };
    this.sessions.set(session.id, session);
    ws.on('close', () => {
      if (session.socket === ws) session.socket = undefined;
    });
    const guilds = this.guilds.filter((g) => shard[1] <= 1 || Number((BigInt(g.id) >> 22n) % BigInt(shard[1])) === shard[0]);
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: this.botUser,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
    });
    for (const guild of guilds) this.sendDispatch(session, 'GUILD_CREATE', this.guildPayload(guild));
    for (const waiter of this.readyWaiters.splice(0)) waiter();
  }

  private onResume(ws: WebSocket, d: Payload): void {
    const session = this.sessions.get(d.session_id);
    if (!session || (this.options.token && d.token !== this.options.token)) {
      ws.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    this.gatewayStats.resumes++;
    session.socket = ws;
    ws.on('close', () => {
      if (session.socket === ws) session.socket = undefined;
    });
    for (const event of session.backlog) if (event.s > d.seq) ws.send(event.text);
    this.sendDispatch(session, 'RESUMED', {});
    for (const waiter of this.readyWaiters.splice(0)) waiter();
  }

  private guildPayload(guild: FakeGuild): Payload {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        { id: guild.id, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      channels: guild.channels.map((c, position) => ({
        id: c.id,
        type: 0,
        name: c.name,
        guild_id: guild.id,
        position,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      })),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---- REST -----------------------------------------------------------------------------------

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    const file = this.files.get(url.pathname);
    if (file && req.method === 'GET') {
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
      res.end(file.bytes);
      return;
    }

    const match = /^\/api(?:\/v\d+)?(\/.*)$/.exec(url.pathname);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: match ? match[1]!.split('/').map(safeDecode).join('/') : url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      at: performance.now(),
    };
    this.requests.push(request);
    for (const waiter of this.waiters) {
      if (waiter.predicate(request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }

    let response: FakeResponse | 'hang' | undefined;
    for (const interceptor of this.interceptors) {
      response = interceptor(request);
      if (response) break;
    }
    if (response === 'hang') {
      res.on('close', () => (request.abandonedAt = performance.now()));
      return;
    }
    if (!response && this.options.token && req.headers.authorization !== `Bot ${this.options.token}` && !request.path.startsWith('/webhooks/') && !request.path.startsWith('/interactions/')) {
      response = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }
    response ??= this.route(request);
    // The interaction callback counts as arrived once answered, as Discord sees it.
    if (response.status < 300) this.noteCallback(request);
    if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
    const text = response.body === undefined ? '' : JSON.stringify(response.body);
    res.writeHead(response.status, {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...response.headers,
    });
    res.end(text);
  }

  private noteCallback(request: RecordedRequest): void {
    const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
    if (!m || request.method !== 'POST') return;
    const waiter = this.callbackWaiters.get(m[1]!);
    if (!waiter) return;
    this.callbackWaiters.delete(m[1]!);
    waiter.resolve({ ...request, latencyMs: request.at - waiter.sentAt });
  }

  /** What the fake answers to a request by itself (for interceptors that only bypass a check). */
  defaultResponse(request: RecordedRequest): FakeResponse {
    return this.route(request);
  }

  private route(request: RecordedRequest): FakeResponse {
    const { method, path, body } = request;
    const ok = (b: unknown) => ({ status: 200, body: b });
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return ok({
        url: this.gatewayUrl,
        shards: this.options.recommendedShards ?? 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
      });
    }
    if (method === 'GET' && path === '/gateway') return ok({ url: this.gatewayUrl });
    if (method === 'GET' && path === '/users/@me') return ok(this.botUser);
    if (method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      return ok({ id: this.applicationId, name: 'Docent', icon: null, description: '', bot_public: true, bot_require_code_grant: false, flags: 0, owner: this.user('owner') });
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      const [, id, token] = m as unknown as [string, string, string];
      let message: Payload | undefined;
      if (body?.type === 4 || body?.type === 5) {
        message = this.messageObject(this.snowflake(), body.data ?? {}, this.botUser);
        this.messages.set(message.id, message);
        this.originals.set(token, message.id);
      }
      if (request.query.get('with_response') === 'true') {
        return ok({ interaction: { id, type: 2 }, resource: message ? { type: body.type, message } : { type: body?.type } });
      }
      return { status: 204 };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path))) {
      const [, , token, which] = m as unknown as [string, string, string, string];
      const id = which === '@original' ? this.originals.get(token) : which;
      const existing = id ? this.messages.get(id) : undefined;
      if (!existing) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (method === 'DELETE') {
        this.messages.delete(existing.id);
        return { status: 204 };
      }
      if (method === 'PATCH') Object.assign(existing, body ?? {}, { edited_timestamp: new Date().toISOString() });
      return ok(existing);
    }
    if (/^\/webhooks\/\d+\/[^/]+$/.test(path) && method === 'POST') {
      const message = this.messageObject(this.snowflake(), body ?? {}, this.botUser);
      this.messages.set(message.id, message);
      return ok(message);
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const channelId = m[1]!;
      const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
      const message = this.messageObject(channelId, typeof body === 'object' && body ? (body as Payload) : {}, this.botUser, guild?.id);
      this.messages.set(message.id, message);
      return ok(message);
    }
    if (/^\/channels\/\d+\/typing$/.test(path) && method === 'POST') return { status: 204 };
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient: FakeUser = { id: String(body?.recipient_id), username: 'reader', discriminator: '0', avatar: null };
      return ok({ id: this.dmChannelId(recipient), type: 1, recipients: [recipient], last_message_id: null, flags: 0 });
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const [, appId, guildId] = m as unknown as [string, string, string | undefined];
      const key = guildId ?? 'global';
      if (method === 'PUT') {
        const list = (Array.isArray(body) ? body : []).map((c: Payload) => ({
          ...c,
          id: this.snowflake(),
          application_id: appId,
          ...(guildId ? { guild_id: guildId } : {}),
          version: this.snowflake(),
          type: c.type ?? 1,
          default_member_permissions: c.default_member_permissions ?? null,
        }));
        this.registeredCommands.set(key, list);
        return ok(list);
      }
      if (method === 'GET') return ok(this.registeredCommands.get(key) ?? []);
    }
    return { status: 404, body: { message: `404: Not Found (${method} ${path})`, code: 0 } };
  }

  async stop(): Promise<void> {
    this.callbackWaiters.clear();
    this.waiters.clear();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
