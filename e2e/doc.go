// Package e2e holds the browser tests of the app: they build the wasm app
// and the real server, open the page in headless Chromium (Debian's
// chromium, driven with chromedp) and check what the page shows against
// what the native engine computes. Screenshots go to build/e2e/.
package e2e
