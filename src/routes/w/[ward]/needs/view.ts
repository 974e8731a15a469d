/**
 * What the needs pages send to the browser: small row objects holding only the fields the
 * sections read (the page data is embedded in the HTML for hydration, so every unused field,
 * nested record or repeated label costs on each request). Pure functions of the services'
 * answers; the loads cache their results while the database is unchanged.
 */
import type { BuildingAreaRow, WardNeeds, WardVacancies } from '$lib/server/needs';
import type { AppliedArrangement } from '$lib/server/plans';
import type { Locale } from '$lib/i18n';
import { roundM2 } from '$lib/norms';

/** The fields `keys` of `row` only (a row object of the page data). */
export function pick<R extends object, K extends keyof R>(row: R, keys: readonly K[]): Pick<R, K> {
	const out = {} as Pick<R, K>;
	for (const k of keys) out[k] = row[k];
	return out;
}

/** How many items of a long evidence list the needs page shows (all are on the details page). */
export const LIST_LIMIT = 5;

/** The first {@link LIST_LIMIT} items of a list and how many more the details page has. */
function firstOf<T>(list: readonly T[]) {
	return { shown: list.slice(0, LIST_LIMIT), more: Math.max(0, list.length - LIST_LIMIT) };
}

/** The justification criteria with their long lists cut (buildings in use first). */
export function criteriaView(criteria: WardNeeds['justification']['criteria']) {
	const { unsafeBuildings, dispersion } = criteria;
	const buildings = firstOf(
		[...unsafeBuildings.buildings].sort((a, b) => Number(b.inUse) - Number(a.inUse))
	);
	const sites = firstOf(dispersion.fromHeadquarters);
	return {
		...criteria,
		unsafeBuildings: {
			met: unsafeBuildings.met,
			unsurveyed: unsafeBuildings.unsurveyed,
			buildings: buildings.shown,
			more: buildings.more
		},
		dispersion: { ...dispersion, fromHeadquarters: sites.shown, moreSites: sites.more }
	};
}

/** The titles of a norm set with their m² per person, labelled in the user's language. */
export function normItems(normSet: WardNeeds['normSet'], locale: Locale) {
	return normSet.items.map((i) => ({
		titleKey: i.titleKey,
		label: locale === 'en' ? i.labelEn : i.labelVi,
		m2PerPerson: i.m2PerPerson,
		legalBasis: i.legalBasis,
		verify: i.verify
	}));
}

export type NormItemView = ReturnType<typeof normItems>[number];

/**
 * The needs of the ward as the needs page reads them (the computation trace and the full
 * evidence lists are on the details page).
 */
export function needsView(needs: WardNeeds) {
	const { normSet, result, justification } = needs;
	return {
		normSet: {
			id: normSet.id,
			name: normSet.name,
			version: normSet.version,
			isCurrent: normSet.isCurrent,
			effectiveFrom: normSet.effectiveFrom,
			legalBasis: normSet.legalBasis,
			commonAreaRatio: normSet.commonAreaRatio,
			commonAreaRatioVerify: normSet.commonAreaRatioVerify
		},
		result: {
			workAreaM2: result.workAreaM2,
			occupiedWorkAreaM2: result.occupiedWorkAreaM2,
			totalUsableM2: result.totalUsableM2,
			lines: result.lines
		},
		units: needs.units.map((u) => ({
			id: u.id,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			workAreaM2: u.workAreaM2,
			occupiedAreaM2: u.occupiedAreaM2,
			gapM2: u.gapM2,
			commonAllowanceM2: u.lines.common.allowanceM2 ?? 0,
			commonInUseM2: u.lines.common.inUseM2,
			specialisedInUseM2: u.lines.specialised.inUseM2
		})),
		specialisedRooms: needs.specialisedRooms.map((r) =>
			pick(r, ['id', 'key', 'areaM2', 'count', 'basis', 'version'])
		),
		occupiedRoomTypes: needs.occupiedRoomTypes,
		unassignedWorkingM2: needs.unassignedWorkingM2,
		unknownTitles: needs.unknownTitles,
		justification: {
			justified: justification.justified,
			ratioToNorm: justification.ratioToNorm,
			threshold: justification.threshold,
			siteCount: justification.siteCount,
			criteria: criteriaView(justification.criteria)
		}
	};
}

export type NeedsView = ReturnType<typeof needsView>;

const GROUP_FIELDS = ['key', 'cityField', 'approved', 'filled', 'missing'] as const;

/** The staffing gaps by field (approved, filled, missing per group) without the positions. */
export function staffingSummary(vacancies: WardVacancies) {
	return {
		groups: vacancies.groups.map((g) => ({
			...pick(g, GROUP_FIELDS),
			positions: g.rows.length
		})),
		totals: vacancies.totals
	};
}

/** The staffing gaps by position under their field (the staffing page's table). */
export function staffingTable(vacancies: WardVacancies) {
	return {
		groups: vacancies.groups.map((g) => ({
			...pick(g, GROUP_FIELDS),
			rows: g.rows.map((r) =>
				pick(r, ['unitName', 'title', 'rank', 'approved', 'filled', 'missing'])
			)
		})),
		totals: vacancies.totals
	};
}

/** Working area per building for the chart and its table, rounded to the norms' 0.1 m². */
export function buildingRows(rows: readonly BuildingAreaRow[]) {
	return rows.map((b) => ({
		building: b.building,
		dangerLevel: b.dangerLevel,
		occupiedM2: roundM2(b.occupiedM2),
		unassignedM2: roundM2(b.unassignedM2)
	}));
}

/** The applied arrangement's shortfall per unit (null when none is applied). */
export function arrangementView(arrangement: AppliedArrangement | null) {
	if (!arrangement) return null;
	return {
		scenarioName: arrangement.scenarioName,
		stale: arrangement.stale,
		units: arrangement.units.map((u) => pick(u, ['unitId', 'headcount', 'seated', 'shortfallM2']))
	};
}
