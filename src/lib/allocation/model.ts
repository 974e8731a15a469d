/**
 * MIP model construction: CPLEX LP text for HiGHS.
 *
 * Variable names are index based (`x_<u>_<r>`, `s_<u>`, `y_<u>_<b>`) so that no user-provided id
 * ever reaches the LP parser.
 */
import { bestBuildingSubset } from './heuristic';
import { fitCount, roomAllowed, type PreparedInstance } from './validate';

/** One integer placement variable x[u][r] (internal). */
export interface XVar {
	u: number;
	r: number;
	b: number;
	/** Upper bound min(headcount[u], floor(area[r] / areaPerPerson[u])) ≥ 1. */
	cap: number;
	name: string;
}

/** The LP text plus the column bookkeeping needed to read a solution back (internal). */
export interface BuiltModel {
	lp: string;
	/** All column names in the order they are declared here. */
	columns: string[];
	xVars: XVar[];
	/** Name of s[u] for every unit. */
	sNames: string[];
	/** y[u][b] variables that exist (the unit has a candidate room in the building). */
	yVars: { u: number; b: number; name: string }[];
	/** True when every weight is an integer, so every feasible objective value is an integer. */
	integralObjective: boolean;
}

/** Formats a finite number for the LP file. */
function num(v: number): string {
	return String(v);
}

/** Joins `coef name` terms with ` + `, breaking long expressions over several lines. */
function sum(terms: string[]): string {
	const lines: string[] = [];
	for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
	return lines.join('\n   + ');
}

/** Which linking constraints tie x to y (see {@link buildModel}). */
export type Linking = 'per-building' | 'per-room';

/**
 * Builds the model of `solveAllocation` as CPLEX LP text:
 *
 *   min  unplaced·Σ_u s_u + buildingsPerUnit·Σ_{u,b} y_ub + moved·Σ_{u, r ∉ current(u)} x_ur
 *   s.t. cap_r:  Σ_u areaPerPerson_u·x_ur ≤ area_r                 (every room with a variable)
 *        hc_u:   Σ_r x_ur + s_u = headcount_u                       (every unit)
 *        linking, `per-building` (default):
 *          lb_ub:  Σ_{r ∈ b} x_ur − C_ub·y_ub ≤ 0,   C_ub = min(headcount_u, Σ_{r ∈ b} M_ur)
 *        or `per-room`:
 *          lk_ur:  x_ur − M_ur·y_u,b(r) ≤ 0
 *        cv_u:   Σ_b C_ub·y_ub + s_u ≥ headcount_u                  (valid inequality)
 *        ub_u:   cost_u ≥ L_u  (valid inequality, `unitBounds`), where cost_u is unit u's part of
 *                the objective and L_u = `unitLowerBound`: its least cost if it were alone.
 *        0 ≤ x_ur ≤ M_ur integer,  M_ur = min(headcount_u, ⌊area_r / areaPerPerson_u⌋),
 *        s_u ≥ 0, y_ub binary.
 *
 * Equivalence with the textbook model (x_ur ≤ headcount_u·y_ub for every room): the capacity
 * and headcount rows already force x_ur ≤ M_ur for integer x, so the bound is implied; and with
 * x ≥ 0 both linking variants say exactly "y_ub = 1 whenever unit u has somebody in building b"
 * (Σ_{r∈b} x_ur ≤ C_ub always holds). `cv_u` holds in every plan (u's people in building b are
 * at most C_ub·y_ub; add over b and use `hc_u`), and so does `ub_u` (other units can only take
 * seats away from u). The set of feasible plans and the objective are therefore unchanged; only
 * the LP relaxation and the row count differ (per-building: one row per (unit, building) instead
 * of one per (unit, room); it solves markedly faster with HiGHS on ward-sized instances).
 *
 * x_ur is omitted (fixed to 0) when room r is unusable, when u is ground-floor-only and r is not
 * on level 1, and when M_ur = 0. y_ub is omitted when unit u has no variable in building b.
 */
