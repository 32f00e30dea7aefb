// A temporary DATA_DIR holding the bundled article and the harbour article, for tests that run
// the bot over a data folder as `npm start` does (refreshes, defaults and the audit log in it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../../cli/data-path.js';
import { makeDataDir } from '../fixtures/store/helpers.js';
import { HARBOUR_PATH } from './docent-fixtures.js';

export const BUNDLED_SLUG = 'seed-russia-normalization';
export const HARBOUR_SLUG = 'harbour-bridge';

export function twoArticleDataDir(): { dir: string; cleanup: () => void } {
  return makeDataDir({
    [`${BUNDLED_SLUG}.txt`]: readFileSync(join(BUNDLED_DATA_DIR, 'articles', `${BUNDLED_SLUG}.txt`)),
    [`${HARBOUR_SLUG}.txt`]: readFileSync(HARBOUR_PATH),
  });
}
