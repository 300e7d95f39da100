//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/webapp"
	"github.com/godae/dae/weights"
)

// WeightsPicker lets the person use their own denoising weights, such as a
// file written by `make train`, in place of the seed's model.
type WeightsPicker struct {
	vecty.Core
	Store   *webapp.Store `vecty:"prop"`
	InUse   string        `vecty:"prop"`
	Refusal string        `vecty:"prop"` // State.WeightsMessage
}

// Render draws the weights in use and a file picker for others.
func (w *WeightsPicker) Render() vecty.ComponentOrHTML {
	return elem.Section(vecty.Markup(vecty.Class("panel", "weights"), vecty.Attribute("aria-labelledby", "weights-title")),
		elem.Heading2(vecty.Markup(prop.ID("weights-title")), vecty.Text("Your own weights")),
		// Read out when it changes: a file taken is said as a refused one is.
		elem.Paragraph(vecty.Markup(prop.ID("weights-line"), vecty.Attribute("aria-live", "polite")),
			vecty.Text("Weights of the seed's model: "), elem.Strong(vecty.Markup(prop.ID("weights-in-use")), vecty.Text(w.InUse)), w.back()),
		elem.Label(vecty.Markup(prop.For("weights-file")), vecty.Text("Weights of your own for the seed's model (.safetensors): the tab you are on switches to the seed's model and denoises with them; the strong model is not changed")),
		elem.Input(vecty.Markup(prop.ID("weights-file"), prop.Type(prop.TypeFile), vecty.Attribute("accept", ".safetensors"),
			vecty.Attribute("aria-describedby", "weights-where weights-limits"),
			event.Change(func(e *vecty.Event) {
				if f, ok := firstFile(e.Target.Get("files")); ok {
					go loadCustomWeights(w.Store, f)
				}
			}),
		)),
		// Always there (with no box while empty), so that a refusal put
		// in it is read out, and seen where the file was given, not at
		// the top of the page.
		elem.Paragraph(vecty.Markup(prop.ID("weights-message"), vecty.Class("error"), vecty.Attribute("role", "status")), vecty.Text(w.Refusal)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("weights-where")),
			vecty.Text("Files that load: an autoencoder written by "), elem.Code(vecty.Text("make train")),
			vecty.Text(", or saved from the PyTorch module below, with its architecture in the file's metadata. To try the picker, download the page's own weights, which load as they are and change nothing you will see: "),
			elem.Anchor(vecty.Markup(prop.Href(bundled[0]), vecty.Attribute("download", "dae.safetensors")), vecty.Text("dae.safetensors")), vecty.Text(".")),
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("weights-limits")), vecty.Text(weightsLimits)),
		elem.Details(vecty.Markup(vecty.Class("more-numbers"), prop.ID("weights-pytorch")),
			elem.Summary(vecty.Text("Weights of your own from PyTorch")),
			// The button above the code, in sight as the section opens: on
			// a phone the code is taller than the screen.
			elem.Button(vecty.Markup(prop.ID("copy-recipe"), vecty.Attribute("type", "button"), vecty.Class("small"),
				event.Click(func(*vecty.Event) { go copyRecipe() })), vecty.Text("Copy the code")),
			elem.Span(vecty.Markup(prop.ID("copy-said"), vecty.Class("hint"), vecty.Style("margin-left", "0.75rem"), vecty.Attribute("role", "status"))),
			// Its lines scroll within it on a phone: the keys scroll it too
			// (as the tables of numbers), and it has a name of its own.
			elem.Preformatted(vecty.Markup(vecty.Attribute("tabindex", "0"), vecty.Attribute("role", "region"), vecty.Attribute("aria-label", "The PyTorch code")),
				elem.Code(vecty.Markup(prop.ID("pytorch-recipe")), vecty.Text(pytorchRecipe)))),
	)
}

