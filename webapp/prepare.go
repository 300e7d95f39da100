package webapp

import (
	"image"

	"github.com/godae/dae/digitprep"
)

// Preparer prepares the pictures of uploads as digitprep does. Preparing
// a picture of digitprep.WorkSize takes long enough to hold up the page
// (README, Robustness), so the page has one that prepares them in a worker
// (PrepareWith, and the worker's side in prepwire.go); the store calls it
// outside its lock, in FinishUpload, ChoosePartIn and FinishZoom, which the
// page calls on goroutines of their own, never on an event's (which may
// not wait for a worker).
type Preparer interface {
	// Prepare is digitprep.Prepare: the model input of a whole picture.
	Prepare(img image.Image) ([]float32, digitprep.Info, error)
	// Refine is digitprep.Refine: the input prepared again from a small
	// digit's part of the file, decoded at a finer scale.
	Refine(part image.Image, coarse digitprep.Info, left, top, right, bottom float64) ([]float32, digitprep.Info, bool)
}

// Here is the Preparer that prepares on the goroutine that asks: digitprep
// itself. A store prepares so until given another (PrepareWith).
type Here struct{}

// Prepare calls digitprep.Prepare.
func (Here) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	return digitprep.Prepare(img)
}

// Refine calls digitprep.Refine.
func (Here) Refine(part image.Image, coarse digitprep.Info, left, top, right, bottom float64) ([]float32, digitprep.Info, bool) {
	return digitprep.Refine(part, coarse, left, top, right, bottom)
}

// PrepareWith has the store prepare uploads and finer looks at them with p.
func (s *Store) PrepareWith(p Preparer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prep = p
}

// preparer is the store's Preparer.
func (s *Store) preparer() Preparer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prep == nil {
		return Here{}
	}
	return s.prep
}
