/**
 * What applying a plan means, for the confirmation before apply (in the browser, as the user
 * changes the share asked about) and for the audit row (on the server). Pure.
 */

/** The figures of a plan the consequences are read from (see PlanMetrics in $lib/server/plans). */
export interface ConsequenceInput {
	moved: number;
	sharedRooms: number;
	unseated: number;
	units: { id: number; name: string; areaGivenM2: number; normAreaM2: number }[];
}

export interface ApplyConsequences {
	/** Persons seated outside their unit's current rooms. */
	movedPersons: number;
	/** Rooms shared by more than one unit. */
	sharedRooms: number;
	/** Units given less than `share` of their norm area, worst first. */
	unitsBelow: { unitId: number; name: string; givenShare: number }[];
	/** The share asked about (0..1). */
	share: number;
	unseated: number;
}

/** Default share of the norm the confirmation asks about (the 70 % of the justification rule). */
export const DEFAULT_CONSEQUENCE_SHARE = 0.7;

/**
 * Example: a unit given 90 of 150 m² (60 %) is listed for share 0.7, not for share 0.5; a unit
 * with no norm area is never listed.
 */
export function applyConsequences(
	metrics: ConsequenceInput,
	share = DEFAULT_CONSEQUENCE_SHARE
): ApplyConsequences {
	return {
		movedPersons: metrics.moved,
		sharedRooms: metrics.sharedRooms,
		unitsBelow: metrics.units
			.filter((u) => u.normAreaM2 > 0 && u.areaGivenM2 < share * u.normAreaM2 - 1e-9)
			.map((u) => ({ unitId: u.id, name: u.name, givenShare: u.areaGivenM2 / u.normAreaM2 }))
			.sort((a, b) => a.givenShare - b.givenShare),
		share,
		unseated: metrics.unseated
	};
}
