package nn

import "testing"

// FuzzParseArch feeds arbitrary JSON to the architecture parser: it must
// return an error or a valid architecture within the budget (MaxMACs,
// MaxWorkspaceBytes) whose model builds and runs one image, and read it as
// encoding/json does.
func FuzzParseArch(f *testing.F) {
	f.Add([]byte(DefaultArch().JSON()))
	f.Add([]byte(`{"input":[1,4,4],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]}`))
	f.Add([]byte(`{"input":[1,5,5],"encoder":[{"kind":"conv","out":2,"kernel":3,"padding":"valid","activation":"relu"}],"decoder":[{"kind":"upsample"}]}`))
	f.Add([]byte(`{`))
	f.Add([]byte(ClassifierArch().JSON()))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkArchAgainstJSON(t, data)
		a, err := ParseArch(data)
		if err != nil {
			return
		}
		shapes, err := a.Shapes()
		if err != nil {
			t.Fatalf("ParseArch accepted an architecture Shapes rejects: %v", err)
		}
		c := cost(a.layers(), shapes)
		if c.MACs > MaxMACs || c.WorkspaceBytes > MaxWorkspaceBytes {
			t.Fatalf("ParseArch accepted an architecture over the budget: %+v", c)
		}
		m, err := New(a, RandomParams(a, 1))
		if err != nil {
			t.Fatalf("a valid architecture did not build: %v", err)
		}
		in := make([]float32, a.Input.Len())
		if err := runAll(m.NewWorkspace(), make([]float32, outputLen(a)), in); err != nil {
			t.Fatal(err)
		}
	})
}
