/**
 * The strengthened model keeps the optimum:
 * - interchangeable rooms (symmetry rows) found and ordered by hand;
 * - on 32 random wards with many interchangeable rooms (areas from a few sizes, locks, ground
 *   floor, seats, shared current rooms), `solveAllocation` reaches CBC's proven optimum of the
 *   issue's formulation as written (`allocationLp(…, { original: true })`), and CBC reaches the
 *   same optimum on the strengthened LP. Skipped when the `cbc` binary is not on PATH.
 */
import { describe, expect, it } from 'vitest';
import { cbcAvailable, runCbc } from '../../../scripts/bench/allocation';
import { mulberry32 } from '../random';
import { allocationLp, checkAllocation, solveAllocation, type AllocationInstance } from './index';
import { buildModel, canonicalRooms } from './model';
import { prepareInstance } from './validate';

const hasCbc = cbcAvailable();

/** A 2 × 14 m² unit A sitting today in R3, a 3 × 14 m² unit B; five 12 m² rooms. */
const handWard: AllocationInstance = {
	units: [
		{
			id: 'A',
			headcount: 2,
			normM2: 14,
			priority: 1,
			groundFloorOnly: false,
			currentRoomIds: ['R3']
		},
		{ id: 'B', headcount: 3, normM2: 14, priority: 1, groundFloorOnly: false, currentRoomIds: [] }
	],
	rooms: [
		{ id: 'R1', buildingId: 'X', level: 1, areaM2: 12, usable: true },
		{ id: 'R2', buildingId: 'X', level: 2, areaM2: 12, usable: true },
		{ id: 'R3', buildingId: 'X', level: 1, areaM2: 12, usable: true },
		{ id: 'R4', buildingId: 'Y', level: 1, areaM2: 12, usable: true },
		{ id: 'R5', buildingId: 'X', level: 1, areaM2: 12, usable: true, seats: 1 }
	]
};

describe('symmetry rows among interchangeable rooms', () => {
	it('order only rooms nothing tells apart (building, area, seats, who may use them, current)', () => {
		const model = buildModel(prepareInstance(handWard));
		// R3 is A's room today, R4 in another building, R5 has one seat: only R1 ~ R2 (the level
		// does not matter: nobody is ground-floor-only). Weights A = 1, B = 2.
		expect(model.symmetry.map((c) => c.rooms)).toEqual([[0, 1]]);
		expect(model.lp).toContain(' sy_0: 1 z_0_0 + 2 z_1_0 - 1 z_0_1 - 2 z_1_1 >= 0');
		// Without the valid inequalities (and in the formulation) there is no such row.
		expect(buildModel(prepareInstance(handWard), false).lp).not.toContain('sy_');
		expect(allocationLp(handWard, { original: true })).not.toContain('sy_');
	});

	it('a ground-floor-only unit tells a level-2 room apart', () => {
		const ward = structuredClone(handWard);
		ward.units[1].groundFloorOnly = true;
		expect(buildModel(prepareInstance(ward)).symmetry).toEqual([]);
	});

	it('canonicalRooms moves contents so that f(R1) ≥ f(R2)', () => {
		const { symmetry } = buildModel(prepareInstance(handWard));
		// A in R1 (f = 1), B in R2 (f = 2): B's persons move to R1 and A's to R2.
		const users = new Map([
			[0, [0]],
			[1, [1]]
		]);
		const to = canonicalRooms(symmetry, (r) => users.get(r) ?? []);
		expect([to.get(0), to.get(1)]).toEqual([1, 0]);
		// Already in order (A and B together in R1 = 3, nobody in R2 = 0): nothing moves.
		const together = canonicalRooms(symmetry, (r) => (r === 0 ? [0, 1] : []));
		expect([together.get(0), together.get(1)]).toEqual([0, 1]);
	});

	it('the hand ward by hand: t = 1/7, 3 unit-buildings, 4 moves, the same optimum as CBC', async () => {
		// 60 m² of rooms for 70 m² of norm: 10 m² missing, shared at one ratio (both priority 1):
		// t = 10/70 = 1/7, A gets 24 m² and B 36 m². X holds 48 m², Y 12 m²: neither 24 nor 36
		// is 12, so one unit uses both buildings (3 unit-buildings). A keeps R3 and takes one more
		// room (each room used needs a person: 1 move); B has no room today (3 moves).
		// Objective 10000/7 + 10 + 10·3 + 4 = 1472.571…
		const result = await solveAllocation(handWard, { timeLimitS: 20 });
		expect(result.status).toBe('optimal');
		expect(result.worstShortfallRatio).toBeCloseTo(1 / 7, 9);
		expect(result.terms).toMatchObject({ unseated: 0, buildingsPerUnit: 3, moved: 4 });
		expect(result.terms.shortfallM2).toBeCloseTo(10, 9);
		expect(result.objective).toBeCloseTo(10000 / 7 + 10 + 30 + 4, 6);
		if (hasCbc) {
			const cbc = runCbc(allocationLp(handWard, { original: true }));
			expect(result.objective).toBeCloseTo(cbc.objective!, 6);
		}
	});
});

