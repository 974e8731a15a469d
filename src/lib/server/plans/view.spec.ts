import { beforeAll, describe, expect, it } from 'vitest';
import {
	ACTOR,
	resultFor,
	roomNamed,
	sampleWard,
	unitCoded
} from '../../../../tests/helpers/plans';
import { saveScenario } from './scenarios';
import { defaultSettings } from './settings';
import { settingsFormValues, settingsFromForm, type SettingsFormData } from './settings-form';
import {
	buildingChoices,
	chosenBuilding,
	movesPage,
	scenarioView,
	type MoveView,
	type ScenarioView
} from './view';

describe('the plan page of a hand-made plan (sample ward Bình Trưng)', () => {
	let view: ScenarioView;
	let anPhuId: number;
	beforeAll(() => {
		const { db, bt, built } = sampleWard();
		const oneStop = unitCoded(built, 'TTPVHCC'); // today in r1, r34, r36, r84 (19 persons)
		const partyOffice = unitCoded(built, 'VP-DU'); // today 4 in VPĐU 1, 2 in VPĐU 2
		const counter = roomNamed(built, 'TS-01', 'A', 'Bộ phận một cửa'); // 96 m², level 1
		const anPhu = roomNamed(built, 'CS-AP-UB', 'A', 'Điểm tiếp nhận hồ sơ An Phú'); // 54 m²
		anPhuId = anPhu.id;
		// The one-stop centre stays in two of its rooms; the Party office moves 3 + 1 people into
		// them (two units per room is the default limit).
		const id = saveScenario(
			db,
			ACTOR,
			bt,
			'Thử',
			built,
			resultFor(built, [
				{ unitId: oneStop.key, roomId: counter.key, persons: 8 },
				{ unitId: partyOffice.key, roomId: counter.key, persons: 3 },
				{ unitId: oneStop.key, roomId: anPhu.key, persons: 4 },
				{ unitId: partyOffice.key, roomId: anPhu.key, persons: 1 }
			])
		);
		view = scenarioView(db, bt, id, 'vi')!;
	});

	it('figures: 16 seated, 4 moved (all of the Party office), 2 shared rooms', () => {
		expect(view.scenario.feasible).toBe(true);
		expect([view.metrics.seated, view.metrics.moved, view.metrics.sharedRooms]).toEqual([16, 4, 2]);
	});

	it('moves: the four leave VPĐU 1 (4 there today), in the instance’s building order', () => {
		expect(view.moves.map((m) => [m.order, m.unit, m.persons, m.from, m.to])).toEqual([
			[
				0,
				'Văn phòng Đảng ủy',
				1,
				'CS-BTD-DU/A 1.01 — Văn phòng Đảng ủy 1',
				'CS-AP-UB/A 1.01 — Điểm tiếp nhận hồ sơ An Phú'
			],
			[
				1,
				'Văn phòng Đảng ủy',
				3,
				'CS-BTD-DU/A 1.01 — Văn phòng Đảng ủy 1',
				'TS-01/A 1.01 — Bộ phận một cửa'
			]
		]);
	});

	it('buildings: persons moving in per building; the default is the one most move into', () => {
		const moving = view.buildings.filter((b) => b.movesIn > 0).map((b) => [b.label, b.movesIn]);
		expect(moving).toEqual([
			['CS-AP-UB/A — Nhà làm việc chính', 1],
			['TS-01/A — Nhà làm việc chính', 3]
		]);
		expect(view.buildings).toHaveLength(10);
		expect(view.buildings[view.defaultIndex].label).toBe('TS-01/A — Nhà làm việc chính');
		expect(view.defaultIndex).toBe(8);
		// Asked by room (after a move into An Phú), by building, or nothing.
		expect(chosenBuilding(view, { building: null, room: anPhuId }).index).toBe(0);
		expect(chosenBuilding(view, { building: null, room: null }).index).toBe(8);
		const partyHouse = view.buildings.find((b) => b.label.startsWith('CS-BTD-DU/A'))!;
		const chosen = chosenBuilding(view, { building: partyHouse.id, room: anPhuId });
		expect([chosen.index, chosen.stack?.code, chosen.stack?.id]).toEqual([2, 'A', partyHouse.id]);
	});

	it('the counter room is drawn split 78 / 18 m² of 96 (81.3 % and 18.8 %), nothing free', () => {
		const stack = view.stacks[8];
		const room = stack.levels.flatMap((l) => l.rooms).find((r) => r.code === '1.01')!;
		// fillAreas: the Party office gets 3 × 6 m² (its least area), the centre the rest.
		expect(room.segments.map((s) => [s.persons, s.areaM2, s.sharePct])).toEqual([
			[8, 78, 81.3],
			[3, 18, 18.8]
		]);
		expect(room.freeM2).toBe(0);
	});

	it('the move list sorts by persons and by destination', () => {
		expect(movesPage(view.moves, 'persons', 'desc', null).rows.map((m) => m.persons)).toEqual([
			3, 1
		]);
		const byTo = movesPage(view.moves, 'to', 'asc', 9);
		expect([byTo.page, byTo.total, byTo.rows.map((m) => m.to.slice(0, 5))]).toEqual([
			1,
			2,
			['CS-AP', 'TS-01']
		]);
	});
});

