/** The sections on money and time: estimate, funding, operating cost, schedule, arrangement. */
import { documentDate } from '../labels';
import type { TracedNumber } from '../types';
import { W, num, r1, table } from './kit';
import { emptyBody, type SectionBody, type SnapshotContext } from './context';

/** Estimate: from the dossier inputs when the draft has them, else from settings. */
/** The last two figures of the estimate, the same whether the dossier or the settings priced it. */
function contingencyAndTotal(e: { contingencyVnd: number; totalVnd: number }) {
	return {
		contingencyVnd: num(
			e.contingencyVnd,
			'đồng',
			'setting',
			'contingencyVnd',
			W(
				'Tỷ lệ dự phòng nhân tổng chi phí xây dựng và chi phí đất, giải phóng mặt bằng.',
				'Contingency share times construction plus land and clearance.'
			)
		),
		totalVnd: num(
			e.totalVnd,
			'đồng',
			'setting',
			'totalVnd',
			W(
				'Tổng chi phí xây dựng, chi phí đất và giải phóng mặt bằng, chi phí dự phòng.',
				'Construction plus land and clearance plus contingency.'
			)
		)
	};
}

export function estimate(c: SnapshotContext): SectionBody {
	const { d, rec, est, set, gfaWords, settingWords, settingSrc } = c;
	const out = emptyBody();
	const e = d?.estimate ?? null;
	if (e) {
		const rateWords = W(
			`Suất vốn đầu tư xây dựng trụ sở cơ quan ${e.storeys} tầng: ${e.rate?.source ?? 'bảng suất vốn đầu tư'}${e.rate ? `, mặt bằng giá năm ${e.rate.year}` : ''}${e.rate?.verify ? ' (cần đối chiếu văn bản gốc)' : ''}.`,
			`Unit investment cost of an office building of ${e.storeys} storeys: ${e.rate?.source ?? 'rate table'}${e.rate ? `, price level ${e.rate.year}` : ''}${e.rate?.verify ? ' (to verify)' : ''}.`
		);
		const dossierWords = W(
			'Số liệu do phường xác định trong hồ sơ đề xuất.',
			'Figure set by the ward in the dossier.'
		);
		out.numbers = {
			grossFloorAreaM2: num(e.gfaM2, 'm²', 'setting', 'gfaM2', gfaWords),
			unitCostVndPerM2: num(e.rateVndPerM2, 'đồng/m²', 'setting', 'rateVndPerM2', rateWords),
			constructionVnd: num(
				e.constructionVnd,
				'đồng',
				'setting',
				'constructionVnd',
				W(
					'Tổng diện tích sàn xây dựng nhân suất vốn đầu tư, làm tròn đến triệu đồng.',
					'Gross floor area times the unit cost, rounded to a million đồng.'
				)
			),
			landCostVnd: num(
				e.landAndClearanceVnd,
				'đồng',
				'site',
				'landAndClearanceVnd',
				rec
					? W(
							`Chi phí bồi thường, hỗ trợ, tái định cư và giải phóng mặt bằng của khu đất “${rec.site.name}”, do phường xác định trong hồ sơ đề xuất.`,
							`Compensation, resettlement and clearance cost of the site “${rec.site.name}”, set by the ward in the dossier.`
						)
					: dossierWords
			),
			contingencyRatio: num(e.contingencyShare, '%', 'setting', 'contingencyShare', dossierWords),
			...contingencyAndTotal(e)
		};
	} else {
		const siteWords = rec
			? W(
					`Hồ sơ khu đất “${rec.site.name}” trong danh mục địa điểm ứng viên của phường.`,
					`The record of the site “${rec.site.name}”.`
				)
			: W('Chưa chọn địa điểm.', 'No site chosen.');
		out.numbers = {
			grossFloorAreaM2: num(est.grossFloorAreaM2, 'm²', 'needs', 'grossFloorAreaM2', gfaWords),
			unitCostVndPerM2: num(
				set.unitCost.value,
				'đồng/m²',
				'setting',
				set.unitCost.key,
				settingWords(set.unitCost, 'Suất vốn đầu tư', 'Unit investment cost'),
				settingSrc(set.unitCost)
			),
			constructionVnd: num(
				est.constructionVnd,
				'đồng',
				'setting',
				'constructionVnd',
				W(
					'Tổng diện tích sàn xây dựng nhân suất vốn đầu tư.',
					'Gross floor area times the unit cost.'
				)
			),
			landCostVnd: num(
				(rec?.site.landCostVnd ?? 0) + (rec?.site.clearanceCostVnd ?? 0),
				'đồng',
				'site',
				'landCostVnd',
				siteWords
			),
			contingencyRatio: num(
				set.contingency.value,
				'%',
				'setting',
				set.contingency.key,
				settingWords(set.contingency, 'Tỷ lệ dự phòng', 'Contingency share'),
				settingSrc(set.contingency)
			),
			...contingencyAndTotal(est)
		};
	}
	return out;
}

