/** Generation of the packet files (DOCX, PDF, XLSX, charts, map, ZIP). */
import { DomainError } from '../core/errors';
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
 * A submission refused because the packet queue has no free slot: the submitting request does
 * not wait for its turn (the user's page would hang); it answers at once "busy, position N"
 * (N: where its rendering would have waited) and nothing is submitted.
 */
export class PacketQueueBusyError extends DomainError<'busy'> {
	override readonly status = 503;

	constructor(public readonly position: number) {
		super('busy', undefined, 'proposals.err.busy', { position });
	}
}

/**
 * The files frozen with a submitted version: the ZIP, the DOCX and the PDF (Vietnamese), rendered
 * on a render worker thread in the packet queue (the server's thread does not render). When the
 * queue has no free slot the submission answers at once ({@link PacketQueueBusyError}); a full
 * queue refuses with `QueueFullError`.
 */
export const versionFiles: PacketGenerator = async (snapshot, meta) => {
	const q = packetQueue;
	if (q.running >= q.options.running || q.waiting > 0) {
		q.assertRoom(snapshot.ward.id);
		throw new PacketQueueBusyError(q.waiting + 1);
	}
	const job = q.submit(
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
