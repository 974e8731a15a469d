/**
 * The facilities of a ward as the JSON API shows them: buildings, rooms and latest survey. A page
 * is read with one query per table whatever its size (not one facility at a time: the API is
 * what other systems poll).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { buildings, conditionSurveys, facilities } from '../db/schema';
import { listFacilities, roomsOfBuildings } from './facilities';

/** The ward's facilities of `ids` with their buildings, rooms and each building's latest survey. */
function facilitiesWithDetail(db: Db, wardId: number, ids: number[]) {
	if (!ids.length) return [];
	const fs = db
		.select()
		.from(facilities)
		.where(and(eq(facilities.wardId, wardId), inArray(facilities.id, ids)))
		.all();
	const bs = fs.length
		? db
				.select()
				.from(buildings)
				.where(
					inArray(
						buildings.facilityId,
						fs.map((f) => f.id)
					)
				)
				.orderBy(asc(buildings.code))
				.all()
		: [];
	const bids = bs.map((b) => b.id);
	const rs = roomsOfBuildings(db, bids);
	// The latest survey of each building (the same order as the facility page: date, then id).
	const latest = bids.length
		? db
				.select()
				.from(conditionSurveys)
				.where(
					and(
						inArray(conditionSurveys.buildingId, bids),
						sql`${conditionSurveys.id} = (select s2.id from condition_surveys s2
							where s2.building_id = ${conditionSurveys.buildingId}
							order by s2.surveyed_on desc, s2.id desc limit 1)`
					)
				)
				.all()
		: [];
	const roomsOf = groupBy(rs, (r) => r.room.buildingId);
	const surveyOf = new Map(latest.map((s) => [s.buildingId, s]));
	const buildingsOf = groupBy(bs, (b) => b.facilityId);
	const byId = new Map(fs.map((f) => [f.id, f]));
	return ids.flatMap((id) => {
		const f = byId.get(id);
		if (!f) return [];
		return [
			{
				...f,
				buildings: (buildingsOf.get(id) ?? []).map((b) => ({
					...b,
					latestSurvey: surveyOf.get(b.id) ?? null,
					rooms: (roomsOf.get(b.id) ?? []).map((r) => ({ ...r.room, unitName: r.unitName }))
				}))
			}
		];
	});
}

/** Rows by key, in their order (Map.groupBy arrives with Node 21). */
function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = out.get(k);
		if (list) list.push(row);
		else out.set(k, [row]);
	}
	return out;
}

type Detail = ReturnType<typeof facilitiesWithDetail>[number];

export function facilityForApi(db: Db, wardId: number, id: number) {
	const [f] = facilitiesWithDetail(db, wardId, [id]);
	return f ? apiShape(f) : null;
}

function apiShape(f: Detail) {
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
		facilities: facilitiesWithDetail(
			db,
			wardId,
			list.rows.map((r) => r.id)
		).map(apiShape)
	};
}
