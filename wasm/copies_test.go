//go:build !(js && wasm)

package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every component has a Copy (copies.go): without one, vecty's copy of it
// after each render holds the one before, and the page keeps every render.
// The app's own files are read as source, as they build only for the
// browser.
func TestEveryComponentHasCopy(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	components, copies := map[string]bool{}, map[string]bool{}
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, field := range st.Fields.List {
						if sel, ok := field.Type.(*ast.SelectorExpr); ok && len(field.Names) == 0 && sel.Sel.Name == "Core" {
							if x, ok := sel.X.(*ast.Ident); ok && x.Name == "vecty" {
								components[ts.Name.Name] = true
							}
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil && d.Name.Name == "Copy" && len(d.Recv.List) == 1 {
					if star, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok {
						if id, ok := star.X.(*ast.Ident); ok {
							copies[id.Name] = true
						}
					}
				}
			}
		}
	}
	require.NotEmpty(t, components, "the app's components are found")
	for c := range components {
		assert.True(t, copies[c], "%s embeds vecty.Core and has no Copy (add it to copies.go)", c)
	}
}