describe('movesPage', () => {
	const moves: MoveView[] = Array.from({ length: 120 }, (_, order) => ({
		key: `u1|r${order}|r0`,
		order,
		unit: 'Văn phòng',
		persons: order % 3,
		from: null,
		to: `Phòng ${order}`
	}));

	it('clamps the page to the last (120 rows, 50 a page: page 9 asked → page 3, rows 101-120)', () => {
		const page = movesPage(moves, 'unit', 'asc', 9);
		expect([page.page, page.rows.length, page.rows[0].order, page.rows[19].order]).toEqual([
			3, 20, 100, 119
		]);
	});

	it('an unknown column sorts by unit, ties keep the list order; desc reverses numbers', () => {
		const page = movesPage(moves, 'drop table', 'sideways', null);
		expect([page.sort, page.dir, page.page]).toEqual(['unit', 'asc', 1]);
		expect(page.rows.map((m) => m.order).slice(0, 3)).toEqual([0, 1, 2]);
		const desc = movesPage(moves, 'persons', 'desc', 1);
		// 40 rows with 2 persons first (orders 2, 5, 8, … in list order), then the 1s.
		expect(desc.rows.slice(0, 3).map((m) => [m.persons, m.order])).toEqual([
			[2, 2],
			[2, 5],
			[2, 8]
		]);
		expect(desc.rows[40].persons).toBe(1);
	});
});

describe('settings form', () => {
	it('keeps the ticked reservations, adds the new one, and refuses a room reserved twice', () => {
		const { db, bt } = sampleWard();
		const stored = defaultSettings(db, bt);
		const unitIds = Object.keys(stored.priorities).map(Number);
		const [first, second] = stored.lockedRooms;
		const form: SettingsFormData = {
			...Object.fromEntries(unitIds.map((u) => [`priority_${u}`, 2])),
			[`ground_${unitIds[0]}`]: true,
			[`keep_${first.roomId}`]: true,
			[`keep_${second.roomId}`]: false,
			minAreaPerPersonM2: 5.5,
			minAreaSource: null,
			maxUnitsPerRoom: 3,
			weightUnseated: 1000,
			weightWorstShortfall: 100,
			weightShortfallM2: 1,
			weightBuildings: 10,
			weightMoved: 0,
			lockAddRoom: second.roomId,
			lockAddUnit: unitIds[1]
		};
		const settings = settingsFromForm(stored, unitIds, form);
		if (settings === 'duplicate-lock') throw new Error('unexpected');
		expect(settings.lockedRooms).toEqual([first, { roomId: second.roomId, unitId: unitIds[1] }]);
		expect(settings.groundFloorUnitIds).toEqual([unitIds[0]]);
		expect([settings.minAreaPerPersonM2, settings.minAreaSource, settings.weights.moved]).toEqual([
			5.5,
			'',
			0
		]);
		const values = settingsFormValues(settings, unitIds, [first.roomId, second.roomId]);
		expect(values.minAreaPerPersonM2).toBe('5.5');
		expect(values[`keep_${second.roomId}`]).toBe('on');
		expect(values[`ground_${unitIds[1]}`]).toBe('');
		expect(settingsFromForm(stored, unitIds, { ...form, [`keep_${second.roomId}`]: true })).toBe(
			'duplicate-lock'
		);
	});
});

describe('buildingChoices (the stack plan picker)', () => {
	/** 100 buildings b1…b100 (ids 1001…1100); people move into #40 (3 persons) and #7 (1). */
	const many = Array.from({ length: 100 }, (_, i) => ({
		id: 1001 + i,
		key: `b${i + 1}`,
		label: `B${i + 1}`,
		rooms: 50,
		movesIn: i + 1 === 40 ? 3 : i + 1 === 7 ? 1 : 0
	}));

	it('lists every building of a small ward, with the neighbours of the one shown', () => {
		const few = many.slice(0, 5);
		expect(buildingChoices(few, 0)).toEqual({
			options: few,
			all: true,
			prev: null,
			next: 1002,
			total: 5
		});
		expect(buildingChoices(few, 4)).toMatchObject({ prev: 1004, next: null });
	});

	it('lists the building shown and those people move into, in the ward order, past the limit', () => {
		const choices = buildingChoices(many, 54);
		expect(choices.options.map((b) => b.label)).toEqual(['B7', 'B40', 'B55']);
		expect(choices).toMatchObject({ all: false, prev: 1054, next: 1056, total: 100 });
		// At most `max`: the building shown first, then the most persons moving in.
		expect(buildingChoices(many, 54, 2).options.map((b) => b.label)).toEqual(['B40', 'B55']);
		expect(buildingChoices(many, 39).options.map((b) => b.label)).toEqual(['B7', 'B40']);
	});
});
