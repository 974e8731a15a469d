/** Generation of the packet files (DOCX, PDF, XLSX, charts, map, ZIP). */
import { packetQueue } from '../jobs';
import type { PacketGenerator } from '../proposals';
import { buildDocx } from './docx';
import { renderInWorker } from './render-pool';

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

/**
 * The files frozen with a submitted version: the ZIP, the DOCX and the PDF (Vietnamese), rendered
 * on a render worker thread in the ward's turn of the packet queue (the submitting request waits
 * for its turn; the server's thread does not). A full queue refuses with `QueueFullError`.
 */
export const versionFiles: PacketGenerator = async (snapshot, meta) => {
	const job = packetQueue.submit(
		snapshot.ward.id,
		`version:${snapshot.ward.id}:${meta.proposalId}:${meta.version}:${meta.sha256}`,
		() =>
			renderInWorker({
				kind: 'version',
				snapshot,
				meta: { ...meta, submittedAt: meta.submittedAt.getTime() }
			})
	);
	return job.promise;
};