// pytorchRecipe is the PyTorch module the seed's model's weights load
// from, and how to save a trained one's for the page, with the
// architecture the page reads in the file's metadata: the page named a
// module in the README, which a visitor of the page does not have.
var pytorchRecipe = "import torch.nn as nn\nfrom safetensors.torch import save_file\n\n" + nn.DefaultArch().PyTorch("AE") +
	"\nmodel = AE()\n# ... trained: noisy digits in (N×1×28×28, 0 to 1), clean ones as the targets ...\n" +
	"ARCH = \"\"\"" + nn.DefaultArch().JSONByLayer() + "\"\"\"\n" +
	"# float32 tensors, named as AE's own (not module.… from DataParallel)\n" +
	"save_file(model.float().state_dict(), \"mine.safetensors\", metadata={\"" + weights.ArchKey + "\": ARCH})\n"

// copyRecipe puts the PyTorch recipe on the clipboard, and says so. Where
// the browser does not let the page write there (an address not https,
// the person's settings), it selects the code for the person to copy, and
// says that.
func copyRecipe() {
	say("copy-said", "") // so that a second copy is said again
	clip := js.Global().Get("navigator").Get("clipboard")
	var err error
	if !clip.Truthy() {
		err = errors.New("the browser has no clipboard for the page")
	} else {
		var p js.Value
		if err = thrown(func() { p = clip.Call("writeText", pytorchRecipe) }); err == nil {
			_, err = await(p)
		}
	}
	// The words on the next frame: where no promise was awaited they came
	// in the same task as their removal, and a screen reader would not
	// hear them again.
	if err == nil {
		onFrame(func() { say("copy-said", "Copied.") })
		return
	}
	js.Global().Get("console").Call("warn", "godae: the code is not copied: "+err.Error())
	if code := js.Global().Get("document").Call("getElementById", "pytorch-recipe"); code.Truthy() {
		js.Global().Call("getSelection").Call("selectAllChildren", code)
	}
	onFrame(func() {
		say("copy-said", "The browser did not let the page copy it: the code is selected, for you to copy.")
	})
}

// weightsLimits states what a weights file may ask of the page, from the
// limits the loader enforces.
var weightsLimits = fmt.Sprintf("Up to %d MiB; a model may have at most %d million parameters and take %d million multiply-adds, %d million values and %d MiB of memory per image (the seed's model has %s parameters and takes %.2f million multiply-adds, %.2f million values and %d KiB; the strong model %s parameters and %.2f million multiply-adds).",
	weights.MaxFileSize>>20, nn.MaxParams/1_000_000, nn.MaxMACs/1_000_000, nn.MaxValues/1_000_000, nn.MaxWorkspaceBytes>>20,
	webapp.Grouped(int(seedCost.Params)), float64(seedCost.MACs)/1e6, float64(seedCost.Values)/1e6, seedCost.WorkspaceBytes>>10,
	webapp.Grouped(int(strongCost.Params)), float64(strongCost.MACs)/1e6)

var (
	seedCost, _   = nn.DefaultArch().Cost()
	strongCost, _ = nn.StrongArch().Cost()
)

// back is a button that gives the seed's model its bundled weights again,
// while it has the person's.
func (w *WeightsPicker) back() vecty.ComponentOrHTML {
	if w.InUse == webapp.BundledWeights {
		return nil
	}
	// A pause before it, for a screen reader reading the line out: it ran
	// the file's name into the button's words.
	return vecty.List{elem.Span(vecty.Markup(vecty.Class("sr-only")), vecty.Text(". ")), elem.Button(vecty.Markup(prop.ID("weights-bundled"), vecty.Attribute("type", "button"), vecty.Class("small"),
		vecty.Style("margin-left", "0.75rem"), event.Click(func(*vecty.Event) {
			w.Store.UseBundledWeights()
			// The picker no longer names the file given (it did, beside
			// "bundled"), and the same file given again is a change.
			picker := js.Global().Get("document").Call("getElementById", "weights-file")
			picker.Set("value", "")
			// The button goes: keep the keyboard's focus in the panel,
			// on the picker, rather than lose it to the page.
			picker.Call("focus")
		})),
		vecty.Text("Back to the bundled weights"))}
}
