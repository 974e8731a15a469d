/**
 * Packet files rendered on a worker thread are the files rendered on the calling thread: the
 * same bytes, except the creation time the libraries stamp in (the PDF's CreationDate and /ID,
 * the DOCX/XLSX docProps/core.xml), which the comparison masks.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PacketSnapshot } from '../../packet';
import { pdfToText } from './notation';
import type { PacketExt } from './render';
import { renderHere, renderInWorker, stopRenderWorkers } from './render-pool';
import { samplePacketSnapshot } from '../../../../tests/helpers/sample-packet';

let snap: PacketSnapshot;
beforeAll(() => {
	({ snap } = samplePacketSnapshot());
}, 60_000);
afterAll(() => stopRenderWorkers());

/** A PDF with its creation time and file identifier blanked (same length). */
function maskPdf(b: Uint8Array): string {
	return Buffer.from(b)
		.toString('latin1')
		.replace(/\(D:\d{14}Z\)/g, '(D:00000000000000Z)')
		.replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID [<0> <0>]');
}

/** Every entry of a DOCX/XLSX/ZIP, nested documents masked, docProps/core.xml (the time) left out. */
async function zipEntries(b: Uint8Array): Promise<Record<string, string>> {
	const zip = await JSZip.loadAsync(b);
	const out: Record<string, string> = {};
	for (const name of Object.keys(zip.files).sort()) {
		if (zip.files[name].dir || name === 'docProps/core.xml') continue;
		const bytes = await zip.file(name)!.async('uint8array');
		if (name.endsWith('.pdf')) out[name] = maskPdf(bytes);
		else if (/\.(docx|xlsx)$/.test(name)) out[name] = JSON.stringify(await zipEntries(bytes));
		// The manifest lists hashes and sizes of the time-stamped files: compare the rest of it.
		else if (name === 'manifest.json') {
			const m = JSON.parse(Buffer.from(bytes).toString('utf8'));
			const stamped = (n: string) => /\.(pdf|docx|xlsx)$/.test(n);
			m.files = m.files.map((f: { name: string }) => (stamped(f.name) ? f.name : f));
			out[name] = JSON.stringify(m);
		} else out[name] = Buffer.from(bytes).toString('base64');
	}
	return out;
}

async function comparable(ext: PacketExt, b: Uint8Array) {
	return ext.endsWith('pdf') ? maskPdf(b) : zipEntries(b);
}

describe('packet rendering on a worker thread', () => {
	const cases: [PacketExt, 'vi' | 'en'][] = [
		['pdf', 'vi'],
		['docx', 'vi'],
		['xlsx', 'vi'],
		['letter.pdf', 'en'],
		['report.docx', 'vi'],
		['zip', 'vi']
	];
	for (const [ext, locale] of cases) {
		it(`${ext} (${locale}): the same file as rendered on the calling thread`, async () => {
			const meta = {
				proposalId: 7,
				version: { number: 2, sha256: 'ab'.repeat(32), submittedAt: Date.UTC(2026, 11, 1) }
			};
			const [worker] = await renderInWorker({ kind: 'file', snapshot: snap, ext, locale, meta });
			const [here] = await renderHere({ kind: 'file', snapshot: snap, ext, locale, meta });
			// (A DOCX/XLSX/ZIP's size varies by a byte or two with how its time stamp deflates.)
			if (ext.endsWith('pdf')) expect(worker.bytes.byteLength).toBe(here.bytes.byteLength);
			expect(await comparable(ext, worker.bytes)).toEqual(await comparable(ext, here.bytes));
			if (ext.endsWith('pdf')) expect(pdfToText(worker.bytes)).toBe(pdfToText(here.bytes));
		}, 120_000);
	}

	it('the version files (ZIP, DOCX, PDF) are the same too', async () => {
		const meta = {
			proposalId: 3,
			version: 1,
			sha256: 'cd'.repeat(32),
			submittedAt: Date.UTC(2026, 10, 30)
		};
		const worker = await renderInWorker({ kind: 'version', snapshot: snap, meta });
		const here = await renderHere({ kind: 'version', snapshot: snap, meta });
		expect(worker.map((f) => f.name)).toEqual(['packet.zip', 'packet.docx', 'packet.pdf']);
		expect(await zipEntries(worker[0].bytes)).toEqual(await zipEntries(here[0].bytes));
		expect(await zipEntries(worker[1].bytes)).toEqual(await zipEntries(here[1].bytes));
		expect(maskPdf(worker[2].bytes)).toBe(maskPdf(here[2].bytes));
	}, 120_000);

	it('a render that throws rejects with its error, and the worker serves the next one', async () => {
		await expect(
			renderInWorker({
				kind: 'file',
				snapshot: snap,
				ext: 'exe' as PacketExt,
				locale: 'vi',
				meta: {}
			})
		).rejects.toThrow('unknown packet file exe');
		const [x] = await renderInWorker({
			kind: 'file',
			snapshot: snap,
			ext: 'xlsx',
			locale: 'vi',
			meta: {}
		});
		expect(Buffer.from(x.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
	}, 120_000);
});
