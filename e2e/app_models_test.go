package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/webapp"
)

// TestApp's subtests of the models: the denoiser chosen, and weights of one's own.

// chooseDenoiser is TestApp's "choose the denoiser".
func (a *app) chooseDenoiser(t *testing.T) {
	m := a.m
	samples := a.samples
	// The gallery shows the seed's model; a click shows the strong
	// model's output instead, and the drawing tab keeps its own choice.
	p := a.open(t)
	noisy, _ := webapp.DefaultNoise().Apply(samples[0].Pixels)
	before := p.src("#dae-output")
	p.run(chromedp.Click("#denoiser-strong", chromedp.ByQuery))
	p.changed("#dae-output", before)
	p.checkResult("the strong model on sample 0", m, webapp.Strong, noisy, samples[0].Pixels)
	before = p.src("#dae-output")
	p.run(chromedp.Click("#denoiser-seed", chromedp.ByQuery))
	p.changed("#dae-output", before)
	p.checkResult("the seed's model again", m, webapp.Seed, noisy, samples[0].Pixels)
	// Each button is described as what its denoiser is, the one not
	// chosen too (its line under the buttons shows only when chosen).
	for _, d := range []webapp.Denoiser{webapp.Seed, webapp.Strong} {
		var about string
		p.run(chromedp.Evaluate(`document.getElementById(document.getElementById("denoiser-`+string(d)+`").getAttribute("aria-describedby"))?.textContent ?? ""`, &about))
		assert.Equal(t, d.About(), about, "the %s button's description", d)
	}
	p.b.screenshot(t, "denoiser")
}

