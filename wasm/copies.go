//go:build js && wasm

package main

import "github.com/hexops/vecty"

// After each render vecty keeps a copy of the component, for a
// RenderSkipper to compare with. Without a Copy method that copy is a
// shallow one, vecty.Core and all, and the Core holds the copy kept at the
// render before, which holds the one before that: every render the page
// made stayed reachable, and its memory grew with each change shown (about
// a quarter of a megabyte a render, without bound). Each component's Copy
// is its fields with a Core of its own, which links to nothing.

func (c *App) Copy() vecty.Component            { return unchained(c) }
func (c *DenoiserPicker) Copy() vecty.Component { return unchained(c) }
func (c *DrawPad) Copy() vecty.Component        { return unchained(c) }
func (c *Folded) Copy() vecty.Component         { return unchained(c) }
func (c *Gallery) Copy() vecty.Component        { return unchained(c) }
func (c *InsetView) Copy() vecty.Component      { return unchained(c) }
func (c *NoiseControls) Copy() vecty.Component  { return unchained(c) }
func (c *Plot) Copy() vecty.Component           { return unchained(c) }
func (c *Results) Copy() vecty.Component        { return unchained(c) }
func (c *Tabs) Copy() vecty.Component           { return unchained(c) }
func (c *Upload) Copy() vecty.Component         { return unchained(c) }
func (c *UploadPicture) Copy() vecty.Component  { return unchained(c) }
func (c *WalkView) Copy() vecty.Component       { return unchained(c) }
func (c *WeightsPicker) Copy() vecty.Component  { return unchained(c) }

// unchained is a copy of the component c with a zero vecty.Core.
func unchained[T any, P interface {
	*T
	vecty.Component
}](c P) vecty.Component {
	cp := P(new(T))
	*cp = *c
	*cp.Context() = vecty.Core{}
	return cp
}
