/** The documents' sentences in words: justification criteria, arrangement, vacancies. */
import { eq } from 'drizzle-orm';
import { fieldLabel, type PacketDocuments } from '../../packet';
import type { Db } from '../db';
import { orgUnits } from '../db/schema';
import { justificationForWard, vacanciesByPosition } from '../needs';
import { appliedArrangementByUnit } from '../plans';

const pctVi = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const pctEn = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const intVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const intEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
// Areas with the policy's one decimal (i18n DECIMALS: m² 1).
const areaVi = new Intl.NumberFormat('vi-VN', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});
const areaEn = new Intl.NumberFormat('en-GB', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});

/**
 * The justification criteria (needs page), the applied arrangement by unit (plans) and the
 * vacancies by position under the city's fields, in words for the documents.
 */
export function documentsInput(
	db: Db,
	wardId: number
): Omit<PacketDocuments, 'reportNumber' | 'letterNumber'> {
	const out: Omit<PacketDocuments, 'reportNumber' | 'letterNumber'> = {
		justification: [],
		arrangement: [],
		vacancies: []
	};
	try {
		const j = justificationForWard(db, wardId);
		const a = j.workingArea.allSites;
		const ratio = a.ratio ?? 0;
		out.justification.push({
			met: j.workingArea.met,
			text: {
				vi: `Diện tích làm việc đang sử dụng tại tất cả các cơ sở là ${areaVi.format(a.inUseM2)} m², bằng ${pctVi.format(ratio)} định mức ${areaVi.format(a.normM2)} m² (ngưỡng ${pctVi.format(j.threshold)}).`,
				en: `Working area in use at all sites: ${areaEn.format(a.inUseM2)} m², ${pctEn.format(ratio)} of the ${areaEn.format(a.normM2)} m² norm (threshold ${pctEn.format(j.threshold)}).`
			}
		});
		const u = j.unsafeBuildings;
		const inUse = u.buildings.filter((b) => b.inUse);
		out.justification.push({
			met: u.met,
			text: {
				vi: u.buildings.length
					? `Có ${u.buildings.length} nhà cấp nguy hiểm C hoặc D theo TCVN 9381:2012 (${u.buildings.map((b) => b.name).join(', ')}), trong đó ${inUse.length} nhà đang sử dụng.`
					: 'Không có nhà nào được đánh giá cấp nguy hiểm C hoặc D theo TCVN 9381:2012.',
				en: u.buildings.length
					? `${u.buildings.length} buildings at danger level C or D under TCVN 9381:2012 (${u.buildings.map((b) => b.name).join(', ')}), ${inUse.length} of them in use.`
					: 'No building at danger level C or D under TCVN 9381:2012.'
			}
		});
		const dsp = j.dispersion;
		out.justification.push({
			met: dsp.met,
			text: {
				vi: `Cơ quan đang làm việc tại ${dsp.siteCount} cơ sở; hai cơ sở xa nhau nhất cách nhau ${intVi.format(dsp.maxDistanceM)} m (tiêu chí phân tán: từ ${dsp.minSites} cơ sở, cách nhau từ ${intVi.format(dsp.minDistanceM)} m).`,
				en: `The offices use ${dsp.siteCount} sites; the two farthest apart are ${intEn.format(dsp.maxDistanceM)} m apart (scattered: ${dsp.minSites} sites or more, ${intEn.format(dsp.minDistanceM)} m or more apart).`
			}
		});
	} catch {
		// No current norm set: the criteria are left out (the necessity figures still show).
	}
	const arr = appliedArrangementByUnit(db, wardId);
	if (arr) {
		const names = new Map(
			db
				.select({ id: orgUnits.id, name: orgUnits.name })
				.from(orgUnits)
				.where(eq(orgUnits.wardId, wardId))
				.all()
				.map((r) => [r.id, r.name])
		);
		out.arrangement = arr.units.map((x) => ({
			unit: names.get(x.unitId) ?? '—',
			headcount: x.headcount,
			seated: x.seated,
			areaM2: x.areaGivenM2,
			normM2: x.normAreaM2
		}));
	}
	const v = vacanciesByPosition(db, wardId);
	for (const g of v.groups) {
		for (const r of g.rows) {
			if (r.missing > 0) {
				out.vacancies.push({
					field:
						g.key === 'leadership'
							? { vi: 'Lãnh đạo, quản lý', en: 'Leadership' }
							: fieldLabel(r.field),
					position: { vi: r.title, en: v.titleLabels[r.titleKey]?.en ?? r.title },
					unit: r.unitName,
					approved: r.approved,
					filled: r.filled,
					vacant: r.missing
				});
			}
		}
	}
	return out;
}