export function buildModel(
	p: PreparedInstance,
	linking: Linking = 'per-building',
	unitBounds = true
): BuiltModel {
	const { unplaced: wU, buildingsPerUnit: wB, moved: wM } = p.weights;
	const xVars: XVar[] = [];
	const yVars: BuiltModel['yVars'] = [];
	const sNames = p.units.map((_, u) => `s_${u}`);
	const xByUnitBuilding: Map<number, XVar[]>[] = p.units.map(() => new Map());
	const xByRoom: XVar[][] = p.rooms.map(() => []);

	p.units.forEach((unit, u) => {
		p.rooms.forEach((room, r) => {
			if (!roomAllowed(p, u, r)) return;
			const cap = Math.min(unit.headcount, fitCount(room.areaM2, unit.areaPerPersonM2));
			if (cap < 1) return;
			const b = p.roomBuilding[r];
			const v: XVar = { u, r, b, cap, name: `x_${u}_${r}` };
			xVars.push(v);
			xByRoom[r].push(v);
			const list = xByUnitBuilding[u].get(b);
			if (list) list.push(v);
			else {
				xByUnitBuilding[u].set(b, [v]);
				yVars.push({ u, b, name: `y_${u}_${b}` });
			}
		});
	});

	const objTerms: string[] = [];
	if (wU !== 0) for (const s of sNames) objTerms.push(`${num(wU)} ${s}`);
	if (wB !== 0) for (const y of yVars) objTerms.push(`${num(wB)} ${y.name}`);
	if (wM !== 0)
		for (const x of xVars) if (!p.current[x.u].has(x.r)) objTerms.push(`${num(wM)} ${x.name}`);
	if (objTerms.length === 0) objTerms.push(`0 ${sNames[0]}`);

	const rows: string[] = [];
	p.rooms.forEach((room, r) => {
		const vars = xByRoom[r];
		if (vars.length === 0) return;
		const terms = vars.map((x) => `${num(p.units[x.u].areaPerPersonM2)} ${x.name}`);
		rows.push(` cap_${r}: ${sum(terms)} <= ${num(room.areaM2)}`);
	});
	p.units.forEach((unit, u) => {
		const byB = xByUnitBuilding[u];
		const terms = [...[...byB.values()].flat().map((x) => x.name), sNames[u]];
		rows.push(` hc_${u}: ${sum(terms)} = ${unit.headcount}`);
		const cover: string[] = [];
		for (const [b, xs] of byB) {
			const c = Math.min(
				unit.headcount,
				xs.reduce((acc, x) => acc + x.cap, 0)
			);
			if (linking === 'per-building')
				rows.push(` lb_${u}_${b}: ${sum(xs.map((x) => x.name))} - ${c} y_${u}_${b} <= 0`);
			else for (const x of xs) rows.push(` lk_${u}_${x.r}: ${x.name} - ${x.cap} y_${u}_${b} <= 0`);
			cover.push(`${c} y_${u}_${b}`);
		}
		if (cover.length > 0) rows.push(` cv_${u}: ${sum([...cover, sNames[u]])} >= ${unit.headcount}`);
		if (unitBounds) {
			const lb = unitLowerBound(p, u, byB);
			const costTerms: string[] = [];
			if (wU !== 0) costTerms.push(`${num(wU)} ${sNames[u]}`);
			for (const [b, xs] of byB) {
				if (wB !== 0) costTerms.push(`${num(wB)} y_${u}_${b}`);
				if (wM !== 0)
					for (const x of xs) if (!p.current[u].has(x.r)) costTerms.push(`${num(wM)} ${x.name}`);
			}
			if (lb > 0 && costTerms.length > 0) rows.push(` ub_${u}: ${sum(costTerms)} >= ${num(lb)}`);
		}
	});

	const bounds = [
		...xVars.map((x) => ` 0 <= ${x.name} <= ${x.cap}`),
		...sNames.map((s) => ` ${s} >= 0`)
	];
	const lines = ['Minimize', ` obj: ${sum(objTerms)}`, 'Subject To', ...rows, 'Bounds', ...bounds];
	if (xVars.length > 0) lines.push('Generals', ...chunkNames(xVars.map((x) => x.name)));
	if (yVars.length > 0) lines.push('Binaries', ...chunkNames(yVars.map((y) => y.name)));
	lines.push('End', '');

	return {
		lp: lines.join('\n'),
		columns: [...xVars.map((x) => x.name), ...sNames, ...yVars.map((y) => y.name)],
		xVars,
		sNames,
		yVars,
		integralObjective: [wU, wB, wM].every((w) => Number.isInteger(w))
	};
}

function chunkNames(names: string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < names.length; i += 16) out.push(' ' + names.slice(i, i + 16).join(' '));
	return out;
}

/**
 * Least possible cost wU·s + wB·|buildings| + wM·moved of unit u if it were alone in the ward
 * (every room offering its M[u][r] seats), computed exactly over building subsets by
 * `bestBuildingSubset`. Other units can only take seats away, so every feasible plan satisfies
 * "cost of u ≥ this bound": the `ub_u` rows are valid inequalities that cut no plan off.
 */
export function unitLowerBound(
	p: PreparedInstance,
	u: number,
	byBuilding: Map<number, XVar[]>
): number {
	const h = p.units[u].headcount;
	const blds = [...byBuilding.keys()];
	const seats = (b: number, stayOnly: boolean) =>
		Math.min(
			h,
			(byBuilding.get(b) ?? [])
				.filter((x) => !stayOnly || p.current[u].has(x.r))
				.reduce((acc, x) => acc + x.cap, 0)
		);
	return bestBuildingSubset(
		h,
		blds,
		blds.map((b) => seats(b, false)),
		blds.map((b) => seats(b, true)),
		p.weights
	).cost;
}
