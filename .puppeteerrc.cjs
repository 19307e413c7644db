// Puppeteer must never download its own Chrome: the machine has no internet
// beyond the registries, so we drive a system Chromium (see src/render/browser.ts).
module.exports = { skipDownload: true };
