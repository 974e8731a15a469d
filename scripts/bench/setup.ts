/**
 * The benchmark database and server, shared by `npm run bench` (run.ts) and the quick page
 * benchmark (pages-quick.ts): a temporary database with the sample wards, the synthetic city
 * (168 wards, 20,000 rooms, 2,000 sites) and the big synthetic ward (5,000 rooms, 200 sites,
 * with a scoring run, a plan and a proposal in review), served by the production build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/connection';
import { seedDemoAccounts } from '../../src/lib/server/db/seed/accounts';
import { seedCity, seedWardExtras } from '../../src/lib/server/db/seed/city';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { seedSynthetic } from '../../src/lib/server/db/seed/synthetic';
import { decideProposal } from '../../src/lib/server/proposals';
import { createInvite } from '../../src/lib/server/sites/ahp-sessions';

export const BIG_WARD = 'synthetic';
export const BIG = { rooms: 5000, sites: 200 } as const;
export const CITY = { wards: 168, rooms: 20_000, sites: 2_000 } as const;

/** Ids the page URLs need, for one ward. */
export interface WardIds {
	code: string;
	id: number;
	facility: number;
	building: number;
	room: number;
	site: number;
	scenario: number | null;
	scoringRun: number | null;
	proposal: number | null;
}

export interface BenchData {
	dir: string;
	dbPath: string;
	/** A typical city ward (with a plan, a scoring run and a proposal in review). */
	city: WardIds;
	big: WardIds;
	normSet: number;
	user: number;
	investmentRate: number;
	legalRef: number;
	/** A one-time AHP link of the city ward (`/ahp/{token}`). */
	ahpToken: string;
	/** Editors of the city ward and the big ward (password truso-demo): the pages only an editor opens. */
	editors: { city: string; big: string };
	seedMs: { sample: number; city: number; big: number };
	cityTotals: { wards: number; rooms: number; sites: number };
}

function idsOf(db: ReturnType<typeof openDatabase>, code: string): WardIds {
	const one = <T>(sql: string, ...args: unknown[]) =>
		db.$client.prepare(sql).get(...args) as T | undefined;
	const ward = one<{ id: number }>('select id from wards where code = ?', code);
	if (!ward) throw new Error(`ward ${code} missing`);
	const facility = one<{ id: number }>(
		'select id from facilities where ward_id = ? order by code limit 1',
		ward.id
	)!.id;
	const building = one<{ id: number }>(
		'select id from buildings where facility_id = ? order by code limit 1',
		facility
	)!.id;
	const room = one<{ id: number }>(
		'select id from rooms where building_id = ? order by code limit 1',
		building
	)!.id;
	const site = one<{ id: number }>(
		'select id from sites where ward_id = ? order by code limit 1',
		ward.id
	)!.id;
	return {
		code,
		id: ward.id,
		facility,
		building,
		room,
		site,
		scenario:
			one<{ id: number }>('select max(id) as id from scenarios where ward_id = ?', ward.id)?.id ??
			null,
		scoringRun:
			one<{ id: number }>('select max(id) as id from scoring_runs where ward_id = ?', ward.id)
				?.id ?? null,
		proposal:
			one<{ id: number }>(
				`select max(id) as id from proposals where ward_id = ? and status <> 'draft'`,
				ward.id
			)?.id ?? null
	};
}

