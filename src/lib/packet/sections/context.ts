/**
 * The context every section builder reads: the input and draft, with the words and figures
 * several sections share (computed once per snapshot).
 */
import { documentDate } from '../labels';
import type { PacketDraft, PacketSection, SectionKey } from '../types';
import type { PacketInput, SettingValue } from '../model';
import { recommendedSite, settingsEstimate } from './estimate';
import { W } from './kit';

/** What a section builder returns: its numbers and tables (the narrative is the draft's). */
export type SectionBody = Pick<PacketSection, 'numbers' | 'tables'>;

export const emptyBody = (): SectionBody => ({ numbers: {}, tables: [] });

export type SnapshotContext = ReturnType<typeof snapshotContext>;

/** The shared part of a snapshot's assembly. Pure. */
export function snapshotContext(input: PacketInput, draft: PacketDraft) {
	const n = input.needs;
	const ns = { id: n.normSet.id, version: n.normSet.version, note: n.normSet.legalBasis };
	const normWords = `${n.normSet.legalBasis} (bộ định mức “${n.normSet.name}”, phiên bản ${n.normSet.version})`;
	const normWordsEn = `${n.normSet.legalBasis} (norm set “${n.normSet.name}”, version ${n.normSet.version})`;
	const asOfVi = documentDate(input.assembledAt, 'vi');
	const asOfEn = documentDate(input.assembledAt, 'en');
	const narrative = (k: SectionKey) => draft.narratives[k] ?? '';
	const inv = input.inventory;
	const allBuildings = inv.facilities.flatMap((f) => f.buildings);
	const staffWords = W(
		`Tổng biên chế được giao của các đơn vị theo danh mục vị trí việc làm của phường, số liệu ${asOfVi}.`,
		`Total approved staff of the units in the ward's list of positions, as of ${asOfEn}.`
	);
	const inventoryWords = W(
		`Số liệu kiểm kê cơ sở vật chất của phường (cơ sở, nhà, phòng), ${asOfVi}.`,
		`The ward's inventory of facilities, buildings and rooms, as of ${asOfEn}.`
	);
	const scoring = input.scoring;
	const siteName = new Map(input.sites.map((s) => [s.code, s.name]));
	const nameOf = (code: string) => siteName.get(code) ?? code;
	const rec = recommendedSite(input, draft);
	const d = input.dossier ?? null;
	const set = input.settings;
	const settingWords = (s: SettingValue, what: string, whatEn: string) =>
		W(
			`${what}: ${s.source}${s.year ? `, năm ${s.year}` : ''}.`,
			`${whatEn}: ${s.source}${s.year ? `, ${s.year}` : ''}.`
		);
	const settingSrc = (s: SettingValue) => ({
		id: s.id ?? s.key,
		version: s.year ?? undefined,
		note: s.source
	});
	const est = settingsEstimate({
		usableM2: n.totalUsableM2,
		grossToUsableRatio: set.grossToUsable.value,
		unitCostVndPerM2: set.unitCost.value,
		landCostVnd: rec?.site.landCostVnd ?? 0,
		clearanceCostVnd: rec?.site.clearanceCostVnd ?? 0,
		contingencyRatio: set.contingency.value
	});
	const gfaWords = d?.scale.grossFloorAreaM2
		? W(
				'Tổng diện tích sàn xây dựng do phường xác định trong hồ sơ đề xuất, trên cơ sở tổng diện tích sử dụng theo định mức.',
				'Gross floor area set by the ward in the dossier, from the usable area under the norms.'
			)
		: W(
				`Tổng diện tích sử dụng theo định mức nhân hệ số diện tích sàn xây dựng trên diện tích sử dụng (${set.grossToUsable.source}).`,
				`Usable area under the norms times the gross-to-usable ratio (${set.grossToUsable.source}).`
			);
	const gfa = d?.scale.grossFloorAreaM2 ?? est.grossFloorAreaM2;
	const docs = input.documents;
	return {
		input,
		draft,
		n,
		ns,
		normWords,
		normWordsEn,
		asOfVi,
		asOfEn,
		narrative,
		inv,
		allBuildings,
		staffWords,
		inventoryWords,
		scoring,
		nameOf,
		rec,
		d,
		set,
		settingWords,
		settingSrc,
		est,
		gfaWords,
		gfa,
		docs
	};
}
