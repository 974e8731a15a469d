/**
 * Types of the dossier's data inputs (issue 15): what the ward enters on its proposal draft
 * (DossierFields, kept in `PacketDraft.dossier` and frozen into the version snapshot), the
 * legal-reference catalogue and the investment-rate table (admin-edited, versioned), the
 * preliminary investment estimate, and DossierInputs: everything the documents (tờ trình,
 * báo cáo đề xuất chủ trương đầu tư, staffing letter) need, as `dossierInputs(db, wardId,
 * proposalId)` in $lib/server/dossier returns it and as `PacketSnapshot.dossier` freezes it.
 *
 * Pure data, JSON-serialisable. Money is integer VND, areas m², dates ISO yyyy-mm-dd.
 * Names here are stable: the documents helper codes against them (docs/decisions.md,
 * "Dossier inputs").
 */

// ------------------------------------------------------------------ legal references (căn cứ)

/** Kinds of legal document, in the order a căn cứ list cites them (higher rank first). */
export const LEGAL_REF_KINDS = [
	'law',
	'assembly-resolution',
	'standing-committee-resolution',
	'decree',
	'pm-decision',
	'circular',
	'city-resolution',
	'city-decision',
	'other'
] as const;
export type LegalRefKind = (typeof LEGAL_REF_KINDS)[number];

/** One version of a legal reference of the catalogue (table legal_references). */
export interface LegalReference {
	/** Row id of this version. */
	id: number;
	/** Stable identity across versions, e.g. "luat-dau-tu-cong-2024". */
	key: string;
	/** 1, 2, … : each admin edit makes a new version; the previous one is kept. */
	version: number;
	kind: LegalRefKind;
	/** Number and symbol as written: "58/2024/QH15", "85/2025/NĐ-CP". */
	number: string;
	/** Date of issue (ngày ban hành), ISO. */
	issuedOn: string;
	/** Issuing body in Vietnamese: "Quốc hội", "Chính phủ", "Ủy ban Thường vụ Quốc hội". */
	issuer: string;
	/** Title (trích yếu) in Vietnamese, without the number: "Luật Đầu tư công". */
	title: string;
	/** How a căn cứ line cites it, ready to print: "Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024". */
	citation: string;
	/** In force from (ISO date) … to (ISO date, inclusive; null = still in force). */
	inForceFrom: string;
	inForceTo: string | null;
	/** True until someone has checked number, date and validity against the official text. */
	verify: boolean;
	/** Who checked / what remains to check (free text, may be empty). */
	verifyNote: string;
	/** Order within the same kind in the căn cứ list (smaller first). */
	sortOrder: number;
}

// ------------------------------------------------------------------ investment rates

/**
 * One version of a unit investment rate (suất vốn đầu tư) of the Ministry of Construction for
 * office buildings, for a band of storeys (table investment_rates).
 */
export interface InvestmentRate {
	id: number;
	/** Stable identity of the band across versions, e.g. "office-le-5". */
	key: string;
	version: number;
	/** Storey band, inclusive: 1…5, 6…10, … (storeysTo null = no upper bound). */
	storeysFrom: number;
	storeysTo: number | null;
	/** VND per m² of gross floor area (integer). */
	vndPerM2: number;
	/** The publication, e.g. "Bộ Xây dựng, Quyết định …/QĐ-BXD công bố suất vốn đầu tư năm 2024". */
	source: string;
	/** Year of the price level the rate is published for. */
	year: number;
	/** True until the figure has been checked against the publication. */
	verify: boolean;
	/** Free text (what the rate includes, who checked). */
	note: string;
}

// ------------------------------------------------------------------ the estimate

/** Input of the pure `investmentEstimate` in $lib/packet/investment. */
export interface InvestmentEstimateInput {
	/** Gross floor area (tổng diện tích sàn xây dựng), m², > 0. */
	gfaM2: number;
	/** Storeys above ground, integer ≥ 1; must fall in the rate's band. */
	storeys: number;
	/** The rate applied (its band must contain `storeys`). */
	rate: Pick<InvestmentRate, 'vndPerM2' | 'storeysFrom' | 'storeysTo'> & Partial<InvestmentRate>;
	/** Land and clearance cost (bồi thường, hỗ trợ, tái định cư, giải phóng mặt bằng), VND ≥ 0. */
	landAndClearanceVnd: number;
	/** Contingency (dự phòng) as a share of construction + land and clearance, 0 … 0.3. */
	contingencyShare: number;
}

/**
 * The preliminary total investment (khái toán tổng mức đầu tư), integers VND. Each part is
 * rounded half up to the nearest million đồng (ESTIMATE_ROUNDING_VND) and the total is the sum
 * of the rounded parts, so the breakdown always adds up:
 *   constructionVnd = round(gfaM2 × rate.vndPerM2)
 *   landAndClearanceVnd = round(input)
 *   contingencyVnd = round(contingencyShare × (constructionVnd + landAndClearanceVnd))
 *   totalVnd = constructionVnd + landAndClearanceVnd + contingencyVnd
 */
export interface InvestmentEstimate {
	gfaM2: number;
	storeys: number;
	rateVndPerM2: number;
	/** The rate row used (provenance), when the estimate was computed from the rate table. */
	rate: InvestmentRate | null;
	constructionVnd: number;
	landAndClearanceVnd: number;
	contingencyShare: number;
	contingencyVnd: number;
	totalVnd: number;
	/** The rounding step applied to each part, VND (1 000 000). */
	roundingVnd: number;
}

// ------------------------------------------------------------------ what the ward enters

