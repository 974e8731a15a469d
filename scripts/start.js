/**
 * `npm start`: builds the app when the build is missing or older than the sources (into a new
 * build-<time>/ folder, then `build` is switched to it atomically: a server already running from
 * this checkout keeps serving, see build-if-needed.js), then serves it (migrations and the
 * sample seed run at server start, see src/hooks.server.ts).
 */
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.js';

process.chdir(path.resolve(import.meta.dirname, '..'));
buildIfNeeded();
await import('./serve.js');
