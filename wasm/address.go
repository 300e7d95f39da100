//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// followAddress shows what the page's address says after its '#'
// (webapp.Link), or says why it cannot. main calls it before the first
// view; the browser calls it again when the person edits that part of the
// address (hashchange).
func (a *App) followAddress() {
	l, err := webapp.ParseLink(js.Global().Get("location").Get("hash").String())
	if err != nil {
		a.store.BadLink(err)
		return
	}
	a.linkMu.Lock()
	a.link = l
	a.linkMu.Unlock()
	a.store.FollowLink(l)
}

// watchAddress follows the address whenever the person changes its part
// after the '#'.
func (a *App) watchAddress() {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		go a.followAddress() // the store's actions may run the models: not in the event's callback
		return nil
	}))
}

// updateAddress writes what the page shows into its address, after its
// '#', when that changed: a reload then shows the same, and the address
// can be shared. It replaces the history entry rather than adding one, so
// that Back still leaves the page. An address the page could not follow
// stays until the person changes what is shown, so that they can mend it.
func (a *App) updateAddress(st webapp.State) {
	l := st.Link()
	a.linkMu.Lock()
	changed := l != a.link
	a.link = l
	a.linkMu.Unlock()
	if !changed {
		return
	}
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String() + loc.Get("search").String()
	if f := l.Fragment(); f != "" {
		url += "#" + f
	}
	js.Global().Get("history").Call("replaceState", js.Null(), "", url)
}
