import { describe, expect, it } from 'vitest';
import { changedPersons, normalisePlan } from './edit-check';

describe('changedPersons', () => {
	// Unit u1 (headcount 5) has 3 in r1; unit u2 has 2 in r1.
	const instance = { units: [{ id: 'u1', headcount: 5, normM2: 10, priority: 1 }] };
	const plan = [
		{ unitId: 'u1', roomId: 'r1', persons: 3 },
		{ unitId: 'u2', roomId: 'r1', persons: 2 }
	];

	it('moves persons between rooms and names the rows it touched', () => {
		const r = changedPersons(instance, plan, {
			kind: 'move',
			unitKey: 'u1',
			fromRoomKey: 'r1',
			toRoomKey: 'r2',
			persons: 2
		});
		expect(r).toEqual({
			ok: true,
			rows: [
				{ unitId: 'u1', roomId: 'r1', persons: 1 },
				{ unitId: 'u2', roomId: 'r1', persons: 2 },
				{ unitId: 'u1', roomId: 'r2', persons: 2 }
			],
			touched: ['u1|r1', 'u1|r2']
		});
		expect(plan[0].persons).toBe(3); // the plan given is not changed
	});

	it('refuses more than the room holds, or than are unseated (5 − 3 = 2), or a move in place', () => {
		const move = { kind: 'move' as const, unitKey: 'u1', toRoomKey: 'r2' };
		expect(changedPersons(instance, plan, { ...move, fromRoomKey: 'r1', persons: 4 })).toEqual({
			ok: false,
			available: 3
		});
		expect(changedPersons(instance, plan, { ...move, fromRoomKey: null, persons: 3 })).toEqual({
			ok: false,
			available: 2
		});
		expect(changedPersons(instance, plan, { ...move, fromRoomKey: null, persons: 2 }).ok).toBe(
			true
		);
		expect(
			changedPersons(instance, plan, { ...move, fromRoomKey: 'r1', toRoomKey: 'r1', persons: 1 })
		).toEqual({ ok: false, available: 3 });
		expect(changedPersons(instance, plan, { ...move, fromRoomKey: 'r1', persons: 0 }).ok).toBe(
			false
		);
	});

	it('sets the persons of a unit in a room; normalisePlan sums pairs and drops empty rows', () => {
		const r = changedPersons(instance, plan, {
			kind: 'set',
			unitKey: 'u1',
			roomKey: 'r1',
			persons: 0
		});
		if (!r.ok) throw new Error('refused');
		expect(normalisePlan(r.rows)).toEqual([{ unitId: 'u2', roomId: 'r1', persons: 2, areaM2: 0 }]);
		expect(
			normalisePlan([
				{ unitId: 'u1', roomId: 'r1', persons: 1, areaM2: 6 },
				{ unitId: 'u1', roomId: 'r1', persons: 2, areaM2: 13.5 }
			])
		).toEqual([{ unitId: 'u1', roomId: 'r1', persons: 3, areaM2: 19.5 }]);
	});
});
