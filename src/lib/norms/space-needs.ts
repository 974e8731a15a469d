/**
 * Space needs against a norm set (Decree 155/2025/NĐ-CP): total usable area =
 * Σ(staff × norm) + common-use area + specialised area (diện tích sử dụng chung, chuyên dùng).
 */
import {
	NormsInputError,
	describeValue,
	isNonEmptyString,
	isNonNegativeFinite,
	isNonNegativeInteger
} from './errors';
import { formatNumber, sumFormula } from './format';
import { positionNorm } from './positions';
import type {
	NeedsLine,
	NormSet,
	PositionCount,
	PricedPosition,
	SpaceNeedsInput,
	SpaceNeedsResult,
	TitleNorm,
	TraceStep,
	UnitSpaceNeeds
} from './types';

/** One class in use against its allowance (null allowance: no gap or ratio). */
function line(inUseM2: number, allowanceM2: number | null): NeedsLine {
	return {
		inUseM2,
		allowanceM2,
		gapM2: allowanceM2 === null ? null : inUseM2 - allowanceM2,
		ratio: allowanceM2 === null || allowanceM2 === 0 ? null : inUseM2 / allowanceM2
	};
}

/**
 * Largest accepted common-use area ratio (5 = 500 % of the working area); anything above is
 * taken for a typing error.
 *
 * @example
 * MAX_COMMON_AREA_RATIO; // 5
 */
export const MAX_COMMON_AREA_RATIO = 5;

/**
 * Checks that the element at `path` of an input list is an object whose `field` is a non-empty
 * string, and answers how the messages name the element.
 *
 * @example
 * namedElement('positions[0]', { unitId: 'vp' }, 'unitId', 'unit'); // "positions[0] (unit 'vp')"
 * namedElement('positions[1]', null, 'unitId', 'unit'); // throws "positions[1]: must be an object"
 */
export function namedElement(path: string, value: unknown, field: string, label: string): string {
	if (value === null || typeof value !== 'object') {
		throw new NormsInputError(path, `${path}: must be an object`);
	}
	const name = (value as Record<string, unknown>)[field];
	if (!isNonEmptyString(name)) {
		throw new NormsInputError(path, `${path}: ${field} must be a non-empty string`);
	}
	return `${path} (${label} '${name}')`;
}

/** Throws unless `value`, the `name` of the element `where`, is a whole number ≥ 0. */
export function requireCount(path: string, where: string, name: string, value: unknown): void {
	if (!isNonNegativeInteger(value)) {
		throw new NormsInputError(
			path,
			`${where}: ${name} must be a non-negative integer, got ${describeValue(value)}`
		);
	}
}

/** Throws unless `value`, the `name` of the element `where`, is a finite number ≥ 0. */
function requireArea(path: string, where: string, name: string, value: unknown): void {
	if (!isNonNegativeFinite(value)) {
		throw new NormsInputError(
			path,
			`${where}: ${name} must be a finite number ≥ 0, got ${describeValue(value)}`
		);
	}
}

/**
 * Checks a list of title norms (unique non-empty keys, finite m² ≥ 0) and returns m² per person
 * by title key. `pathPrefix` names the list in error messages.
 *
 * @example
 * validateTitleNorms([{ key: 'specialist', m2PerPerson: 15 }]).get('specialist'); // 15
 * validateTitleNorms([{ key: 'specialist', m2PerPerson: -1 }]);
 * // throws NormsInputError "titles[0] (key 'specialist'): m2PerPerson must be a finite number ≥ 0, got -1"
 */
export function validateTitleNorms(
	titles: readonly TitleNorm[],
	pathPrefix = 'titles'
): Map<string, number> {
	if (!Array.isArray(titles)) {
		throw new NormsInputError(pathPrefix, `${pathPrefix}: must be an array`);
	}
	const norms = new Map<string, number>();
	titles.forEach((t, i) => {
		const path = `${pathPrefix}[${i}]`;
		const where = namedElement(path, t, 'key', 'key');
		if (norms.has(t.key)) {
			throw new NormsInputError(path, `${where}: duplicate title key`);
		}
		requireArea(path, where, 'm2PerPerson', t.m2PerPerson);
		norms.set(t.key, t.m2PerPerson);
	});
	return norms;
}

