// Process-level safety for a long-running bot: a stray rejected promise is logged, never fatal;
// SIGINT and SIGTERM close the gateway connection cleanly before exiting.
import type { Logger } from './logger.js';

export interface ProcessGuardOptions {
  logger: Logger;
  /** Closes what the process holds (the Discord client). */
  shutdown: () => Promise<void>;
  /** For tests: the process to guard and how it exits. */
  target?: NodeJS.Process;
  exit?: (code: number) => void;
}

/** Install the handlers; returns a function that removes them. */
export function installProcessGuards(options: ProcessGuardOptions): () => void {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { logger } = options;
  let stopping = false;

  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection (ignored, still serving)');
  const onException = (error: Error) => {
    // After an uncaught exception the process state is unknown: log it and leave cleanly.
    logger.fatal({ err: error }, 'uncaught exception: shutting down');
    void stop('uncaughtException', 1);
  };
  const onSignal = (signal: NodeJS.Signals) => void stop(signal, 0);

  async function stop(reason: string, code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    try {
      await options.shutdown();
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
      code = code || 1;
    }
    logger.flush?.();
    exit(code);
  }

  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  target.on('SIGINT', onSignal);
  target.on('SIGTERM', onSignal);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
    target.off('SIGINT', onSignal);
    target.off('SIGTERM', onSignal);
  };
}
