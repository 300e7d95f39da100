// Package webapp is the browser app's logic, everything of it that needs no
// browser, tested natively: the page's state and the actions that change it
// ([Store]), running an input through the denoisers and the digit reader
// ([Models]), the
// noise the person chose, the gallery, the pictures the page shows, and
// what its address says of them ([Link]).
//
// The split with the wasm/ command: webapp decides what the page shows;
// wasm/ holds the vecty components, which render a [State] and dispatch
// the store's actions, and the code that talks to the browser (fetching,
// decoding images, canvases). No component changes the state itself.
package webapp
