/**
 * The dossier form's values as the page shows them for a stored draft (the "take theirs" side
 * of a stale save): the same field names and the same fallbacks as DossierForm.svelte (a value
 * not set yet shows the suggestion), numbers written as the form writes them ("4.700", "7,5").
 */
import type { PacketDraft } from '../../packet';
import { MAX_SPLIT_ROWS, MAX_SUPPORT_ROWS, dossierField } from '../../schemas/dossier';
import type { DossierSuggestions } from './dossier';

const viFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const inVi = (n: number | null | undefined) =>
	n === null || n === undefined ? '' : viFormat.format(n);
const text = (x: string | number | null | undefined) =>
	x === null || x === undefined ? '' : String(x);

export function dossierFormValues(
	draft: PacketDraft,
	s: DossierSuggestions
): Record<string, string> {
	const f = draft.dossier;
	const out: Record<string, string> = {
		recommendedSiteCode: draft.recommendedSiteCode ?? '',
		siteAddress: f?.siteAddress ?? '',
		siteJustification: f?.siteJustification ?? '',
		grossFloorAreaM2: inVi(f?.grossFloorAreaM2 ?? s.grossFloorAreaM2),
		storeys: text(f?.storeys),
		landAndClearanceVnd: inVi(f?.landAndClearanceVnd ?? s.landAndClearanceVnd),
		contingencyPercent:
			f?.contingencyShare != null ? inVi(f.contingencyShare * 100) : inVi(s.contingencyPercent),
		fundingSource: f?.fundingSource || s.fundingSource,
		investor: f?.investor || s.investor,
		investmentForm: f?.investmentForm ?? '',
		startYear: String(draft.schedule.startYear),
		endYear: String(draft.schedule.endYear),
		operatingCostVndPerYear: inVi(f?.operatingCostVndPerYear),
		fateCount: String(s.facilities.length)
	};
	for (let i = 0; i < MAX_SPLIT_ROWS; i++) {
		const row = f?.yearlySplit[i];
		out[dossierField.splitYear(i)] = text(row?.year);
		out[dossierField.splitAmount(i)] = inVi(row?.amountVnd);
	}
	s.facilities.forEach((fac, i) => {
		const fate = f?.facilityFates.find((x) => x.facilityCode === fac.code);
		out[dossierField.fateCode(i)] = fac.code;
		out[dossierField.fate(i)] = fate?.fate ?? '';
		out[dossierField.fateNote(i)] = fate?.note ?? '';
	});
	for (let i = 0; i < MAX_SUPPORT_ROWS; i++) {
		const stored = f?.staffingSupport[i];
		const suggested =
			f === undefined && s.staffing[i]
				? { field: s.staffing[i].field, persons: s.staffing[i].vacant, durationMonths: 12 }
				: null;
		const row = stored ?? suggested;
		out[dossierField.supportField(i)] = row?.field ?? '';
		out[dossierField.supportPersons(i)] = text(row?.persons);
		out[dossierField.supportMonths(i)] = text(row?.durationMonths);
	}
	return out;
}
