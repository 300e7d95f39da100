package webapp

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contrast is WCAG 2's contrast ratio of two colours written #rrggbb.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	luminance := func(c string) float64 {
		require.Regexp(t, `^#[0-9a-fA-F]{6}$`, c)
		var l float64
		for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
			v, err := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
			require.NoError(t, err)
			s := float64(v) / 255
			if s <= 0.04045 {
				s /= 12.92
			} else {
				s = math.Pow((s+0.055)/1.055, 2.4)
			}
			l += weight * s
		}
		return l
	}
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The plot's colours: its curves 3:1 against its background (WCAG 1.4.11),
// its words 4.5:1 (1.4.3), in the light and the dark palette, which are the
// page's card, ink and muted colours of each scheme (web/style.css); and
// the SVG carries the dark palette for a dark page.
func TestPlotColours(t *testing.T) {
	schemes := pageSchemes(t)
	c := &Curves{Curves: []Curve{{Name: CurveInput, PSNR: []float64{10}, Confidence: []float64{0.5}}}, Amounts: []float64{0}}
	svg := c.SVG(WidePlot)
	for scheme, p := range map[string]plotPalette{"light": lightPlot, "dark": darkPlot} {
		page := schemes[scheme]
		assert.Equal(t, page("card"), p.background, "%s: the plot's background is the page's card", scheme)
		assert.Equal(t, page("ink"), p.text, "%s: its words the page's ink", scheme)
		assert.Equal(t, page("muted"), p.muted, "%s: its numbers the page's muted words", scheme)
		assert.GreaterOrEqual(t, contrast(t, p.text, p.background), 4.5, scheme)
		assert.GreaterOrEqual(t, contrast(t, p.muted, p.background), 4.5, scheme)
		for name, st := range curveStyles {
			colour := st.light
			if scheme == "dark" {
				colour = st.dark
				assert.Contains(t, svg, "."+st.class+" { stroke: "+colour+" }", "%s: the dark page's colour", name)
			}
			assert.GreaterOrEqual(t, contrast(t, colour, p.background), 3.0, "%s on the %s plot", name, scheme)
		}
	}
	for rule, colour := range map[string]string{".bg { fill: ": darkPlot.background, "text { fill: ": darkPlot.text, "text.muted { fill: ": darkPlot.muted,
		".grid { stroke: ": darkPlot.grid} {
		assert.Contains(t, svg, rule+colour+" }", "the dark page's %s", rule)
	}
	assert.Contains(t, svg, `<rect class="bg" width="100%" height="100%" fill="`+lightPlot.background+`"/>`)
}

// pageSchemes reads web/style.css's colours: for "light" and "dark", the
// value of each variable (without its --) in that scheme.
func pageSchemes(t *testing.T) map[string]func(name string) string {
	t.Helper()
	css, err := os.ReadFile("../web/style.css")
	require.NoError(t, err)
	dark := strings.Index(string(css), "@media (prefers-color-scheme: dark)")
	require.Positive(t, dark, "style.css has a dark scheme")
	in := func(block string) func(string) string {
		return func(name string) string {
			m := regexp.MustCompile(`--` + name + `: (#[0-9a-f]{6});`).FindStringSubmatch(block)
			require.NotNil(t, m, "--%s", name)
			return m[1]
		}
	}
	return map[string]func(string) string{"light": in(string(css[:dark])), "dark": in(string(css[dark:]))}
}

// The page's marks that are not words stand out 3:1 (WCAG 1.4.11) in both
// schemes: a field's edge on the card and on the paper, and the focus
// ring (the accent) on both; and words on the accent (the tab chosen, the
// upload button) 4.5:1. (Words on the page are checked in the browser, by
// e2e "light and dark".)
func TestPageEdges(t *testing.T) {
	for scheme, page := range pageSchemes(t) {
		for _, back := range []string{"card", "paper"} {
			assert.GreaterOrEqual(t, contrast(t, page("field-edge"), page(back)), 3.0, "%s: a field's edge on the %s", scheme, back)
			assert.GreaterOrEqual(t, contrast(t, page("accent"), page(back)), 3.0, "%s: the focus ring on the %s", scheme, back)
		}
		assert.GreaterOrEqual(t, contrast(t, page("on-accent"), page("accent")), 4.5, "%s: words on the accent", scheme)
	}
}
