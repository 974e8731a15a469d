/**
 * A quick page-only benchmark (no engines): `npx tsx scripts/bench/pages-quick.ts [path …]`
 * measures the trivial page and the given ward pages of the synthetic ward for 5 s each.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedSynthetic } from '../../src/lib/server/db/seed/synthetic';
import { buildIfNeeded } from '../build-if-needed.js';
import { measure } from './http';

const port = 4392;
const base = `http://127.0.0.1:${port}`;
process.chdir(path.resolve(import.meta.dirname, '..', '..'));
buildIfNeeded();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-quick-'));
const dbPath = path.join(dir, 'q.sqlite');
const db = openDatabase(dbPath);
seedSample(db);
await seedDemoAccounts(db);
seedSynthetic(db, { code: 'synthetic', rooms: 5000, sites: 200 });
const fid = (
	db.$client
		.prepare(
			"select f.id from facilities f join wards w on w.id = f.ward_id where w.code = 'synthetic' order by f.code limit 1"
		)
		.get() as { id: number }
).id;
db.$client.close();
const server = spawn(process.execPath, ['scripts/serve.js'], {
	env: {
		...process.env,
		PORT: String(port),
		DATABASE_PATH: dbPath,
		UPLOAD_DIR: path.join(dir, 'u'),
		TILE_URL: 'none'
	},
	stdio: 'ignore'
});
try {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${base}/health`)).ok) break;
		} catch {
			// starting
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	const login = await fetch(`${base}/login`, {
		method: 'POST',
		headers: {
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ username: 'admin', password: 'truso-demo' }),
		redirect: 'manual'
	});
	const cookie = login.headers.get('set-cookie')!.split(';')[0];
	const paths = process.argv.slice(2).length
		? process.argv.slice(2)
		: ['facilities', `facilities/${fid}`];
	const trivial = await measure(`${base}/w/synthetic/trivial`, cookie, { durationS: 5 });
	console.log('trivial', trivial.requestsPerSec, trivial.p50Ms);
	for (const p of paths) {
		const r = await measure(`${base}/w/synthetic/${p}`, cookie, { durationS: 5 });
		console.log(
			p,
			r.requestsPerSec,
			r.p50Ms,
			'ratio',
			(r.requestsPerSec / trivial.requestsPerSec).toFixed(3),
			'non2xx',
			r.non2xx
		);
	}
} finally {
	server.kill();
	fs.rmSync(dir, { recursive: true, force: true });
}
