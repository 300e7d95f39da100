package e2e

import "github.com/chromedp/chromedp"

// lowContrastJS lists the page's shown words whose colour is under WCAG
// 2's contrast bar (1.4.3: 4.5:1, or 3:1 for large words) against what is
// behind them: the first background colour up the tree that is not
// transparent, with the translucent ones above it laid over it. Words
// read out only (.sr-only), those of disabled controls (which WCAG leaves
// out) and those in pictures (the plot's, checked by TestPlotColours) are
// not counted.
const lowContrastJS = `(() => {
  const parse = c => {
    const m = c.match(/rgba?\(([^)]*)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const luminance = c => [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4) })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = layers.length && layers[layers.length - 1].a >= 1 ? layers.pop() : {r: 255, g: 255, b: 255, a: 1};
    for (const l of layers.reverse()) bg = over(l, bg);
    return bg;
  };
  const low = [];
  for (const el of document.body.querySelectorAll("*")) {
    const words = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join("").trim();
    if (!words || !el.getClientRects().length || el.closest(".sr-only, :disabled, noscript, script, style")) continue;
    const st = getComputedStyle(el);
    if (st.visibility === "hidden") continue;
    const text = parse(st.color);
    if (!text) { low.push(el.tagName.toLowerCase() + ": a colour not read, " + st.color); continue; }
    const bg = behind(el), fg = over(text, bg);
    const [a, b] = [luminance(fg), luminance(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), large = size >= 24 || size >= 18.66 && Number(st.fontWeight) >= 700;
    if (ratio < (large ? 3 : 4.5)) {
      low.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + JSON.stringify(words.slice(0, 40)) + ": " + ratio.toFixed(2) + ":1, " + st.color + " on rgb(" + [bg.r, bg.g, bg.b].map(Math.round) + ")");
    }
  }
  return low;
})()`

// lowContrast lists the page's words under WCAG's contrast bar (see
// lowContrastJS), each with its colours.
func (p *page) lowContrast() []string {
	p.t.Helper()
	var low []string
	p.run(chromedp.Evaluate(lowContrastJS, &low))
	return low
}
