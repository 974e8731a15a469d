/**
 * The plan page's actions on a stale page (issue 16), called as SvelteKit calls them: two
 * editors load the same plan; A moves people; B's move from the page loaded before answers 409
 * with both values (the persons B saw and the persons stored now) and writes nothing; B's
 * "keep mine" (the same move with the stored version) is checked against today's plan and saved.
 */
import { isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConflictFailure } from '$lib/conflict';
import { translate } from '$lib/i18n';
import { getScenario } from '$lib/server/plans';
import {
	roomNamed,
	sampleWard,
	unitCoded,
	addEditor,
	auditCount,
	savePlan
} from '../../../../../../tests/helpers/plans';
import { actions, load } from './+page.server';

let ward: ReturnType<typeof sampleWard>;
let id: number;
let ids: { unit: number; office1: number; anPhu: number; unitKey: string };
let locals: (who: 'a' | 'b') => App.Locals;

beforeEach(() => {
	ward = sampleWard();
	const { db, bt, built } = ward;
	const partyOffice = unitCoded(built, 'VP-DU');
	const office1 = roomNamed(built, 'CS-BTD-DU', 'A', 'Văn phòng Đảng ủy 1');
	const anPhu = roomNamed(built, 'CS-AP-UB', 'A', 'Điểm tiếp nhận hồ sơ An Phú');
	ids = { unit: partyOffice.id, office1: office1.id, anPhu: anPhu.id, unitKey: partyOffice.key };
	id = savePlan(db, bt, built, 'Hai người sửa', [
		{ unitId: partyOffice.key, roomId: office1.key, persons: 4 }
	]);
	const editors = [addEditor(db, bt, 'editor.a'), addEditor(db, bt, 'editor.b')];
	locals = (who) =>
		({
			db,
			locale: 'vi',
			user: { ...editors[who === 'a' ? 0 : 1], wardCode: 'binh-trung', sessionId: who },
			principal: {} as App.Locals['principal'],
			ward: { id: bt, code: 'binh-trung', name: 'Phường Bình Trưng', isSample: true },
			canEdit: true
		}) as unknown as App.Locals;
});

const url = () => new URL(`http://x/w/binh-trung/plans/${id}`);

async function post(name: 'move', who: 'a' | 'b', fields: Record<string, string>) {
	const request = new Request('http://x/', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
	try {
		return await actions[name]({
			request,
			locals: locals(who),
			params: { ward: 'binh-trung', id: String(id) },
			url: url()
		} as never);
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		throw e;
	}
}

const loadVersion = async (who: 'a' | 'b') => {
	const data = (await load({
		locals: locals(who),
		params: { ward: 'binh-trung', id: String(id) },
		url: url()
	} as never)) as { version: number };
	return String(data.version);
};
const audits = () => auditCount(ward.db);
const seated = () =>
	getScenario(ward.db, ward.bt, id)!
		.plan.filter((a) => a.unitId === ids.unitKey)
		.map((a) => [a.roomId, a.persons]);

describe('two editors, one plan', () => {
	it('B’s move from a stale page: 409 with both values, nothing written; keep mine saves', async () => {
		const versionA = await loadVersion('a');
		const versionB = await loadVersion('b');
		expect(versionB).toBe(versionA);
		// A seats one of the 3 unseated in VPĐU 1 (5 × 6 m² = 30 of its 32 m²).
		const moveA = {
			version: versionA,
			unitId: String(ids.unit),
			fromRoomId: '0',
			toRoomId: String(ids.office1),
			persons: '1',
			fromPersons: '',
			toPersons: '4'
		};
		expect(await post('move', 'a', moveA)).toEqual({
			redirect: expect.stringContaining('moved=1')
		});
		expect(seated()).toEqual([[`r${ids.office1}`, 5]]);
		const written = audits();

		// B, from the page loaded before, moves 1 of the 4 B saw in VPĐU 1 to An Phú.
		const moveB = {
			version: versionB,
			unitId: String(ids.unit),
			fromRoomId: String(ids.office1),
			toRoomId: String(ids.anPhu),
			persons: '1',
			fromPersons: '4',
			toPersons: '0'
		};
		const refused = (await post('move', 'b', moveB)) as { status: number; data: ConflictFailure };
		expect(refused.status).toBe(409);
		expect(refused.data.form).toBe('move');
		expect(refused.data.conflict.fields).toEqual([{ name: 'fromPersons', mine: '4', theirs: '5' }]);
		expect(refused.data.conflict.savedBy).toContain('editor.a');
		expect(refused.data.values.version).toBe(String(Number(versionA) + 1));
		expect(seated()).toEqual([[`r${ids.office1}`, 5]]);
		expect(audits()).toBe(written);

		// Keep mine: B's values as sent back (the stored version) → checked and saved.
		expect(await post('move', 'b', refused.data.values)).toEqual({
			redirect: expect.stringContaining('moved=1')
		});
		expect(seated()).toEqual([
			[`r${ids.office1}`, 4],
			[`r${ids.anPhu}`, 1]
		]);
		expect(audits()).toBe(written + 1);
	});
});

describe('a move that breaks a rule', () => {
	it('answers 400 with the move message and the broken rules; nothing written', async () => {
		const before = audits();
		// 4 seated in VPĐU 1 (32 m²) and 3 more: 7 × 6 = 42 m² does not fit.
		const res = (await post('move', 'a', {
			version: await loadVersion('a'),
			unitId: String(ids.unit),
			fromRoomId: '0',
			toRoomId: String(ids.office1),
			persons: '3',
			fromPersons: '',
			toPersons: '4'
		})) as {
			status: number;
			data: { form: string; message: string; violations: string[]; violationCount: number };
		};
		expect(res.status).toBe(400);
		expect(res.data.form).toBe('move');
		expect(res.data.message).toBe(translate('vi', 'plans.move.refused'));
		expect(res.data.violationCount).toBeGreaterThan(0);
		expect(res.data.violations.length).toBe(Math.min(res.data.violationCount, 50));
		expect(seated()).toEqual([[`r${ids.office1}`, 4]]);
		expect(audits()).toBe(before);
	});
});