/** Seeds the benchmark database in a new temporary folder. */
export async function seedBenchDatabase(): Promise<BenchData> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-bench-'));
	const dbPath = path.join(dir, 'bench.sqlite');
	const db = openDatabase(dbPath);
	let t = performance.now();
	seedSample(db);
	await seedDemoAccounts(db);
	const sampleMs = performance.now() - t;
	t = performance.now();
	const city = await seedCity(db, { ...CITY });
	const cityMs = performance.now() - t;
	t = performance.now();
	const bigId = seedSynthetic(db, { code: BIG_WARD, rooms: BIG.rooms, sites: BIG.sites });
	seedWardExtras(db, bigId, { proposalStatus: 'in-review' });
	const bigMs = performance.now() - t;
	const one = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;
	// An editor for each measured ward (the demo editor's password hash), for the pages an
	// administrator may not open (adding a facility or a site, importing sites).
	const demo = one<{ hash: string }>(
		`select password_hash as hash from users where username = 'binhtrung.editor'`
	).hash;
	const editors = { city: `bench.${city.codes[0]}`, big: `bench.${BIG_WARD}` };
	for (const [username, code] of [
		[editors.city, city.codes[0]],
		[editors.big, BIG_WARD]
	]) {
		db.$client
			.prepare(
				`insert into users (username, display_name, password_hash, role, ward_id)
				 values (?, ?, ?, 'ward_editor', (select id from wards where code = ?))`
			)
			.run(username, username, demo, code);
	}
	const cityWard = one<{ id: number }>('select id from wards where code = ?', city.codes[0]).id;
	const ahpToken = createInvite(
		db,
		{ userId: null, username: 'bench' },
		cityWard,
		'Khách mời đo'
	).token;
	const data: BenchData = {
		dir,
		dbPath,
		// city-001 gets the extras (every 4th ward from the first) and its proposal is in review.
		city: idsOf(db, city.codes[0]),
		big: idsOf(db, BIG_WARD),
		normSet: (db.$client.prepare('select min(id) as id from norm_sets').get() as { id: number }).id,
		user: (
			db.$client.prepare(`select id from users where username = 'binhtrung.editor'`).get() as {
				id: number;
			}
		).id,
		investmentRate: one<{ id: number }>('select min(id) as id from investment_rates').id,
		legalRef: one<{ id: number }>('select min(id) as id from legal_references').id,
		ahpToken,
		editors,
		seedMs: { sample: Math.round(sampleMs), city: Math.round(cityMs), big: Math.round(bigMs) },
		cityTotals: { wards: city.codes.length, rooms: city.rooms, sites: city.sites }
	};
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	return data;
}

export interface BenchServer {
	base: string;
	process: ChildProcess;
	stop(): void;
}

/**
 * Routes that exist only while the ward's proposal is in the ward's hands (a draft, or returned
 * for changes): the bench measures them last, after {@link returnProposalsForChanges}.
 */
export function needsEditableProposal(route: string): boolean {
	return route === '/w/[ward]/proposals/[id]/submit';
}

/**
 * The city's reviewer returns the measured wards' proposals for changes (through the review
 * service, with its decision, audit row and notifications), so that their submit pages exist
 * (`/w/{ward}/proposals/{id}/submit` answers 404 unless the proposal is a draft or returned).
 * A ward holds one live proposal at a time and a new one is refused while the city holds one,
 * so a ward cannot have both the proposal in review the other pages show and an editable one:
 * this runs after every other page and the event-loop actions were measured on the proposal in
 * review. Runs on its own connection beside the server (WAL); returns the proposal ids.
 */
export function returnProposalsForChanges(data: BenchData): number[] {
	const db = openDatabase(data.dbPath);
	try {
		const reviewer = db.$client
			.prepare(`select id, username from users where username = 'city.reviewer'`)
			.get() as { id: number; username: string } | undefined;
		if (!reviewer) throw new Error('the city.reviewer account is missing');
		const ids = [data.city.proposal, data.big.proposal].filter((x): x is number => x !== null);
		for (const id of ids) {
			decideProposal(db, { userId: reviewer.id, username: reviewer.username }, id, {
				outcome: 'returned',
				note: 'Trả lại để bổ sung (đo hiệu năng).'
			});
		}
		return ids;
	} finally {
		db.$client.close();
	}
}

