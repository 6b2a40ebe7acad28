// `npm run test:e2e` prelude: make sure a Chromium is there, or say what to install.
import { CHROMIUM_HELP, findChromium } from './chromium.mjs';

const path = await findChromium();
if (!path) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
console.log(`podwire: e2e tests use ${path}`);
