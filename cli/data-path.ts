// Where the bundled articles live, whatever the working directory.
import { fileURLToPath } from 'node:url';

export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