// ownWeights is TestApp's "own weights".
func (a *app) ownWeights(t *testing.T) {
	p := a.open(t)
	bad := filepath.Join(t.TempDir(), "broken.safetensors")
	require.NoError(t, os.WriteFile(bad, []byte("\x10\x00\x00\x00\x00\x00\x00\x00{not json at all}"), 0o644))
	// The message's paragraph is always there (empty until a refusal),
	// so wait for its text, not for it to show.
	p.run(chromedp.SetUploadFiles("#weights-file", []string{bad}, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("weights-message").textContent !== ""`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	assert.Contains(t, p.text("#weights-message"), "broken.safetensors: these weights cannot be used")
	assert.Contains(t, p.text("#weights-in-use"), "bundled")
	var named int
	p.run(chromedp.Evaluate(`document.getElementById("weights-file").files.length`, &named))
	assert.Zero(t, named, "the picker names no file the page does not use")
	// The page's own weights, offered to try, are a file it takes.
	var size int
	p.run(chromedp.Evaluate(`fetch(document.querySelector("#weights-where a[download]").href).then(r => r.arrayBuffer()).then(b => b.byteLength)`, &size, awaitPromise))
	bundledDAE, err := os.ReadFile(filepath.Join(root, "weights", "dae.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, len(bundledDAE), size, "the link gives the bundled weights")
	// Said beside the control, in view where the file was given.
	var gap float64
	p.run(chromedp.Evaluate(`document.getElementById("weights-message").getBoundingClientRect().top - document.getElementById("weights-file").getBoundingClientRect().bottom`, &gap))
	assert.True(t, gap >= 0 && gap < 100, "the refusal %.0f px below the weights' control", gap)
	// The module such weights are saved from, and how, on the page (it
	// named one in the README): its architecture, as the file must carry it.
	var recipe string
	p.run(chromedp.Evaluate(`document.querySelector("#weights-pytorch code").textContent`, &recipe)) // folded: no innerText
	assert.Contains(t, recipe, nn.DefaultArch().PyTorch("AE"))
	_, arch, _ := strings.Cut(recipe, `ARCH = """`)
	arch, _, _ = strings.Cut(arch, `"""`)
	got, err := nn.ParseArch([]byte(arch))
	require.NoError(t, err, "ARCH:\n%s", arch)
	assert.Equal(t, nn.DefaultArch(), got)
	assert.Contains(t, recipe, "save_file(model.float().state_dict(), \"mine.safetensors\", metadata={\"arch\": ARCH})")

	// Copied with a click, or, where the browser will not let the page
	// write the clipboard, selected for the person to copy.
	p.run(chromedp.Evaluate(`document.getElementById("weights-pytorch").open = true`, nil),
		cdpbrowser.SetPermission(&cdpbrowser.PermissionDescriptor{Name: "clipboard-read"}, cdpbrowser.PermissionSettingGranted), // for the test to read it back
		chromedp.Click("#copy-recipe", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("copy-said").textContent !== ""`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Equal(t, "Copied.", p.text("#copy-said"))
	var copied string
	p.run(chromedp.Evaluate(`navigator.clipboard.readText()`, &copied, awaitPromise))
	assert.Equal(t, recipe, copied)
	// Copied again: said again (the words go, then come back).
	var said []string
	p.run(chromedp.Evaluate(`new Promise(done => {
		const el = document.getElementById("copy-said"), seen = [];
		new MutationObserver(() => { seen.push(el.textContent); if (el.textContent) done(seen) }).observe(el, {childList: true, characterData: true, subtree: true});
		document.getElementById("copy-recipe").click();
	})`, &said, awaitPromise))
	assert.Equal(t, []string{"", "Copied."}, said)
	p.run(chromedp.Evaluate(`navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"))`, nil),
		chromedp.Click("#copy-recipe", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("copy-said").textContent.includes("selected")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	var above bool
	p.run(chromedp.Evaluate(`document.getElementById("copy-recipe").getBoundingClientRect().bottom <= document.querySelector("#weights-pytorch pre").getBoundingClientRect().top`, &above))
	assert.True(t, above, "the button above the code, in sight as the section opens")
	var region []string
	p.run(chromedp.Evaluate(`["tabindex", "role", "aria-label"].map(a => document.querySelector("#weights-pytorch pre").getAttribute(a))`, &region))
	assert.Equal(t, []string{"0", "region", "The PyTorch code"}, region, "its lines scroll within it on a phone: the keys reach it, and it has a name")
	var selected string
	p.run(chromedp.Evaluate(`getSelection().toString()`, &selected))
	assert.Equal(t, strings.TrimSpace(recipe), strings.TrimSpace(selected), "all of it")
	p.run(chromedp.Evaluate(`getSelection().removeAllRanges(); document.getElementById("weights-pytorch").open = false`, nil))

	golden, err := filepath.Abs(filepath.Join(root, "nn", "testdata", "golden.safetensors"))
	require.NoError(t, err)
	before := p.src("#dae-output")
	p.run(chromedp.SetUploadFiles("#weights-file", []string{golden}, chromedp.ByQuery))
	p.changed("#dae-output", before)
	assert.Equal(t, "golden.safetensors", p.text("#weights-in-use"))
	assert.Equal(t, "Weights of the seed's model: golden.safetensors. Back to the bundled weights", p.spoken("#weights-line"), "read out with a pause between the name and the button")
	assert.Contains(t, p.text("#denoiser-about"), "Your weights (golden.safetensors)", "the picker's line says whose weights denoise")
	var described string
	p.run(chromedp.Evaluate(`document.getElementById("denoiser-seed-about").textContent`, &described))
	assert.Equal(t, p.text("#denoiser-about"), described, "and so does the button's description")
	assert.Contains(t, p.text("#dae-output + figcaption"), "Denoised by your weights (golden.safetensors)")
	assert.Empty(t, p.text("#weights-message"), "the refusal goes once a file is taken")
	var live string
	p.run(chromedp.Evaluate(`document.getElementById("weights-in-use").closest("[aria-live]")?.getAttribute("aria-live") ?? ""`, &live))
	assert.Equal(t, "polite", live, "a file taken is read out, as a refused one is")

	// And back to the weights the page came with.
	before = p.src("#dae-output")
	p.run(chromedp.Click("#weights-bundled", chromedp.ByQuery))
	p.changed("#dae-output", before)
	assert.Equal(t, webapp.BundledWeights, p.text("#weights-in-use"))
	var focused string
	p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	assert.Equal(t, "weights-file", focused, "the button gone, the focus is on the picker, not lost")
	var files int
	p.run(chromedp.Evaluate(`document.getElementById("weights-file").files.length`, &files))
	assert.Zero(t, files, "the picker names no file beside the bundled weights")
	assert.True(t, strings.HasPrefix(p.text("#dae-output + figcaption"), "Denoised by the seed's model"), p.text("#dae-output + figcaption"))
}
