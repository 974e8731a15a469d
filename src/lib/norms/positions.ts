/**
 * Positions after the 2025 reform: a title, a civil-service rank (ngạch) and optional titles
 * held concurrently (kiêm nhiệm). The norm of a position is the highest that applies
 * (Decree 155/2025/NĐ-CP: a person with several titles gets the highest norm; chuyên viên chính
 * and chuyên viên cao cấp are in the 20 m² row of Appendix II).
 */
import { NormsInputError, describeValue } from './errors';
import { resolvePersonTitles } from './titles';
import type { TitleNorm } from './types';

/** Civil-service ranks (ngạch) a position may carry; null/undefined = none. */
export const RANK_KEYS = ['specialist', 'principal-specialist', 'senior-specialist'] as const;
export type RankKey = (typeof RANK_KEYS)[number];

/**
 * The norm-set item that prices each rank: chuyên viên uses the specialist row; chuyên viên
 * chính and cao cấp have their own items (20 m² in 155/2025), so a norm set can mark them
 * confirmed or "verify" on their own.
 *
 * @example
 * RANK_NORM_KEYS['principal-specialist']; // 'rank-principal-specialist'
 */
export const RANK_NORM_KEYS: Readonly<Record<RankKey, string>> = Object.freeze({
	specialist: 'specialist',
	'principal-specialist': 'rank-principal-specialist',
	'senior-specialist': 'rank-senior-specialist'
});

/** Labels of the ranks (Vietnamese as written in the civil-service law, English). */
export const RANK_LABELS: Readonly<Record<RankKey, { vi: string; en: string }>> = Object.freeze({
	specialist: { vi: 'Chuyên viên', en: 'Specialist' },
	'principal-specialist': { vi: 'Chuyên viên chính', en: 'Principal specialist' },
	'senior-specialist': { vi: 'Chuyên viên cao cấp', en: 'Senior specialist' }
});

/** Norm items that price a rank, not a title: not offered as a position's title. */
export function isRankNormKey(key: string): boolean {
	return key.startsWith('rank-');
}

/**
 * Title keys of leadership posts (lãnh đạo, quản lý): their vacancies are grouped under
 * "leadership" when no field is given, never under "unspecified".
 */
export const LEADERSHIP_TITLE_KEYS: readonly string[] = Object.freeze([
	'party-secretary',
	'chair-deputy',
	'division-head'
]);

/** True for a known rank key. */
export function isRankKey(value: unknown): value is RankKey {
	return typeof value === 'string' && (RANK_KEYS as readonly string[]).includes(value);
}

/** A position's title, rank and concurrent titles. */
export interface PositionTitles {
	titleKey: string;
	rank?: RankKey | null;
	concurrentTitleKeys?: readonly string[] | null;
}

/** Where a candidate norm of a position comes from. */
export type NormSource = 'title' | 'rank' | 'concurrent';

/** Result of {@link positionNorm}. */
export interface PositionNorm {
	/** The norm item that governs (the highest m² per person). */
	governingKey: string;
	m2PerPerson: number;
	governedBy: NormSource;
	/** Every norm that applies, in the order title, rank, concurrent titles. */
	candidates: { key: string; source: NormSource; m2PerPerson: number }[];
	/** A rank whose norm item the norm set does not have (left out; title norm applies). */
	unpricedRank: RankKey | null;
}

/**
 * The norm of one post holder: the highest of the title's norm, the rank's norm and the norms
 * of the titles held concurrently (ties: the title first, then the rank, then concurrent
 * titles in order). The choice is made by {@link resolvePersonTitles} (one person, all the
 * keys that apply). A rank the norm set does not price is reported in `unpricedRank` and
 * left out. Throws {@link NormsInputError} for an unknown title or concurrent key, or a rank
 * that is not one of {@link RANK_KEYS}.
 *
 * @example
 * // Trưởng phòng (18) with rank chuyên viên chính (20): 20 m², governed by the rank
 * positionNorm({ titleKey: 'division-head', rank: 'principal-specialist' }, titles155);
 * // { governingKey: 'rank-principal-specialist', m2PerPerson: 20, governedBy: 'rank', … }
 * // Bí thư (30) kiêm Chủ tịch HĐND (20): 30 m², counted once
 * positionNorm({ titleKey: 'party-secretary', concurrentTitleKeys: ['chair-deputy'] }, titles155);
 */
export function positionNorm(position: PositionTitles, titles: readonly TitleNorm[]): PositionNorm {
	const m2 = new Map(titles.map((t) => [t.key, t.m2PerPerson]));
	const rank = position.rank ?? null;
	if (rank !== null && !isRankKey(rank)) {
		throw new NormsInputError(
			'rank',
			`rank: must be one of ${RANK_KEYS.join(', ')} or null, got ${describeValue(rank)}`
		);
	}
	const concurrent = position.concurrentTitleKeys ?? [];
	if (!Array.isArray(concurrent)) {
		throw new NormsInputError('concurrentTitleKeys', 'concurrentTitleKeys: must be an array');
	}
	const candidates: PositionNorm['candidates'] = [];
	const add = (key: string, source: NormSource) => {
		if (!m2.has(key)) {
			throw new NormsInputError(
				source === 'title' ? 'titleKey' : 'concurrentTitleKeys',
				`${source === 'title' ? 'titleKey' : 'concurrentTitleKeys'}: unknown title key ${describeValue(key)}`
			);
		}
		candidates.push({ key, source, m2PerPerson: m2.get(key) as number });
	};
	add(position.titleKey, 'title');
	let unpricedRank: RankKey | null = null;
	if (rank !== null) {
		const key = RANK_NORM_KEYS[rank];
		if (m2.has(key)) add(key, 'rank');
		else unpricedRank = rank;
	}
	for (const key of concurrent) add(key, 'concurrent');
	// Order the norm list like the candidates so ties go to the title, then the rank.
	const order = candidates.map((c) => ({ key: c.key, m2PerPerson: c.m2PerPerson }));
	const seen = new Set<string>();
	const ordered = order.filter((t) => !seen.has(t.key) && seen.add(t.key));
	const [winner] = resolvePersonTitles(
		[{ personId: 'p', unitId: 'u', titleKeys: ordered.map((t) => t.key) }],
		ordered
	);
	const governing = candidates.find((c) => c.key === winner.titleKey)!;
	return {
		governingKey: governing.key,
		m2PerPerson: governing.m2PerPerson,
		governedBy: governing.source,
		candidates,
		unpricedRank
	};
}
