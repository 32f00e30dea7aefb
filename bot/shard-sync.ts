// Spreading a data change to every shard. Under the ShardingManager each shard is its own process
// with its own LibraryHolder over the same DATA_DIR: after a refresh, the shard that made it asks
// every shard (discord.js broadcastEval) to reload what changed on disk, and counts who did. Every
// shard also polls the folder's change log (LibraryHolder.watch), so a shard the broadcast missed,
// or a change the operator made with `npm run data`, is still picked up within seconds.
import type { Client } from 'discord.js';

/** What one shard process says after following a change. */
export interface ShardReport {
  shards: number[];
  ok: boolean;
  /** The holder's generation after following, or why it could not. */
  generation?: number;
  reason?: string;
}

/** How far a change reached. */
export interface ShardReach {
  took: number;
  of: number;
  /** Why some shards did not take it, when known. */
  problems: string[];
}

// broadcastEval runs a function's source text in each shard process: it cannot close over
// anything, so the shard's follower is found by a registered global symbol.
const FOLLOWER_KEY = 'docent.followDataChange';

type Follower = () => Promise<ShardReport>;

const DEFAULT_SPREAD_TIMEOUT_MS = 5000;

/** Make this process's follower reachable from broadcastEval. Returns a function that removes it. */
export function installShardFollower(follow: Follower): () => void {
  const slot = globalThis as unknown as Record<symbol, Follower | undefined>;
  const key = Symbol.for(FOLLOWER_KEY);
  slot[key] = follow;
  return () => {
    if (slot[key] === follow) delete slot[key];
  };
}

/**
 * Ask every shard to follow the change just made, and count those now serving it. Without a
 * ShardingManager, every shard of this client shares this process's holder, which already has it.
 */
export async function spreadDataChange(client: Client, timeoutMs = DEFAULT_SPREAD_TIMEOUT_MS): Promise<ShardReach> {
  const local = Math.max(1, client.ws.shards.size);
  if (!client.shard) return { took: local, of: local, problems: [] };
  const of = client.shard.count;
  let reports: ShardReport[];
  let timer: NodeJS.Timeout | undefined;
  try {
    const broadcast = client.shard.broadcastEval(
      (_client, key: string) => {
        const follow = (globalThis as unknown as Record<symbol, Follower | undefined>)[Symbol.for(key)];
        return follow ? follow() : { shards: [], ok: false, reason: 'this shard is not serving data yet' };
      },
      { context: FOLLOWER_KEY },
    ) as Promise<ShardReport[]>;
    broadcast.catch(() => undefined); // answered late or never: already reported below
    // A hung shard must not hold the moderator's reply: it follows by its watch anyway.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    reports = await Promise.race([broadcast, late]);
  } catch (error) {
    return { took: 1, of, problems: [`the other shards could not be reached (${(error as Error).message})`] };
  } finally {
    clearTimeout(timer);
  }
  const took = reports.filter((r) => r.ok).reduce((sum, r) => sum + Math.max(1, r.shards.length), 0);
  const problems = reports.filter((r) => !r.ok).map((r) => `shard ${r.shards.join(', ') || '?'}: ${r.reason ?? 'unknown problem'}`);
  return { took, of, problems };
}
