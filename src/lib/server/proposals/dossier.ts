/**
 * The dossier's data inputs on the server (issue 15): `dossierInputs(db, wardId, proposalId)`
 * gives the documents everything (DossierInputs, $lib/packet/dossier-types) with the computed
 * estimate; `dossierForDraft` is what `assemble` freezes into each snapshot; `saveDossier` stores
 * the dossier form of a draft, refusing (nothing saved) the rules of BLOCKING_ON_SAVE.
 */
import { asc, eq } from 'drizzle-orm';
import {
	BLOCKING_ON_SAVE,
	buildDossierInputs,
	chosenSite,
	emptyDossierFields,
	type DossierParts
} from '../../packet/dossier';
import type { DossierInputs, DossierProblem } from '../../packet/dossier-types';
import type { PacketDraft, PacketInput } from '../../packet';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { DomainError } from '../core/errors';
import type { Actor } from '../audit';
import { auditProposal } from './status';
import type { Db, DbLike } from '../db';
import { facilities, proposals, settings, wards } from '../db/schema';
import { listInvestmentRates } from '../admin/investment-rates';
import { legalBasesInForce } from '../admin/legal-refs';
import { staffingFieldLabel, staffingGapsForWard } from '../needs';
import { EDITABLE, gatherInput, getProposal, type DraftState } from './';
import type { DossierFormOutput } from '../../schemas/dossier';

/** A dossier read or write refused; `problems` says why (save refused by a rule). */
export class DossierError extends DomainError<'not-found' | 'not-editable' | 'refused'> {
	constructor(
		code: 'not-found' | 'not-editable' | 'refused',
		public readonly problems: DossierProblem[] = []
	) {
		super(code, undefined, code === 'refused' ? 'dossier.err.refused' : `proposals.err.${code}`);
	}
}

/** The ranking the packet uses: the scoring's method, rank per site code. */
function rankingOf(input: PacketInput): DossierParts['ranking'] {
	const s = input.scoring;
	if (!s) return null;
	const rows = s.results[s.method];
	return rows ? rows.map((r) => ({ code: r.code, rank: r.rank })) : null;
}

function wardFacilities(db: DbLike, wardId: number) {
	return db
		.select({
			code: facilities.code,
			name: facilities.name,
			address: facilities.address,
			landAreaM2: facilities.landAreaM2,
			originWard: facilities.originWard
		})
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.orderBy(asc(facilities.code))
		.all();
}

/**
 * The dossier of a draft. `input` is the packet input already gathered (assemble passes it so
 * the ward's data is read once); without it it is gathered here.
 */
export function dossierForDraft(
	db: Db,
	wardId: number,
	draft: PacketDraft,
	proposalId: number | null = null,
	input?: PacketInput
): DossierInputs {
	const inp = input ?? gatherInput(db, wardId);
	return buildDossierInputs({
		ward: {
			id: inp.ward.id,
			code: inp.ward.code,
			name: inp.ward.name,
			city: inp.ward.city,
			isSample: inp.ward.isSample
		},
		proposalId,
		draft,
		legalBases: legalBasesInForce(db, draft.submission.date),
		rates: listInvestmentRates(db),
		sites: inp.sites.map((s) => ({
			code: s.code,
			name: s.name,
			landAreaM2: s.landAreaM2,
			landCostVnd: s.landCostVnd,
			clearanceCostVnd: s.clearanceCostVnd
		})),
		ranking: rankingOf(inp),
		facilities: wardFacilities(db, wardId),
		fieldLabel: (f) => ({ vi: staffingFieldLabel('vi', f), en: staffingFieldLabel('en', f) })
	});
}

/**
 * Everything the dossier's documents need for a proposal of the ward, live from its current
 * draft (a submitted version's frozen copy is `PacketSnapshot.dossier`). Throws DossierError
 * 'not-found' when the proposal is not the ward's.
 */
export function dossierInputs(db: Db, wardId: number, proposalId: number): DossierInputs {
	const p = getProposal(db, wardId, proposalId);
	if (!p) throw new DossierError('not-found');
	return dossierForDraft(db, wardId, p.state.draft, proposalId);
}

/** What the dossier form proposes for fields still empty (never saved by itself). */
export interface DossierSuggestions {
	investor: string;
	fundingSource: string;
	contingencyPercent: number;
	/** Land + clearance cost of the chosen site, VND. */
	landAndClearanceVnd: number | null;
	/** Usable area needed × the gross-to-usable ratio setting, m² (rounded to 10 m²). */
	grossFloorAreaM2: number | null;
	/** Vacant posts by field (the support to ask for). */
	staffing: { field: string; vacant: number; labelVi: string; labelEn: string }[];
	/** The ranking's top site and the sites the form lists. */
	topSiteCode: string | null;
	sites: { code: string; name: string; rank: number | null }[];
	facilities: { code: string; name: string; address: string | null }[];
}

function numberSetting(db: DbLike, wardId: number, key: string, fallback: number): number {
	const rows = db.select().from(settings).where(eq(settings.key, key)).all();
	const row = rows.find((r) => r.wardId === wardId) ?? rows.find((r) => r.wardId === null);
	try {
		const v = row ? (JSON.parse(row.valueJson) as unknown) : null;
		return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
	} catch {
		return fallback;
	}
}

