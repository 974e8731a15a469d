/**
 * Seeding: the sample wards (the embedded default), a reset, and a synthetic large ward for
 * benchmarks. Each seed runs in one transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db, DbLike } from '../connection';
import {
	buildings,
	conditionSurveys,
	criteria,
	facilities,
	normItems,
	normSets,
	orgUnits,
	positions,
	rooms,
	settings,
	sites,
	specialisedRooms,
	wards
} from '../schema';
import { SAMPLE_WARDS, type SampleWard } from './sample-data';
import {
	NORM_SEEDS,
	SPECIALISED_ROOM_SEEDS,
	CRITERIA_SEEDS,
	SETTING_SEEDS
} from './reference-data';
import { rectangleAround } from './geometry';
import { seedSampleProposals } from './proposals';
import { seedDefaultScenarios } from './scenarios';
import { seedLegalReferences } from '../../admin/legal-refs';
import { seedInvestmentRates } from '../../admin/investment-rates';
import { seedSampleSupport } from './staffing-support';
import { deriveDangerLevel } from '../../../condition';
import { SURVEY_COMPONENTS } from '../../../schemas/inventory';

/** True when the database has no ward yet. */
export function isEmpty(db: DbLike): boolean {
	return (
		(db
			.select({ n: sql<number>`count(*)` })
			.from(wards)
			.get()?.n ?? 0) === 0
	);
}

/** Norm sets and global settings: needed by every database, sample or not. */
export function seedReference(tx: DbLike): void {
	const existing =
		tx
			.select({ n: sql<number>`count(*)` })
			.from(normSets)
			.get()?.n ?? 0;
	if (existing === 0) {
		for (const set of NORM_SEEDS) {
			const row = tx
				.insert(normSets)
				.values({
					key: set.key,
					version: 1,
					name: set.name,
					legalBasis: set.legalBasis,
					effectiveFrom: set.effectiveFrom,
					commonAreaRatio: set.commonAreaRatio,
					commonAreaRatioVerify: set.commonAreaRatioVerify,
					isCurrent: true
				})
				.returning({ id: normSets.id })
				.get();
			for (const item of set.titles) {
				tx.insert(normItems)
					.values({ normSetId: row.id, ...item })
					.run();
			}
		}
	}
	seedLegalReferences(tx);
	seedInvestmentRates(tx);
	for (const s of SETTING_SEEDS) {
		tx.insert(settings)
			.values({ wardId: null, key: s.key, valueJson: JSON.stringify(s.value), source: s.source })
			.onConflictDoNothing()
			.run();
	}
}

