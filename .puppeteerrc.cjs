// memlab (a benchmark peer) depends on puppeteer; this project brings its own Chromium, so puppeteer must not download one.
module.exports = { skipDownload: true };
