// Package nn is a small pure-Go inference engine for convolutional
// autoencoders over single-channel images, such as the MNIST denoising
// autoencoder this project ships, and for encoders alone, such as its
// digit reader (an MNIST classifier).
//
// Tensors are float32 in NCHW order: an image of C channels, H rows and W
// columns is a flat slice where element (c, y, x) is at index (c*H+y)*W+x, and
// a batch of N images is N such slices back to back.
//
// A model is built from an [Arch] (a declarative list of layers, stored with
// the weights) and its parameters. The layers are the ones these models
// need and nothing more: 3×3 convolutions with stride 1, 'same' or 'valid'
// padding, bias and a fused activation; 2×2 max pooling with stride 2 and
// Keras 'same' semantics (odd sizes round up, 7→4); nearest-neighbour ×2
// upsampling; flattening; dense layers with bias and a fused activation,
// softmax among them.
//
// The package uses no cgo, no unsafe, no assembly and no SIMD, so it builds
// for GOOS=js GOARCH=wasm as well as natively.
//
// # Concurrency
//
// A [Model] is immutable after [New] and may be shared by any number of
// goroutines. All scratch memory lives in a [Workspace]; a Workspace must be
// used by one goroutine at a time, so give each goroutine its own
// ([Model.NewWorkspace] is cheap). A Workspace holds all the memory its
// Encode, Decode and Denoise methods need, for any batch size: they
// allocate nothing. Trace and ProfileLayers, for tests and profiling, do.
package nn