/** Starts the production build on the database and waits until /health answers. */
export async function startServer(data: BenchData, port: number): Promise<BenchServer> {
	const base = `http://127.0.0.1:${port}`;
	// BENCH_CPU_PROF=<dir> writes the server's CPU profile there when it stops (node --cpu-prof).
	const profile = process.env.BENCH_CPU_PROF
		? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
		: [];
	const child = spawn(process.execPath, [...profile, 'scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: data.dbPath,
			UPLOAD_DIR: path.join(data.dir, 'uploads'),
			TILE_URL: 'none',
			// Serves the benchmark's baseline page (/w/{ward}/trivial), absent in production.
			TRUSO_BENCH: '1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const start = Date.now();
	for (;;) {
		try {
			if ((await fetch(`${base}/health`)).ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() - start > 60_000) {
			child.kill('SIGTERM');
			throw new Error(`server did not answer ${base}/health`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { base, process: child, stop: () => void child.kill('SIGTERM') };
}

/**
 * Opens a plans page once, which makes the server warm its solver up (one background solve of
 * at most 5 s per process, see `warmUpSolver`), and waits for that to be over, so that it does not
 * run during a measurement.
 */
export async function settleSolverWarmUp(base: string, cookie: string, wardCode: string) {
	await (await fetch(`${base}/w/${wardCode}/plans`, { headers: { cookie } })).arrayBuffer();
	await new Promise((r) => setTimeout(r, 6000));
}

/** Every page route of the app (a folder under src/routes with a +page.svelte), as a route id. */
export function pageRoutes(root = 'src/routes'): string[] {
	const out: string[] = [];
	const walk = (dir: string, id: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			if (e.isDirectory()) walk(path.join(dir, e.name), `${id}/${e.name}`);
			else if (e.name === '+page.svelte') out.push(id === '' ? '/' : id);
		}
	};
	walk(root, '');
	// Route groups "(name)" do not appear in URLs; a parameter's matcher ("[id=id]") is left out.
	return out
		.map((r) => r.replace(/\/\([^)]+\)/g, '').replace(/\[(\w+)=\w+\]/g, '[$1]') || '/')
		.sort();
}

/**
 * The URL path of a route id with its parameters filled from the ward's ids, or an error text
 * when a parameter is unknown (a new route the benchmark does not know how to fill yet).
 */
export function fillRoute(
	route: string,
	ward: WardIds,
	global: {
		normSet: number;
		user: number;
		investmentRate?: number;
		legalRef?: number;
		ahpToken?: string;
	}
): { path: string } | { error: string } {
	const id = (): number | null => {
		if (route.startsWith('/w/[ward]/facilities/[id]')) return ward.facility;
		if (route.startsWith('/w/[ward]/plans/[id]')) return ward.scenario;
		if (route.startsWith('/w/[ward]/proposals/[id]')) return ward.proposal;
		if (route.startsWith('/w/[ward]/sites/runs/[id]')) return ward.scoringRun;
		if (route.startsWith('/w/[ward]/sites/[id]')) return ward.site;
		if (route.startsWith('/review/proposals/[id]')) return ward.proposal;
		if (route.startsWith('/admin/norms/[id]')) return global.normSet;
		if (route.startsWith('/admin/users/[id]')) return global.user;
		if (route.startsWith('/admin/wards/[id]')) return ward.id;
		if (route.startsWith('/admin/investment-rates/[id]')) return global.investmentRate ?? null;
		if (route.startsWith('/admin/legal-refs/[id]')) return global.legalRef ?? null;
		return null;
	};
	let missing: string | null = null;
	const p = route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
		const v =
			name === 'ward'
				? ward.code
				: name === 'bid'
					? ward.building
					: name === 'rid'
						? ward.room
						: name === 'id'
							? id()
							: name === 'token'
								? (global.ahpToken ?? null)
								: null;
		if (v === null || v === undefined) {
			missing ??= name;
			return `[${name}]`;
		}
		return String(v);
	});
	return missing ? { error: `no value for [${missing}] in ${route}` } : { path: p };
}
