/** The sections on the sites: alternatives, the recommended site, the appendix of sites. */
import { documentDate } from '../labels';
import { W, formatDecimal, label, methodLabel, num, r1, r4, table } from './kit';
import { emptyBody, type SectionBody, type SnapshotContext } from './context';

/** Site alternatives: criteria, scores by method, sensitivity, SMAA, screened out. */
export function sites(c: SnapshotContext): SectionBody {
	const { input, scoring, nameOf } = c;
	const out = emptyBody();
	const criterionLabel = new Map(scoring?.criteria.map((c) => [c.key, c]) ?? []);
	if (scoring) {
		const runWords = W(
			`Kết quả chấm điểm đa tiêu chí “${scoring.name === 'live' ? 'hiện hành' : scoring.name}”, ${documentDate(scoring.createdAt, 'vi')}.`,
			`Multi-criteria scoring “${scoring.name === 'live' ? 'current' : scoring.name}” of ${documentDate(scoring.createdAt, 'en')}.`
		);
		const runSrc = { id: scoring.runId ?? undefined, version: scoring.createdAt };
		out.numbers = {
			candidates: num(
				input.sites.length,
				'địa điểm',
				'site',
				'count(sites)',
				W('Danh mục các khu đất ứng viên do phường lập.', 'The ward’s register of candidate sites.')
			),
			eligible: num(
				scoring.results[scoring.method]?.length ?? 0,
				'địa điểm',
				'scoring-run',
				'eligible',
				runWords,
				runSrc
			)
		};
		if (scoring.weights.cr !== null) {
			out.numbers.cr = num(
				r4(scoring.weights.cr),
				'',
				'scoring-run',
				'weights.cr',
				W(
					'Tỷ số nhất quán của ma trận so sánh cặp các tiêu chí (phương pháp AHP).',
					'Consistency ratio of the pairwise comparison matrix of the criteria (AHP).'
				),
				runSrc
			);
		}
		out.tables.push(
			table(
				'criteria',
				'Tiêu chí và trọng số',
				'Criteria and weights',
				[
					['Tiêu chí', 'Criterion'],
					['Chiều đánh giá', 'Direction'],
					['Đơn vị', 'Unit'],
					['Trọng số (%)', 'Weight (%)'],
					['Căn cứ', 'Basis']
				],
				scoring.criteria.map((c) => [
					c.labelVi,
					c.type === 'cost' ? 'Càng nhỏ càng tốt' : 'Càng lớn càng tốt',
					c.unit === 'VND' ? 'đồng' : c.unit,
					r1(c.weight * 100),
					c.basis ?? ''
				])
			)
		);
		const methods = Object.keys(scoring.results);
		const codes = input.sites.map((s) => s.code);
		out.tables.push(
			table(
				'scores',
				'Điểm và thứ hạng theo từng phương pháp',
				'Scores and ranks by method',
				[
					['Địa điểm', 'Site'],
					...methods.map((m) => [methodLabel(m).vi, methodLabel(m).en] as [string, string])
				],
				codes
					.filter((c) => methods.some((m) => scoring.results[m].some((r) => r.code === c)))
					.map((c) => [
						nameOf(c),
						...methods.map((m) => {
							const r = scoring.results[m].find((x) => x.code === c);
							return r ? `${formatDecimal(r.score, 3)} (hạng ${r.rank})` : '—';
						})
					])
			)
		);
		out.tables.push(
			table(
				'sensitivity',
				'Độ nhạy: trọng số làm thay đổi địa điểm xếp thứ nhất',
				'Sensitivity: weights that change the first place',
				[
					['Tiêu chí', 'Criterion'],
					['Trọng số hiện tại (%)', 'Current weight (%)'],
					['Khi trọng số bằng', 'When the weight reaches']
				],
				scoring.sensitivity.map((s) => [
					criterionLabel.get(s.criterion)?.labelVi ?? s.criterion,
					r1(s.baseWeight * 100),
					s.switches
						.map(
							(w) =>
								`${formatDecimal(w.weight * 100, 1)} %: ${nameOf(w.to)} thay ${nameOf(w.from)} ở vị trí thứ nhất`
						)
						.join('; ') || 'Không đổi địa điểm thứ nhất'
				])
			)
		);
		if (scoring.smaa) {
			const sm = scoring.smaa;
			out.tables.push(
				table(
					'smaa',
					'Phân tích SMAA: khả năng xếp thứ nhất khi trọng số thay đổi ngẫu nhiên',
					'SMAA: acceptability of the first rank under random weights',
					[
						['Địa điểm', 'Site'],
						['Khả năng xếp thứ nhất (%)', 'First rank (%)']
					],
					sm.eligible.map((c, i) => [nameOf(c), r1((sm.rankAcceptability[i]?.[0] ?? 0) * 100)])
				)
			);
		}
		if (scoring.screenedOut.length) {
			out.tables.push(
				table(
					'screened',
					'Địa điểm bị loại trước khi chấm điểm',
					'Sites screened out',
					[
						['Địa điểm', 'Site'],
						['Lý do', 'Reasons']
					],
					scoring.screenedOut.map((s) => [
						s.name,
						s.reasons
							.map((r) => label(`screen.reason.${r}`, r).vi.replace(/\s*\(?\{\w+\}[^)]*\)?/g, ''))
							.join('; ')
					])
				)
			);
		}
	}
	return out;
}

