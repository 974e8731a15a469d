/**
 * The MIP of issue 13 as CPLEX LP text (the format HiGHS reads and `cbc file.lp solve` reads).
 *
 * Column names are index based (`x_<u>_<r>`, `g_…`, `z_…`, `q_<u>`, `s_<u>`, `y_<u>_<b>`, `t`)
 * so that no user-provided id reaches the LP parser.
 */
import type { AllocationInstance } from './types';
import { chunk, expr, num } from './lp-text';
import { originalLp } from './original-model';
import { pairCap, prepareInstance, roomAllowed, type PreparedInstance } from './validate';

/** Valid inequalities on/off (internal switch for the bench's experiments). */
export const CUTS = { on: true };

/** One allowed (unit, room) pair with cap ≥ 1 (internal). */
export interface ModelPair {
	u: number;
	r: number;
	b: number;
	cap: number;
	/** Upper bound of g: min(areaM2_r, normM2_u · headcount_u). */
	gMax: number;
	x: string;
	g: string;
	z: string;
}

/** The LP text plus the bookkeeping to read a solution back (internal). */
export interface BuiltModel {
	lp: string;
	/** Every column name, in declaration order (the order of `HighsJob.columns`). */
	columns: string[];
	pairs: ModelPair[];
	/** y columns: (unit, building) pairs with at least one model pair. */
	yVars: { u: number; b: number; name: string }[];
	/** Classes of interchangeable rooms ordered by symmetry rows (empty without cuts). */
	symmetry: SymmetryClass[];
}

/** Interchangeable rooms (indices, ascending) and the weight of each unit that may use them. */
export interface SymmetryClass {
	rooms: number[];
	weight: Map<number, number>;
}

/**
 * Classes of interchangeable rooms (internal): rooms of one building with the same area and
 * seats that exactly the same units may use (same caps and big-Ms) and exactly the same units
 * sit in today. Swapping the whole contents (x, g, z of every unit) of two rooms of a class maps
 * every plan to a plan of the same objective (same rows, same building, same moves). Classes of
 * one room are left out. Unit weights: w_u = 2^rank of u among the units that may use the rooms
 * (rank + 1 beyond 12 units, to keep the coefficients small; still a valid order).
 */
export function symmetryClasses(p: PreparedInstance, byRoom: ModelPair[][]): SymmetryClass[] {
	const classes = new Map<string, number[]>();
	p.rooms.forEach((room, r) => {
		const xs = byRoom[r];
		if (xs.length === 0) return;
		const key = [
			p.roomBuilding[r],
			room.areaM2,
			room.seats ?? '-',
			xs.map((x) => `${x.u}${p.current[x.u].has(r) ? 'c' : ''}:${x.cap}:${x.gMax}`).join(',')
		].join('|');
		const list = classes.get(key);
		if (list) list.push(r);
		else classes.set(key, [r]);
	});
	return [...classes.values()]
		.filter((rooms) => rooms.length > 1)
		.map((rooms) => {
			const units = byRoom[rooms[0]].map((x) => x.u);
			return {
				rooms,
				weight: new Map(units.map((u, i) => [u, units.length <= 12 ? 2 ** i : i + 1]))
			};
		});
}

/**
 * Symmetry breaking (internal): in each class r1 < r2 < … the rooms are ordered by the units
 * using them, f(r1) ≥ f(r2) ≥ … with f(r) = Σ_u w_u·z_ur. Any plan becomes one obeying the order
 * by sorting the rooms' contents by f (`canonicalRooms`), with the same objective, so the
 * optimum is unchanged; the solver no longer explores both halves of every swap.
 */
function symmetryRows(classes: SymmetryClass[], byRoom: ModelPair[][]): string[] {
	const rows: string[] = [];
	for (const { rooms, weight } of classes) {
		for (let i = 0; i + 1 < rooms.length; i++) {
			const terms = [
				...byRoom[rooms[i]].map((x) => `${weight.get(x.u)} ${x.z}`),
				...byRoom[rooms[i + 1]].map((x) => `-${weight.get(x.u)} ${x.z}`)
			];
			rows.push(` sy_${rooms[i]}: ${expr(terms)} >= 0`);
		}
	}
	return rows;
}

