/** The facilities of a ward as the JSON API shows them: buildings, rooms and latest survey. */
import type { Db } from '../db';
import { getFacilityDetail, listFacilities } from './facilities';

export function facilityForApi(db: Db, wardId: number, id: number) {
	const f = getFacilityDetail(db, wardId, id);
	if (!f) return null;
	return {
		id: f.id,
		/** The record's version (optimistic concurrency): name it when changing the record. */
		version: f.version,
		code: f.code,
		name: f.name,
		kind: f.kind,
		originWard: f.originWard,
		address: f.address,
		lat: f.lat,
		lng: f.lng,
		landAreaM2: f.landAreaM2,
		legalStatus: f.legalStatus,
		yearBuilt: f.yearBuilt,
		buildings: f.buildings.map((b) => ({
			id: b.id,
			version: b.version,
			code: b.code,
			name: b.name,
			levelsAboveGround: b.levelsAboveGround,
			yearBuilt: b.yearBuilt,
			structure: b.structure,
			grossFloorAreaM2: b.grossFloorAreaM2,
			latestSurvey: b.latestSurvey
				? {
						id: b.latestSurvey.id,
						surveyedOn: b.latestSurvey.surveyedOn,
						surveyor: b.latestSurvey.surveyor,
						/** The governing level (derived, or the override with its reason). */
						dangerLevel: b.latestSurvey.dangerLevel,
						derivedDangerLevel: b.latestSurvey.derivedDangerLevel,
						overrideReason: b.latestSurvey.overrideReason,
						assessment: {
							kind: b.latestSurvey.assessmentKind,
							organisation: b.latestSurvey.assessorOrg,
							qualification: b.latestSurvey.assessorQualification,
							reportNumber: b.latestSurvey.reportNumber
						},
						ratings: {
							foundation: b.latestSurvey.foundation,
							structure: b.latestSurvey.structure,
							roof: b.latestSurvey.roof,
							wallsFinishes: b.latestSurvey.wallsFinishes,
							electrical: b.latestSurvey.electrical,
							waterSanitation: b.latestSurvey.waterSanitation,
							fireSafety: b.latestSurvey.fireSafety,
							accessibility: b.latestSurvey.accessibility
						},
						notes: b.latestSurvey.notes
					}
				: null,
			rooms: b.rooms.map((r) => ({
				id: r.id,
				version: r.version,
				code: r.code,
				name: r.name,
				level: r.level,
				type: r.type,
				areaM2: r.areaM2,
				orgUnitId: r.orgUnitId,
				unitName: r.unitName,
				occupants: r.occupants
			}))
		}))
	};
}

/** A page of facilities with their full detail (default 50 per page). */
export function facilitiesForApi(db: Db, wardId: number, page = 1, pageSize = 50) {
	const list = listFacilities(db, wardId, { page, pageSize });
	return {
		page: list.page,
		pageSize: list.pageSize,
		total: list.total,
		facilities: list.rows.map((r) => facilityForApi(db, wardId, r.id)!)
	};
}