/** Inserts one sample ward with everything the product shows about it. */
export function seedWard(tx: DbLike, ward: SampleWard, isSample = true): number {
	const w = tx
		.insert(wards)
		.values({
			code: ward.code,
			name: ward.name,
			adminCode: ward.adminCode,
			centreLat: ward.centre[0],
			centreLng: ward.centre[1],
			extentJson: JSON.stringify(ward.extent),
			populationCentreLat: ward.populationCentre[0],
			populationCentreLng: ward.populationCentre[1],
			populationCount: ward.population,
			areaKm2: ward.areaKm2,
			isSample
		})
		.returning({ id: wards.id })
		.get();
	const wardId = w.id;

	const unitIds = new Map<string, number>();
	ward.units.forEach(({ positions: posts, ...u }, i) => {
		const row = tx
			.insert(orgUnits)
			.values({ wardId, ...u, sortOrder: i })
			.returning({ id: orgUnits.id })
			.get();
		unitIds.set(u.code, row.id);
		for (const p of posts) {
			tx.insert(positions)
				.values({
					orgUnitId: row.id,
					title: p.title,
					titleKey: p.titleKey,
					field: p.field,
					approved: p.approved,
					filled: p.filled,
					plannedNextYear: p.planned,
					rank: p.rank ?? null,
					concurrentTitleKeys: p.concurrent ?? []
				})
				.run();
		}
	});

	for (const { buildings: facilityBuildings, ...f } of ward.facilities) {
		const fac = tx
			.insert(facilities)
			.values({ wardId, ...f })
			.returning({ id: facilities.id })
			.get();
		for (const b of facilityBuildings) {
			const gross = b.rooms.reduce((sum, r) => sum + r.areaM2, 0) * 1.15;
			const bld = tx
				.insert(buildings)
				.values({
					facilityId: fac.id,
					code: b.code,
					name: b.name,
					levelsAboveGround: b.levels,
					yearBuilt: b.yearBuilt,
					structure: b.structure,
					grossFloorAreaM2: Math.round(gross)
				})
				.returning({ id: buildings.id })
				.get();
			const perLevel = new Map<number, number>();
			for (const r of b.rooms) {
				const n = (perLevel.get(r.level) ?? 0) + 1;
				perLevel.set(r.level, n);
				const unitId = r.unit ? unitIds.get(r.unit) : undefined;
				if (r.unit && unitId === undefined) {
					throw new Error(`Sample room refers to unknown unit ${r.unit}`);
				}
				tx.insert(rooms)
					.values({
						buildingId: bld.id,
						code: `${r.level}.${String(n).padStart(2, '0')}`,
						name: r.name,
						level: r.level,
						type: r.type,
						areaM2: r.areaM2,
						orgUnitId: unitId ?? null,
						occupants: r.occupants ?? 0
					})
					.run();
			}
			// The survey's component columns: the foundation, then the seven ratings.
			const values = [b.survey.foundation, ...b.survey.ratings];
			const components = Object.fromEntries(
				SURVEY_COMPONENTS.map((column, i) => [column, values[i]])
			) as Record<(typeof SURVEY_COMPONENTS)[number], number>;
			// The level is derived from the load-bearing ratings (the worst governs); the sample
			// surveys are visual screenings by ward staff and state the level they expect.
			const derived = deriveDangerLevel({
				foundation: components.foundation,
				structure: components.structure
			});
			if (derived?.level !== b.survey.dangerLevel) {
				throw new Error(`Sample survey of ${b.code} does not derive ${b.survey.dangerLevel}`);
			}
			tx.insert(conditionSurveys)
				.values({
					buildingId: bld.id,
					surveyedOn: b.survey.surveyedOn,
					surveyor: b.survey.surveyor,
					assessmentKind: 'visual',
					dangerLevel: derived.level,
					derivedDangerLevel: derived.level,
					...components,
					notes: b.survey.notes
				})
				.run();
		}
	}

	for (const { plotM, isCurrentHeadquarters, ...site } of ward.sites) {
		tx.insert(sites)
			.values({
				wardId,
				...site,
				polygonGeojson: plotM
					? JSON.stringify(rectangleAround(site.lat, site.lng, plotM[0], plotM[1]))
					: null,
				isCurrentHeadquarters: isCurrentHeadquarters ?? false
			})
			.run();
	}

	for (const r of SPECIALISED_ROOM_SEEDS) {
		tx.insert(specialisedRooms)
			.values({ wardId, key: r.key, areaM2: r.areaM2, count: r.count, basis: r.basis })
			.run();
	}
	CRITERIA_SEEDS.forEach((c, i) => {
		tx.insert(criteria)
			.values({ wardId, ...c, sortOrder: i })
			.run();
	});
	return wardId;
}

/** Seeds the reference data and the sample wards into an empty database. */
export function seedSample(db: Db): void {
	db.transaction(seedSampleRows);
}

/** The reference data, the sample wards and their scenarios, proposals and support. */
function seedSampleRows(tx: DbLike): void {
	seedReference(tx);
	for (const ward of SAMPLE_WARDS) seedWard(tx, ward);
	seedDefaultScenarios(tx);
	seedSampleProposals(tx);
	seedSampleSupport(tx);
}

/** Tables in delete order (children first). */
const ALL_TABLES = [
	'staffing_support',
	'notifications',
	'decisions',
	'review_comments',
	'proposal_versions',
	'proposals',
	'arrangements',
	'assignments',
	'scenarios',
	'scoring_runs',
	'judgments',
	'weightings',
	'criteria',
	'photos',
	'sites',
	'condition_surveys',
	'rooms',
	'buildings',
	'facilities',
	'positions',
	'org_units',
	'specialised_rooms',
	'settings',
	'norm_items',
	'norm_sets',
	'legal_references',
	'investment_rates',
	'audit_log',
	'api_tokens',
	'sessions',
	'login_attempts',
	'users',
	'wards'
];

/** Empties every table and seeds the sample again, in one transaction. */
export function resetSample(db: Db): void {
	db.transaction((tx) => {
		for (const t of ALL_TABLES) tx.run(sql.raw(`delete from ${t}`));
		seedSampleRows(tx);
	});
}

export { SAMPLE_WARDS };
