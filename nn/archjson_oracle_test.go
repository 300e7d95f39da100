package nn

import "encoding/json"

// encoding/json is the tests' oracle for reading and writing an Arch
// (ParseArch and Arch.JSON do both by hand, so that the browser app links
// no encoding/json). These methods give it the [C, H, W] form of a shape;
// they exist only in the tests.

func (s Shape) MarshalJSON() ([]byte, error) { return json.Marshal([3]int{s.C, s.H, s.W}) }

func (s *Shape) UnmarshalJSON(b []byte) error {
	var v [3]int
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Shape{v[0], v[1], v[2]}
	return nil
}
