/** The settings-based estimate and the recommended site (shared by the builders and pages). */
import type { PacketDraft } from '../types';
import type { PacketInput } from '../model';
import { r1 } from './kit';

/** The settings-based estimate of snapshots without dossier inputs. */
export interface EstimateInput {
	usableM2: number;
	grossToUsableRatio: number;
	unitCostVndPerM2: number;
	landCostVnd: number;
	clearanceCostVnd: number;
	contingencyRatio: number;
}

export interface Estimate {
	grossFloorAreaM2: number;
	constructionVnd: number;
	landVnd: number;
	contingencyVnd: number;
	totalVnd: number;
}

/**
 * gross floor area = usable × gross/usable (rounded to 0.1 m²); construction = gross × unit
 * cost; land = land + clearance of the site; contingency = ratio × (construction + land);
 * total = construction + land + contingency. Money rounded to whole đồng. Used when the draft
 * has no dossier inputs yet (the dossier's estimate, from the rate table, replaces it).
 *
 * @example
 * settingsEstimate({ usableM2: 1000, grossToUsableRatio: 1.35, unitCostVndPerM2: 11e6,
 *   landCostVnd: 5e9, clearanceCostVnd: 1e9, contingencyRatio: 0.1 });
 * // gross 1,350 m²; construction 14,850,000,000; land 6,000,000,000;
 * // contingency 2,085,000,000; total 22,935,000,000
 */
export function settingsEstimate(i: EstimateInput): Estimate {
	const grossFloorAreaM2 = r1(i.usableM2 * i.grossToUsableRatio);
	const constructionVnd = Math.round(grossFloorAreaM2 * i.unitCostVndPerM2);
	const landVnd = Math.round(i.landCostVnd + i.clearanceCostVnd);
	const contingencyVnd = Math.round(i.contingencyRatio * (constructionVnd + landVnd));
	return {
		grossFloorAreaM2,
		constructionVnd,
		landVnd,
		contingencyVnd,
		totalVnd: constructionVnd + landVnd + contingencyVnd
	};
}

/** The site the packet recommends: the draft's choice, else the first of the scoring. */
export function recommendedSite(input: PacketInput, draft: PacketDraft) {
	const chosen = draft.recommendedSiteCode
		? input.sites.find((s) => s.code === draft.recommendedSiteCode)
		: undefined;
	if (chosen) return { site: chosen, by: 'draft' as const };
	const first = input.scoring?.results[input.scoring.method]?.find((r) => r.rank === 1);
	const site = first ? input.sites.find((s) => s.code === first.code) : undefined;
	return site ? { site, by: 'scoring' as const } : null;
}
