/** People holding several titles (kiêm nhiệm) count once, at their highest norm. */
import { NormsInputError, describeValue, isNonEmptyString } from './errors';
import { validateTitleNorms } from './space-needs';
import type { PositionCount, TitleNorm } from './types';

/** A person and every title they hold. */
export interface PersonTitles {
	personId: string;
	unitId: string;
	titleKeys: readonly string[];
}

/**
 * Turns people with titles into position counts for computeSpaceNeeds: each person counts once,
 * under their title with the highest m² per person (ties: the title listed first in `titles`).
 * A person listed in several rows (e.g. holding posts in two units) is merged and counted once,
 * in the unit of the row that holds the winning title (ties: the first such row).
 * Positions come out grouped by unit and title, in order of first appearance.
 *
 * Throws {@link NormsInputError} naming the row for a missing id, no title, or an unknown key.
 *
 * @example
 * resolvePersonTitles(
 * 	[
 * 		// Bí thư kiêm Chủ tịch HĐND: counts once, at 30 m²
 * 		{ personId: 'p1', unitId: 'dang-uy', titleKeys: ['chair-deputy', 'party-secretary'] },
 * 		{ personId: 'p2', unitId: 'vp', titleKeys: ['specialist'] },
 * 		{ personId: 'p3', unitId: 'vp', titleKeys: ['specialist'] }
 * 	],
 * 	NORM_SET_155_2025.titles
 * );
 * // [{ unitId: 'dang-uy', titleKey: 'party-secretary', count: 1 },
 * //  { unitId: 'vp', titleKey: 'specialist', count: 2 }]
 */
export function resolvePersonTitles(
	people: readonly PersonTitles[],
	titles: readonly TitleNorm[]
): PositionCount[] {
	const norms = validateTitleNorms(titles, 'titles');
	const rank = new Map<string, number>();
	titles.forEach((t, i) => rank.set(t.key, i));
	const better = (a: string, b: string): boolean => {
		const ma = norms.get(a) as number;
		const mb = norms.get(b) as number;
		return ma > mb || (ma === mb && (rank.get(a) as number) < (rank.get(b) as number));
	};

	if (!Array.isArray(people)) {
		throw new NormsInputError('people', 'people: must be an array');
	}
	/** Winning title and unit per person, in order of first appearance. */
	const best = new Map<string, { unitId: string; titleKey: string }>();
	people.forEach((person, i) => {
		const path = `people[${i}]`;
		if (person === null || typeof person !== 'object') {
			throw new NormsInputError(path, `${path}: must be an object`);
		}
		if (!isNonEmptyString(person.personId)) {
			throw new NormsInputError(path, `${path}: personId must be a non-empty string`);
		}
		const where = `${path} (person '${person.personId}')`;
		if (!isNonEmptyString(person.unitId)) {
			throw new NormsInputError(path, `${where}: unitId must be a non-empty string`);
		}
		if (!Array.isArray(person.titleKeys) || person.titleKeys.length === 0) {
			throw new NormsInputError(path, `${where}: titleKeys must list at least one title`);
		}
		let top: string | null = null;
		for (const key of person.titleKeys) {
			if (typeof key !== 'string' || !norms.has(key)) {
				throw new NormsInputError(
					path,
					typeof key === 'string'
						? `${where}: unknown title key '${key}'`
						: `${where}: title key must be a string, got ${describeValue(key)}`
				);
			}
			if (top === null || better(key, top)) top = key;
		}
		const current = best.get(person.personId);
		if (!current) {
			best.set(person.personId, { unitId: person.unitId, titleKey: top as string });
		} else if (better(top as string, current.titleKey)) {
			current.unitId = person.unitId;
			current.titleKey = top as string;
		}
	});

	const positions: PositionCount[] = [];
	const byKey = new Map<string, PositionCount>();
	for (const { unitId, titleKey } of best.values()) {
		const key = JSON.stringify([unitId, titleKey]);
		const existing = byKey.get(key);
		if (existing) {
			existing.count += 1;
		} else {
			const position = { unitId, titleKey, count: 1 };
			byKey.set(key, position);
			positions.push(position);
		}
	}
	return positions;
}
