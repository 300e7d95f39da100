module github.com/godae/dae

go 1.26

require (
	github.com/google/renameio/v2 v2.0.2
	github.com/nlpodyssey/safetensors v0.0.0-20250209183917-bfb01cc25f7c
	github.com/stretchr/testify v1.12.1
	github.com/sugarme/gotch v0.7.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
