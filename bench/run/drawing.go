package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Drawing is how the draw pad keeps up with a pen on a slow processor: a
// stroke drawn for strokeMs with the processor slowed drawThrottle times
// (a phone's, roughly), the median of drawRuns strokes.
type Drawing struct {
	// FramesPerSecond is how many animation frames the page had a second
	// while the pen moved (requestAnimationFrame's callbacks): a frame is
	// when the browser may paint, and between them the ink stands still.
	FramesPerSecond float64 `json:"framesPerSecond"`
	// LongestGapMs is the longest time between two frames.
	LongestGapMs float64 `json:"longestGapMs"`
	// Shown is how often the denoised digit was shown anew while the pen
	// moved.
	Shown float64 `json:"shown"`
}

// drawRuns, strokeMs and drawThrottle are how measureDrawing draws.
const (
	drawRuns     = 3
	strokeMs     = 3000
	drawThrottle = 4
)

// drawStroke draws a figure eight on the canvas for strokeMs (%d), as a
// pen gives its moves, one every 8 ms while the page lets the timer run,
// and resolves to the times of the page's animation frames and how often
// the denoised digit's picture changed meanwhile.
const drawStroke = `new Promise(done => {
	const c = document.getElementById("draw-canvas"), r = c.getBoundingClientRect(), w = r.width, D = %d;
	const ev = (type, [x, y]) => c.dispatchEvent(new PointerEvent(type, {bubbles: true, pointerId: 1, isPrimary: true, pointerType: "pen", buttons: 1, clientX: r.left + x, clientY: r.top + y}));
	const at = t => [w / 2 + 0.25 * w * Math.sin(2 * Math.PI * t), w / 2 + 0.35 * w * Math.sin(4 * Math.PI * t)];
	let shown = 0, moving = true;
	new MutationObserver(list => { if (moving) shown += list.filter(m => m.target.id === "dae-output").length; })
		.observe(document.body, {subtree: true, attributes: true, attributeFilter: ["src"]});
	const frames = [], t0 = performance.now();
	const frame = now => { frames.push(now - t0); if (moving) requestAnimationFrame(frame); };
	requestAnimationFrame(frame);
	ev("pointerdown", at(0));
	const pen = setInterval(() => {
		const t = (performance.now() - t0) / D;
		if (t < 1) { ev("pointermove", at(t)); return; }
		clearInterval(pen);
		moving = false;
		ev("pointerup", at(1));
		done({frames, shown});
	}, 8);
})`

// measureDrawing opens the app at url in a tab of the browser of ctx, on
// its draw tab, and draws drawRuns strokes on it, the processor slowed
// drawThrottle times, each on a cleared canvas.
func measureDrawing(ctx context.Context, url string) (Drawing, error) {
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	err := chromedp.Run(tab, page.BringToFront(), chromedp.Navigate(url), chromedp.WaitVisible("#dae-output", chromedp.ByQuery),
		chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
	if err != nil {
		return Drawing{}, fmt.Errorf("the draw tab at %s: %w", url, err)
	}
	// The strong model, which drawings use, loaded (an app before it has
	// none: its body never says).
	strong := chromedp.Poll(`document.body.dataset.strong === "loaded"`, nil, chromedp.WithPollingTimeout(20*time.Second))
	if err := chromedp.Run(tab, strong); err != nil {
		var said bool
		if chromedp.Run(tab, chromedp.Evaluate(`"strong" in document.body.dataset`, &said)) != nil || said {
			return Drawing{}, fmt.Errorf("the strong model at %s: %w", url, err)
		}
	}
	var fps, gaps, shown []float64
	for range drawRuns {
		var r struct {
			Frames []float64
			Shown  int
		}
		err := chromedp.Run(tab, chromedp.Click("#clear", chromedp.ByQuery), chromedp.Sleep(500*time.Millisecond),
			emulation.SetCPUThrottlingRate(drawThrottle),
			chromedp.Evaluate(fmt.Sprintf(drawStroke, strokeMs), &r, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
			emulation.SetCPUThrottlingRate(1), chromedp.Sleep(time.Second))
		if err != nil {
			return Drawing{}, fmt.Errorf("drawing at %s: %w", url, err)
		}
		if len(r.Frames) < 2 {
			return Drawing{}, fmt.Errorf("drawing at %s: %d frames painted in %d ms", url, len(r.Frames), strokeMs)
		}
		longest := 0.0
		for i := 1; i < len(r.Frames); i++ {
			longest = max(longest, r.Frames[i]-r.Frames[i-1])
		}
		fps = append(fps, float64(len(r.Frames)-1)/(r.Frames[len(r.Frames)-1]-r.Frames[0])*1000)
		gaps = append(gaps, longest)
		shown = append(shown, float64(r.Shown))
	}
	return Drawing{FramesPerSecond: median(fps), LongestGapMs: median(gaps), Shown: median(shown)}, nil
}

// writeDrawing adds what measureDrawing found to the Markdown, beside the
// baseline's (nil when there is none).
func writeDrawing(b *strings.Builder, d Drawing, commit string, base *Drawing) {
	fmt.Fprintf(b, "Drawing with the processor slowed %d times (a %d s figure-eight stroke, median of %d): the page had **%.0f animation frames a second** (the longest gap %.0f ms) and showed the denoised digit anew %.0f times",
		drawThrottle, strokeMs/1000, drawRuns, d.FramesPerSecond, d.LongestGapMs, d.Shown)
	if base != nil {
		fmt.Fprintf(b, "; the app of %.7s %.0f frames a second (longest gap %.0f ms), %.0f times: %.2f× the frames", commit, base.FramesPerSecond, base.LongestGapMs, base.Shown, d.FramesPerSecond/base.FramesPerSecond)
	}
	b.WriteString(".\n\n")
}