/**
 * Checks a norm set (titles, common-use area ratio in [0, 5], specialised rooms with finite
 * areas ≥ 0 and integer counts ≥ 0) and returns its m² per person by title key. Throws
 * {@link NormsInputError} naming the row.
 *
 * @example
 * validateNormSet(NORM_SET_155_2025).get('division-head'); // 18
 * validateNormSet({ ...NORM_SET_155_2025, commonAreaRatio: 7 });
 * // throws "normSet.commonAreaRatio: must be a number from 0 to 5, got 7"
 */
export function validateNormSet(normSet: NormSet): Map<string, number> {
	if (normSet === null || typeof normSet !== 'object') {
		throw new NormsInputError('normSet', 'normSet: must be an object');
	}
	const norms = validateTitleNorms(normSet.titles, 'normSet.titles');
	const ratio = normSet.commonAreaRatio;
	if (
		typeof ratio !== 'number' ||
		!Number.isFinite(ratio) ||
		ratio < 0 ||
		ratio > MAX_COMMON_AREA_RATIO
	) {
		throw new NormsInputError(
			'normSet.commonAreaRatio',
			`normSet.commonAreaRatio: must be a number from 0 to ${MAX_COMMON_AREA_RATIO}, got ${describeValue(ratio)}`
		);
	}
	if (!Array.isArray(normSet.specialisedRooms)) {
		throw new NormsInputError(
			'normSet.specialisedRooms',
			'normSet.specialisedRooms: must be an array'
		);
	}
	normSet.specialisedRooms.forEach((r, i) => {
		const path = `normSet.specialisedRooms[${i}]`;
		const where = namedElement(path, r, 'key', 'key');
		requireArea(path, where, 'areaM2', r.areaM2);
		requireCount(path, where, 'count', r.count);
	});
	return norms;
}

function validatePositions(positions: readonly PositionCount[], norms: Map<string, number>): void {
	if (!Array.isArray(positions)) {
		throw new NormsInputError('positions', 'positions: must be an array');
	}
	positions.forEach((p, i) => {
		const path = `positions[${i}]`;
		const where = namedElement(path, p, 'unitId', 'unit');
		if (typeof p.titleKey !== 'string' || !norms.has(p.titleKey)) {
			throw new NormsInputError(
				path,
				typeof p.titleKey === 'string'
					? `${where}: unknown title key '${p.titleKey}'`
					: `${where}: titleKey must be a string, got ${describeValue(p.titleKey)}`
			);
		}
		requireCount(path, where, 'count', p.count);
	});
}

function validateOccupied(
	occupied: Readonly<Record<string, number>> | undefined,
	name = 'occupiedAreaM2ByUnit'
): void {
	if (occupied === undefined) return;
	if (occupied === null || typeof occupied !== 'object' || Array.isArray(occupied)) {
		throw new NormsInputError(name, `${name}: must be an object keyed by unit id`);
	}
	for (const [unitId, area] of Object.entries(occupied)) {
		const path = `${name}['${unitId}']`;
		if (!isNonNegativeFinite(area)) {
			throw new NormsInputError(
				path,
				`${path}: must be a finite number ≥ 0, got ${describeValue(area)}`
			);
		}
	}
}

