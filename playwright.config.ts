import { defineConfig } from '@playwright/test';

// The e2e suite drives the production build in Chromium. scripts/chromium.mjs finds the
// browser (PODWIRE_CHROMIUM); Playwright's own browser download is not needed.
const executablePath = process.env['PODWIRE_CHROMIUM'] ?? '/usr/bin/chromium';
// Overridable so two checkouts' suites (or a suite and a bench) can run side by side.
const port = Number(process.env['PODWIRE_E2E_PORT'] ?? 4179);
const outDir = process.env['PODWIRE_E2E_OUT_DIR'] ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 240_000,
  },
});
