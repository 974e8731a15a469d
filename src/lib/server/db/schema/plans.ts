import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { primaryId, tracked, ownedBy } from './columns';
import { userRef, wardRef } from './auth';
import { rooms } from './inventory';
import { orgUnits } from './org';

/** A reallocation scenario: an instance, its solution and its status. */
export const scenarios = sqliteTable('scenarios', {
	id: primaryId(),
	wardId: wardRef(),
	name: text('name').notNull(),
	weightsJson: text('weights_json').notNull(),
	instanceJson: text('instance_json').notNull(),
	resultJson: text('result_json'),
	status: text('status').notNull(),
	objective: real('objective'),
	appliedAt: integer('applied_at', { mode: 'number' }),
	/** JSON of the scenario's settings (ScenarioSettings in $lib/server/plans); null = defaults. */
	settingsJson: text('settings_json'),
	/** Fingerprint of the inputs the stored plan was solved for; null = never solved. */
	inputHash: text('input_hash'),
	createdBy: userRef('created_by'),
	...tracked()
});

/**
 * The ward's current arrangement (who sits where), one row per "apply": a snapshot of the
 * scenario's plan and per-unit figures at that moment. The latest row of a ward is the current
 * arrangement. Applying never rewrites rooms (the needs page compares the inventory).
 */
export const arrangements = sqliteTable(
	'arrangements',
	{
		id: primaryId(),
		wardId: wardRef(),
		/** The scenario applied (kept as a number when the scenario is deleted later). */
		scenarioId: integer('scenario_id').notNull(),
		scenarioName: text('scenario_name').notNull(),
		/** The scenario's input fingerprint when applied (compared with today's for "stale"). */
		inputHash: text('input_hash').notNull(),
		/** JSON: [{ unitId, roomId, persons, areaM2 }] with database ids. */
		seatsJson: text('seats_json').notNull(),
		/** JSON: { settings, units } — the scenario's settings and per-unit figures at apply. */
		unitsJson: text('units_json').notNull(),
		appliedBy: userRef('applied_by'),
		appliedAt: integer('applied_at', { mode: 'number' }).notNull()
	},
	(t) => [index('arrangements_ward_idx').on(t.wardId, t.appliedAt)]
);

export const assignments = sqliteTable(
	'assignments',
	{
		id: primaryId(),
		scenarioId: ownedBy('scenario_id', () => scenarios.id),
		orgUnitId: ownedBy('org_unit_id', () => orgUnits.id),
		roomId: ownedBy('room_id', () => rooms.id),
		persons: integer('persons').notNull(),
		/** Floor area given to these persons in the room, m² (the model's g[u,r]). */
		areaM2: real('area_m2').notNull().default(0),
		manual: integer('manual', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('assignments_scenario_idx').on(t.scenarioId)]
);