/**
 * Computes the ward's space needs against a norm set (Decree 155/2025/NĐ-CP):
 *
 * - working area (diện tích làm việc) = Σ count × m² per person, by unit and in total;
 * - common-use area (diện tích sử dụng chung) = commonAreaRatio × working area;
 * - specialised area (diện tích chuyên dùng) = Σ areaM2 × count over the rooms;
 * - total usable area = working + common-use + specialised.
 *
 * `byUnit` lists units in order of first appearance in `positions`, then units that only
 * appear in `occupiedAreaM2ByUnit` (headcount 0). `gapM2` = occupied − entitled working area
 * (negative = shortfall); `ratioToNorm` = Σ occupied ÷ working area (0 when the working area is
 * 0). `trace` lists each step with a human-readable formula (numbers shown with at most two
 * decimals) and the exact value. Nothing is rounded: use {@link roundM2} to print.
 *
 * Throws {@link NormsInputError} naming the row for an unknown title key, a negative or
 * non-integer count, NaN or Infinity anywhere, a negative area, or a ratio outside [0, 5].
 *
 * @example
 * const result = computeSpaceNeeds({
 * 	normSet: {
 * 		titles: [
 * 			{ key: 'chair-deputy', m2PerPerson: 20 },
 * 			{ key: 'specialist', m2PerPerson: 15 }
 * 		],
 * 		commonAreaRatio: 0.7,
 * 		specialisedRooms: [{ key: 'archive', areaM2: 30, count: 1 }]
 * 	},
 * 	positions: [
 * 		{ unitId: 'vp-ubnd', titleKey: 'chair-deputy', count: 3 },
 * 		{ unitId: 'vp-ubnd', titleKey: 'specialist', count: 5 }
 * 	],
 * 	occupiedAreaM2ByUnit: { 'vp-ubnd': 90 }
 * });
 * // working 3 × 20 + 5 × 15 = 135; common 0.7 × 135 = 94.5; specialised 1 × 30 = 30
 * result.totalUsableM2; // 135 + 94.5 + 30 = 259.5
 * result.byUnit[0].gapM2; // 90 − 135 = −45 (shortfall)
 * result.ratioToNorm; // 90 / 135 = 0.666…
 */
