package webapp_test

import (
	"fmt"

	"github.com/godae/dae/webapp"
)

// An address's fragment read, changed and written back: only what differs
// from the page's first view is written.
func ExampleParseLink() {
	l, err := webapp.ParseLink("#sample=8&noise=occlusion&amount=0.4")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Sample, l.Noise.Kind, l.Noise.Amount, l.Denoisers.Gallery)
	l.Denoisers.Gallery = webapp.Strong
	fmt.Println(l.Fragment())

	_, err = webapp.ParseLink("#sample=31")
	fmt.Println(err)
	// Output:
	// 7 occlusion 0.4 seed
	// sample=8&noise=occlusion&amount=0.4&gallery-model=strong
	// sample="31" is not a digit of the gallery (1 to 30)
}
