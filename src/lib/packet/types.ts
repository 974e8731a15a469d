/** Types of the proposal packet's document model (pure data, JSON-serialisable). */
import type { DossierFields, DossierInputs } from './dossier-types';

/** Where a generated number comes from, so every page and document can show its trace. */
export type SourceKind =
	| 'needs'
	| 'norm-set'
	| 'inventory'
	| 'scoring-run'
	| 'scenario'
	| 'setting'
	| 'site'
	| 'positions';

export interface NumberSource {
	kind: SourceKind;
	/** Id of the source row (norm set, scoring run, scenario, setting, site …) when there is one. */
	id?: number | string;
	/** Version of the source (norm set version, year of a setting, …). */
	version?: number | string;
	/** The field or computation the value was taken from. */
	field: string;
	/** Free text shown with the trace: the legal basis or the setting's source. */
	note?: string;
	/** Where the number comes from, as a sentence for "Phụ lục: Nguồn số liệu" (no codes). */
	words?: Bilingual;
}

/** A text in both languages of the documents. */
export interface Bilingual {
	vi: string;
	en: string;
}

/** A generated number: its value, its unit and its source. */
export interface TracedNumber {
	value: number | null;
	unit: string;
	source: NumberSource;
}

/** Sections in the order of the báo cáo đề xuất chủ trương đầu tư (after the tờ trình). */
export const SECTION_KEYS = [
	'submission',
	'necessity',
	'facilities',
	'objectives',
	'scale',
	'sites',
	'recommended',
	'estimate',
	'funding',
	'operating',
	'impact',
	'schedule',
	'arrangement',
	'staffing',
	'appendices'
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export type Cell = string | number | null;

/** A data table of a section (headers in both languages). */
export interface PacketTable {
	key: string;
	titleVi: string;
	titleEn: string;
	headVi: string[];
	headEn: string[];
	rows: Cell[][];
}

export interface PacketSection {
	key: SectionKey;
	/** Numbers by key (labels in NUMBER_LABELS under `${section}.${key}`). */
	numbers: Record<string, TracedNumber>;
	/** The editable narrative (from the draft). */
	narrative: string;
	tables: PacketTable[];
}

/** The editable fields of the tờ trình (submission). */
export interface SubmissionFields {
	/** "Số: …/TTr-UBND". */
	number: string;
	place: string;
	/** ISO date yyyy-mm-dd. */
	date: string;
	/** Trích yếu. */
	summary: string;
	/** What the ward asks the city to approve. */
	request: string;
	/** "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH". */
	signerAuthority: string;
	signerTitle: string;
	signerName: string;
	/** Nơi nhận, one per line. */
	recipients: string[];
}

/** The editable part of a proposal, kept in proposals.draft_json. */
export interface PacketDraft {
	submission: SubmissionFields;
	narratives: Partial<Record<SectionKey, string>>;
	schedule: { startYear: number; endYear: number };
	/** The site the ward recommends; null = the first-ranked site of the scoring. */
	recommendedSiteCode: string | null;
	/** The dossier's data inputs (scale, funding, fates …); absent on drafts made before them. */
	dossier?: DossierFields;
}

export interface MapLayerPoint {
	code: string;
	name: string;
	lat: number;
	lng: number;
}

export interface PacketMap {
	/** [south, west, north, east]. */
	extent: [number, number, number, number] | null;
	sites: (MapLayerPoint & { polygon: [number, number][] | null; recommended: boolean })[];
	stations: (MapLayerPoint & { future: boolean })[];
	facilities: MapLayerPoint[];
}

export interface PacketPhoto {
	id: number;
	path: string;
	contentType: string;
	caption: string;
}

/** One unit under the applied short-term arrangement. */
export interface PacketArrangementRow {
	unit: string;
	headcount: number;
	seated: number;
	/** Floor area the arrangement gives the unit, m². */
	areaM2: number;
	/** The unit's working area under the norms, m². */
	normM2: number;
}

/** One position with vacancies, under the city's field of expertise. */
export interface PacketVacancy {
	field: Bilingual;
	position: Bilingual;
	unit: string;
	approved: number;
	filled: number;
	vacant: number;
}

/**
 * What the documents need besides the dossier inputs: the numbers of the báo cáo and of the
 * staffing letter, the justification criteria of the needs page, the applied arrangement by
 * unit and the vacancies by position.
 */
export interface PacketDocuments {
	reportNumber: string;
	letterNumber: string;
	justification: { met: boolean; text: Bilingual }[];
	arrangement: PacketArrangementRow[];
	vacancies: PacketVacancy[];
}

/** The whole packet at one moment: frozen as a version on submission. */
export interface PacketSnapshot {
	format: 'truso-packet/1';
	ward: { id: number; code: string; name: string; city: string; isSample: boolean };
	assembledAt: string;
	submission: SubmissionFields;
	sections: PacketSection[];
	map: PacketMap;
	charts: {
		units: { unit: string; entitledM2: number; occupiedM2: number }[];
		contributions: { sites: string[]; criteria: string[]; values: number[][] } | null;
		smaa: { sites: string[]; rankAcceptability: number[][] } | null;
	};
	photos: PacketPhoto[];
	/** The dossier's inputs with the computed estimate, frozen with the version. */
	dossier?: DossierInputs;
	/** The rest of what the documents need (absent in snapshots made before them). */
	documents?: PacketDocuments;
}

/** A section table as a proposal page shows it: maybe only the first rows, and the row count. */
export interface PageTable extends PacketTable {
	total: number;
}

/** The snapshot a proposal page receives (see pageSnapshot in $lib/server/proposals). */
export type PageSnapshot = Omit<PacketSnapshot, 'sections'> & {
	/** How many rows a table that is not expanded shows. */
	pageRows: number;
	sections: (Omit<PacketSection, 'tables'> & {
		tables: PageTable[];
		/** Whether the section's tables are complete (else cut to their first rows). */
		expanded: boolean;
	})[];
};