/** A random ward with many interchangeable rooms: areas from 4 sizes, 2 buildings, 1-2 levels. */
function symmetricWard(seed: number): AllocationInstance {
	const rnd = mulberry32(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
	const nRooms = int(6, 10);
	const rooms = Array.from({ length: nRooms }, (_, i) => ({
		id: `R${i}`,
		buildingId: rnd() < 0.6 ? 'A' : 'B',
		level: int(1, 2),
		areaM2: [12, 18, 24, 30][int(0, 3)],
		usable: rnd() < 0.9,
		...(rnd() < 0.15 ? { seats: int(1, 4) } : {})
	}));
	const units = Array.from({ length: int(3, 4) }, (_, u) => ({
		id: `U${u}`,
		headcount: int(1, 7),
		normM2: int(8, 16),
		priority: u === 0 ? 3 : u === 1 ? 2 : 1,
		groundFloorOnly: u === 1 && rnd() < 0.7,
		currentRoomIds: rooms.filter(() => rnd() < 0.15).map((r) => r.id)
	}));
	const lock = int(-2, nRooms - 1);
	if (lock >= 0) Object.assign(rooms[lock], { lockedUnitId: 'U0' });
	return {
		units,
		rooms,
		settings: { minAreaPerPersonM2: 6, maxUnitsPerRoom: int(1, 2) }
	};
}

describe.skipIf(!hasCbc)('same optimum as CBC on the issue formulation (cbc not on PATH)', () => {
	it('32 random wards with interchangeable rooms', { timeout: 1_200_000 }, async () => {
		let classes = 0;
		for (let seed = 1; seed <= 32; seed++) {
			const instance = symmetricWard(seed);
			classes += buildModel(prepareInstance(instance)).symmetry.length;
			const ours = await solveAllocation(instance, { timeLimitS: 120 });
			const original = runCbc(allocationLp(instance, { original: true }), 120);
			const strengthened = runCbc(allocationLp(instance), 120);
			expect([ours.status, original.status], `seed ${seed}`).toEqual(['optimal', 'optimal']);
			expect(checkAllocation(instance, ours.assignments).violations).toEqual([]);
			const ref = original.objective!;
			const tol = 1e-6 * Math.max(1, Math.abs(ref));
			expect(Math.abs(ours.objective - ref), `seed ${seed}`).toBeLessThanOrEqual(tol);
			expect(
				Math.abs(strengthened.objective! - ref),
				`seed ${seed} strengthened`
			).toBeLessThanOrEqual(tol);
		}
		// The wards do exercise the symmetry rows (13 classes over the 32 wards).
		expect(classes).toBeGreaterThanOrEqual(10);
	});
});