/**
 * The room each room's contents move to so that a plan obeys the symmetry rows: within each
 * class the rooms sorted by f (descending, ties by index) take the class' rooms in index order.
 * `usedBy(r)` lists the units with persons in room r. Rooms outside every class map to themselves.
 */
export function canonicalRooms(
	classes: SymmetryClass[],
	usedBy: (r: number) => number[]
): Map<number, number> {
	const to = new Map<number, number>();
	for (const { rooms, weight } of classes) {
		const f = (r: number) => usedBy(r).reduce((sum, u) => sum + (weight.get(u) ?? 0), 0);
		const sorted = [...rooms].sort((a, b) => f(b) - f(a) || a - b);
		sorted.forEach((r, k) => to.set(r, rooms[k]));
	}
	return to;
}

/**
 * Builds the model (internal), exactly the issue's formulation with tight big-Ms:
 *
 *   min  unseated·Σq + worstShortfall·t + shortfallM2·Σs + buildingsPerUnit·Σy
 *        + moved·Σ_{u, r ∉ current(u)} x_ur
 *   hc_u:  Σ_r x_ur + q_u = headcount_u
 *   gm:    g_ur − m·x_ur ≥ 0              (m = minAreaPerPersonM2)
 *   gz:    g_ur − min(areaM2_r, N_u)·z_ur ≤ 0   (N_u = normM2_u·headcount_u; g ≤ N_u follows
 *                                          from the norm row, so the smaller M is valid)
 *   xz:    x_ur − cap_ur·z_ur ≤ 0,  zx: x_ur − z_ur ≥ 0
 *   ra_r:  Σ_u g_ur ≤ areaM2_r           (written when 2+ units may use r; else the g bound)
 *   mu_r:  Σ_u z_ur ≤ maxUnitsPerRoom    (written when more units than that may use r)
 *   se_r:  Σ_u x_ur ≤ seats_r            (written when seats is set and Σ_u cap_ur > seats_r)
 *   zy:    z_ur − y_u,b(r) ≤ 0
 *   nc_u:  Σ_r g_ur ≤ N_u                (written when Σ_r min(areaM2_r, N_u) > N_u)
 *   sf_u:  s_u + Σ_r g_ur ≥ N_u
 *   tr_u:  N_u·t − priority_u·s_u ≥ 0    (units with N_u > 0 only)
 *   valid inequalities (cut off no plan; `CUTS.on`): cb_u: h_u·Σ_b y_ub + q_u ≥ h_u (a unit
 *          with anybody seated uses a building); gb_ub: Σ_{r∈b} g_ur ≤ min(N_u, Σ_{r∈b} gMax)·y_ub
 *   symmetry (`CUTS.on`, not with `fixed`): sy_r: f(r) ≥ f(r') for consecutive interchangeable
 *          rooms (`symmetryClasses`); it removes plans, but never every optimal one
 *   bounds 0 ≤ x ≤ cap, 0 ≤ g ≤ min(areaM2_r, N_u), 0 ≤ q ≤ headcount, 0 ≤ s ≤ N_u,
 *          0 ≤ t ≤ max priority; x, q general integers; z, y binary.
 *
 * Pairs exist for allowed (unit, room) with cap ≥ 1 only (all others are fixed to 0). Every row
 * left out and every bound added is implied by the rows written, so the optimum is exactly the
 * issue's (`originalLp` writes the issue's formulation as stated, to check that with CBC).
 */