export function computeSpaceNeeds(input: SpaceNeedsInput): SpaceNeedsResult {
	if (input === null || typeof input !== 'object') {
		throw new NormsInputError('input', 'input: must be an object');
	}
	const norms = validateNormSet(input.normSet);
	validatePositions(input.positions, norms);
	validateOccupied(input.occupiedAreaM2ByUnit);
	validateOccupied(input.commonInUseM2ByUnit, 'commonInUseM2ByUnit');
	validateOccupied(input.specialisedInUseM2ByUnit, 'specialisedInUseM2ByUnit');
	const wardInUse = input.wardInUseM2 ?? {};
	for (const k of ['common', 'specialised'] as const) {
		const v = wardInUse[k];
		if (v !== undefined && !isNonNegativeFinite(v)) {
			throw new NormsInputError(
				`wardInUseM2.${k}`,
				`wardInUseM2.${k}: must be a finite number ≥ 0, got ${describeValue(v)}`
			);
		}
	}
	const occupiedByUnit = input.occupiedAreaM2ByUnit ?? {};
	const commonByUnit = input.commonInUseM2ByUnit ?? {};
	const specialisedByUnit = input.specialisedInUseM2ByUnit ?? {};
	const inUse = (map: Readonly<Record<string, number>>, unitId: string) =>
		Object.hasOwn(map, unitId) ? map[unitId] : 0;
	const titleNorms = input.normSet.titles.map((t) => ({ key: t.key, m2PerPerson: t.m2PerPerson }));
	const pricedPositions: PricedPosition[] = [];

	interface UnitAccumulator {
		unitId: string;
		headcount: number;
		workAreaM2: number;
		terms: string[];
	}
	const units = new Map<string, UnitAccumulator>();
	for (const p of input.positions) {
		let unit = units.get(p.unitId);
		if (!unit) {
			unit = { unitId: p.unitId, headcount: 0, workAreaM2: 0, terms: [] };
			units.set(p.unitId, unit);
		}
		let priced;
		try {
			priced = positionNorm(p, titleNorms);
		} catch (e) {
			if (e instanceof NormsInputError) {
				const path = `positions[${input.positions.indexOf(p)}]`;
				throw new NormsInputError(path, `${path} (unit '${p.unitId}'): ${e.message}`);
			}
			throw e;
		}
		const m2 = priced.m2PerPerson;
		pricedPositions.push({
			unitId: p.unitId,
			titleKey: p.titleKey,
			count: p.count,
			governingKey: priced.governingKey,
			m2PerPerson: m2,
			governedBy: priced.governedBy
		});
		unit.headcount += p.count;
		unit.workAreaM2 += p.count * m2;
		unit.terms.push(`${formatNumber(p.count)} × ${formatNumber(m2)}`);
	}
	const trace: TraceStep[] = [];
	for (const unit of units.values()) {
		trace.push({
			step: `Working area of unit '${unit.unitId}'`,
			formula: sumFormula(unit.terms, unit.workAreaM2),
			valueM2: unit.workAreaM2
		});
	}
	for (const unitId of [
		...Object.keys(occupiedByUnit),
		...Object.keys(commonByUnit),
		...Object.keys(specialisedByUnit)
	]) {
		if (!units.has(unitId)) units.set(unitId, { unitId, headcount: 0, workAreaM2: 0, terms: [] });
	}
	const ratio = input.normSet.commonAreaRatio;

	const byUnit: UnitSpaceNeeds[] = [];
	let workAreaM2 = 0;
	let occupiedWorkAreaM2 = 0;
	const workTerms: string[] = [];
	const occupiedTerms: string[] = [];
	for (const unit of units.values()) {
		const occupiedAreaM2 = Object.hasOwn(occupiedByUnit, unit.unitId)
			? occupiedByUnit[unit.unitId]
			: 0;
		byUnit.push({
			unitId: unit.unitId,
			headcount: unit.headcount,
			workAreaM2: unit.workAreaM2,
			occupiedAreaM2,
			gapM2: occupiedAreaM2 - unit.workAreaM2,
			lines: {
				working: line(occupiedAreaM2, unit.workAreaM2),
				common: line(inUse(commonByUnit, unit.unitId), ratio * unit.workAreaM2),
				specialised: line(inUse(specialisedByUnit, unit.unitId), null)
			}
		});
		workAreaM2 += unit.workAreaM2;
		occupiedWorkAreaM2 += occupiedAreaM2;
		if (unit.terms.length > 0) workTerms.push(formatNumber(unit.workAreaM2));
		if (Object.hasOwn(occupiedByUnit, unit.unitId)) {
			occupiedTerms.push(formatNumber(occupiedAreaM2));
		}
	}

	const commonAreaM2 = ratio * workAreaM2;
	let specialisedAreaM2 = 0;
	const roomTerms: string[] = [];
	for (const r of input.normSet.specialisedRooms) {
		specialisedAreaM2 += r.areaM2 * r.count;
		roomTerms.push(`${formatNumber(r.count)} × ${formatNumber(r.areaM2)}`);
	}
	const totalUsableM2 = workAreaM2 + commonAreaM2 + specialisedAreaM2;
	const ratioToNorm = workAreaM2 > 0 ? occupiedWorkAreaM2 / workAreaM2 : 0;

	const roomKeys = input.normSet.specialisedRooms.map((r) => r.key);
	trace.push(
		{
			step: 'Working area (Σ staff × norm)',
			formula: sumFormula(workTerms, workAreaM2),
			valueM2: workAreaM2
		},
		{
			step: 'Common-use area (ratio × working area)',
			formula: `${formatNumber(ratio)} × ${formatNumber(workAreaM2)} = ${formatNumber(commonAreaM2)}`,
			valueM2: commonAreaM2
		},
		{
			step:
				roomKeys.length > 0
					? `Specialised area (${roomKeys.join(', ')})`
					: 'Specialised area (none entered)',
			formula: sumFormula(roomTerms, specialisedAreaM2),
			valueM2: specialisedAreaM2
		},
		{
			step: 'Total usable area (working + common-use + specialised)',
			formula: `${formatNumber(workAreaM2)} + ${formatNumber(commonAreaM2)} + ${formatNumber(specialisedAreaM2)} = ${formatNumber(totalUsableM2)}`,
			valueM2: totalUsableM2
		},
		{
			step: 'Occupied working area (Σ over units)',
			formula: sumFormula(occupiedTerms, occupiedWorkAreaM2),
			valueM2: occupiedWorkAreaM2
		}
	);

	const sumOver = (map: Readonly<Record<string, number>>) =>
		Object.values(map).reduce((s, v) => s + v, 0);
	const lines = {
		working: line(occupiedWorkAreaM2, workAreaM2),
		common: line(wardInUse.common ?? sumOver(commonByUnit), commonAreaM2),
		specialised: line(wardInUse.specialised ?? sumOver(specialisedByUnit), specialisedAreaM2)
	};

	return {
		byUnit,
		workAreaM2,
		commonAreaM2,
		specialisedAreaM2,
		totalUsableM2,
		occupiedWorkAreaM2,
		ratioToNorm,
		lines,
		pricedPositions,
		trace
	};
}
