import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, chromiumArgs } from './scripts/chromium';

const port = Number(process.env.E2E_PORT || 4173);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs() }
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'node scripts/serve.js',
		url: `http://127.0.0.1:${port}/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: path.join(dir, 'e2e.sqlite'),
			UPLOAD_DIR: path.join(dir, 'uploads'),
			TILE_URL: 'none',
			TRUSO_SAMPLE: '1'
		}
	}
});
