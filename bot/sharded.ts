// `npm run start:sharded`: discord.js's own ShardingManager runs bot/main.ts once per shard,
// each a child process given its shard ids through the environment. The shard count is
// TOTAL_SHARDS when set, else Discord's recommendation from GET /gateway/bot, asked at
// DISCORD_API_URL (discord.js's own "auto" would always ask discord.com).
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { loadConfig, type DocentConfig } from './config.js';
import { createLogger, scrubSecrets, tokenSecrets } from './logger.js';

function fail(reason: string): never {
  process.stderr.write(`docent: ${scrubSecrets(reason, tokenSecrets(process.env.DISCORD_TOKEN))}\n`);
  process.exit(1);
}

async function recommendedShards(config: DocentConfig): Promise<number> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

let config: DocentConfig;
try {
  config = loadConfig('bot');
} catch (error) {
  fail((error as Error).message);
}
const logger = createLogger({ level: config.logLevel, secrets: tokenSecrets(config.token) });

let totalShards: number;
try {
  totalShards = config.totalShards ?? (await recommendedShards(config));
} catch (error) {
  fail(`could not ask Discord how many shards to run: ${(error as Error).message}`);
}

const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
  token: config.token,
  totalShards,
  // The shards run TypeScript directly, as `npm start` does (tsx resolved here, whatever the working directory).
  execArgv: ['--import', import.meta.resolve('tsx')],
});
let stopping = false;
manager.on('shardCreate', (shard) => {
  logger.info({ shard: shard.id, totalShards }, 'shard started');
  // While running, a shard's death is an error (the manager respawns it); while stopping, it is the plan.
  shard.on('death', () => (stopping ? logger.info({ shard: shard.id }, 'shard stopped') : logger.error({ shard: shard.id }, 'shard process exited')));
});

const stop = () => {
  stopping = true;
  for (const shard of manager.shards.values()) shard.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  await manager.spawn();
} catch (error) {
  fail(`could not start the shards: ${(error as Error).message}`);
}
