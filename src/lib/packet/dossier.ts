/**
 * Builds the dossier inputs (DossierInputs) from the draft's dossier fields and what the ward's
 * data says (sites, ranking, old facilities, the catalogue and rate table), and lists what is
 * missing or inconsistent. Pure: $lib/server/dossier gathers the parts.
 */
import type {
	DossierFacility,
	DossierFields,
	DossierInputs,
	DossierProblem,
	FacilityFate,
	InvestmentEstimate,
	InvestmentForm,
	InvestmentRate,
	LegalReference
} from './dossier-types';
import { investmentEstimate, pickRate } from './investment';
import type { PacketDraft } from './types';
import { amountInWords } from './words';

export const INVESTMENT_FORM_LABELS: Record<InvestmentForm, { vi: string; en: string }> = {
	'new-build': { vi: 'Xây dựng mới', en: 'New construction' },
	'renovation-extension': { vi: 'Cải tạo, mở rộng', en: 'Renovation and extension' },
	renovation: { vi: 'Cải tạo, sửa chữa', en: 'Renovation and repair' }
};

export const FACILITY_FATE_LABELS: Record<FacilityFate, { vi: string; en: string }> = {
	keep: { vi: 'Tiếp tục sử dụng', en: 'Keep in use' },
	'public-use': {
		vi: 'Bàn giao sử dụng vào mục đích công cộng khác',
		en: 'Hand over for another public use'
	},
	return: { vi: 'Bàn giao để xử lý theo quy định', en: 'Return for handling' }
};

/** An empty dossier (what a draft without dossier fields reads as). */
export function emptyDossierFields(): DossierFields {
	return {
		siteAddress: '',
		grossFloorAreaM2: null,
		storeys: null,
		landAndClearanceVnd: null,
		contingencyShare: null,
		fundingSource: '',
		investor: '',
		investmentForm: null,
		yearlySplit: [],
		operatingCostVndPerYear: null,
		facilityFates: [],
		staffingSupport: [],
		siteJustification: ''
	};
}

export interface DossierSiteFact {
	code: string;
	name: string;
	landAreaM2: number | null;
	landCostVnd: number;
	clearanceCostVnd: number;
}

export interface DossierFacilityFact {
	code: string;
	name: string;
	address: string | null;
	landAreaM2: number | null;
	originWard: string | null;
}

/** What the ward's data gives the dossier. */
export interface DossierParts {
	ward: DossierInputs['ward'];
	proposalId: number | null;
	draft: PacketDraft;
	legalBases: LegalReference[];
	rates: InvestmentRate[];
	sites: DossierSiteFact[];
	/** The ranking used by the packet (rank 1 = top), null without a scoring. */
	ranking: { code: string; rank: number }[] | null;
	facilities: DossierFacilityFact[];
	fieldLabel: (field: string) => { vi: string; en: string };
}

const P = (
	code: DossierProblem['code'],
	field: string,
	messageVi: string,
	messageEn: string
): DossierProblem => ({ code, field, messageVi, messageEn });

/** The site the dossier recommends: the draft's choice, else the top-ranked one. */
export function chosenSite(
	draft: PacketDraft,
	sites: DossierSiteFact[],
	ranking: DossierParts['ranking']
): { site: DossierSiteFact; rank: number | null; top: DossierSiteFact | null } | null {
	const topCode = ranking?.find((r) => r.rank === 1)?.code ?? null;
	const top = topCode ? (sites.find((s) => s.code === topCode) ?? null) : null;
	const site = draft.recommendedSiteCode
		? sites.find((s) => s.code === draft.recommendedSiteCode)
		: (top ?? undefined);
	if (!site) return null;
	const rank = ranking?.find((r) => r.code === site.code)?.rank ?? null;
	return { site, rank, top };
}

/**
 * Whether saving or submitting must be refused because the chosen site is not the top-ranked
 * one and no justification is written. (Without a ranking nothing is "top": not required.)
 */
export function justificationMissing(
	draft: PacketDraft,
	sites: DossierSiteFact[],
	ranking: DossierParts['ranking']
): boolean {
	const c = chosenSite(draft, sites, ranking);
	if (!c || !c.top || c.top.code === c.site.code) return false;
	return (draft.dossier?.siteJustification ?? '').trim() === '';
}