export function buildModel(
	p: PreparedInstance,
	cuts = CUTS.on,
	fixed?: (pair: ModelPair) => number | undefined
): BuiltModel {
	const w = p.weights;
	const m = p.settings.minAreaPerPersonM2;
	const pairs: ModelPair[] = [];
	const byRoom: ModelPair[][] = p.rooms.map(() => []);
	const byUnit: ModelPair[][] = p.units.map(() => []);
	const yKey = new Map<string, string>();
	const yVars: BuiltModel['yVars'] = [];
	p.units.forEach((unit, u) => {
		p.rooms.forEach((room, r) => {
			if (!roomAllowed(p, u, r)) return;
			const cap = pairCap(p, u, r);
			if (cap < 1) return;
			// m·x ≤ g ≤ min(area, N) must leave room for one person.
			const gMax = Math.min(room.areaM2, unit.entitledM2);
			if (gMax < m - 1e-9) return;
			const b = p.roomBuilding[r];
			const pair: ModelPair = {
				u,
				r,
				b,
				cap: Math.min(cap, Math.floor(gMax / m + 1e-9)),
				gMax,
				x: `x_${u}_${r}`,
				g: `g_${u}_${r}`,
				z: `z_${u}_${r}`
			};
			pairs.push(pair);
			byRoom[r].push(pair);
			byUnit[u].push(pair);
			const key = `${u}_${b}`;
			if (!yKey.has(key)) {
				yKey.set(key, `y_${key}`);
				yVars.push({ u, b, name: `y_${key}` });
			}
		});
	});

	const obj: string[] = [];
	p.units.forEach((unit, u) => {
		if (w.unseated !== 0 && unit.headcount > 0) obj.push(`${num(w.unseated)} q_${u}`);
		if (w.shortfallM2 !== 0 && unit.entitledM2 > 0) obj.push(`${num(w.shortfallM2)} s_${u}`);
	});
	if (w.worstShortfall !== 0) obj.push(`${num(w.worstShortfall)} t`);
	if (w.buildingsPerUnit !== 0) {
		for (const y of yVars) obj.push(`${num(w.buildingsPerUnit)} ${y.name}`);
	}
	if (w.moved !== 0) {
		for (const x of pairs) if (!p.current[x.u].has(x.r)) obj.push(`${num(w.moved)} ${x.x}`);
	}
	if (obj.length === 0) obj.push('0 t');

	const rows: string[] = [];
	p.units.forEach((unit, u) => {
		rows.push(` hc_${u}: ${expr([...byUnit[u].map((x) => x.x), `q_${u}`])} = ${unit.headcount}`);
	});
	for (const x of pairs) {
		const id = `${x.u}_${x.r}`;
		rows.push(` gm_${id}: ${x.g} - ${num(m)} ${x.x} >= 0`);
		rows.push(` gz_${id}: ${x.g} - ${num(x.gMax)} ${x.z} <= 0`);
		if (x.cap > 1) rows.push(` xz_${id}: ${x.x} - ${x.cap} ${x.z} <= 0`);
		rows.push(` zx_${id}: ${x.x} - ${x.z} >= 0`);
		rows.push(` zy_${id}: ${x.z} - y_${x.u}_${x.b} <= 0`);
	}
	p.rooms.forEach((room, r) => {
		const xs = byRoom[r];
		if (xs.length >= 2) rows.push(` ra_${r}: ${expr(xs.map((x) => x.g))} <= ${num(room.areaM2)}`);
		if (xs.length > p.settings.maxUnitsPerRoom) {
			rows.push(` mu_${r}: ${expr(xs.map((x) => x.z))} <= ${p.settings.maxUnitsPerRoom}`);
		}
		if (room.seats !== null && xs.reduce((s, x) => s + x.cap, 0) > room.seats) {
			rows.push(` se_${r}: ${expr(xs.map((x) => x.x))} <= ${room.seats}`);
		}
	});
	if (cuts) {
		p.units.forEach((unit, u) => {
			const ys = yVars.filter((y) => y.u === u);
			if (ys.length === 0 || unit.headcount === 0) return;
			// A unit with anybody seated uses a building: h·Σ_b y_ub + q_u ≥ h.
			rows.push(
				` cb_${u}: ${expr([...ys.map((y) => `${unit.headcount} ${y.name}`), `q_${u}`])} >= ${unit.headcount}`
			);
			// Area in a building needs the building: Σ_{r∈b} g_ur ≤ min(N_u, Σ_{r∈b} gMax)·y_ub.
			for (const y of ys) {
				const xs = byUnit[u].filter((x) => x.b === y.b);
				const big = Math.min(
					unit.entitledM2,
					xs.reduce((acc, x) => acc + x.gMax, 0)
				);
				if (xs.length > 1) {
					rows.push(` gb_${u}_${y.b}: ${expr(xs.map((x) => x.g))} - ${num(big)} ${y.name} <= 0`);
				}
			}
		});
	}
	// Not in the sub-models of the large-neighbourhood search: fixing persons in one room of a
	// class and not in the other breaks the symmetry the order relies on.
	const symmetry = cuts && !fixed ? symmetryClasses(p, byRoom) : [];
	rows.push(...symmetryRows(symmetry, byRoom));
	p.units.forEach((unit, u) => {
		const xs = byUnit[u];
		const n = unit.entitledM2;
		if (xs.length > 0 && xs.reduce((s, x) => s + x.gMax, 0) > n) {
			rows.push(` nc_${u}: ${expr(xs.map((x) => x.g))} <= ${num(n)}`);
		}
		if (n > 0) {
			rows.push(` sf_${u}: ${expr([`s_${u}`, ...xs.map((x) => x.g)])} >= ${num(n)}`);
			rows.push(` tr_${u}: ${num(n)} t - ${num(unit.priority)} s_${u} >= 0`);
		}
	});

	const maxPriority = Math.max(1, ...p.units.map((unit) => unit.priority));
	const bounds: string[] = [];
	const fixedZ: string[] = [];
	for (const x of pairs) {
		const k = fixed?.(x);
		if (k === undefined) bounds.push(` 0 <= ${x.x} <= ${x.cap}`);
		else {
			// Large-neighbourhood search: persons fixed, z fixed with them (declared integer).
			bounds.push(` ${k} <= ${x.x} <= ${k}`, ` ${k > 0 ? 1 : 0} <= ${x.z} <= ${k > 0 ? 1 : 0}`);
			fixedZ.push(x.z);
		}
		bounds.push(` 0 <= ${x.g} <= ${num(x.gMax)}`);
	}
	p.units.forEach((unit, u) => {
		bounds.push(` 0 <= q_${u} <= ${unit.headcount}`);
		bounds.push(` 0 <= s_${u} <= ${num(unit.entitledM2)}`);
	});
	bounds.push(` 0 <= t <= ${num(maxPriority)}`);

	const columns = [
		...pairs.flatMap((x) => [x.x, x.g, x.z]),
		...p.units.flatMap((_, u) => [`q_${u}`, `s_${u}`]),
		...yVars.map((y) => y.name),
		't'
	];
	const lines = ['Minimize', ` obj: ${expr(obj)}`, 'Subject To'];
	// HiGHS and CBC need at least one row.
	lines.push(...(rows.length > 0 ? rows : [' dummy: t >= 0']));
	lines.push('Bounds', ...bounds);
	const generals = [...pairs.map((x) => x.x), ...p.units.map((_, u) => `q_${u}`), ...fixedZ];
	lines.push('Generals', ...chunk(generals));
	const isFixed = new Set(fixedZ);
	const binaries = [
		...pairs.filter((x) => !isFixed.has(x.z)).map((x) => x.z),
		...yVars.map((y) => y.name)
	];
	if (binaries.length > 0) lines.push('Binaries', ...chunk(binaries));
	lines.push('End', '');
	return { lp: lines.join('\n'), columns, pairs, yVars, symmetry };
}

/**
 * The instance's model as CPLEX LP text, readable by CBC (`cbc file.lp solve`) and HiGHS.
 * By default the model `solveAllocation` solves: the issue's formulation with tight big-Ms,
 * valid inequalities and symmetry breaking (see `buildModel`); with `{ original: true }` the
 * issue's formulation exactly as written (`originalLp`), for checking that the strengthened
 * model keeps the optimum. Both have the same optimal objective.
 *
 * @throws AllocationInputError when the instance is invalid.
 */
export function allocationLp(
	instance: AllocationInstance,
	options: { original?: boolean } = {}
): string {
	const p = prepareInstance(instance);
	return options.original ? originalLp(p) : buildModel(p).lp;
}
