// Finds a Chromium for the e2e tests: Playwright's own if installed, else Debian's
// /usr/bin/chromium, else installs Debian's package when we are root with apt; else explains.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

async function playwrightOwn() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function systemChromium() {
  return SYSTEM_CANDIDATES.find((p) => existsSync(p));
}

function installWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log('podwire: no Chromium found; installing Debian package "chromium" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    return true;
  } catch {
    return false;
  }
}

export async function findChromium({ install = true } = {}) {
  if (process.env.PODWIRE_CHROMIUM && existsSync(process.env.PODWIRE_CHROMIUM))
    return process.env.PODWIRE_CHROMIUM;
  const found = (await playwrightOwn()) ?? systemChromium();
  if (found) return found;
  if (install && installWithApt()) return systemChromium();
  return undefined;
}

export const CHROMIUM_HELP =
  'podwire: the e2e tests need Chromium and none was found.\n' +
  '  On Debian/Ubuntu: sudo apt-get install chromium\n' +
  '  Or set PODWIRE_CHROMIUM=/path/to/chrome';