const vnd = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** The estimate from the fields and rates, or null when something it needs is missing. */
export function estimateFor(
	f: DossierFields,
	rates: InvestmentRate[]
): { estimate: InvestmentEstimate | null; rate: InvestmentRate | null } {
	const rate = f.storeys !== null ? pickRate(rates, f.storeys) : null;
	if (
		f.grossFloorAreaM2 === null ||
		f.storeys === null ||
		f.landAndClearanceVnd === null ||
		f.contingencyShare === null ||
		!rate
	) {
		return { estimate: null, rate };
	}
	try {
		return {
			estimate: investmentEstimate({
				gfaM2: f.grossFloorAreaM2,
				storeys: f.storeys,
				rate,
				landAndClearanceVnd: f.landAndClearanceVnd,
				contingencyShare: f.contingencyShare
			}),
			rate
		};
	} catch {
		return { estimate: null, rate };
	}
}

/** Everything the documents need, with the problems still to fix. */
export function buildDossierInputs(parts: DossierParts): DossierInputs {
	const { draft } = parts;
	const f = draft.dossier ?? emptyDossierFields();
	const schedule = draft.schedule;
	const problems: DossierProblem[] = [];

	const chosen = chosenSite(draft, parts.sites, parts.ranking);
	if (!chosen) {
		problems.push(
			P(
				'site-missing',
				'recommendedSiteCode',
				'Chưa chọn địa điểm đề xuất.',
				'No recommended site is chosen.'
			)
		);
	} else if (f.siteAddress.trim() === '') {
		problems.push(
			P(
				'site-address-missing',
				'siteAddress',
				'Chưa nhập địa chỉ của địa điểm đề xuất.',
				'The address of the recommended site is missing.'
			)
		);
	}
	if (justificationMissing(draft, parts.sites, parts.ranking) && chosen?.top) {
		problems.push(
			P(
				'justification-missing',
				'siteJustification',
				`Địa điểm chọn (${chosen.site.name}) không phải địa điểm xếp hạng nhất (${chosen.top.name}): cần nêu lý do lựa chọn bằng văn bản.`,
				`The chosen site (${chosen.site.name}) is not the top-ranked one (${chosen.top.name}): a written justification is required.`
			)
		);
	}
	if (f.grossFloorAreaM2 === null) {
		problems.push(
			P(
				'gfa-missing',
				'grossFloorAreaM2',
				'Chưa nhập tổng diện tích sàn xây dựng.',
				'Gross floor area is missing.'
			)
		);
	}
	if (f.storeys === null) {
		problems.push(P('storeys-missing', 'storeys', 'Chưa nhập số tầng.', 'Storeys are missing.'));
	}
	if (f.landAndClearanceVnd === null) {
		problems.push(
			P(
				'land-missing',
				'landAndClearanceVnd',
				'Chưa nhập chi phí bồi thường, giải phóng mặt bằng.',
				'Land and clearance cost is missing.'
			)
		);
	}
	if (f.contingencyShare === null) {
		problems.push(
			P(
				'contingency-missing',
				'contingencyPercent',
				'Chưa nhập tỷ lệ dự phòng.',
				'Contingency share is missing.'
			)
		);
	}
	const { estimate, rate } = estimateFor(f, parts.rates);
	if (f.storeys !== null && !rate) {
		problems.push(
			P(
				'no-rate',
				'storeys',
				`Bảng suất vốn đầu tư không có mức cho công trình ${f.storeys} tầng.`,
				`The investment-rate table has no rate for ${f.storeys} storeys.`
			)
		);
	}
	if (f.fundingSource.trim() === '') {
		problems.push(
			P('funding-missing', 'fundingSource', 'Chưa nêu nguồn vốn.', 'Funding source is missing.')
		);
	}
	if (f.investor.trim() === '') {
		problems.push(
			P('investor-missing', 'investor', 'Chưa nêu chủ đầu tư.', 'Investor is missing.')
		);
	}
	if (f.investmentForm === null) {
		problems.push(
			P(
				'form-missing',
				'investmentForm',
				'Chưa chọn hình thức đầu tư.',
				'Form of investment is missing.'
			)
		);
	}
	if (schedule.endYear < schedule.startYear) {
		problems.push(
			P(
				'schedule-order',
				'endYear',
				`Năm hoàn thành (${schedule.endYear}) trước năm khởi công (${schedule.startYear}).`,
				`End year (${schedule.endYear}) is before start year (${schedule.startYear}).`
			)
		);
	}
	const splitTotal = f.yearlySplit.reduce((s, y) => s + y.amountVnd, 0);
	if (f.yearlySplit.length === 0) {
		problems.push(
			P(
				'split-missing',
				'splitYear_0',
				'Chưa phân kỳ vốn theo năm.',
				'The yearly capital split is missing.'
			)
		);
	} else {
		const outside = f.yearlySplit.filter(
			(y) => y.year < schedule.startYear || y.year > schedule.endYear
		);
		if (outside.length > 0) {
			problems.push(
				P(
					'split-outside-schedule',
					'splitYear_0',
					`Năm ${outside.map((y) => y.year).join(', ')} nằm ngoài tiến độ ${schedule.startYear} - ${schedule.endYear}.`,
					`Year(s) ${outside.map((y) => y.year).join(', ')} outside the schedule ${schedule.startYear}-${schedule.endYear}.`
				)
			);
		}
		if (estimate && splitTotal !== estimate.totalVnd) {
			problems.push(
				P(
					'split-sum',
					'splitAmount_0',
					`Tổng vốn phân kỳ theo năm (${vnd(splitTotal)} đồng) khác tổng mức đầu tư (${vnd(estimate.totalVnd)} đồng), chênh ${vnd(Math.abs(splitTotal - estimate.totalVnd))} đồng.`,
					`The yearly split sums to ${vnd(splitTotal)} VND, not the total investment of ${vnd(estimate.totalVnd)} VND (difference ${vnd(Math.abs(splitTotal - estimate.totalVnd))} VND).`
				)
			);
		}
	}
	if (f.operatingCostVndPerYear === null) {
		problems.push(
			P(
				'operating-missing',
				'operatingCostVndPerYear',
				'Chưa nhập chi phí vận hành hằng năm.',
				'Yearly operating cost is missing.'
			)
		);
	}

	const fates = new Map(f.facilityFates.map((x) => [x.facilityCode, x]));
	const facilities: DossierFacility[] = parts.facilities.map((fac) => {
		const e = fates.get(fac.code);
		return {
			code: fac.code,
			name: fac.name,
			address: fac.address,
			landAreaM2: fac.landAreaM2,
			originWard: fac.originWard,
			fate: e?.fate ?? null,
			fateLabelVi: e ? FACILITY_FATE_LABELS[e.fate].vi : '',
			fateLabelEn: e ? FACILITY_FATE_LABELS[e.fate].en : '',
			note: e?.note ?? ''
		};
	});
	const noFate = facilities.filter((x) => x.fate === null);
	if (noFate.length > 0) {
		problems.push(
			P(
				'fate-missing',
				'fate_0',
				`Chưa nêu phương án xử lý cơ sở cũ: ${noFate.map((x) => x.name).join('; ')}.`,
				`No plan yet for the old facilities: ${noFate.map((x) => x.name).join('; ')}.`
			)
		);
	}

	return {
		format: 'truso-dossier/1',
		ward: parts.ward,
		proposalId: parts.proposalId,
		asOf: draft.submission.date,
		legalBases: parts.legalBases,
		site: chosen
			? {
					code: chosen.site.code,
					name: chosen.site.name,
					address: f.siteAddress,
					landAreaM2: chosen.site.landAreaM2,
					rank: chosen.rank,
					topRanked: chosen.top ? { code: chosen.top.code, name: chosen.top.name } : null,
					isTopRanked: chosen.top !== null && chosen.top.code === chosen.site.code,
					justification: f.siteJustification,
					landCostVnd: chosen.site.landCostVnd,
					clearanceCostVnd: chosen.site.clearanceCostVnd
				}
			: null,
		scale: { grossFloorAreaM2: f.grossFloorAreaM2, storeys: f.storeys },
		investmentForm: f.investmentForm,
		investmentFormLabelVi: f.investmentForm ? INVESTMENT_FORM_LABELS[f.investmentForm].vi : '',
		investmentFormLabelEn: f.investmentForm ? INVESTMENT_FORM_LABELS[f.investmentForm].en : '',
		fundingSource: f.fundingSource,
		investor: f.investor,
		schedule: { startYear: schedule.startYear, endYear: schedule.endYear },
		rate,
		estimate,
		totalInWordsVi: estimate ? amountInWords(estimate.totalVnd) : '',
		yearlySplit: [...f.yearlySplit].sort((a, b) => a.year - b.year),
		yearlySplitTotalVnd: splitTotal,
		operatingCostVndPerYear: f.operatingCostVndPerYear,
		facilities,
		staffingSupport: f.staffingSupport.map((s) => {
			const l = parts.fieldLabel(s.field);
			return { ...s, fieldLabelVi: l.vi, fieldLabelEn: l.en };
		}),
		problems,
		complete: problems.length === 0
	};
}

/** Problems that refuse a save of the dossier form (the rest only mark it incomplete). */
export const BLOCKING_ON_SAVE: readonly DossierProblem['code'][] = [
	'justification-missing',
	'schedule-order',
	'split-outside-schedule',
	'split-sum'
];
