package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"github.com/godae/dae/webapp"
)

// app is what TestApp's subtests share: the server, one browser, the
// models the page's numbers are checked against, and the samples.
type app struct {
	url     string
	b       *browser
	m       *webapp.Models
	samples []webapp.Sample
}

// TestApp drives the page through what a person does with it, a subtest
// a use (app_*_test.go), each on the page loaded afresh (app.open).
func TestApp(t *testing.T) {
	a := &app{url: startServer(t), b: newBrowser(t), m: nativeModels(t), samples: webapp.Samples()}
	t.Run("gallery with noise", a.galleryWithNoise)
	t.Run("the page's memory does not grow with use", a.memoryDoesNotGrow)
	t.Run("noise controls", a.noiseControls)
	t.Run("upload a noisy digit", a.uploadNoisyDigit)
	t.Run("an upload is prepared on the page where no worker can", a.preparedWithoutWorker)
	t.Run("choose the digit on a picture of two", a.chooseOneOfTwo)
	t.Run("a small digit in a large photo", a.smallDigitInPhoto)
	t.Run("upload WebP, CMYK JPEG, a large PNG, a transparent one and an animated GIF", a.uploadFormats)
	t.Run("uploads of printed and handwritten digits are read right, a letter is said to be none, a cut digit to run into the edge", a.uploadsReadRight)
	t.Run("a file dropped anywhere on the page is an upload", a.dropAnywhere)
	t.Run("upload a file that is not an image", a.uploadNotImage)
	t.Run("a picture with no digit found stays, to box the digit on", a.noDigitStays)
	t.Run("back returns to the tab before", a.backReturns)
	t.Run("upload an image over the pixel limit", a.uploadOverLimit)
	t.Run("draw", a.draw)
	t.Run("a browser that keeps no site data", a.noSiteData)
	t.Run("undo a stroke", a.undoStroke)
	t.Run("the first view comes before the strong model", a.firstViewBeforeStrong)
	t.Run("the plot", a.plot)
	t.Run("light and dark", a.lightAndDark)
	t.Run("walk the code space", a.walk)
	t.Run("choose the denoiser", a.chooseDenoiser)
	t.Run("the address says what is shown", a.addressSaysWhatIsShown)
	t.Run("own weights", a.ownWeights)

	assert.Empty(t, a.b.consoleErrors(), "no console errors")
}

// open loads the page afresh for a subtest, so that every subtest
// starts from the page's first state (the gallery, sample 0, the
// default noise, the bundled weights), whatever ran before it.
func (a *app) open(t *testing.T) *page {
	p := &page{t: t, b: a.b}
	// A drawing kept by an earlier subtest's page (sessionStorage
	// lasts as long as the browser's tab) is not this one's.
	p.js(`try { sessionStorage.clear() } catch (e) {}`)
	start := time.Now()
	p.run(chromedp.Navigate(a.url), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	t.Logf("first denoised image %.0f ms after navigation started", float64(time.Since(start).Milliseconds()))
	// The strong model comes after the first view; the subtests use it.
	p.run(chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#denoiser-about", chromedp.ByQuery))
	return p
}

// upload opens the page on the upload tab.
func (a *app) upload(t *testing.T) *page {
	p := a.open(t)
	p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#upload", chromedp.ByQuery))
	return p
}
