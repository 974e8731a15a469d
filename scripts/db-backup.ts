/**
 * Online backup of DATABASE_PATH (default data/truso.sqlite) with SQLite's backup API: the
 * server can keep running.
 *   npm run db:backup -- backups/truso-2026-11-29.sqlite
 */
import { BackupError, backupFile } from '../src/lib/server/admin/backup';

const file = process.env.DATABASE_PATH || 'data/truso.sqlite';
const dest = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!dest) {
	console.error('Usage: npm run db:backup -- <backup-file>');
	process.exit(2);
}
try {
	const size = await backupFile(file, dest);
	console.log(`Backup of ${file} written to ${dest} (${(size / 1024 / 1024).toFixed(1)} MB).`);
} catch (e) {
	console.error(e instanceof BackupError ? e.message : e);
	process.exit(1);
}
