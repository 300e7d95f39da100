// Package e2e holds the browser tests of the app: they build the wasm app
// and the real server, open the page in headless Chromium (Debian's
// chromium, driven with chromedp) and check what the page shows against
// what the native engine computes. Screenshots go to build/e2e/.
//
// Most tests run one after the other, as they measure the page's work (its
// longest tasks, its memory) or share one browser. Those whose browser is
// their own and mostly waits, on a throttled or failing network or a
// server of their own (the download, network failures, offline, the
// static site, broken weights), call t.Parallel: they run two at a time
// once the others are done, the waits of one beside the work of another.
package e2e
