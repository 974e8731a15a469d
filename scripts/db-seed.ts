/**
 * Seeds the database.
 *   npm run db:seed                       sample wards into an empty database
 *   npm run db:seed -- --reset            empty every table and seed the sample wards again
 *   npm run db:seed -- --synthetic N      add a synthetic ward of N rooms (code "synthetic")
 *        [--code C] [--sites S]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/connection';
import { isEmpty, resetSample, seedSample } from '../src/lib/server/db/seed/index';
import { seedSynthetic } from '../src/lib/server/db/seed/synthetic';
import { seedDemoAccounts } from '../src/lib/server/db/seed/accounts';

const { values } = parseArgs({
	options: {
		reset: { type: 'boolean', default: false },
		synthetic: { type: 'string' },
		code: { type: 'string' },
		sites: { type: 'string' }
	}
});

const file = process.env.DATABASE_PATH || 'data/truso.sqlite';
const db = openDatabase(file);
const started = performance.now();
if (values.synthetic !== undefined) {
	const n = Number(values.synthetic);
	if (!Number.isInteger(n) || n < 1) {
		console.error('--synthetic needs a positive whole number of rooms');
		process.exit(2);
	}
	seedSynthetic(db, { rooms: n, code: values.code, sites: Number(values.sites ?? 0) });
	console.log(`Synthetic ward "${values.code ?? 'synthetic'}" with ${n} rooms written to ${file}.`);
} else if (values.reset) {
	resetSample(db);
	await seedDemoAccounts(db);
	console.log(`Sample wards restored in ${file}.`);
} else if (isEmpty(db)) {
	seedSample(db);
	await seedDemoAccounts(db);
	console.log(`Sample wards seeded into ${file}.`);
} else {
	console.log(`${file} already has data; use --reset to restore the sample.`);
}
console.log(`(${Math.round(performance.now() - started)} ms)`);
db.$client.close();
