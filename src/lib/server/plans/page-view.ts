/**
 * What each plan page sends, cut from the scenario's view (`./view`): the scenario page's one
 * screen (one building's stack plan, one sorted page of moves, the pickers' rooms for an editor),
 * the list of its buildings and the instance of the browser's live check. Pure functions of the
 * view and the request's parameters, so they run where the view is kept (a worker thread, see
 * `./view-worker`) and only the page's rows cross to the server's thread.
 */
import { pickerRooms } from '../../plans/picker-rooms';
import { clampPage } from '../core/paged';
import type { PlanMetrics } from './metrics';
import { buildingChoices, chosenBuilding, movesPage, type ScenarioView } from './view';

/** Violations listed on the page (all of them are counted; the API and apply give every one). */
export const VIOLATIONS_SHOWN = 50;
/** Buildings per page of the scenario's list of buildings. */
export const BUILDINGS_PAGE_SIZE = 100;

/** What the scenario page asked for: the building or room shown, the move list's sort and page. */
export interface ScenarioPageAsk {
	building: number | null;
	room: number | null;
	sort: string | null;
	dir: string | null;
	page: number | null;
	/** The user may edit (the pickers' rooms and the plan rows are sent to editors only). */
	canEdit: boolean;
}

/**
 * The rooms of the pickers (the building shown and the rooms the plan seats people in) and the
 * buildings they are in (the move form groups its rooms by building).
 */
function roomsShown(view: ScenarioView, buildingIndex: number) {
	const { rooms, partial } = pickerRooms(view.rooms, {
		buildingKey: view.buildings[buildingIndex]?.key ?? null,
		roomKeys: view.plan.map((a) => a.roomKey)
	});
	const keys = new Set(rooms.map((r) => r.buildingKey));
	const roomBuildings = view.buildings
		.filter((b) => keys.has(b.key))
		.map((b) => ({ id: b.id, key: b.key, label: b.label }));
	return { rooms, roomsPartial: partial, roomBuildings };
}

/**
 * The plan's figures as the page reads them: the totals, and per unit only what its table, its
 * chart, the move form and the apply panel read (not the older aliases and per-person figures).
 */
function pageMetrics(metrics: PlanMetrics) {
	const { units, placed: _placed, unplaced: _unplaced, ...totals } = metrics;
	return {
		...totals,
		units: units.map(
			({
				placed: _p,
				unplaced: _u,
				normM2PerPerson: _n,
				areaPerPersonM2: _a,
				groundFloorOnly: _g,
				...unit
			}) => unit
		)
	};
}

/**
 * One screen of a scenario: its settings, the summary figures and the per-unit table, the stack
 * plan of ONE building (by default the building most people move into), the plan rows and the
 * rooms of the pickers (bounded, editors only), and one sorted page of the move list.
 */
export function scenarioPage(view: ScenarioView, ask: ScenarioPageAsk) {
	const chosen = chosenBuilding(view, { building: ask.building, room: ask.room });
	const { violations, ...scenario } = view.scenario;
	// What only the forms read is sent to those who see the forms: the rooms of the pickers (the
	// move and settings forms of an editor) and the plan rows (the move form of a solved plan).
	const editable = ask.canEdit && scenario.status !== 'draft';
	return {
		scenario: {
			...scenario,
			violations: violations.slice(0, VIOLATIONS_SHOWN),
			violationCount: violations.length
		},
		settings: view.settings,
		units: view.units,
		metrics: pageMetrics(view.metrics),
		normSetName: view.normSetName,
		...(ask.canEdit
			? roomsShown(view, chosen.index)
			: { rooms: [], roomsPartial: false, roomBuildings: [] }),
		plan: editable ? view.plan : [],
		// The picker lists at most PICKER_BUILDINGS buildings; ./buildings lists every one.
		buildingChoices: buildingChoices(view.buildings, chosen.index),
		building: chosen.stack,
		buildingIndex: chosen.index,
		moves: movesPage(view.moves, ask.sort, ask.dir, ask.page)
	};
}

export type ScenarioPage = ReturnType<typeof scenarioPage>;

/** One page of the scenario's buildings (the page number clamped to the last page). */
export function scenarioBuildings(view: ScenarioView, pageAsked: number) {
	const total = view.buildings.length;
	const page = clampPage(pageAsked, total, BUILDINGS_PAGE_SIZE);
	return {
		scenario: { id: view.scenario.id, name: view.scenario.name },
		list: {
			rows: view.buildings
				.slice((page - 1) * BUILDINGS_PAGE_SIZE, page * BUILDINGS_PAGE_SIZE)
				.map((b) => ({ id: b.id, label: b.label, rooms: b.rooms, movesIn: b.movesIn })),
			page,
			pageSize: BUILDINGS_PAGE_SIZE,
			total
		}
	};
}

export type ScenarioBuildings = ReturnType<typeof scenarioBuildings>;
