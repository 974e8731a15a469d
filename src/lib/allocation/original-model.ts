/**
 * The issue's model (issue 13, "The model") written exactly as stated, as CPLEX LP text: no
 * bound tightening, no valid inequality, no symmetry breaking, every row of every allowed pair
 * with cap ≥ 1. `solveAllocation` solves the strengthened `buildModel` instead; this text is the
 * reference both must agree with (`allocationLp(instance, { original: true })`,
 * `npm run allocate -- file.json --write-lp model.lp --original`).
 */
import { chunk, expr, num } from './lp-text';
import { pairCap, roomAllowed, type PreparedInstance } from './validate';

/**
 *   min  unseated·Σq + worstShortfall·t + shortfallM2·Σs + buildingsPerUnit·Σy
 *        + moved·Σ_{u, r ∉ current(u)} x_ur
 *   Σ_r x_ur + q_u = headcount_u
 *   g_ur ≥ m·x_ur;  g_ur ≤ areaM2_r·z_ur;  x_ur ≤ cap_ur·z_ur;  x_ur ≥ z_ur;  z_ur ≤ y_u,b(r)
 *   Σ_u g_ur ≤ areaM2_r;  Σ_u z_ur ≤ maxUnitsPerRoom;  Σ_u x_ur ≤ seats_r (seats set)
 *   Σ_r g_ur ≤ N_u;  s_u ≥ N_u − Σ_r g_ur;  N_u·t − priority_u·s_u ≥ 0   (N_u = normM2·headcount)
 *   x, q integer ≥ 0; g, s, t ≥ 0; z, y binary.
 */
export function originalLp(p: PreparedInstance): string {
	const w = p.weights;
	const m = p.settings.minAreaPerPersonM2;
	const pairs: { u: number; r: number; id: string }[] = [];
	p.units.forEach((_, u) => {
		p.rooms.forEach((_, r) => {
			if (roomAllowed(p, u, r) && pairCap(p, u, r) >= 1) pairs.push({ u, r, id: `${u}_${r}` });
		});
	});
	const ys = [...new Set(pairs.map((x) => `${x.u}_${p.roomBuilding[x.r]}`))].map((k) => `y_${k}`);
	const obj: string[] = [];
	const term = (weight: number, name: string) => {
		if (weight !== 0) obj.push(`${num(weight)} ${name}`);
	};
	p.units.forEach((_, u) => {
		term(w.unseated, `q_${u}`);
		term(w.shortfallM2, `s_${u}`);
	});
	term(w.worstShortfall, 't');
	for (const y of ys) term(w.buildingsPerUnit, y);
	for (const x of pairs) if (!p.current[x.u].has(x.r)) term(w.moved, `x_${x.id}`);
	if (obj.length === 0) obj.push('0 t');

	const rows: string[] = [];
	const of = (u: number) => pairs.filter((x) => x.u === u);
	p.units.forEach((unit, u) => {
		rows.push(
			` hc_${u}: ${expr([...of(u).map((x) => `x_${x.id}`), `q_${u}`])} = ${unit.headcount}`
		);
	});
	for (const x of pairs) {
		const room = p.rooms[x.r];
		rows.push(
			` gm_${x.id}: g_${x.id} - ${num(m)} x_${x.id} >= 0`,
			` gz_${x.id}: g_${x.id} - ${num(room.areaM2)} z_${x.id} <= 0`,
			` xz_${x.id}: x_${x.id} - ${pairCap(p, x.u, x.r)} z_${x.id} <= 0`,
			` zx_${x.id}: x_${x.id} - z_${x.id} >= 0`,
			` zy_${x.id}: z_${x.id} - y_${x.u}_${p.roomBuilding[x.r]} <= 0`
		);
	}
	p.rooms.forEach((room, r) => {
		const xs = pairs.filter((x) => x.r === r);
		if (xs.length === 0) return;
		rows.push(` ra_${r}: ${expr(xs.map((x) => `g_${x.id}`))} <= ${num(room.areaM2)}`);
		rows.push(` mu_${r}: ${expr(xs.map((x) => `z_${x.id}`))} <= ${p.settings.maxUnitsPerRoom}`);
		if (room.seats !== null) {
			rows.push(` se_${r}: ${expr(xs.map((x) => `x_${x.id}`))} <= ${room.seats}`);
		}
	});
	p.units.forEach((unit, u) => {
		const gs = of(u).map((x) => `g_${x.id}`);
		const n = unit.entitledM2;
		if (gs.length > 0) rows.push(` nc_${u}: ${expr(gs)} <= ${num(n)}`);
		rows.push(` sf_${u}: ${expr([`s_${u}`, ...gs])} >= ${num(n)}`);
		rows.push(` tr_${u}: ${num(n)} t - ${num(unit.priority)} s_${u} >= 0`);
	});
	const generals = [...pairs.map((x) => `x_${x.id}`), ...p.units.map((_, u) => `q_${u}`)];
	const binaries = [...pairs.map((x) => `z_${x.id}`), ...ys];
	return [
		'Minimize',
		` obj: ${expr(obj)}`,
		'Subject To',
		...rows,
		'Bounds',
		' t >= 0',
		'Generals',
		...chunk(generals),
		...(binaries.length > 0 ? ['Binaries', ...chunk(binaries)] : []),
		'End',
		''
	].join('\n');
}
