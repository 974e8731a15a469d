/**
 * Serves the production build (build/handler.js) over HTTP.
 *
 * A ward office usually runs Trụ sở on its own PC or LAN, reached as http://localhost:3000 or
 * http://<pc-address>:3000, so the request origin is taken from the Host header with the
 * http scheme. Behind a TLS proxy set TRUST_PROXY=1 so X-Forwarded-Proto (https) and
 * X-Forwarded-For are honoured; cookies then get the Secure flag.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markInUse } from './lib/builds-in-use.js';
import { requestQueue } from './lib/request-queue.js';

const trustProxy = process.env.TRUST_PROXY === '1';
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
if (trustProxy) process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
process.env.BODY_SIZE_LIMIT ??= '80M';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';

const buildDir = process.env.TRUSO_BUILD_DIR || 'build';
// The build folder the `build` link names now: this server keeps using it even when a newer
// build is switched to, and marks it in use so that build-if-needed does not remove it.
const real = fs.realpathSync(fileURLToPath(new URL(`../${buildDir}`, import.meta.url)));
const inUse = markInUse(real, process.pid);
const { handler } = await import(pathToFileURL(path.join(real, 'handler.js')).href);

// One request per turn of the event loop, at most REQUEST_QUEUE_LIMIT waiting (then 503).
const enqueue = requestQueue(
	(req, res) => {
		if (!trustProxy || !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	},
	{ limit: Number(process.env.REQUEST_QUEUE_LIMIT || 400) }
);
const server = http.createServer(enqueue);
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
	console.log(`[truso] listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

process.on('exit', () => inUse.release());
function shutdown() {
	server.close(() => process.exit(0));
	setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