/** The recommended site: its record and its score. */
export function recommended(c: SnapshotContext): SectionBody {
	const { input, scoring, rec } = c;
	const out = emptyBody();
	if (rec) {
		const site = rec.site;
		const siteWords = W(
			`Hồ sơ khu đất “${site.name}” trong danh mục địa điểm ứng viên của phường.`,
			`The record of the site “${site.name}” in the ward’s register of candidate sites.`
		);
		const ranked = scoring?.results[scoring.method]?.find((r) => r.code === site.code);
		const runWords = W(
			`Kết quả chấm điểm theo phương pháp ${methodLabel(scoring?.method ?? '').vi.toLocaleLowerCase('vi-VN')}, ${documentDate(scoring?.createdAt ?? input.assembledAt, 'vi')}.`,
			`Scoring by the ${methodLabel(scoring?.method ?? '').en.toLowerCase()} method of ${documentDate(scoring?.createdAt ?? input.assembledAt, 'en')}.`
		);
		const runSrc = { id: scoring?.runId ?? undefined, version: scoring?.createdAt };
		out.numbers = {
			landAreaM2: num(site.landAreaM2, 'm²', 'site', 'land_area_m2', siteWords, { id: site.id }),
			households: num(
				site.householdsToRelocate,
				'hộ',
				'site',
				'households_to_relocate',
				siteWords,
				{
					id: site.id
				}
			),
			score: num(ranked ? r4(ranked.score) : null, '', 'scoring-run', 'score', runWords, runSrc),
			rank: num(ranked ? ranked.rank : null, '', 'scoring-run', 'rank', runWords, runSrc)
		};
		out.tables.push(
			table(
				'site',
				'Địa điểm đề xuất',
				'Recommended site',
				[
					['Tên', 'Name'],
					['Địa chỉ', 'Address'],
					['Diện tích đất (m²)', 'Land area (m²)'],
					['Tình trạng pháp lý đất', 'Legal status of the land']
				],
				[
					[
						site.name,
						input.dossier?.site?.code === site.code ? input.dossier.site.address : '',
						site.landAreaM2,
						label(`siteLegal.${site.legalStatus}`, site.legalStatus).vi
					]
				]
			)
		);
	}
	return out;
}

/** Appendices: the data tables. */
export function appendices(c: SnapshotContext): SectionBody {
	const { input } = c;
	const out = emptyBody();
	out.tables.push(
		table(
			'sites',
			'Danh sách địa điểm ứng viên',
			'Candidate sites',
			[
				['Tên', 'Name'],
				['Diện tích đất (m²)', 'Land area (m²)'],
				['Tình trạng pháp lý đất', 'Legal status'],
				['Số hộ di dời', 'Households'],
				['Chi phí đất (đồng)', 'Land cost (VND)'],
				['Chi phí giải phóng mặt bằng (đồng)', 'Clearance (VND)']
			],
			input.sites.map((s) => [
				s.name,
				s.landAreaM2,
				label(`siteLegal.${s.legalStatus}`, s.legalStatus).vi,
				s.householdsToRelocate,
				s.landCostVnd,
				s.clearanceCostVnd
			])
		)
	);
	return out;
}
