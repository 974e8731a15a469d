import { workAreaByBuilding } from '$lib/server/needs';
import { cached } from '$lib/server/core/cache';
import { wardOf } from '$lib/server/http';
import { normParam, wardNeeds } from '../load-needs';
import { buildingRows, normItems } from '../view';
import type { PageServerLoad } from './$types';

/**
 * The details behind the needs page: the norm set's titles and the computation step by step
 * (for the norm set asked),
 * every building in danger level C or D, the distance of every site from the headquarters and
 * the working area per building.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const ward = wardOf(locals);
	const norm = normParam(url, locals.locale);
	return cached(locals.db, `needs-details:${ward.id}:${norm ?? ''}:${locals.locale}`, () => {
		const needs = wardNeeds(locals, ward.id, norm);
		const { unsafeBuildings, dispersion } = needs.justification.criteria;
		return {
			normSet: { id: needs.normSet.id, name: needs.normSet.name, version: needs.normSet.version },
			normItems: normItems(needs.normSet, locals.locale),
			norm: norm ?? null,
			trace: needs.result.trace,
			unitNames: needs.unitNames,
			unsafeBuildings: unsafeBuildings.buildings,
			unsurveyed: unsafeBuildings.unsurveyed,
			fromHeadquarters: dispersion.fromHeadquarters.map((s) => ({
				code: s.code,
				name: s.name,
				distanceM: Math.round(s.distanceM)
			})),
			buildings: buildingRows(workAreaByBuilding(locals.db, ward.id))
		};
	});
};
