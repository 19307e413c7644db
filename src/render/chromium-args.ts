/**
 * Chromium's command line. The process is started here rather than by
 * Puppeteer's launch() so that it can start before Puppeteer has loaded
 * (chromium-process.ts); the line is the one launch() would give it, which
 * test/render/chromium-args.test.ts checks against puppeteer.defaultArgs()
 * of the installed version, so a Puppeteer upgrade that changes it fails
 * there instead of changing the PDF unseen.
 */
import { join } from 'node:path';

/**
 * The browser window's omnibox preloads its suggestion popups, two WebUI pages (omnibox-popup.top-chrome
 * and its omnibox_popup_aim.html) in a renderer of their own, even headless: 0.6-0.8 s of CPU at every
 * launch (a trace of Chromium 156), which on two cores competes with the bulletin's page. The tests'
 * own browsers turn them off too (test/helpers/chromium.ts).
 */
export const NO_BROWSER_UI_PAGES: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const DISABLED_FEATURES = [
  'NetworkTimeServiceQuerying',
  'Translate',
  'OptimizationHints',
  'MediaRouter',
  'DialMediaRouteProvider',
  'CertificateTransparencyComponentUpdater',
  'AutofillServerCommunication',
  'InterestFeedContentSuggestions',
  ...NO_BROWSER_UI_PAGES,
];

/**
 * A build makes no network request of any kind: the data, fonts and images
 * are all in the page, loaded from a file. These turn off what Chromium
 * would otherwise fetch in the background (measured with a trapping proxy,
 * test/render/no-network.test.ts: clients2.google.com for the time,
 * update.googleapis.com for components, accounts.google.com for accounts).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--no-pings',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--metrics-recording-only',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-field-trial-config',
  '--disable-quic',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  // Components installed on demand ignore --disable-component-update, and the
  // account list is fetched at start-up whatever the flags: both are pointed at
  // port 1, which Chromium refuses to connect to (ERR_UNSAFE_PORT), so the
  // request fails inside Chromium and nothing leaves the machine.
  '--component-updater=url-source=https://127.0.0.1:1/',
  '--gaia-url=https://127.0.0.1:1/',
  // And no name is ever looked up (the pages use file: and data: URLs only).
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** What puppeteer-core 24.43.1 puts before the caller's flags (its ChromeLauncher.defaultArgs). */
const PUPPETEER_DEFAULTS: readonly string[] = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
];

/** Puppeteer's own disabled features; it moves the caller's --disable-features into the same flag, after these. */
const PUPPETEER_DISABLED_FEATURES = [
  'Translate',
  'AcceptCHFrame',
  'MediaRouter',
  'OptimizationHints',
  'WebUIReloadButton',
  'ProcessPerSiteUpToMainFrameThreshold',
  'IsolateSandboxedIframes',
];

const isFeatureList = (a: string) => a.startsWith('--disable-features=') || a.startsWith('--enable-features=');
/** The features the flags `name` (--disable-features=…) list, in order. */
const featuresIn = (args: readonly string[], name: string) =>
  args.filter((a) => a.startsWith(`${name}=`)).flatMap((a) => a.slice(name.length + 1).split(','));

/** The flags for a headless Chromium whose profile is in `profileDir`, driven over a pipe (fds 3 and 4). */
export function chromiumCommandLine(profileDir: string, extraArgs: readonly string[] = []): string[] {
  const ours = [...CHROMIUM_ARGS, ...extraArgs];
  return [
    ...PUPPETEER_DEFAULTS,
    `--disable-features=${[...PUPPETEER_DISABLED_FEATURES, ...featuresIn(ours, '--disable-features')].join(',')}`,
    `--enable-features=${['PdfOopif', ...featuresIn(ours, '--enable-features')].join(',')}`,
    `--user-data-dir=${profileDir}`,
    '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
    ...ours.filter((a) => !isFeatureList(a)),
    '--remote-debugging-pipe',
  ];
}

/** The profile's folder inside a run folder. */
export const profileIn = (runDir: string): string => join(runDir, 'profile');