/** Funding: the yearly split of the dossier. */
export function funding(c: SnapshotContext): SectionBody {
	const { d } = c;
	const out = emptyBody();
	if (d) {
		const splitWords = W(
			'Kế hoạch vốn theo năm do phường đề xuất trong hồ sơ.',
			'Yearly capital plan proposed by the ward in the dossier.'
		);
		for (const y of d.yearlySplit) {
			out.numbers[`y${y.year}`] = num(
				y.amountVnd,
				'đồng',
				'setting',
				`yearlySplit.${y.year}`,
				splitWords
			);
		}
		out.tables.push(
			table(
				'yearly',
				'Phân kỳ vốn đầu tư theo năm',
				'Capital by year',
				[
					['Năm', 'Year'],
					['Số vốn (đồng)', 'Amount (VND)']
				],
				d.yearlySplit.map((y) => [String(y.year), y.amountVnd])
			)
		);
	}
	return out;
}

/** Operating cost per year (dossier). */
export function operating(c: SnapshotContext): SectionBody {
	const { d } = c;
	const out = emptyBody();
	if (d && d.operatingCostVndPerYear !== null) {
		out.numbers.perYear = num(
			d.operatingCostVndPerYear,
			'đồng',
			'setting',
			'operatingCostVndPerYear',
			W(
				'Chi phí vận hành, bảo trì hằng năm do phường ước tính trong hồ sơ đề xuất.',
				'Yearly operating and maintenance cost estimated by the ward in the dossier.'
			)
		);
	}
	return out;
}

/** Schedule: the dossier's years, else the draft's. */
export function schedule(c: SnapshotContext): SectionBody {
	const { d, draft } = c;
	const out = emptyBody();
	const schedule = d?.schedule ?? draft.schedule;
	const scheduleWords = W(
		'Tiến độ do phường đề xuất trong hồ sơ.',
		'Schedule proposed by the ward in the dossier.'
	);
	out.numbers = {
		startYear: num(schedule.startYear, '', 'setting', 'schedule.startYear', scheduleWords),
		endYear: num(schedule.endYear, '', 'setting', 'schedule.endYear', scheduleWords)
	};
	return out;
}

/** Short-term arrangement: the applied scenario, seating by unit, the old facilities' fates. */
export function arrangement(c: SnapshotContext): SectionBody {
	const { input, d, docs } = c;
	const out = emptyBody();
	const sc = input.scenario;
	if (sc) {
		const words = W(
			`Phương án bố trí “${sc.name}” được phường áp dụng ${documentDate(sc.appliedAt, 'vi')}.`,
			`Arrangement “${sc.name}” applied by the ward on ${documentDate(sc.appliedAt, 'en')}.`
		);
		const s = (v: number | null, unit: string, field: string): TracedNumber =>
			num(v, unit, 'scenario', field, words, { id: sc.id, version: sc.appliedAt });
		out.numbers = {
			headcount: s(sc.headcount, 'người', 'metrics.headcount'),
			placed: s(sc.placed, 'người', 'metrics.placed'),
			unplaced: s(sc.unplaced, 'người', 'metrics.unplaced'),
			moved: s(sc.moved, 'người', 'metrics.moved'),
			areaPerPersonM2: s(
				sc.areaPerPersonM2 === null ? null : r1(sc.areaPerPersonM2),
				'm²/người',
				'metrics.areaPerPersonM2'
			),
			normM2PerPerson: s(r1(sc.normM2PerPerson), 'm²/người', 'metrics.normM2PerPerson')
		};
	}
	if (d?.facilities.length) {
		out.tables.push(
			table(
				'fates',
				'Phương án xử lý các cơ sở cũ sau khi có trụ sở mới',
				'What happens to each old facility',
				[
					['Cơ sở', 'Facility'],
					['Địa chỉ', 'Address'],
					['Phương án', 'Plan'],
					['Ghi chú', 'Note']
				],
				d.facilities.map((f) => [
					f.name,
					f.address ?? '',
					f.fate ? f.fateLabelVi : 'Chưa xác định',
					f.note
				])
			)
		);
	}
	if (docs?.arrangement.length) {
		out.tables.unshift(
			table(
				'units',
				'Bố trí trước mắt theo đơn vị',
				'Short-term seating by unit',
				[
					['Đơn vị', 'Unit'],
					['Biên chế', 'Staff'],
					['Đã bố trí chỗ', 'Seated'],
					['Diện tích bố trí (m²)', 'Area given (m²)'],
					['Định mức (m²)', 'Norm (m²)']
				],
				docs.arrangement.map((a) => [a.unit, a.headcount, a.seated, r1(a.areaM2), r1(a.normM2)])
			)
		);
	}
	return out;
}
