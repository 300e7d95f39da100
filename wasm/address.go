//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// ownEntry is the state the page gives the history's entries it writes,
// so that Back and Forward to one are told from an address the person
// edited (whose entry has none).
const ownEntry = "godae"

// followAddress shows what the page's address says after its '#'
// (webapp.Link), or what of it it can and says why not the rest, or says
// why it cannot. main calls it before the first view; the browser calls it
// again (hashchange, traversal true) when the person edits that part of
// the address, and on Back and Forward, on a goroutine of its own.
func (a *App) followAddress(traversal bool) {
	l, err := webapp.ParseLink(js.Global().Get("location").Get("hash").String())
	if err != nil && !webapp.Partly(err) {
		a.store.BadLink(err)
		return
	}
	a.addressMu.Lock()
	a.address.Read(l)
	a.addressMu.Unlock()
	if traversal && js.Global().Get("history").Get("state").Equal(js.ValueOf(ownEntry)) {
		// Back or Forward to an entry the page wrote for a tab: that tab.
		// The rest of what the entry says is what was shown when the tab
		// was left, and is not taken back: a digit or noise chosen since
		// stays, and the address is written again to say so (the entry
		// is replaced, as the tab is the one read).
		a.store.SetMode(l.Mode)
		return
	}
	if err != nil {
		// Its right parts, and then what was wrong; left unmarked, as an
		// address not followed at all is, so that Back to it says so again.
		a.store.FollowLink(l)
		a.store.BadLink(err)
		return
	}
	if traversal {
		// An address edited by hand, followed whole once: the page's own
		// from now on, so that Back or Forward to it later changes the tab
		// only, as to the others (it took back what was chosen since).
		markOwnEntry()
	}
	if st := a.store.State(); st.Link() == l && !st.AddressToMend() {
		return // shown already: of a burst of edits, those after the first that ends on it cost nothing
	}
	a.store.FollowLink(l)
}

// watchAddress follows the address whenever the person changes its part
// after the '#', or goes Back or Forward to another, and marks the entry
// the page opened on as its own.
func (a *App) watchAddress() {
	markOwnEntry()
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		go a.followAddress(true) // the store's actions run the models: not in the event's callback
		return nil
	}))
}

// markOwnEntry gives the history's current entry the page's state, its
// address unchanged.
func markOwnEntry() {
	js.Global().Get("history").Call("replaceState", ownEntry, "", js.Global().Get("location").Get("href"))
}

// stepTabs and endSteps say that a key of the tabs is choosing tab m, and
// that the focus left the tabs (webapp.Address.Step).
func (a *App) stepTabs(m webapp.Mode) {
	a.addressMu.Lock()
	a.address.Step(m)
	a.addressMu.Unlock()
}

func (a *App) endSteps() {
	a.addressMu.Lock()
	a.address.EndSteps()
	a.addressMu.Unlock()
}

// updateAddress writes what the page shows into its address, after its
// '#', when webapp.Address says to: a reload then shows the same, and the
// address can be shared. A new tab adds an entry to the history, which
// Back returns from (hashchange: followAddress); every other change
// replaces the entry.
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
	js.Global().Get("history").Call(how, ownEntry, "", url)
}
