/**
 * What the organisation page sends to the browser: a summary row per unit (counts of its
 * positions) and the positions of the one unit shown, as small objects with the norm each
 * position is priced at. Pure functions of listOrganisation's answer and the norm set's titles.
 */
import { NormsInputError, isRankKey, positionNorm, type TitleNorm } from '$lib/norms';
import type { listOrganisation } from '$lib/server/org';
import { pick } from '../view';

type Organisation = ReturnType<typeof listOrganisation>;

/**
 * The m² per person a position is priced at under the norm set's titles (the highest of title,
 * rank and concurrent titles); null when a key is not in the set.
 */
function normOf(p: Organisation[number]['positions'][number], titles: readonly TitleNorm[]) {
	try {
		return positionNorm(
			{
				titleKey: p.titleKey,
				rank: isRankKey(p.rank) ? p.rank : null,
				concurrentTitleKeys: p.concurrentTitleKeys ?? []
			},
			titles
		).m2PerPerson;
	} catch (e) {
		if (!(e instanceof NormsInputError)) throw e;
		return null;
	}
}

/** The fields of a position its row and its edit form read. */
const POSITION_FIELDS = [
	'id',
	'orgUnitId',
	'title',
	'titleKey',
	'rank',
	'field',
	'approved',
	'filled',
	'plannedNextYear',
	'version'
] as const;

/** The units with their totals, and each unit's positions (by unit id). */
export function organisationView(units: Organisation, titles: readonly TitleNorm[]) {
	const sum = (
		u: Organisation[number],
		f: (p: Organisation[number]['positions'][number]) => number
	) => u.positions.reduce((s, p) => s + f(p), 0);
	return {
		units: units.map((u) => ({
			...pick(u, ['id', 'code', 'name', 'kind', 'publicFacing', 'version']),
			positions: u.positions.length,
			approved: sum(u, (p) => p.approved),
			filled: sum(u, (p) => p.filled),
			plannedNextYear: sum(u, (p) => p.plannedNextYear)
		})),
		positionsOf: new Map(
			units.map((u) => [
				u.id,
				u.positions.map((p) => ({
					...pick(p, POSITION_FIELDS),
					concurrentTitleKeys: p.concurrentTitleKeys ?? [],
					norm: normOf(p, titles)
				}))
			])
		)
	};
}

/**
 * The unit a refused form belongs to (its name: `unit-<id>`, `position-new-<unit id>`,
 * `position-<id>`), so the page shows that unit with the form open; null for another form.
 */
export function unitOfForm(
	form: string | undefined,
	positionsOf: ReadonlyMap<number, readonly { id: number }[]>
): number | null {
	const unit = /^(?:unit|position-new)-(\d+)$/.exec(form ?? '');
	if (unit) return Number(unit[1]);
	const position = /^position-(\d+)$/.exec(form ?? '');
	if (!position) return null;
	const id = Number(position[1]);
	for (const [unitId, ps] of positionsOf) if (ps.some((p) => p.id === id)) return unitId;
	return null;
}
