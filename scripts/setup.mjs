#!/usr/bin/env node
// Everything the README's two commands need on a fresh machine (Node 20,
// npm, Debian, root): dependencies from the lockfile, the compiled CLI, a
// Chromium when none is found, and (with --for-tests) poppler's PDF tools, qpdf,
// LibreOffice and CJK fonts (the Word edition's rendering test).
// Safe to run again: each step is skipped when already done.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIfChanged } from './compile.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--for-tests');
const say = (msg) => process.stderr.write(`[setup] ${msg}\n`);
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (mtime(installed) >= mtime(join(root, 'package-lock.json'))) return;
  say('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], { PUPPETEER_SKIP_DOWNLOAD: '1' });
}

let aptUpdated = false;
function aptInstall(packages) {
  const canApt = process.platform === 'linux' && has('apt-get') && process.getuid?.() === 0;
  if (!canApt) return false;
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('apt-get update');
    run('apt-get', ['update', '-qq'], env);
    aptUpdated = true;
  }
  say(`apt-get install ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], env);
  return true;
}

async function ensureBrowser() {
  const { findBrowser, INSTALL_HINT } = await import(join(root, 'dist', 'render', 'find-browser.js'));
  const { browserChoices } = await import(join(root, 'dist', 'config', 'resolve-options.js'));
  const { DEFAULT_CONFIG } = await import(join(root, 'dist', 'config', 'config.js'));
  // As the CLI chooses: BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, then the usual locations.
  const chosen = browserChoices(undefined, process.env, DEFAULT_CONFIG, process.cwd());
  let found = findBrowser(chosen);
  if ('path' in found) return;
  if ('missing' in found && found.missing) {
    say(`${found.missing.source} points to ${found.missing.path}, which does not exist. ${INSTALL_HINT}`);
    process.exit(4);
  }
  say('no Chromium/Chrome found; installing Debian chromium');
  if (!aptInstall(['chromium'])) {
    say(`cannot install a browser automatically here. ${INSTALL_HINT}`);
    process.exit(4);
  }
  found = findBrowser(chosen);
  if (!('path' in found)) {
    say('chromium was installed but not found; set BULLETIN_BROWSER to its path.');
    process.exit(4);
  }
}

// qpdf reads the PDF's structure tree and bookmarks in the tests, independently of the pdf-lib that wrote them.
function ensurePdfTools() {
  const missing = [
    ...(['pdftotext', 'pdffonts', 'pdftoppm', 'pdfinfo'].every(has) ? [] : ['poppler-utils']),
    ...(has('qpdf') ? [] : ['qpdf']),
  ];
  if (missing.length === 0) return;
  if (!aptInstall(missing)) {
    say(`the PDF tests need ${missing.join(' and ')} (pdftotext, pdffonts, pdftoppm, qpdf); please install them.`);
    process.exit(2);
  }
}

// The Word edition's rendering test converts the .docx with LibreOffice; it
// needs system CJK fonts to draw Chinese (the PDF carries its own fonts).
function ensureOfficeTools() {
  const cjk = () => {
    try {
      return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
    } catch {
      return false;
    }
  };
  const missing = [...(has('soffice') ? [] : ['libreoffice-writer-nogui']), ...(cjk() ? [] : ['fonts-noto-cjk'])];
  if (missing.length === 0) return;
  if (!aptInstall(missing)) {
    say(`the Word edition tests need ${missing.join(' and ')} (LibreOffice and CJK fonts); please install them.`);
    process.exit(2);
  }
}

ensureDependencies();
compileIfChanged(say);
await ensureBrowser();
if (forTests) {
  ensurePdfTools();
  ensureOfficeTools();
}
