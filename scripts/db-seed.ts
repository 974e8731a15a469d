/**
 * Seeds the database.
 *   npm run db:seed                       sample wards into an empty database
 *   npm run db:seed -- --reset            empty every table and seed the sample wards again
 *   npm run db:seed -- --synthetic N      add a synthetic ward of N rooms (code "synthetic")
 *        [--code C] [--sites S]
 *   npm run db:seed -- --city             add a synthetic city: 168 wards, 20,000 rooms and
 *        [--wards W] [--rooms N] [--sites S]   2,000 sites (codes city-001 …), sample first
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/connection';
import { isEmpty, resetSample, seedSample } from '../src/lib/server/db/seed/index';
import { seedSynthetic } from '../src/lib/server/db/seed/synthetic';
import { seedDemoAccounts } from '../src/lib/server/db/seed/accounts';
import { seedCity } from '../src/lib/server/db/seed/city';

const { values } = parseArgs({
	options: {
		reset: { type: 'boolean', default: false },
		city: { type: 'boolean', default: false },
		wards: { type: 'string' },
		rooms: { type: 'string' },
		synthetic: { type: 'string' },
		code: { type: 'string' },
		sites: { type: 'string' }
	}
});

const file = process.env.DATABASE_PATH || 'data/truso.sqlite';
const db = openDatabase(file);
const started = performance.now();
if (values.city) {
	if (isEmpty(db)) {
		seedSample(db);
		await seedDemoAccounts(db);
	}
	const count = (v: string | undefined, name: string) => {
		if (v === undefined) return undefined;
		const n = Number(v);
		if (!Number.isInteger(n) || n < 1) {
			console.error(`--${name} needs a positive whole number`);
			process.exit(2);
		}
		return n;
	};
	const city = await seedCity(db, {
		wards: count(values.wards, 'wards'),
		rooms: count(values.rooms, 'rooms'),
		sites: count(values.sites, 'sites')
	});
	console.log(
		`Synthetic city: ${city.codes.length} wards (${city.codes[0]} … ${city.codes.at(-1)}), ${city.rooms} rooms, ${city.sites} sites written to ${file}.`
	);
} else if (values.synthetic !== undefined) {
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