/** The live dossier of a draft and the form's suggestions, from one read of the ward's data. */
export function dossierView(
	db: Db,
	wardId: number,
	draft: PacketDraft,
	proposalId: number
): { inputs: DossierInputs; suggestions: DossierSuggestions } {
	const input = gatherInput(db, wardId);
	return {
		inputs: dossierForDraft(db, wardId, draft, proposalId, input),
		suggestions: dossierSuggestions(db, wardId, draft, input)
	};
}

export function dossierSuggestions(
	db: Db,
	wardId: number,
	draft: PacketDraft,
	gathered?: PacketInput
): DossierSuggestions {
	const input = gathered ?? gatherInput(db, wardId);
	const w = db.select({ name: wards.name }).from(wards).where(eq(wards.id, wardId)).get();
	const ranking = rankingOf(input);
	const sites = input.sites.map((s) => ({
		code: s.code,
		name: s.name,
		landAreaM2: s.landAreaM2,
		landCostVnd: s.landCostVnd,
		clearanceCostVnd: s.clearanceCostVnd
	}));
	const chosen = chosenSite(draft, sites, ranking);
	const ratio = numberSetting(db, wardId, 'investment.grossToUsableRatio', 1.35);
	const usable = input.needs.totalUsableM2;
	const gaps = staffingGapsForWard(db, wardId);
	return {
		investor: w ? `Ủy ban nhân dân ${w.name.replace(/^Phường/, 'phường')}` : '',
		fundingSource: 'Ngân sách Thành phố (vốn đầu tư công trung hạn)',
		contingencyPercent:
			Math.round(numberSetting(db, wardId, 'investment.contingencyRatio', 0.1) * 1000) / 10,
		landAndClearanceVnd: chosen ? chosen.site.landCostVnd + chosen.site.clearanceCostVnd : null,
		grossFloorAreaM2: usable > 0 ? Math.round((usable * ratio) / 10) * 10 : null,
		staffing: gaps.rows
			.filter((r) => r.vacant > 0 && r.field)
			.map((r) => ({
				field: r.field as string,
				vacant: r.vacant,
				labelVi: staffingFieldLabel('vi', r.field),
				labelEn: staffingFieldLabel('en', r.field)
			})),
		topSiteCode: chosen?.top?.code ?? null,
		sites: sites.map((s) => ({
			code: s.code,
			name: s.name,
			rank: ranking?.find((r) => r.code === s.code)?.rank ?? null
		})),
		facilities: wardFacilities(db, wardId).map((f) => ({
			code: f.code,
			name: f.name,
			address: f.address
		}))
	};
}

/**
 * Saves the dossier form of an editable draft (site choice, schedule, dossier fields) in one
 * transaction with its audit row. Refused with DossierError 'refused' and the problems when a
 * blocking rule fails (a non-top site without justification, end before start, yearly amounts
 * outside the schedule or not summing to the computed total): nothing is saved then. Facility
 * fates for codes the ward does not have are dropped.
 */
export function saveDossier(
	db: Db,
	actor: Actor,
	wardId: number,
	proposalId: number,
	form: DossierFormOutput,
	/** The proposal's version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): DossierInputs {
	const p = getProposal(db, wardId, proposalId);
	if (!p) throw new DossierError('not-found');
	if (!EDITABLE.includes(p.status)) throw new DossierError('not-editable');
	const codes = new Set(wardFacilities(db, wardId).map((f) => f.code));
	const draft: PacketDraft = {
		...p.state.draft,
		recommendedSiteCode: form.recommendedSiteCode,
		schedule: form.schedule,
		dossier: {
			...emptyDossierFields(),
			...form.dossier,
			facilityFates: form.dossier.facilityFates.filter((f) => codes.has(f.facilityCode))
		}
	};
	const result = dossierForDraft(db, wardId, draft, proposalId);
	const blocking = result.problems.filter((x) => BLOCKING_ON_SAVE.includes(x.code));
	if (blocking.length > 0) throw new DossierError('refused', blocking);
	db.transaction((tx) => {
		const cur = getProposal(tx, wardId, proposalId);
		if (!cur) throw new DossierError('not-found');
		if (!EDITABLE.includes(cur.status)) throw new DossierError('not-editable');
		// The dossier and the draft form share the proposal's version: a save from a page loaded
		// before any other change to the proposal is refused (nothing written).
		checkVersion('proposal', cur, expectedVersion);
		const state: DraftState = {
			...cur.state,
			draft: {
				...cur.state.draft,
				recommendedSiteCode: draft.recommendedSiteCode,
				schedule: draft.schedule,
				dossier: draft.dossier
			}
		};
		versionedUpdate(tx, proposals, 'proposal', proposalId, expectedVersion, {
			draftJson: JSON.stringify(state),
			updatedAt: Date.now()
		});
		auditProposal(tx, actor, wardId, proposalId, {
			before: {
				recommendedSiteCode: cur.state.draft.recommendedSiteCode,
				schedule: cur.state.draft.schedule,
				dossier: cur.state.draft.dossier ?? null
			},
			after: {
				recommendedSiteCode: draft.recommendedSiteCode,
				schedule: draft.schedule,
				dossier: draft.dossier
			}
		});
	});
	return result;
}
