// Package webtest holds the browser tests of dyad's web pages: they analyze
// the embedded sample news into a real SQLite store, serve it with the real
// server, and drive a real headless Chromium through the DevTools protocol
// (github.com/chromedp/chromedp) to check what a person sees: the network's
// nodes and edges, the timeline's bars, the annotated article whose event
// triggers reveal their evidence, the search forms and the links.
//
// The tests look for a Chromium binary (chromium, chromium-browser,
// google-chrome, or the path in DYAD_CHROMIUM) and skip with a message when
// there is none; CI installs Debian's chromium package so that they run.
// Each page's screenshot is saved in the test's artifact directory (kept
// with `go test -artifacts`); `go test ./internal/server/webtest
// -update-screenshots` also copies the main ones to docs/screenshots for the
// README.
package webtest
