/** Applies pending migrations to DATABASE_PATH (default data/truso.sqlite). */
import { DatabaseStartError, openDatabase } from '../src/lib/server/db/connection';

const file = process.env.DATABASE_PATH || 'data/truso.sqlite';
try {
	const db = openDatabase(file);
	const row = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as {
		n: number;
	};
	console.log(`Migrations applied to ${file} (${row.n} in total).`);
	db.$client.close();
} catch (e) {
	console.error(e instanceof DatabaseStartError ? e.message : e);
	process.exit(1);
}
