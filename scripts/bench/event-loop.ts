/**
 * Main-thread blocking while one user runs each heavy action on the big ward: the server (started
 * with TRUSO_BENCH=1) measures how late a 10 ms timer fires (src/lib/server/core/loop-delay.ts); the
 * bench resets it through /health?loop=reset, runs the action, and reads /health?loop=1.
 * Budget (issue 16): p99 < 50 ms and max < 200 ms per action.
 */
import Database from 'better-sqlite3';
import { hashPassword } from '../../src/lib/server/auth/password';
import { loginCookie } from '../lib/http';
import type { BenchData } from './setup';

export const LOOP_BUDGET = { p99Ms: 50, maxMs: 200 } as const;

export interface LoopFigures {
	action: string;
	status: number;
	wallMs: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	pass: boolean;
}

const BENCH_USER = 'bench.big.editor';
const BENCH_PASSWORD = 'bench-editor-passphrase';

/** An editor of the big ward (the bench's own account, in the bench's temporary database). */
async function editorCookie(base: string, data: BenchData): Promise<string> {
	const db = new Database(data.dbPath);
	try {
		const exists = db.prepare('select 1 from users where username = ?').get(BENCH_USER);
		if (!exists) {
			db.prepare(
				`insert into users (username, display_name, password_hash, role, ward_id)
				 values (?, 'Bench editor', ?, 'ward_editor', ?)`
			).run(BENCH_USER, await hashPassword(BENCH_PASSWORD), data.big.id);
		}
	} finally {
		db.close();
	}
	return loginCookie(base, BENCH_USER, BENCH_PASSWORD);
}

/**
 * An action's verdict: within the budget, and only for an action that worked (an answer of 400
 * or more did not run the heavy work, so its quiet event loop proves nothing) and whose delay
 * the server reported.
 */
export function loopPass(
	status: number,
	d: { p99Ms: number; maxMs: number } | null | undefined
): boolean {
	return (
		status >= 200 &&
		status < 400 &&
		!!d &&
		d.p99Ms < LOOP_BUDGET.p99Ms &&
		d.maxMs < LOOP_BUDGET.maxMs
	);
}

async function loop(base: string, reset: boolean) {
	const r = await fetch(`${base}/health?loop=${reset ? 'reset' : '1'}`);
	return (await r.json()).loop as { p50Ms: number; p99Ms: number; maxMs: number } | null;
}

/** Runs each heavy action once and returns the event-loop delay the server saw meanwhile. */
export async function benchEventLoop(base: string, data: BenchData): Promise<LoopFigures[]> {
	const cookie = await editorCookie(base, data);
	const ward = `/w/${data.big.code}`;
	const form = (body: Record<string, string>) => ({
		method: 'POST',
		headers: {
			cookie,
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams(body),
		redirect: 'manual' as const
	});
	const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie } });
	/** A write that changes the decision, so the next page computes afresh (no cache). */
	const touch = () => fetch(`${base}${ward}/sites/weights?/useDefault`, form({}));

	const actions: [string, () => Promise<Response>][] = [
		[
			'site results page after a change',
			async () => {
				await touch();
				return get(`${ward}/sites/results`);
			}
		],
		[
			'SMAA 10,000 samples',
			async () => {
				await touch();
				const started = await fetch(`${base}${ward}/sites/results/smaa`, {
					method: 'POST',
					headers: { cookie, origin: base }
				});
				for (;;) {
					const p = await (await get(`${ward}/sites/results/smaa`)).json();
					if (p.state !== 'running') return started;
					await new Promise((r) => setTimeout(r, 200));
				}
			}
		],
		[
			'save a scoring run (PROMETHEE II)',
			async () => {
				await touch();
				return fetch(
					`${base}${ward}/sites/results?/save`,
					form({ name: 'Bench', method: 'promethee2' })
				);
			}
		],
		['facilities page', () => get(`${ward}/facilities`)],
		['needs page', () => get(`${ward}/needs`)]
	];
	if (data.big.scenario !== null) {
		const scenario = `${ward}/plans/${data.big.scenario}`;
		actions.push(
			[
				'plans list after a change',
				async () => {
					await touch();
					return get(`${ward}/plans`);
				}
			],
			[
				'scenario page after a change',
				async () => {
					await touch();
					return get(scenario);
				}
			]
		);
	}
	if (data.big.proposal !== null) {
		actions.push([
			'proposal packet (PDF)',
			() => get(`${ward}/proposals/${data.big.proposal}/packet.pdf`)
		]);
	}

	const out: LoopFigures[] = [];
	for (const [action, run] of actions) {
		await loop(base, true);
		const t = performance.now();
		const res = await run();
		await res.arrayBuffer();
		// Let the timer note the last slice before reading.
		await new Promise((r) => setTimeout(r, 50));
		const wallMs = Math.round(performance.now() - t);
		const d = await loop(base, false);
		const figures = {
			action,
			status: res.status,
			wallMs,
			p50Ms: d?.p50Ms ?? NaN,
			p99Ms: d?.p99Ms ?? NaN,
			maxMs: d?.maxMs ?? NaN,
			pass: loopPass(res.status, d)
		};
		out.push(figures);
		console.log(
			`[bench] ${figures.pass ? 'PASS' : 'MISS'} event loop during ${action}: p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms (HTTP ${res.status}, ${wallMs} ms)`
		);
	}
	return out;
}
