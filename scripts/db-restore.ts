/**
 * Restores a backup over DATABASE_PATH (default data/truso.sqlite). Stop the server first.
 *   npm run db:restore -- backups/truso-2026-11-29.sqlite
 *
 * The backup is checked (PRAGMA integrity_check; its migrations must be this version's, or
 * older ones, which are then applied; its schema — tables, indexes, triggers, views — must be
 * exactly what those migrations give, so an added trigger is refused and named) before anything
 * changes; the current database is saved
 * beside it as <name>.before-restore-<time>.sqlite, then replaced atomically.
 */
import { BackupError, restoreDatabase } from '../src/lib/server/admin/backup';
import { migrationsFolder } from '../src/lib/server/db/connection';

const target = process.env.DATABASE_PATH || 'data/truso.sqlite';
const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!file) {
	console.error('Usage: npm run db:restore -- <backup-file>');
	process.exit(2);
}
try {
	const r = await restoreDatabase(file, target, {
		migrationsFolder: migrationsFolder(),
		keepPrevious: !process.argv.includes('--no-keep')
	});
	if (r.previous) console.log(`The previous database was saved as ${r.previous}.`);
	if (r.pending > 0) {
		console.log(`The backup was from an older version: ${r.pending} migration(s) applied.`);
	}
	console.log(`Restored ${file} to ${target} (${r.shipped} migrations).`);
	console.log('Restart the server now so it opens the restored database.');
} catch (e) {
	console.error(e instanceof BackupError ? `Refused: ${e.message}` : e);
	process.exit(1);
}
