/**
 * Builds the proposal packet (tờ trình + báo cáo đề xuất chủ trương đầu tư) from plain data:
 * every generated number carries its source; narratives come from the editable draft. Each
 * section has its own builder (build/); this module composes them.
 */
import type { SpaceNeedsResult } from '../norms/types';
import type { DossierInputs } from './dossier-types';
import type {
	Bilingual,
	PacketDraft,
	PacketPhoto,
	PacketSection,
	PacketSnapshot,
	PacketDocuments,
	SectionKey,
	TracedNumber
} from './types';
import { SECTION_KEYS } from './types';
import {
	emptyBody,
	snapshotContext,
	type SectionBody,
	type SnapshotContext
} from './sections/context';
import { packetCharts, packetDocuments, packetMap } from './sections/extras';
import { arrangement, estimate, funding, operating, schedule } from './sections/money';
import { facilities, necessity, scale, staffing } from './sections/needs';
import { appendices, recommended, sites } from './sections/sites';

export { fieldLabel, formatDecimal, METHOD_LABELS } from './sections/kit';
export {
	recommendedSite,
	settingsEstimate,
	type Estimate,
	type EstimateInput
} from './sections/estimate';

/** A setting with its source and the year it was set. */
export interface SettingValue {
	id: number | null;
	key: string;
	value: number;
	source: string;
	year: number | null;
}

export interface PacketInput {
	ward: {
		id: number;
		code: string;
		name: string;
		city: string;
		isSample: boolean;
		extent: [number, number, number, number] | null;
	};
	assembledAt: string;
	/** The ward's totals of the space-needs computation, with the norm set they follow. */
	needs: Pick<
		SpaceNeedsResult,
		| 'workAreaM2'
		| 'commonAreaM2'
		| 'specialisedAreaM2'
		| 'totalUsableM2'
		| 'occupiedWorkAreaM2'
		| 'ratioToNorm'
	> & {
		normSet: { id: number; key: string; version: number; name: string; legalBasis: string };
		commonAreaRatio: number;
		headcount: number;
		threshold: number;
		justified: boolean;
		reasons: string[];
		worstDangerLevel: string | null;
		siteCount: number;
		units: {
			code: string;
			name: string;
			headcount: number;
			workAreaM2: number;
			occupiedAreaM2: number;
			gapM2: number;
		}[];
	};
	inventory: {
		facilities: {
			id: number;
			code: string;
			name: string;
			kind: string;
			originWard: string | null;
			lat: number;
			lng: number;
			landAreaM2: number | null;
			buildings: {
				id: number;
				code: string;
				name: string;
				levels: number;
				yearBuilt: number | null;
				roomCount: number;
				roomsAreaM2: number;
				dangerLevel: string | null;
				surveyedOn: string | null;
			}[];
		}[];
		photos: PacketPhoto[];
	};
	scenario: {
		id: number;
		name: string;
		appliedAt: string;
		headcount: number;
		placed: number;
		unplaced: number;
		moved: number;
		areaPerPersonM2: number | null;
		normM2PerPerson: number;
	} | null;
	scoring: {
		runId: number | null;
		name: string;
		createdAt: string;
		method: string;
		criteria: {
			key: string;
			labelVi: string;
			labelEn: string;
			type: string;
			unit: string;
			weight: number;
			basis: string | null;
		}[];
		weights: { source: string; setBy: string[]; cr: number | null };
		results: Record<string, { code: string; score: number; rank: number }[]>;
		firstPlaceAgreement: boolean;
		sensitivity: {
			criterion: string;
			baseWeight: number;
			switches: { weight: number; from: string; to: string }[];
		}[];
		smaa: { eligible: string[]; rankAcceptability: number[][] } | null;
		contributions: { code: string; values: Record<string, number> }[];
		screenedOut: { code: string; name: string; reasons: string[] }[];
	} | null;
	sites: {
		id: number;
		code: string;
		name: string;
		lat: number;
		lng: number;
		polygon: [number, number][] | null;
		landAreaM2: number | null;
		legalStatus: string;
		householdsToRelocate: number;
		landCostVnd: number;
		clearanceCostVnd: number;
	}[];
	stations: { code: string; name: string; lat: number; lng: number; future: boolean }[];
	settings: { unitCost: SettingValue; contingency: SettingValue; grossToUsable: SettingValue };
	/** The dossier's inputs (legal bases, site, scale, estimate, funding …), when known. */
	dossier?: DossierInputs | null;
	/** Justification criteria, arrangement by unit and vacancies by position, when known. */
	documents?: Omit<PacketDocuments, 'reportNumber' | 'letterNumber'>;
	staffing: {
		rows: {
			field: string | null;
			/** The field's name in both languages (the catalogue of the needs page). */
			fieldLabel?: Bilingual;
			approved: number;
			filled: number;
			vacant: number;
			planned: number;
		}[];
		totals: { approved: number; filled: number; vacant: number; planned: number };
	};
}

