/** Generation of the packet files (DOCX, PDF, XLSX, charts, map, ZIP). */
import type { PacketGenerator } from '../proposals';
import { buildDocx } from './docx';
import { generatePacket } from './zip';

export {
	generatePacket,
	verifyPacketZip,
	sitesGeoJson,
	type GeneratedPacket,
	type Manifest
} from './zip';
export { buildDocx };
export { buildPdf } from './pdf';
export { buildAppendixXlsx } from './xlsx';
export { renderChart, packetCharts } from './charts';
export { renderMap } from './map';

/** The files frozen with a submitted version: the ZIP, the DOCX and the PDF (Vietnamese). */
export const versionFiles: PacketGenerator = async (snapshot, meta) => {
	const g = await generatePacket(snapshot, 'vi', {
		proposalId: meta.proposalId,
		version: meta.version,
		sha256: meta.sha256,
		at: meta.submittedAt
	});
	const docx = await buildDocx(snapshot, {
		locale: 'vi',
		parts: ['submission', 'report', 'letter'],
		images: g.images,
		sha256: meta.sha256
	});
	return [
		{ name: 'packet.zip', bytes: g.zip },
		{ name: 'packet.docx', bytes: docx },
		{ name: 'packet.pdf', bytes: g.pdf }
	];
};
