// The devtools page lives as long as DevTools is open for a tab; its only job is to add the panel.
// chrome.devtools is called directly: webextension-polyfill leaves browser.devtools undefined in
// Chrome 148+ devtools pages (webextension-polyfill issue 721).
chrome.devtools.panels.create('Memory', '', 'extension/panel/panel.html');
