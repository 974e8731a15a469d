/**
 * The weights page's actions on a stale form (issue 16), called as SvelteKit calls them: two
 * editors load the page; one saves; the other's save answers 409 with both values and nothing
 * written; re-submitting with the stored version ("keep mine") saves.
 */
import { isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { auditLog, users, wards } from '$lib/server/db/schema';
import { seedSample } from '$lib/server/db/seed';
import { createTestDb } from '$lib/server/db/test-db';
import { ahpState, listCriteria, weightState } from '$lib/server/sites/scoring';
import { actions, load } from '../../src/routes/w/[ward]/sites/weights/+page.server';
import { actions as mineActions } from '../../src/routes/w/[ward]/sites/weights/mine/+page.server';

let db: Db;
let locals: (who: 'a' | 'b') => App.Locals;
let keys: string[];

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	const ward = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
	const editors = (['a', 'b'] as const).map((who) =>
		db
			.insert(users)
			.values({
				username: `editor.${who}`,
				displayName: who === 'a' ? 'Biên tập A' : 'Biên tập B',
				passwordHash: 'x',
				role: 'ward_editor',
				wardId: ward.id
			})
			.returning()
			.get()
	);
	const user = (u: (typeof editors)[number], sessionId: string) => ({
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		role: u.role,
		wardId: u.wardId,
		wardCode: ward.code,
		sessionId
	});
	locals = (who) =>
		({
			db,
			locale: 'vi',
			user: user(editors[who === 'a' ? 0 : 1], who),
			principal: {} as App.Locals['principal'],
			ward: { id: ward.id, code: ward.code, name: ward.name, isSample: true },
			canEdit: true
		}) as App.Locals;
	keys = listCriteria(db, ward.id)
		.filter((c) => c.active)
		.map((c) => c.key);
});

function post(fields: Record<string, string>) {
	const body = new URLSearchParams(fields);
	return new Request('http://x/', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body
	});
}

async function run(action: (e: never) => unknown, who: 'a' | 'b', fields: Record<string, string>) {
	try {
		return await action({ request: post(fields), locals: locals(who) } as never);
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		throw e;
	}
}

type Loaded = { directVersion: number; judgmentVersion: number };
const loadPage = (query = '') =>
	load({
		locals: locals('a'),
		url: new URL(`http://x/w/binh-trung/sites/weights${query}`)
	} as never) as Loaded;

const audits = (entity: string) =>
	db.select().from(auditLog).where(eq(auditLog.entity, entity)).all().length;

describe('the weights page on a stale form', () => {
	it('direct weights: 409 with both values, nothing written; keep mine saves', async () => {
		const version = String(loadPage().directVersion);
		expect(version).toBe('0');
		const aForm = Object.fromEntries(keys.map((k, i) => [`w:${k}`, i === 0 ? '40' : '10']));
		const bForm = Object.fromEntries(keys.map((k, i) => [`w:${k}`, i === 1 ? '40' : '10']));
		expect(await run(actions.direct, 'a', { ...aForm, version })).toEqual({
			redirect: '/w/binh-trung/sites/weights?direct=1'
		});
		const out = (await run(actions.direct, 'b', { ...bForm, version })) as {
			status: number;
			data: {
				form: string;
				values: Record<string, string>;
				conflict: { fields: { name: string; mine: string; theirs: string }[] };
			};
		};
		expect(out.status).toBe(409);
		expect(out.data.form).toBe('direct');
		const total = 40 + 10 * (keys.length - 1);
		const pct = (x: number) => String(Math.round((x / total) * 1000) / 10);
		expect(out.data.conflict.fields).toContainEqual({
			name: `w:${keys[0]}`,
			mine: '10',
			theirs: pct(40)
		});
		expect(out.data.conflict.fields).toContainEqual({
			name: `w:${keys[1]}`,
			mine: '40',
			theirs: pct(10)
		});
		expect(audits('weighting')).toBe(1);
		const active = listCriteria(db, locals('a').ward!.id).filter((c) => c.active);
		expect(weightState(db, locals('a').ward!.id, active).weights[keys[0]]).toBeCloseTo(
			40 / total,
			12
		);
		// Keep mine: the answer's values carry the stored version.
		const stored = String(loadPage().directVersion);
		expect(out.data.values.version).toBe(stored);
		expect(await run(actions.direct, 'b', out.data.values)).toEqual({
			redirect: '/w/binh-trung/sites/weights?direct=1'
		});
		expect(weightState(db, locals('a').ward!.id, active).weights[keys[1]]).toBeCloseTo(
			40 / total,
			12
		);
	});

	it('a participant’s paper form: 409 on a stale save, the stored answers as theirs', async () => {
		const pair = `p:${keys[0]}:${keys[1]}`;
		// Every pair as the browser sends it ("equal"), the first one chosen.
		const pairs = Object.fromEntries(
			keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [`p:${a}:${b}`, '1']))
		);
		const form = (value: string) => ({ participant: 'Lan', ...pairs, [pair]: value, version: '0' });
		const first = await run(actions.judgments, 'a', form('3'));
		expect(first).toEqual({
			redirect: `/w/binh-trung/sites/weights?participant=Lan&saved=Lan#ahp-h`
		});
		const out = (await run(actions.judgments, 'b', form('1/5'))) as {
			status: number;
			data: {
				form: string;
				conflict: { fields: { name: string; mine: string; theirs: string }[] };
			};
		};
		expect(out.status).toBe(409);
		expect(out.data.form).toBe('ahp');
		expect(out.data.conflict.fields).toEqual([{ name: pair, mine: '1/5', theirs: '3' }]);
		const wardId = locals('a').ward!.id;
		const lan = ahpState(db, wardId, keys).participants.find((p) => p.participant === 'Lan')!;
		expect(lan.matrix[0][1]).toBe(3);
		expect(audits('judgment')).toBe(1);
		// The page opened on Lan's answers carries their version; a save with it goes through.
		expect(loadPage('?participant=Lan').judgmentVersion).toBe(lan.version);
		expect(
			await run(actions.judgments, 'b', { ...form('1/5'), version: String(lan.version) })
		).toHaveProperty('redirect');
	});

	it('a member’s own answers on weights/mine: a second tab’s stale save is refused', async () => {
		const pair = `p:${keys[0]}:${keys[1]}`;
		expect(await run(mineActions.default, 'a', { [pair]: '5', version: '0' })).toHaveProperty(
			'redirect'
		);
		// The same member in a second tab, loaded before the first save.
		const out = (await run(mineActions.default, 'a', { [pair]: '1/3', version: '0' })) as {
			status: number;
		};
		expect(out.status).toBe(409);
		const wardId = locals('a').ward!.id;
		expect(ahpState(db, wardId, keys).participants[0].matrix[0][1]).toBe(5);
	});
});
