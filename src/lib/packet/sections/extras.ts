/** The parts of a snapshot beside its sections: the map layers, the chart data, the documents. */
import type { PacketDocuments, PacketMap, PacketSnapshot } from '../types';
import { r1 } from './kit';
import type { SnapshotContext } from './context';

/** The sites (the recommended one marked), the stations and the ward's facilities. */
export function packetMap(c: SnapshotContext): PacketMap {
	const { input, inv, rec } = c;
	return {
		extent: input.ward.extent,
		sites: input.sites.map((s) => ({
			code: s.code,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			polygon: s.polygon,
			recommended: rec?.site.code === s.code
		})),
		stations: input.stations,
		facilities: inv.facilities.map((f) => ({ code: f.code, name: f.name, lat: f.lat, lng: f.lng }))
	};
}

/** The data of the charts: area by unit, score contributions, SMAA first ranks. */
export function packetCharts(c: SnapshotContext): PacketSnapshot['charts'] {
	const { n, scoring } = c;
	const criteriaKeys = scoring?.criteria.map((x) => x.key) ?? [];
	return {
		units: n.units.map((u) => ({
			unit: u.code,
			entitledM2: r1(u.workAreaM2),
			occupiedM2: r1(u.occupiedAreaM2)
		})),
		contributions:
			scoring && scoring.contributions.length
				? {
						sites: scoring.contributions.map((x) => x.code),
						criteria: scoring.criteria.map((x) => x.labelVi),
						values: scoring.contributions.map((x) => criteriaKeys.map((k) => x.values[k] ?? 0))
					}
				: null,
		smaa: scoring?.smaa
			? { sites: scoring.smaa.eligible, rankAcceptability: scoring.smaa.rankAcceptability }
			: null
	};
}

/** "số 3/TTr-UBND" → "3/BC-UBND": the báo cáo and the letter share the tờ trình's number part. */
function siblingNumber(ttr: string, symbol: string): string {
	const m = /^(.*?)\/TTr-(.*)$/.exec(ttr.trim());
	return m ? `${m[1]}/${symbol}-${m[2]}` : `…/${symbol}-UBND`;
}

/** The numbers of the báo cáo and the letter, and the documents' sentences. */
export function packetDocuments(c: SnapshotContext): PacketDocuments {
	const { draft, docs } = c;
	return {
		reportNumber: siblingNumber(draft.submission.number, 'BC'),
		letterNumber: siblingNumber(draft.submission.number, 'UBND-NV').replace(
			'UBND-NV-UBND',
			'UBND-NV'
		),
		justification: docs?.justification ?? [],
		arrangement: docs?.arrangement ?? [],
		vacancies: docs?.vacancies ?? []
	};
}
