// `npm test`: lint, unit and conformance tests (Vitest), then e2e in Chromium (Playwright).
// Ends with one line `tests: N passed, N failed[, N skipped]` summing every runner.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_HELP, findChromium } from './chromium.mjs';

const cache = 'node_modules/.cache/podwire-test';
mkdirSync(cache, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`== ${label} failed (exit ${result.status ?? result.signal})`);
    ok = false;
  }
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const onlyUnit = process.argv.includes('--unit');

// Lint counts as one test: a red lint fails the run and says so in the summary.
if (!run('lint', 'npm', ['run', '--silent', 'lint'])) totals.failed += 1;
else totals.passed += 1;

const vitestOut = `${cache}/vitest.json`;
rmSync(vitestOut, { force: true });
run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestOut}`]);
const vitest = readJson(vitestOut);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  // A file that fails to load fails no single test: count it as a failure too.
  totals.failed +=
    vitest.numFailedTests +
    vitest.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
    ).length;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
} else ok = false;

if (!onlyUnit) {
  const chromium = await findChromium();
  if (!chromium) {
    console.error(CHROMIUM_HELP);
    ok = false;
    totals.failed += 1;
  } else {
    const playwrightOut = `${cache}/playwright.json`;
    rmSync(playwrightOut, { force: true });
    run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PODWIRE_CHROMIUM: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightOut,
    });
    const pw = readJson(playwrightOut);
    if (pw?.stats) {
      totals.passed += pw.stats.expected;
      totals.failed += pw.stats.unexpected + pw.stats.flaky;
      totals.skipped += pw.stats.skipped;
    } else ok = false;
  }
}

if (totals.passed + totals.failed === 0) ok = false;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
