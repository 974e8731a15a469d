/** Packet downloads through the fair packet queue: "busy, position N" at once, then the file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PacketSnapshot } from '../../packet';
import { MAX_QUEUED_PER_WARD, packetQueue } from '../jobs';
import { stopRenderWorkers } from './render-pool';
import { packetResponse } from './respond';
import { samplePacketSnapshot } from '../../../../tests/helpers/sample-packet';

const OTHER_WARD = 424_242;
let snap: PacketSnapshot;
let wardId: number;
beforeAll(() => {
	({ snap, wardId } = samplePacketSnapshot());
}, 60_000);
afterAll(() => stopRenderWorkers());

/** Occupies every render slot with another ward's job until the returned function is called. */
function occupy(tag: string) {
	const releases: (() => void)[] = [];
	for (let i = 0; i < packetQueue.options.running; i++) {
		packetQueue.submit(OTHER_WARD, `${tag}:${i}`, () => new Promise<void>((r) => releases.push(r)));
	}
	return () => releases.splice(0).forEach((r) => r());
}

const meta = (answer?: 'json') => ({ wardId, proposalId: 1, baseName: 'de-xuat-1', answer });

describe('packet downloads and the packet queue', () => {
	it('a render behind busy workers answers 503 with its position, then the next request gets the file', async () => {
		const release = occupy('busy-1');
		const first = await packetResponse(snap, 'xlsx', 'vi', meta());
		expect(first.status).toBe(503);
		expect(first.headers.get('retry-after')).toBe('5');
		const html = await first.text();
		expect(html).toContain('Máy chủ đang bận, vị trí 1 trong hàng đợi');
		expect(html).toContain('http-equiv="refresh"');
		// The API says the same in JSON (and joins the same job: still position 1).
		const api = await packetResponse(snap, 'xlsx', 'en', meta('json'));
		expect(api.status).toBe(503);
		const other = await packetResponse(snap, 'xlsx', 'vi', meta('json'));
		expect(await other.json()).toMatchObject({ error: { code: 'busy', position: 1 } });
		expect((await api.json()).error.position).toBe(2);
		release();
		const done = () =>
			new Promise<void>((resolve) => {
				const tick = () => {
					const busy = packetQueue.running + packetQueue.waiting;
					return busy === 0 ? resolve() : setTimeout(tick, 50);
				};
				tick();
			});
		await done();
		const second = await packetResponse(snap, 'xlsx', 'vi', meta());
		expect(second.status).toBe(200);
		expect(second.headers.get('content-disposition')).toBe(
			`attachment; filename="de-xuat-1.xlsx"; filename*=UTF-8''de-xuat-1.xlsx`
		);
		expect(second.headers.get('cache-control')).toBe('private, no-store');
		const bytes = new Uint8Array(await second.arrayBuffer());
		expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
	}, 120_000);

	it('a full ward share answers 503 with the refusal and no reload', async () => {
		const release = occupy('busy-2');
		const waiting: (() => void)[] = [];
		for (let i = 0; i < MAX_QUEUED_PER_WARD; i++) {
			packetQueue.submit(wardId, `busy-2:w${i}`, () => new Promise<void>((r) => waiting.push(r)));
		}
		const res = await packetResponse(snap, 'pdf', 'vi', meta());
		expect(res.status).toBe(503);
		const html = await res.text();
		expect(html).toContain(`phường đã có ${MAX_QUEUED_PER_WARD} việc chờ trong hàng đợi`);
		expect(html).not.toContain('http-equiv="refresh"');
		release();
		for (let i = 0; i < 3 && waiting.length < MAX_QUEUED_PER_WARD; i++) {
			await new Promise((r) => setTimeout(r, 10));
		}
		waiting.forEach((r) => r());
	});
});
