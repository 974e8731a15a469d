/**
 * The production server's request queue (scripts/lib/request-queue.js): one request per turn of
 * the event loop in arrival order, so timers and I/O run between requests however many wait;
 * a full queue answers 503 with Retry-After at once; a client that left is not served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestQueue } from '../../scripts/lib/request-queue.js';

interface FakeRes {
	status?: number;
	headers?: Record<string, string>;
	body?: string;
	writableEnded: boolean;
	writeHead(status: number, headers: Record<string, string>): void;
	end(body: string): void;
}

function pair(id: number, destroyed = false) {
	const req = { id, destroyed } as unknown as IncomingMessage & { id: number };
	const res: FakeRes = {
		writableEnded: false,
		writeHead(status, headers) {
			this.status = status;
			this.headers = headers;
		},
		end(body) {
			this.body = body;
			this.writableEnded = true;
		}
	};
	return [req, res as unknown as ServerResponse] as const;
}

const busy = (ms: number) => {
	const end = performance.now() + ms;
	while (performance.now() < end);
};

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('request queue', () => {
	it('serves in arrival order, one per turn: a timer runs between two requests', async () => {
		const log: string[] = [];
		const enqueue = requestQueue((req) => {
			log.push(`req ${(req as IncomingMessage & { id: number }).id}`);
			busy(5);
		});
		for (let i = 1; i <= 5; i++) enqueue(...pair(i));
		setTimeout(() => log.push('timer'), 0);
		await settle();
		const requests = log.filter((e) => e.startsWith('req'));
		expect(requests).toEqual(['req 1', 'req 2', 'req 3', 'req 4', 'req 5']);
		// Handling all five in one turn would put the timer last.
		expect(log.indexOf('timer')).toBeGreaterThan(-1);
		expect(log.indexOf('timer')).toBeLessThan(log.length - 1);
	});

	it('answers 503 with Retry-After when the queue is full, and never serves that request', async () => {
		const served: number[] = [];
		const enqueue = requestQueue(
			(req) => served.push((req as IncomingMessage & { id: number }).id),
			{ limit: 2, retryAfterS: 7 }
		);
		const third = pair(3);
		enqueue(...pair(1));
		enqueue(...pair(2));
		enqueue(...third);
		const res = third[1] as unknown as FakeRes;
		expect(res.status).toBe(503);
		expect(res.headers?.['retry-after']).toBe('7');
		expect(res.body).toMatch(/bận/);
		expect(enqueue.waiting()).toBe(2);
		await settle();
		expect(served).toEqual([1, 2]);
		// Room again once the waiting ones were served.
		enqueue(...pair(4));
		await settle();
		expect(served).toEqual([1, 2, 4]);
	});

	it('skips a request whose client left while it waited', async () => {
		const served: number[] = [];
		const enqueue = requestQueue((req) =>
			served.push((req as IncomingMessage & { id: number }).id)
		);
		enqueue(...pair(1));
		enqueue(...pair(2, true));
		enqueue(...pair(3));
		await settle();
		expect(served).toEqual([1, 3]);
	});
});
