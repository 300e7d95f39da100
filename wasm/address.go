//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// followAddress shows what the page's address says after its '#'
// (webapp.Link), or says why it cannot. main calls it before the first
// view; the browser calls it again when the person edits that part of the
// address (hashchange), on a goroutine of its own.
func (a *App) followAddress() {
	l, err := webapp.ParseLink(js.Global().Get("location").Get("hash").String())
	if err != nil {
		a.store.BadLink(err)
		return
	}
	a.addressMu.Lock()
	a.address.Read(l)
	a.addressMu.Unlock()
	if st := a.store.State(); st.Link() == l && !st.AddressToMend() {
		return // shown already: of a burst of edits, those after the first that ends on it cost nothing
	}
	a.store.FollowLink(l)
}

// watchAddress follows the address whenever the person changes its part
// after the '#'.
func (a *App) watchAddress() {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		go a.followAddress() // the store's actions run the models: not in the event's callback
		return nil
	}))
}

// updateAddress writes what the page shows into its address, after its
// '#', when webapp.Address says to: a reload then shows the same, and the
// address can be shared. A new tab adds an entry to the history, which
// Back returns from (the browser then says hashchange: followAddress);
// every other change replaces the entry.
func (a *App) updateAddress(st webapp.State) {
	a.addressMu.Lock()
	fragment, write, entry := a.address.Write(st)
	a.addressMu.Unlock()
	if !write {
		return
	}
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String() + loc.Get("search").String()
	if fragment != "" {
		url += "#" + fragment
	}
	how := "replaceState"
	if entry {
		how = "pushState"
	}
	js.Global().Get("history").Call(how, js.Null(), "", url)
}