/** The draft a new proposal starts from (Vietnamese defaults the ward edits). */
export function defaultDraft(
	wardName: string,
	today: string,
	city = 'Thành phố Hồ Chí Minh'
): PacketDraft {
	const year = Number(today.slice(0, 4)) || new Date().getUTCFullYear();
	const lower = wardName.replace(/^Phường\s+/i, 'phường ');
	return {
		submission: {
			number: '…/TTr-UBND',
			place: city,
			date: today,
			summary: `Về việc đề xuất chủ trương đầu tư xây dựng trụ sở làm việc ${lower}`,
			request: '',
			signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
			signerTitle: 'CHỦ TỊCH',
			signerName: '',
			recipients: [
				'Như trên;',
				'Sở Tài chính;',
				'Sở Xây dựng;',
				'Sở Quy hoạch - Kiến trúc;',
				'Sở Nội vụ;',
				'Thường trực Đảng ủy phường;',
				'Lưu: VT.'
			]
		},
		narratives: {},
		schedule: { startYear: year + 1, endYear: year + 3 },
		recommendedSiteCode: null
	};
}

/** The builder of each section with numbers or tables (the others carry only their narrative). */
const BUILDERS: Partial<Record<SectionKey, (c: SnapshotContext) => SectionBody>> = {
	necessity,
	facilities,
	scale,
	sites,
	recommended,
	estimate,
	funding,
	operating,
	schedule,
	arrangement,
	staffing,
	appendices
};

/** Assembles the snapshot. Pure: the same input and draft give the same snapshot. */
export function buildSnapshot(input: PacketInput, draft: PacketDraft): PacketSnapshot {
	const c = snapshotContext(input, draft);
	const sections = SECTION_KEYS.map((key): PacketSection => {
		const { numbers, tables } = (BUILDERS[key] ?? emptyBody)(c);
		return { key, numbers, narrative: c.narrative(key), tables };
	});
	return {
		format: 'truso-packet/1',
		ward: {
			id: input.ward.id,
			code: input.ward.code,
			name: input.ward.name,
			city: input.ward.city,
			isSample: input.ward.isSample
		},
		assembledAt: input.assembledAt,
		submission: { ...draft.submission, place: draft.submission.place || input.ward.city },
		sections,
		map: packetMap(c),
		charts: packetCharts(c),
		photos: input.inventory.photos,
		...(c.d ? { dossier: c.d } : {}),
		documents: packetDocuments(c)
	};
}

/** Every number of a snapshot keyed `${section}.${key}`. */
export function flattenNumbers(s: PacketSnapshot): Map<string, TracedNumber> {
	const out = new Map<string, TracedNumber>();
	for (const sec of s.sections) {
		for (const [k, v] of Object.entries(sec.numbers)) out.set(`${sec.key}.${k}`, v);
	}
	return out;
}

export function section(s: PacketSnapshot, key: SectionKey): PacketSection {
	return s.sections.find((x) => x.key === key) as PacketSection;
}