/** Form of investment (hình thức đầu tư). */
export const INVESTMENT_FORMS = ['new-build', 'renovation-extension', 'renovation'] as const;
export type InvestmentForm = (typeof INVESTMENT_FORMS)[number];

/** What happens to an old facility once the new headquarters is in use. */
export const FACILITY_FATES = ['keep', 'public-use', 'return'] as const;
export type FacilityFate = (typeof FACILITY_FATES)[number];

/** One year of the capital plan (kế hoạch vốn theo năm). */
export interface YearlyAmount {
	year: number;
	amountVnd: number;
}

/** The fate of one old facility (by its inventory code). */
export interface FacilityFateEntry {
	facilityCode: string;
	fate: FacilityFate;
	/** E.g. "bàn giao cho Trung tâm Văn hóa - Thể thao phường"; may be empty. */
	note: string;
}

/** One line of the staffing support the ward asks the city for. */
export interface StaffingSupportEntry {
	/** Field of expertise key (KNOWN_FIELDS in $lib/schemas/needs, or free text). */
	field: string;
	persons: number;
	durationMonths: number;
}

/**
 * The dossier fields of a proposal draft (`PacketDraft.dossier`). Site choice and schedule stay
 * where they were: `PacketDraft.recommendedSiteCode` and `PacketDraft.schedule`.
 * A field still to be filled is null (DossierInputs.missing says which).
 */
export interface DossierFields {
	/** Address of the recommended site as the documents print it. */
	siteAddress: string;
	grossFloorAreaM2: number | null;
	storeys: number | null;
	/** Land and clearance cost, VND; the form proposes the site's land + clearance cost. */
	landAndClearanceVnd: number | null;
	/** Share, e.g. 0.1 for 10 %. */
	contingencyShare: number | null;
	/** Nguồn vốn, e.g. "Ngân sách Thành phố (vốn đầu tư công trung hạn 2026 - 2030)". */
	fundingSource: string;
	/** Chủ đầu tư, e.g. "Ủy ban nhân dân phường Bình Trưng". */
	investor: string;
	investmentForm: InvestmentForm | null;
	/** Capital by year; must lie within the schedule and sum to the estimate's total. */
	yearlySplit: YearlyAmount[];
	/** Operating cost once in use (chi phí vận hành), VND per year. */
	operatingCostVndPerYear: number | null;
	facilityFates: FacilityFateEntry[];
	staffingSupport: StaffingSupportEntry[];
	/** Why the recommended site is not the top-ranked one (required in that case). */
	siteJustification: string;
}

// ------------------------------------------------------------------ what the documents get

/** A rule the dossier breaks or a field still missing, with the message to show. */
export interface DossierProblem {
	code:
		| 'site-missing'
		| 'site-address-missing'
		| 'justification-missing'
		| 'gfa-missing'
		| 'storeys-missing'
		| 'land-missing'
		| 'contingency-missing'
		| 'no-rate'
		| 'funding-missing'
		| 'investor-missing'
		| 'form-missing'
		| 'schedule-order'
		| 'split-missing'
		| 'split-outside-schedule'
		| 'split-sum'
		| 'operating-missing'
		| 'fate-missing';
	/** Form field it concerns (for the form's error placement). */
	field: string;
	messageVi: string;
	messageEn: string;
}

/** The recommended site as the tờ trình names it. */
export interface DossierSite {
	code: string;
	name: string;
	address: string;
	landAreaM2: number | null;
	/** Rank in the scoring used (1 = top), null without a scoring. */
	rank: number | null;
	/** The top-ranked site of that scoring (may be this one). */
	topRanked: { code: string; name: string } | null;
	isTopRanked: boolean;
	/** Required text when !isTopRanked; '' otherwise allowed. */
	justification: string;
	/** Site's own land and clearance costs from the site register (for provenance). */
	landCostVnd: number;
	clearanceCostVnd: number;
}

/** An old facility and what happens to it. */
export interface DossierFacility {
	code: string;
	name: string;
	address: string | null;
	landAreaM2: number | null;
	originWard: string | null;
	fate: FacilityFate | null;
	fateLabelVi: string;
	fateLabelEn: string;
	note: string;
}

/** Everything the dossier's documents need, with the computed estimate. */
export interface DossierInputs {
	format: 'truso-dossier/1';
	ward: { id: number; code: string; name: string; city: string; isSample: boolean };
	proposalId: number | null;
	/** The date the căn cứ list is taken on (the submission's date), ISO. */
	asOf: string;
	/** Legal bases in force on `asOf`, in citing order (kind rank, then sortOrder, then date). */
	legalBases: LegalReference[];
	site: DossierSite | null;
	scale: { grossFloorAreaM2: number | null; storeys: number | null };
	investmentForm: InvestmentForm | null;
	investmentFormLabelVi: string;
	investmentFormLabelEn: string;
	fundingSource: string;
	investor: string;
	schedule: { startYear: number; endYear: number };
	/** The rate row picked for the storeys (null if none covers them). */
	rate: InvestmentRate | null;
	/** Null until GFA, storeys, land, contingency and a rate are all known. */
	estimate: InvestmentEstimate | null;
	/** `amountInWords(estimate.totalVnd)`, '' without an estimate. */
	totalInWordsVi: string;
	yearlySplit: YearlyAmount[];
	yearlySplitTotalVnd: number;
	operatingCostVndPerYear: number | null;
	/** Every old facility of the ward's inventory, in code order, with its fate. */
	facilities: DossierFacility[];
	staffingSupport: (StaffingSupportEntry & { fieldLabelVi: string; fieldLabelEn: string })[];
	/** Empty when the dossier is complete and consistent. */
	problems: DossierProblem[];
	complete: boolean;
}
